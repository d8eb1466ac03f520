import AppCore
import Plot
import VitaalDomain

extension NodeDeletePage {
    static func view(_ model: Model, _ context: PageContext, error: VitaalError? = nil) -> SitePage {
        SitePage(
            "Doel verwijderen: \(model.nodeTitle)", status: error == nil ? .ok : .unprocessableEntity,
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .unwrap(error) { UI.problems($0.message, $0.problems) },
            .p(.a(.href(attr(model.editLink)), .text("Terug naar het doel"))),
            .h2(.text("Wat verdwijnt")),
            .ul(
                .li(.strong(.text(model.nodeTitle))),
                .forEach(model.descendants) { item in
                    .li(.text("\(item.level): \(item.title)"), .span(.class("muted"), .text(" (onderliggend doel)")))
                },
                .forEach(model.subtreeTargets) { .li(.text("Doelstelling: \($0)")) }),
            .if(
                !model.blockingOwn.isEmpty,
                UI.notice(
                    "warning",
                    "Verwijderen kan niet: er zijn realisaties bij "
                        + model.blockingOwn.map { "‘\($0)’" }.joined(separator: ", ")
                        + ". Een doelstelling met realisaties blijft bewaard.")),
            .if(
                model.blockingOwn.isEmpty && !model.blocking.isEmpty,
                UI.notice(
                    "warning",
                    "Mee verwijderen kan niet: er zijn realisaties bij "
                        + model.blocking.map { "‘\($0)’" }.joined(separator: ", ")
                        + ". De onderliggende doelen blijven dus behouden.")),
            .if(model.blockingOwn.isEmpty, form(model, context)))
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(model.action)), .class("card"),
            Layout.csrfField(context),
            .if(
                model.hasChildren,
                .element(
                    named: "fieldset",
                    nodes: [
                        .element(named: "legend", nodes: [.text("Wat gebeurt er met de onderliggende doelen?")]),
                        .div(
                            .class("checks"),
                            .label(
                                PlanFormViews.radio("children", id: "f-children-0", value: "omhoog", checked: true),
                                .span(
                                    .text(
                                        "Behouden: ze gaan één plaats omhoog, naar \(model.newParent); alleen de "
                                            + "doelstellingen van dit doel zelf verdwijnen"
                                            + (model.ownTargets.isEmpty ? "" : " (\(model.ownTargets.count))")))),
                            .if(
                                model.blocking.isEmpty,
                                .label(
                                    PlanFormViews.radio("children", id: "f-children-1", value: "mee", checked: false),
                                    .span(
                                        .text(
                                            "Mee verwijderen, met alle doelstellingen erop (zie de lijst hierboven)"))
                                )))
                    ])),
            .p(.text("U kunt dit daarna ongedaan maken op de pagina ‘Versies van de doelenboom’.")),
            .button(.type(.submit), .text("Definitief verwijderen")))
    }
}
