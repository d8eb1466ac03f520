import Vapor
import Fluent
import AppCore
import VitaalDomain

/// Who may see and change a plan.
enum PlanAccess {
    /// Published plans (vastgesteld, afgesloten) are public; concept and ingediend plans need a login (lezer).
    static func requireVisible(_ loaded: LoadedPlan, _ req: Request) throws {
        if loaded.isPublished { return }
        guard let user = req.user, user.role >= .lezer else {
            throw VitaalError(.notFound, "Onbekend plan \"\(loaded.key)\".")
        }
    }

    static func mayEdit(_ loaded: LoadedPlan, _ req: Request) -> Bool {
        req.user?.mayWrite(organisationID: loaded.record.$organisation.id) ?? false
    }

    /// Editors of the owning organisation and beheerders; everyone else gets 403 naming the owner.
    @discardableResult
    static func requireEdit(_ loaded: LoadedPlan, _ req: Request) throws -> User {
        let user = try req.requireRole(.redacteur)
        guard user.mayWrite(organisationID: loaded.record.$organisation.id) else {
            throw VitaalError(.forbidden, "U mag alleen gegevens van uw eigen organisatie wijzigen; dit plan is van \(loaded.organisation.name).")
        }
        return user
    }

    /// Is the logged-in user allowed to see evidence text (internal) of realisations?
    static func showsEvidence(_ req: Request) -> Bool { req.user != nil }
}

/// Reading form fields and Dutch numbers.
enum FormInput {
    static func text(_ req: Request, _ name: String) -> String { req.formText(name) }
    static func optionalText(_ req: Request, _ name: String) -> String? { req.optionalFormText(name) }

    /// "3", "3,5", "1.234,5", "-2" → Double; anything else refused naming the field.
    static func number(_ text: String, field: String, label: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { throw VitaalError.invalid("\(label) ontbreekt", at: SourceLocation(field: field)) }
        var s = t
        if s.contains(",") { s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
        guard let v = Double(s), v.isFinite, s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw VitaalError.invalid("\(label): \"\(t)\" is geen getal", at: SourceLocation(field: field))
        }
        return v
    }

    static func integer(_ text: String, field: String, label: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")
        guard let v = Int(t) else {
            throw VitaalError.invalid("\(label): \"\(text)\" is geen geheel getal", at: SourceLocation(field: field))
        }
        return v
    }

    static func date(_ text: String, field: String, label: String) throws -> PlanDate {
        guard !text.isEmpty else { throw VitaalError.invalid("\(label) ontbreekt", at: SourceLocation(field: field)) }
        do { return try PlanDate.parse(text, field: field) } catch {
            throw VitaalError.invalid("\(label): ongeldige datum \"\(text)\" (verwacht jjjj-mm-dd)", at: SourceLocation(field: field))
        }
    }
}
