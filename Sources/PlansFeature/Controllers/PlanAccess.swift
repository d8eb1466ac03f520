import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// Who may see and change a plan.
enum PlanAccess {
    /// What the monitor contributes for a viewer: internal values for logged-in readers, the public
    /// ones (no internal indicators, small counts suppressed) for anonymous visitors.
    static func audience(_ viewer: PageContext.Viewer?) -> MonitorAudience {
        MonitorLookup.audience(loggedIn: viewer != nil)
    }

    /// The plan of the request's `plan` parameter, when the request may see it (see `requireVisible`).
    static func loadVisible(_ req: Request) async throws -> LoadedPlan {
        let key = req.parameters.get("plan") ?? ""
        let loaded = try await PlanStore.load(key: key, audience: audience(req.user?.viewer), on: req.db)
        try requireVisible(loaded, req.user?.viewer)
        return loaded
    }

    /// Published plans (vastgesteld, afgesloten) are public; concept and ingediend plans need a login (lezer).
    static func requireVisible(_ loaded: LoadedPlan, _ viewer: PageContext.Viewer?) throws {
        if loaded.isPublished { return }
        guard let viewer, viewer.role >= .lezer else {
            throw VitaalError(.notFound, "Onbekend plan \"\(loaded.key)\".")
        }
    }

    static func mayEdit(_ loaded: LoadedPlan, _ viewer: PageContext.Viewer?) -> Bool {
        viewer?.mayWrite(organisationID: loaded.record.$organisation.id) ?? false
    }

    /// Editors of the owning organisation and beheerders; everyone else gets 403 naming the owner.
    @discardableResult
    static func requireEdit(_ loaded: LoadedPlan, _ req: Request) throws -> User {
        let user = try req.requireRole(.redacteur)
        guard user.mayWrite(organisationID: loaded.record.$organisation.id) else {
            throw VitaalError(
                .forbidden,
                "U mag alleen gegevens van uw eigen organisatie wijzigen; dit plan is van "
                    + "\(loaded.organisation.name).")
        }
        return user
    }

    /// May the viewer see evidence text (internal) of realisations? Logged-in users only.
    static func showsEvidence(_ viewer: PageContext.Viewer?) -> Bool { viewer != nil }
}

/// Reading form fields and Dutch numbers.
enum FormInput {
    static func text(_ req: Request, _ name: String) -> String { req.formText(name) }
    static func optionalText(_ req: Request, _ name: String) -> String? { req.optionalFormText(name) }

    /// The largest magnitude of a target value, baseline or realisation: 10^12.
    static let maxValue = 1e12

    /// "3", "3,5", "1.234,5", "-2" → Double within ±`maxValue` (or `range`); anything else is
    /// refused naming the field and, for a number out of range, the limits.
    static func number(
        _ text: String, field: String, label: String,
        in range: ClosedRange<Double> = -maxValue...maxValue
    ) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { throw VitaalError.invalid("\(label) ontbreekt", at: SourceLocation(field: field)) }
        var s = t
        if s.contains(",") { s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
        guard s.count <= 60, let v = Double(s), v.isFinite, s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
        else {
            throw VitaalError.invalid(
                "\(label): \"\(BoundedNumber.short(t))\" is geen getal", at: SourceLocation(field: field))
        }
        guard range.contains(v) else {
            throw VitaalError.invalid(
                "\(label) moet tussen \(DutchNumberFormat.format(range.lowerBound)) en \(DutchNumberFormat.format(range.upperBound)) liggen",
                at: SourceLocation(field: field))
        }
        return v == 0 ? 0 : v
    }

    /// A whole number within `range` ("25.610" with thousands dots is accepted); anything else is
    /// refused naming the field and the limits (`BoundedNumber`).
    static func integer(_ text: String, field: String, label: String, in range: ClosedRange<Int>) throws -> Int {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.range(of: #"^-?[0-9]{1,3}(\.[0-9]{3})+$"#, options: .regularExpression) != nil {
            t = t.replacingOccurrences(of: ".", with: "")
        }
        guard let v = try BoundedNumber.int(t, field: field, in: range, label: label) else {
            throw VitaalError.invalid("\(label) ontbreekt", at: SourceLocation(field: field))
        }
        return v
    }

    /// An evidence link: only an absolute `http(s)://` URL with a host, returned as `URLComponents`
    /// writes it again (so no quote, space or angle bracket survives unencoded); nil otherwise.
    static func evidenceLink(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count <= 2000, let c = URLComponents(string: t), let scheme = c.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = c.host, !host.isEmpty,
            c.user == nil, c.password == nil, let out = c.string,
            !out.contains(where: { "\"'<> \\".contains($0) })
        else { return nil }
        return out
    }

    static func date(_ text: String, field: String, label: String) throws -> PlanDate {
        guard !text.isEmpty else { throw VitaalError.invalid("\(label) ontbreekt", at: SourceLocation(field: field)) }
        do { return try PlanDate.parse(text, field: field) } catch {
            throw VitaalError.invalid(
                "\(label): ongeldige datum \"\(text)\" (verwacht jjjj-mm-dd)", at: SourceLocation(field: field))
        }
    }
}
