import AppCore
import Plot

extension ImportHistoryPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Importgeschiedenis", breadcrumbs: MonitorURL.crumbs + [("Importeren", MonitorURL.importUpload.path)],
            .p(
                .text(
                    "Elke import is één batch. Ongedaan maken verwijdert de waarden die de import toevoegde en zet "
                        + "vervangen waarden terug; het wordt vastgelegd in het auditlog. Redacteuren kunnen hun eigen imports "
                        + "ongedaan maken, beheerders alle.")),
            .unwrap(model.running) { running($0) },
            .if(model.rows.isEmpty, .p(.class("muted"), .text("Nog geen imports."))),
            UI.table(
                caption: "Imports (nieuwste eerst)",
                headers: ["Tijdstip", "Bestand", "Door", "Formaat", "Regels", "Nieuw", "Vervangen", "Status", ""],
                rows: model.rows.map { row($0, context) }, numericColumns: [4, 5, 6]))
    }

    /// The running import with a `<progress>` bar (no JavaScript: the page says how to see more).
    static func running(_ running: Model.Running) -> BodyNode {
        .div(
            .class(
                running.stalledSince == nil ? "notice mon-import-running" : "notice notice-warning mon-import-running"),
            .p(.strong(.text(running.sentence))),
            .unwrap(running.stalledSince) {
                .p(
                    .text(
                        "Onderbroken? Deze import meldt sinds \($0) geen voortgang meer. Als hij niet verder komt, "
                            + "wordt hij na zes uur vrijgegeven voor een nieuwe import."))
            },
            .unwrap(running.percent) { percent in
                .p(
                    .label(.for("import-voortgang"), .text("Voortgang van de import")),
                    .element(
                        named: "progress",
                        nodes: [
                            .id("import-voortgang"), .attribute(named: "max", value: "100"),
                            .attribute(named: "value", value: "\(percent)"), .text("\(percent)%")
                        ]))
            },
            .p(
                .class("muted"),
                .text("Deze pagina ververst zichzelf niet. "),
                .a(.href(MonitorURL.importHistory.path), .text("Vernieuwen")),
                .text(" toont de voortgang van dit moment; de nieuwe waarden zijn pas te zien als de import klaar is."))
        )
    }

    static func row(_ row: Model.Row, _ context: PageContext) -> [BodyNode] {
        [
            .text(row.createdAt), .text(row.fileName), .text(row.actor), .text(row.format), .text(row.records),
            .text(row.inserted), .text(row.replaced),
            row.undone.map { .span(.class("muted"), .text($0)) } ?? .text("actief"),
            action(row.action, context)
        ]
    }

    static func action(_ action: Model.Action, _ context: PageContext) -> BodyNode {
        switch action {
        case .none:
            .text("–")
        case .replacedLater:
            .span(.class("muted"), .text("later vervangen; maak eerst de latere import ongedaan"))
        case .undo(let id):
            .form(
                .method(.post), .action(attr(MonitorURL.importUndo(.value(id)).path)), .class("inline"),
                Layout.csrfField(context),
                .button(.type(.submit), .class("button-secondary"), .text("Ongedaan maken")))
        }
    }
}
