import AppCore
import Plot
import VitaalDomain

extension CoveragePage {
    static let crumbs: [(String, String)] = [("Home", SiteURL.home.path), ("Modellen", AcuteCareURL.models.path)]

    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let title = model.scenario.map { "Acute zorg: \($0.name)" } ?? "Acute zorg: ambulance binnen 15 minuten"
        let evaluation = model.evaluation
        return SitePage(
            title, status: model.status,
            breadcrumbs: model.scenario == nil ? crumbs : crumbs + [("Acute zorg", AcuteCareURL.index.path)],
            description: "Bereikbaarheid van ambulancezorg binnen 15 minuten in Flevoland, nu en bij groei "
                + "naar 540.000 inwoners (schematisch model).",
            content: [
                introduction(model),
                AcuteCareViews.changeList(evaluation),
                AcuteCareViews.summary(evaluation),
                AcuteCareViews.keyFigures(evaluation),
                maps(model),
                .h2(.id("gemeenten"), .text("Per gemeente")),
                AcuteCareViews.municipalityTable(evaluation, rows: model.municipalities),
                AcuteCareViews.bandTable(evaluation),
                .if(!evaluation.isBase, AcuteCareViews.uncoveredTable(evaluation)),
                AcuteCareViews.expectedCoverage(evaluation),
                posts(model, context),
                forms(model, context),
                assumptions(evaluation)
            ])
    }

    static func introduction(_ model: Model) -> BodyNode {
        .group(
            .p(AcuteCareViews.schematicBadge, .text(" "), UI.badge("voorbeelddata", kind: "example")),
            .p(
                .class("lead"),
                .text(
                    "Hoeveel inwoners bereikt een ambulance binnen de norm van 15 minuten (inclusief meldings- en "
                        + "uitruktijd), en hoeveel ambulances zijn er nodig? Nu, en als Flevoland groeit naar 540.000 "
                        + "inwoners in 2035.")),
            AcuteCareViews.schematicNotice,
            .unwrap(model.problems) { UI.problems($0.message, $0.problems) },
            .unwrap(model.scenario?.summary) { .p(.text($0)) },
            .unwrap(model.scenario) { scenario in
                .p(
                    .class("muted"), .text("Scenario van \(scenario.organisationName ?? "onbekende organisatie")."),
                    .if(scenario.isSchematic, .group(.text(" "), AcuteCareViews.schematicBadge)))
            })
    }

    static func maps(_ model: Model) -> BodyNode {
        let figures = model.maps.map { UI.figure(UI.svg($0.map.svg()), caption: $0.caption) }
        return .group(
            .h2(.id("kaart"), .text("Kaart")),
            .div(
                .class("grid-2"),
                .group(figures),
                .if(model.evaluation.isBase, AcuteCareViews.uncoveredTable(model.evaluation))))
    }

    static func posts(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .h2(.id("posten"), .text("Ambulances nodig per post")),
            .p(
                .text(
                    "Per post het kleinste aantal ambulances waarbij de kans dat er in het drukste uur van de week "
                        + "geen enkele vrij is hoogstens 5% is (Erlang-B, gemiddelde taaktijd 60 minuten). Ritten gaan "
                        + "naar de snelste post (ook buiten de norm), en zonder weg naar de dichtstbijzijnde in rechte "
                        + "lijn.")),
            AcuteCareViews.postTable(model.evaluation),
            .unwrap(model.canDelete ? model.scenario : nil) { scenario in
                .form(
                    .method(.post), .action(attr(AcuteCareURL.deleteScenario(.value(scenario.slug)).path)),
                    .class("inline"), Layout.csrfField(context),
                    .button(.type(.submit), .class("button button-secondary"), .text("Scenario verwijderen")))
            })
    }

    static func forms(_ model: Model, _ context: PageContext) -> BodyNode {
        .div(
            .class("grid-2"), .id("wat-als"),
            whatIfForm(model),
            .div(
                .if(model.showsSaveForm, saveForm(model, context)),
                .if(
                    !model.canSave,
                    .p(
                        .class("muted"),
                        .text(
                            "Redacteuren kunnen een doorgerekend scenario opslaan voor hun organisatie."))),
                scenarioList(model)))
    }

    static func assumptions(_ evaluation: AcuteCareService.Evaluation) -> BodyNode {
        let api = AcuteCareURL.apiScenarios.path
        return .group(
            .h2(.text("Aannames")),
            .ul(
                .forEach(evaluation.result.notes) { .li(.text($0)) },
                .li(
                    .text(
                        "Wegennet: \(ProvincialRoads.credit) (echte ligging); regionale stroomwegen 80 km/u, "
                            + "gebiedsontsluitingswegen 70 km/u, parallelwegen 45 km/u; snelwegen (A6, A27) 120 km/u "
                            + "en de N50 100 km/u schematisch; toegangswegen naar de kernen schematisch, 45 km/u. Een "
                            + "wegeinde binnen 100 m van een andere weg telt als kruispunt (rotondes ontbreken in de "
                            + "gegevens).")),
                .li(
                    .text(
                        "Aanrijtijden worden voorbij de norm gezocht tot "
                            + "\(AcuteCareFormat.number(AcuteCareLimits.searchCapMinutes)) minuten; alleen een plaats "
                            + "zonder weg binnen 5 km heet ‘geen weg’."))),
            .p(
                .class("muted"),
                .text(
                    "Dezelfde berekening met eigen gegevens (OpenStreetMap-wegennet, CBS-vierkanten, "
                        + "posten): "),
                .code(
                    .text(
                        "vitaal acute-care coverage --roads wegen.osm --posts posten.csv --demand vraagpunten.csv "
                            + "--json")),
                .text(". API: "), .a(.href(api), .text(api)), .text(".")))
    }
}
