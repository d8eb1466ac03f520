import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The rules of a register write, one place for the forms and the API: the fields read by
/// `RegisterInput.read`, references that must exist, the first status, the region, the validity of
/// a term, and a status change's path rule. Problems are at the fields' form names; the API names
/// them by their keys (`RegisterWriteAPIController`).
enum RegisterChecks {
    /// A new or changed entry as checked.
    struct Entry: Sendable {
        var values: RegisterValues
        /// The first status of a new entry (nil: none, or refused — see `problems`).
        var status: String?
        var problems: [Problem]
        /// A deadline in the past: allowed once the writer confirms it.
        var warning: String?
    }

    /// Checks the entry posted as texts by form name (`status` for a new entry's first status).
    /// `key` is nil for a new entry; `pastDeadlineConfirmed` lets a deadline in the past through.
    static func entry(
        _ kind: RegisterKind, texts: [String: String], key: String?, regions: [(code: String, name: String)],
        pastDeadlineConfirmed: Bool, req: Request
    ) async throws -> Entry {
        let definition = kind.definition
        var (values, problems) = RegisterInput.read(texts, definition: definition)
        // Goals, networks and indicators must exist; they are kept in their canonical form.
        problems += try await RegisterLinks.check(&values, kind, app: req.application, on: req.db)
        var status: String?
        if key == nil, let path = definition.statusPath {
            let first = (texts["status"] ?? "").trimmingCharacters(in: .whitespaces)
            if !first.isEmpty {
                if let refusal = path.refusal(from: nil, to: first, reason: "") {
                    problems.append(Problem(refusal, at: SourceLocation(field: "status")))
                } else if let field = definition.statusField(for: first), values[field.key] == nil {
                    problems.append(
                        Problem(
                            "\(field.label) is verplicht om ‘\(first)’ te kiezen",
                            at: SourceLocation(field: field.formName)))
                } else {
                    status = first
                }
            }
        }
        if let field = definition.regionField, let code = values[field.key],
            !regions.contains(where: { $0.code == code })
        {
            problems.append(
                Problem(
                    "\(field.label): onbekende regio \"\(code.prefix(40))\"; kies Flevoland of een van de gemeenten",
                    at: SourceLocation(field: field.formName)))
        }
        if kind == .terms {
            let others = try await RegisterStore.all(.terms, on: req.db).map(\.entry)
            let conflicts = TermValidity.conflicts(
                of: RegisterEntry(key: key ?? "", status: nil, values: values), among: others)
            if !conflicts.isEmpty {
                problems.append(
                    Problem(
                        "dit begrip heeft met deze betekenis al een geldige versie in deze periode "
                            + "(\(conflicts.joined(separator: ", "))); laat die eerst eindigen (geldig tot) of kies "
                            + "een andere periode",
                        at: SourceLocation(field: "geldig-van")))
            }
        }
        // A deadline in the past is allowed (the register may be filled in late), but only after
        // the writer confirms it.
        var warning: String?
        if key == nil, problems.isEmpty, !pastDeadlineConfirmed, let deadline = values["deadline"],
            let date = try? PlanDate.parse(deadline), date < RegisterRequest.today(at: req.now)
        {
            warning = "De deadline \(date.dutch) ligt in het verleden. Klopt dat? Vink het vakje aan en sla opnieuw op."
        }
        return Entry(values: values, status: status, problems: problems, warning: warning)
    }

    /// A status change: its problems (the path rule — a skip or a step back needs a reason — and
    /// the field the new status needs: the letter that closes a commitment, the agenda a signal went
    /// to, its follow-up) and the values with those fields filled in. `fields` by form name.
    static func statusChange(
        _ stored: RegisterStore.Stored, to status: String, reason: String, fields: [String: String]
    ) -> (values: RegisterValues, problems: [Problem]) {
        let definition = stored.kind.definition
        guard let path = definition.statusPath else { return (stored.entry.values, []) }
        var problems: [Problem] = []
        if let refusal = path.refusal(from: stored.entry.status, to: status, reason: reason) {
            let field = path.rank(of: status) == nil || status == stored.entry.status ? "status" : "reden"
            problems.append(Problem(refusal, at: SourceLocation(field: field)))
        }
        if reason.count > maxReason {
            problems.append(
                Problem("de reden mag hoogstens \(maxReason) tekens hebben", at: SourceLocation(field: "reden")))
        }
        var values = stored.entry.values
        for field in definition.statusFields.compactMap({ definition.field($0.key) }) {
            let text = fields[field.formName] ?? ""
            if definition.statusField(for: status) == field, text.isEmpty {
                problems.append(
                    Problem(
                        "\(field.label) is verplicht om ‘\(status)’ te kiezen",
                        at: SourceLocation(field: field.formName)))
            } else if text.count > field.maxLength {
                problems.append(
                    Problem(
                        "\(field.label): ten hoogste \(field.maxLength) tekens",
                        at: SourceLocation(field: field.formName)))
            } else if !text.isEmpty {
                values[field.key] = text
            }
        }
        return (values, problems)
    }

    /// Longest reason of a status change.
    static let maxReason = 1_000
}
