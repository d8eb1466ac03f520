import AppCore
import Plot
import VitaalDomain

extension PlanPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.title, breadcrumbs: PlanViews.crumbs,
            .unwrap(model.notice) { UI.notice("success", $0) },
            facts(model),
            .if(!model.notes.isEmpty, .ul(.class("muted"), .forEach(model.notes) { .li(.text($0)) })),
            links(model.key),
            PlanViews.lifecycle(model.status),
            .unwrap(model.approval) { approval($0) },
            .unwrap(model.lifecycle) { cycle($0, model, context) },
            .h2(.text("Doelenboom")),
            .p(
                .class("muted"),
                .text(
                    "Klap onderdelen in of uit. Achter elk doel staat de samengevatte status van de "
                        + "doelstellingen eronder.")),
            .unwrap(model.authoring) { authoring($0) },
            GoalTreeView.view(model.tree),
            .h2(.id("doelstellingen"), .text("Doelstellingen")),
            model.targets.map(TargetTable.view)
                ?? .p(.class("muted"), .text("Dit plan heeft (nog) geen SMART-doelstellingen.")),
            PlanViews.statusRule,
            .if(!model.archived.isEmpty, archived(model.archived, context)),
            .unwrap(model.editor) { editorForms($0, key: model.key, context) })
    }

    /// The plan is ingediend: where it is adopted or sent back, and what the viewer is expected to do.
    static func approval(_ approval: Model.Approval) -> BodyNode {
        .div(
            .class("notice notice-info no-print"),
            .p(
                .text("Dit plan is ingediend en wacht op vaststelling. "),
                .a(.href(attr(approval.link)), .text("Naar de vaststelling"))),
            .unwrap(approval.expectation) { .p(.text($0)) })
    }

    /// Targets archived instead of deleted: why, when, their realisations, and (editors) restore.
    static func archived(_ rows: [Model.Archived], _ context: PageContext) -> BodyNode {
        .group(
            .h2(.id("gearchiveerd"), .text("Gearchiveerde doelen")),
            .p(
                .class("muted"),
                .text(
                    "Deze doelstellingen zijn vervallen; ze tellen niet mee in de status en blijven met hun "
                        + "realisaties bewaard.")),
            UI.table(
                caption: "Gearchiveerde doelstellingen (\(rows.count))",
                headers: ["Doel", "Maat", "Reden", "Gearchiveerd", "Realisaties", ""],
                rows: rows.map { row in
                    [
                        .text(row.node), .group(.text(row.measure), PlanViews.exampleBadge(row.isExample)),
                        .text(row.reason),
                        .text(row.archivedAt + (row.archivedBy.map { " door \($0)" } ?? "")),
                        row.realisations.isEmpty
                            ? .span(.class("muted"), .text("geen"))
                            : .ul(.class("plan-archived-realisations"), .forEach(row.realisations) { .li(.text($0)) }),
                        row.restoreAction.map { action in
                            .form(
                                .class("inline"), .method(.post), .action(attr(action)), Layout.csrfField(context),
                                .button(.type(.submit), .class("button-secondary"), .text("Herstellen")))
                        } ?? .empty
                    ]
                }))
    }

    /// The editor's links above the tree: add a top-level goal, the tree's versions (undo), a new plan
    /// with this structure.
    static func authoring(_ links: Model.Authoring) -> BodyNode {
        .p(
            .class("no-print"),
            .unwrap(links.newNode) {
                .group(.a(.class("button"), .href(attr($0)), .text("Doel toevoegen")), .text(" "))
            },
            .unwrap(links.history) {
                .group(
                    .a(.href(attr($0)), .text("Versies van de doelenboom (laatste wijziging ongedaan maken)")),
                    .text(" · "))
            },
            .a(.href(attr(links.newFromThis)), .text("Nieuw plan met deze structuur")))
    }

    static func facts(_ model: Model) -> BodyNode {
        .dl(
            .class("kv"),
            .dt(.text("Eigenaar")), .dd(.text(model.organisation)),
            .dt(.text("Periode")), .dd(.text(model.period)),
            .dt(.text("Versie")),
            .dd(
                .text("\(model.version)"),
                .unwrap(model.previousVersionKey) { previous in
                    .group(
                        .text(" (kopie van "), .a(.href(attr(PlanURL.plan(.value(previous)).path)), .text(previous)),
                        .text(")"))
                }),
            .dt(.text("Status")), .dd(PlanViews.planStatusBadge(model.status)),
            .dt(.text("Niveaus")), .dd(.text(model.levels.joined(separator: " → "))),
            .dt(.text("Voortgang")),
            .dd(
                PlanViews.rollUpNode(model.rollUp),
                .if(
                    model.hasExampleRealisations,
                    .group(
                        .text(" "), UI.badge("voorbeelddata"),
                        .span(
                            .class("muted"),
                            .text(" een deel van de realisaties is verzonnen om de statusregel te tonen"))))),
            .unwrap(model.source) { .group(.dt(.text("Bron")), .dd(.text($0))) })
    }

    static func links(_ key: String) -> BodyNode {
        .p(
            .a(.class("button"), .href(attr(PlanURL.report(plan: .value(key)).path)), .text("Rapportage")), .text(" "),
            .a(
                .class("button button-secondary"), .href(attr(PlanURL.budget(plan: .value(key)).path)),
                .text("Begroting")),
            .text(" "),
            .a(.href(attr(PlanURL.targetsCSV(plan: .value(key)).path)), .text("Doelstellingen (CSV)")), .text(" · "),
            .a(.href(attr(PlanURL.targetsXLSX(plan: .value(key)).path)), .text("Doelstellingen (Excel)")))
    }

    /// The planning & control cycle: one button per allowed next status, and the copy to next year.
    static func cycle(_ cycle: Model.Lifecycle, _ model: Model, _ context: PageContext) -> BodyNode {
        .div(
            .class("card no-print"),
            .h2(.text("Planning- en controlcyclus")),
            .if(cycle.next.isEmpty, .p(.text("Dit plan is afgesloten; het kan niet meer van status veranderen."))),
            .forEach(cycle.next) { status in
                .form(
                    .class("inline"), .method(.post), .action(attr(PlanURL.status(plan: .value(model.key)).path)),
                    Layout.csrfField(context), .input(.type(.hidden), .name("status"), .value(attr(status.rawValue))),
                    .button(
                        .type(.submit), .class(status == .concept ? "button-secondary" : ""),
                        .text(status == .concept ? "Terug naar concept" : "Naar \(status.label.lowercased())")))
            },
            .text(" "),
            .form(
                .class("inline"), .method(.post), .action(attr(PlanURL.copy(plan: .value(model.key)).path)),
                Layout.csrfField(context),
                .button(.type(.submit), .class("button-secondary"), .text("Kopiëren naar volgend jaar"))),
            .p(
                .class("hint"),
                .text(
                    "Elke statuswijziging komt met gebruiker en datum in het auditlog. "
                        + "Een stap overslaan kan niet.")))
    }
}
