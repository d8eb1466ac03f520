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
            .if(model.blockingOwn.isEmpty, referrers(model)),
            .if(model.blockingOwn.isEmpty, form(model, context)))
    }

    /// The funds and signals that keep naming the goal (or, when the children go along, a goal
    /// below it): their pages then show the reference as "bestaat niet meer".
    static func referrers(_ model: Model) -> BodyNode {
        let below = model.hasChildren && model.blocking.isEmpty ? model.referrersBelow : []
        guard !model.referrers.isEmpty || !below.isEmpty else { return .empty }
        return .div(
            .class("notice notice-warning"), .attribute(named: "role", value: "status"),
            .if(
                !model.referrers.isEmpty,
                .group(
                    .p(
                        .text("Let op: \(RegisterReferrers.sentence(model.referrers.map(\.register), to: "dit doel")):")
                    ),
                    referrerList(model.referrers))),
            .if(
                !below.isEmpty,
                .group(
                    .p(
                        .text(
                            "Bij ‘mee verwijderen’: "
                                + RegisterReferrers.sentence(below.map(\.register), to: "een onderliggend doel")
                                + ":")),
                    referrerList(below))),
            .p(
                .text(
                    "Zij blijven naar het verwijderde doel verwijzen; op hun pagina staat het daarna als "
                        + "‘bestaat niet meer’. Pas de koppeling daar aan, of maak het verwijderen ongedaan.")))
    }

    static func referrerList(_ referrers: [RegisterReading.Referrer]) -> BodyNode {
        .ul(
            .forEach(referrers) { referrer in
                .li(
                    .a(.href(attr(referrer.path)), .text(referrer.title)),
                    .text(" (\(RegisterReferrers.noun(referrer.register, count: 1)))"))
            })
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
