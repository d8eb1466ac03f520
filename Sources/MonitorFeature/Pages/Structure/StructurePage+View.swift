import AppCore
import Plot

extension StructurePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Monitors en thema's", status: model.status,
            breadcrumbs: MonitorURL.crumbs + [("Indicatoren", MonitorURL.catalogue.path)],
            .unwrap(model.notice) { UI.notice("success", $0.text) },
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .p(
                .class("lead"),
                .text(
                    "Een monitor is een geordende selectie van thema's en indicatoren. Een vervallen monitor "
                        + "staat niet meer in de openbare lijsten, maar blijft bewaard.")),
            UI.table(
                caption: "\(model.rows.count) monitors, in hun volgorde",
                headers: ["Monitor", "Thema's", "Indicatoren", "Status"] + (model.isBeheerder ? ["Wijzigen"] : []),
                rows: model.rows.map { Array(row($0, model.isBeheerder, context).prefix(model.isBeheerder ? 5 : 4)) },
                numericColumns: [1, 2]),
            .if(model.isBeheerder, newMonitor(model, context)))
    }

    static func row(_ row: Model.Row, _ isBeheerder: Bool, _ context: PageContext) -> [BodyNode] {
        [
            .a(.href(attr(MonitorURL.structureMonitor(.value(row.slug)).path)), .text(row.name)),
            .text("\(row.themes)"),
            .text("\(row.indicators)"),
            row.isRetired ? UI.badge("vervallen", kind: "retired") : .text("actief"),
            isBeheerder
                ? StructureButtons.group(
                    move: MonitorURL.structureMonitorMove(.value(row.slug)),
                    retire: MonitorURL.structureMonitorRetire(.value(row.slug)),
                    isFirst: row.isFirst, isLast: row.isLast, isRetired: row.isRetired, label: row.name, context)
                : .text("")
        ]
    }

    static func newMonitor(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(MonitorURL.structure.path), .class("card mon-form"),
            Layout.csrfField(context),
            .h2(.text("Nieuwe monitor")),
            UI.field(
                "slug", label: "Adres (slug)", value: model.form.slug, error: model.error(for: "slug"),
                required: true, hint: "kleine letters, cijfers en -, bijv. gezondheidsmonitor-ggd"),
            UI.field("name", label: "Naam", value: model.form.name, error: model.error(for: "name"), required: true),
            UI.field(
                "summary", label: "Omschrijving", value: model.form.summary, error: model.error(for: "summary")),
            .button(.type(.submit), .text("Monitor aanmaken")))
    }
}

/// The small POST forms of the structure pages: up, down, retire or restore one monitor, theme or
/// indicator (each a button, so the pages work without JavaScript).
enum StructureButtons {
    static func group(
        move: MonitorURL, retire: MonitorURL?, isFirst: Bool, isLast: Bool, isRetired: Bool, label: String,
        _ context: PageContext
    ) -> BodyNode {
        .div(
            .class("mon-buttons no-print"),
            .if(!isFirst, button(move, name: "richting", value: "omhoog", text: "Omhoog", label: label, context)),
            .if(!isLast, button(move, name: "richting", value: "omlaag", text: "Omlaag", label: label, context)),
            .unwrap(retire) { route in
                isRetired
                    ? button(route, name: "actie", value: "herstellen", text: "Herstellen", label: label, context)
                    : button(route, name: "actie", value: "vervallen", text: "Laten vervallen", label: label, context)
            })
    }

    static func button(
        _ route: MonitorURL, name: String?, value: String, text: String, label: String,
        _ context: PageContext
    ) -> BodyNode {
        .form(
            .method(.post), .action(attr(route.path)),
            Layout.csrfField(context),
            .unwrap(name) { .input(.type(.hidden), .name(attr($0)), .value(attr(value))) },
            .button(
                .type(.submit), .class("button-secondary"),
                .attribute(named: "aria-label", value: attr("\(text): \(label)")), .text(text)))
    }
}
