import AppCore
import Foundation
import Vapor
import VitaalDomain

/// Reading the registers' query parameters and forms. One rule for the page, the export and the
/// API: `q` (search words), `status` and each choice field by its form name (`soort`).
enum RegisterRequest {
    static let maxSearchLength = 200

    static func filter(_ req: Request, _ kind: RegisterKind) throws -> RegisterFilter {
        let definition = kind.definition
        var filter = RegisterFilter(text: String((req.queryText("q") ?? "").prefix(maxSearchLength)))
        if let path = definition.statusPath, let status = req.queryText("status"), !status.isEmpty {
            guard path.rank(of: status) != nil else {
                throw VitaalError.invalid(
                    "onbekende status \"\(status.prefix(60))\"; kies uit: \(path.names.joined(separator: ", "))",
                    at: SourceLocation(field: "status"))
            }
            filter.status = status
        }
        for field in definition.filterFields {
            guard let value = req.queryText(field.formName), !value.isEmpty else { continue }
            guard case .choice(let options) = field.kind, options.contains(value) else {
                throw VitaalError.invalid(
                    "onbekende \(field.label.lowercased()) \"\(value.prefix(60))\"",
                    at: SourceLocation(field: field.formName))
            }
            filter.choices[field.key] = value
        }
        for key in definition.exactFilterKeys {
            guard let field = definition.field(key), let value = req.queryText(field.formName), !value.isEmpty else {
                continue
            }
            filter.exact[key] = String(value.prefix(field.maxLength))
        }
        return filter
    }

    /// The posted form as text fields (a field posted twice is refused by the decoder: 400).
    static func form(_ req: Request) throws -> [String: String] {
        try req.content.decode([String: String].self)
    }

    static func notice(_ req: Request) -> RegisterNotice? {
        req.queryText("melding").flatMap(RegisterNotice.init(rawValue:))
    }

    /// Today in the Netherlands, by the application's clock.
    static func today(at now: Date) -> PlanDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let today = PlanDate(year, month, day)
        else { preconditionFailure("the Gregorian calendar gave no day for \(now)") }
        return today
    }

    /// Anonymous visitors may not read the entries of a register that publishes only a summary
    /// (the signals): 401, as for any internal page.
    static func requireReadable(_ req: Request, _ kind: RegisterKind) throws {
        if !kind.definition.entriesArePublic { try req.requireRole(.lezer) }
    }

    static func kind(_ req: Request) throws -> RegisterKind {
        guard let kind = req.route?.userInfo["register"] as? RegisterKind else {
            throw VitaalError(.notFound, "Dit register bestaat niet.")
        }
        return kind
    }

    static func key(_ req: Request) throws -> String {
        try req.parameters.require("key")
    }
}
