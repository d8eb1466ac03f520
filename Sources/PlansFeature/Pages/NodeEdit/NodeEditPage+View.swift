import AppCore
import Plot
import VitaalDomain

extension NodeEditPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.title, breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .unwrap(model.notice) { UI.notice("success", $0) },
            .if(
                model.canEdit && !model.editable,
                UI.notice(
                    "warning",
                    "Dit plan is \(model.statusLabel); het logisch model en de "
                        + "indicatoren wijzigt u alleen in een concept. Kopieer het plan naar een nieuwe versie.")),
            .p(.a(.href(attr(model.treeLink)), .text("Terug naar de doelenboom"))),
            .h2(.text("Logisch model")),
            .p(
                .class("muted"),
                .text(
                    "Van input via activiteiten naar output en outcome, met de werkingsmechanismen "
                        + "(binnen invloed) en contextfactoren (buiten invloed), zoals in de paragraaf "
                        + "\u{201C}Monitoring van het programma\u{201D}. Eén punt per regel.")),
            model.canEdit
                ? logicModelForm(model, context)
                : (model.logicModel.isEmpty
                    ? .p(.class("muted"), .text("Voor dit doel is geen logisch model vastgelegd."))
                    : GoalTreeView.logicModel(model.logicModel)),
            .h2(.text("Indicatoren van de monitor")),
            links(model, context),
            .if(model.editable && !model.indicatorOptions.isEmpty, linkForm(model, context)),
            planLinks(model, context),
            .unwrap(model.funds) {
                UI.referrers(
                    $0, register: .funds, heading: "Fondsen", id: "fondsen",
                    empty: "Geen regeling uit Fondsenwerving verwijst naar dit doel.")
            },
            .unwrap(model.signals) {
                UI.referrers(
                    $0, register: .signals, heading: "Signalen", id: "signalen",
                    empty: "Geen signaal verwijst naar dit doel.")
            })
    }

    /// Plan links (#16): what this goal contributes to, and the goals of other plans contributing to it.
    static func planLinks(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .h2(.id("draagt-bij-aan"), .text("Draagt bij aan")),
            model.contributesTo.isEmpty
                ? .p(.class("muted"), .text("Dit doel is (nog) niet gekoppeld aan een doel van een ander plan."))
                : linkTable(
                    model.contributesTo, caption: "Doelen van andere plannen waaraan dit doel bijdraagt", context),
            .unwrap(model.linkForm) { planLinkForm($0, context) },
            .h2(.id("bijdragen"), .text("Bijdragen uit andere plannen")),
            model.contributors.isEmpty
                ? .p(.class("muted"), .text("Geen doelen van andere plannen dragen (nog) bij aan dit doel."))
                : linkTable(model.contributors, caption: "Doelen van andere plannen die bijdragen", context))
    }

    static func linkTable(_ rows: [LinkRow], caption: String, _ context: PageContext) -> BodyNode {
        let withStatus = rows.contains { $0.rollUp != nil }
        let withRemove = rows.contains { $0.removeAction != nil }
        return UI.table(
            caption: "\(caption) (\(rows.count))",
            headers: ["Plan", "Organisatie", "Doel"] + (withStatus ? ["Status"] : []) + ["Toelichting"]
                + (withRemove ? ["Actie"] : []),
            rows: rows.map { row in
                var cells: [BodyNode] = [
                    .a(.href(attr(row.planLink)), .text(row.planTitle)), .text(row.organisation),
                    .a(.href(attr(row.goalLink)), .text(row.goal))
                ]
                if withStatus { cells.append(row.rollUp.map(PlanViews.rollUpNode) ?? .text("–")) }
                cells.append(.text(row.note ?? ""))
                if withRemove {
                    cells.append(
                        row.removeAction.map { action in
                            .form(
                                .class("inline"), .method(.post), .action(attr(action)), Layout.csrfField(context),
                                .button(.type(.submit), .class("button-secondary"), .text("Bijdrage verwijderen")))
                        } ?? .empty)
                }
                return cells
            })
    }

    static func planLinkForm(_ link: LinkForm, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(link.action)), .class("card no-print"), .id("bijdrage-toevoegen"),
            .h3(.text("Bijdrage aan een doel van een ander plan toevoegen")),
            link.form.summary(),
            Layout.csrfField(context),
            PlanFormViews.select("goal", label: "Doel van een ander plan", options: link.options, form: link.form),
            PlanFormViews.textarea(
                "note", label: "Toelichting (optioneel)", form: link.form,
                hint: "waarom dit doel bijdraagt, met bron (titel en paragraaf)", rows: 2),
            .button(.type(.submit), .text("Bijdrage vastleggen")))
    }

    static func textarea<C: HTML.BodyContext>(_ name: String, _ label: String, _ lines: [String]) -> Node<C> {
        UI.textarea(name, label: label, value: lines.joined(separator: "\n"), error: nil, rows: max(2, lines.count + 1))
    }

    static func logicModelForm(_ model: Model, _ context: PageContext) -> BodyNode {
        let logic = model.logicModel
        return .form(
            .method(.post), .action(attr(model.logicModelAction)), .class("card"),
            Layout.csrfField(context),
            textarea("means", listFields[0].label, logic.means),
            UI.field(
                "capacity", label: "Input: capaciteit", value: logic.capacity ?? "",
                hint: "bijv. 2 fte programmamanagement"),
            UI.field(
                "budget", label: "Input: budget (euro)", value: logic.budget.map { $0.formatted } ?? "",
                hint: "bijv. 125.000 of 125.000,50; leeg als onbekend"),
            .group(listFields.dropFirst().map { textarea($0.name, $0.label, logic[keyPath: $0.path]) }),
            .if(model.editable, .button(.type(.submit), .text("Logisch model opslaan"))))
    }

    static func links(_ model: Model, _ context: PageContext) -> BodyNode {
        if model.links.isEmpty { return .p(.class("muted"), .text("Aan dit doel is nog geen indicator gekoppeld.")) }
        return UI.table(
            caption: "\(model.links.count) gekoppelde indicator(en)",
            headers: ["Code", "Indicator", "Soort monitoring", "Toelichting", ""],
            rows: model.links.map { link in
                [
                    .code(.text(link.code)),
                    link.name.map { name in .a(.href(attr(link.page ?? "")), .text(name)) }
                        ?? .span(.class("muted"), .text("niet in de monitor")),
                    .text(link.type), .text(link.note),
                    model.editable ? unlinkForm(link.code, action: model.linksAction, context) : .empty
                ]
            })
    }

    static func unlinkForm(_ code: String, action: String, _ context: PageContext) -> BodyNode {
        .form(
            .class("inline"), .method(.post), .action(attr(action)), Layout.csrfField(context),
            .input(.type(.hidden), .name("indicator"), .value(attr(code))),
            .input(.type(.hidden), .name("action"), .value("verwijderen")),
            .button(.type(.submit), .class("button-secondary"), .text("Ontkoppelen")))
    }

    static func linkForm(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(model.linksAction)), .class("card"),
            Layout.csrfField(context),
            .input(.type(.hidden), .name("action"), .value("koppelen")),
            .div(
                .class("field"), .label(.for("f-indicator"), .text("Indicator")),
                UI.select("indicator", options: model.indicatorOptions, selected: nil)),
            .div(
                .class("field"), .label(.for("f-monitoringType"), .text("Soort monitoring")),
                UI.select("monitoringType", options: model.typeOptions, selected: "output")),
            UI.field("note", label: "Toelichting (optioneel)"),
            .button(.type(.submit), .text("Indicator koppelen")),
            .p(.class("hint"), .text("Een indicator die al gekoppeld is, krijgt de nieuwe soort en toelichting.")))
    }
}
