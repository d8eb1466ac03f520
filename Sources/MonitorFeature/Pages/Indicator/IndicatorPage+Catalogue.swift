import AppCore
import Fluent
import Foundation
import Plot
import VitaalDomain

extension IndicatorPage {
    /// The indicator's place in the catalogue: its status, the "vervangt"/"vervangen door" links and
    /// the version history of its definition. Empty for an active indicator without history.
    struct Catalogue: Sendable, Equatable {
        struct Link: Sendable, Equatable {
            var code: String
            var name: String
        }

        struct Revision: Sendable, Equatable {
            var date: String
            /// Who changed it (logged-in readers only).
            var actor: String?
            var changes: [IndicatorChange]

            /// The first version: every field new (shown as "Aangemaakt").
            var isCreation: Bool { changes.contains { $0.field == "code" } && changes.allSatisfy(\.old.isEmpty) }
        }

        var status: IndicatorStatus = .actief
        var replaces: Link?
        var replacedBy: [Link] = []
        var history: [Revision] = []
        var ownerID: UUID?

        static func load(_ indicator: Indicator, audience: Audience, on db: any Database) async throws -> Catalogue {
            let visible = try await MonitorData.indicators(for: audience, on: db)
            let replaces = indicator.replacesCode.flatMap { code in visible.first { $0.code == code } }
            let revisions = try await IndicatorRevision.query(on: db).filter(\.$indicatorCode == indicator.code)
                .sort(\.$changedAt, .descending).all()
            return Catalogue(
                status: IndicatorStatus(rawValue: indicator.status) ?? .actief,
                replaces: replaces.map { Link(code: $0.code, name: $0.name) },
                replacedBy: visible.filter { $0.replacesCode == indicator.code }.map {
                    Link(code: $0.code, name: $0.name)
                },
                history: revisions.map {
                    Revision(
                        date: MonitorText.dateTime($0.changedAt), actor: audience == .internal ? $0.actor : nil,
                        changes: IndicatorChange.parse(json: $0.changes))
                },
                ownerID: indicator.$owner.id)
        }
    }

    /// The notices at the top: retired or concept, and the links to the indicators it replaces or
    /// that replace it.
    static func catalogueNotices(_ model: Model, _ context: PageContext) -> BodyNode {
        let catalogue = model.catalogue
        return .group(
            .if(
                catalogue.status == .vervallen,
                UI.notice(
                    "warning",
                    "Deze indicator is vervallen: hij wordt niet meer bijgehouden. De waarden hieronder blijven "
                        + "beschikbaar.")),
            .if(
                catalogue.status == .concept,
                UI.notice("info", "Deze indicator is een concept en nog niet openbaar.")),
            .unwrap(catalogue.replaces) { link in
                .p(.class("mon-replaces"), .text("Vervangt: "), indicatorLink(link))
            },
            .if(
                !catalogue.replacedBy.isEmpty,
                .p(
                    .class("mon-replaces"), .text("Vervangen door: "),
                    .group(catalogue.replacedBy.map(indicatorLink)))),
            .if(
                context.viewer?.mayWrite(organisationID: catalogue.ownerID) == true,
                .p(
                    .class("no-print"),
                    .a(.href(attr(MonitorURL.catalogueEdit(.value(model.code)).path)), .text("Definitie bewerken")))))
    }

    /// A field's text as people read it: Dutch labels for the coded values.
    static func shown(_ field: String, _ text: String) -> String {
        guard !text.isEmpty else { return "(leeg)" }
        switch field {
        case "polarity": return Polarity(rawValue: text)?.dutchLabel ?? text
        case "level": return IndicatorLevel(rawValue: text)?.dutchLabel ?? text
        case "visibility": return text == Visibility.public.rawValue ? "openbaar" : "intern"
        case "status": return IndicatorStatus(rawValue: text)?.dutchLabel ?? text
        default: return text
        }
    }

    static func indicatorLink(_ link: Catalogue.Link) -> BodyNode {
        .a(.href(attr(MonitorURL.indicator(.value(link.code)).path)), .text(link.name))
    }

    /// "Versiegeschiedenis": every change of the definition, newest first.
    static func history(_ history: [Catalogue.Revision]) -> BodyNode {
        guard !history.isEmpty else { return .empty }
        return .group(
            .h2(.text("Versiegeschiedenis")),
            UI.table(
                caption: "Wijzigingen van de definitie, nieuwste eerst",
                headers: ["Wanneer", "Wie", "Wat veranderde"],
                rows: history.map { revision in
                    [
                        .text(revision.date),
                        .text(revision.actor ?? "redactie"),
                        revision.isCreation
                            ? .text("Aangemaakt")
                            : .ul(
                                .class("mon-plain"),
                                .forEach(revision.changes) { change in
                                    .li(
                                        .strong(.text(IndicatorChange.dutchLabel(change.field) + ": ")),
                                        .text(shown(change.field, change.old)), .text(" → "),
                                        .text(shown(change.field, change.new)))
                                })
                    ]
                }))
    }
}
