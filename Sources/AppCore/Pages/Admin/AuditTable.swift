import Foundation
import Plot

/// The audit log as a table (the admin overview's latest changes and the full log).
enum AuditTable {
    struct Row: Sendable, Equatable {
        var at: Date
        var actor: String
        var action: String
        /// The kind of thing and the start of its id ("gebruiker 1a2b3c4d").
        var subject: String
        var summary: String

        init(_ entry: AuditEntry) {
            self.init(
                at: entry.at, actor: entry.actor, action: entry.action,
                subject: entry.entity + (entry.entityID.map { " \($0.prefix(8))" } ?? ""), summary: entry.summary)
        }

        init(at: Date, actor: String, action: String, subject: String, summary: String) {
            self.at = at
            self.actor = actor
            self.action = action
            self.subject = subject
            self.summary = summary
        }
    }

    static func view(_ rows: [Row]) -> BodyNode {
        UI.table(
            caption: nil, headers: ["Tijdstip", "Wie", "Actie", "Onderwerp", "Omschrijving"],
            rows: rows.map { row in
                [
                    .text(DutchDate.dateTime(row.at)), .text(row.actor), .text(row.action), .text(row.subject),
                    .text(row.summary)
                ]
            })
    }
}
