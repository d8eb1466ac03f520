import AppCore
import Plot
import VitaalDomain

extension ScenarioPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.version.name, status: model.status, breadcrumbs: WorkforceCrumbs.list,
            header(model, context),
            outcome(model),
            leverForm(model),
            context.has(.redacteur) ? saveForm(model, context) : loginHint,
            charts(model),
            comparison(model),
            .h2(.text("Cijfers per jaar en deelregio")),
            WorkforceViews.yearTable(model.results),
            WorkforceViews.regionTable(model.results),
            .h2(.text("Invoer uit de arbeidsmarktmonitor")),
            WorkforceMonitorTable.section(model.whatIf),
            calibration(model),
            downloads(model),
            versions(model, context),
            parameters(model))
    }

    static func header(_ model: Model, _ context: PageContext) -> BodyNode {
        let version = model.version
        let problemsTitle =
            model.form.isValid
            ? "Het scenario is niet opgeslagen."
            : "De invoer is niet geldig; hieronder staat de uitkomst van het opgeslagen scenario."
        let savedBy =
            " · \(version.organisationName ?? "geen organisatie") · opgeslagen door "
            + version.author(for: context.viewer) + (version.createdAt.map { " op " + DutchDate.dateTime($0) } ?? "")
        return .group(
            .unwrap(model.notice) { WorkforceNoticeView.node($0) },
            .if(!model.problems.isEmpty, UI.problems(problemsTitle, model.problems)),
            .p(
                .text("Versie \(version.version)"),
                .if(version.isBase, .group(.text(" · "), UI.badge("basisscenario", kind: "internal"))),
                .if(version.isExample, .group(.text(" · "), UI.badge("voorbeelddata"))),
                .text(savedBy)),
            .if(!model.whatIf.saved.description.isEmpty, .p(.text(model.whatIf.saved.description))),
            .unwrap(version.note) { .p(.class("muted"), .text("Toelichting bij deze versie: \($0)")) },
            .if(
                version.isExample,
                .p(
                    .class("muted"),
                    .text(
                        "Voorbeelddata: de gepubliceerde cijfers uit de bronnen zijn gebruikt waar ze er zijn; alle andere "
                            + "waarden zijn aannames (gemarkeerd met ‘aanname’, zie onderaan)."))))
    }

    static var loginHint: BodyNode {
        .p(
            .class("muted"),
            .text(
                "Log in als redacteur om dit scenario als eigen scenario of nieuwe versie op te "
                    + "slaan. ‘Bereken’ slaat niets op."))
    }

    static func charts(_ model: Model) -> BodyNode {
        let results = model.results
        let runs = results.uncertainty?.runs ?? 0
        let fanCaption =
            "Waaier: \(runs) Monte Carlo-runs op deze pagina (vaste seed, elke keer dezelfde uitkomst); "
            + "\(results.uncertainty?.uncertainParameters ?? 0) onzekere parameters. "
            + "De CLI en de API rekenen desgewenst met meer runs."
        return .group(
            .h2(.text("Vraag en aanbod")),
            UI.figure(
                UI.svg(WorkforceViews.supplyDemandChart(results)),
                caption: "Vraag (nodig) en aanbod (beschikbaar) in personen met het 90 %-interval."),
            .h2(.text("Tekort per sector")),
            UI.figure(UI.svg(WorkforceViews.gapChart(results)), caption: "Het tekort opgebouwd uit de sectoren."),
            WorkforceViews.sectorTable(results),
            .h2(.text("Onzekerheid")),
            UI.figure(UI.svg(WorkforceViews.fanChart(results, saved: model.savedResults)), caption: fanCaption),
            .h2(.text("Gevoeligheid: welke hefboom helpt het meest?")),
            UI.figure(
                UI.svg(WorkforceViews.sensitivityChart(results)),
                caption: WorkforceViews.sensitivityText(results.sensitivity)))
    }

    static func comparison(_ model: Model) -> BodyNode {
        let options = model.others.map { (value: $0.id, label: "\($0.name) (v\($0.version))") }
        return .group(
            .h2(.text("Scenario's vergelijken")),
            .form(
                .method(.get), .action(attr(model.version.url.path)), .class("card"),
                .group(
                    model.form.queryItems.map { item in
                        .input(.type(.hidden), .name(attr(item.0)), .value(attr(item.1)))
                    }),
                .div(
                    .class("field"), .label(.for("f-vergelijk"), .text("Vergelijk met")),
                    UI.select("vergelijk", options: options, selected: model.compareWith?.id)),
                .button(.type(.submit), .text("Vergelijk"))),
            .unwrap(model.comparison) { comparison in
                .group(
                    UI.figure(UI.svg(WorkforceViews.comparisonChart(comparison)), caption: "Tekort per scenario."),
                    WorkforceViews.comparisonTable(comparison, year: model.results.year))
            })
    }

    static func calibration(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Kalibratie")),
            .p(
                .text(
                    "Het basisscenario is zo afgesteld dat het de cijfers uit de bronnen reproduceert (binnen 2 %). "
                        + "Het tekort van 11 % in 2032 leest het model als tekort in fte; de tegenstrijdigheden in de "
                        + "bronnen staan op de pagina "),
                .a(.href(WorkforceURL.about.path), .text("Over dit model")), .text(".")),
            WorkforceViews.calibrationTable(model.results))
    }

    static func downloads(_ model: Model) -> BodyNode {
        let id = Parameter<String>.value(model.version.id)
        let links: [(WorkforceURL, String)] = [
            (.downloadCSV(id), "Uitkomsten per jaar en sector (CSV)"),
            (.downloadXLSX(id), "Uitkomsten, onzekerheid en parameters (Excel)"),
            (.scenarioFile(id), "Scenariobestand (JSON)"),
            (.report(id), "RSPP-rapport (afdrukbaar)")
        ]
        return .group(
            .h2(.text("Downloads en rapport")),
            .ul(
                .forEach(links) { url, label in
                    .li(.a(.href(attr(url.path(query: model.query))), .text(label)))
                }))
    }

    static func versions(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .h2(.text("Versies")),
            UI.table(
                caption: nil, headers: ["Versie", "Opgeslagen", "Door", "Toelichting"],
                rows: model.versions.map { version in
                    [
                        .a(.href(attr(version.url.path)), .text("v\(version.version)")),
                        .text(version.createdAt.map(DutchDate.dateTime) ?? "–"),
                        .text(version.author(for: context.viewer)), .text(version.note ?? "")
                    ]
                }))
    }

    static func parameters(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Parameters en aannames")),
            .p(
                .text(
                    "Elke waarde die niet uit een bron komt, is een aanname en draagt het label ‘aanname’ met de reden; "
                        + "gepubliceerde cijfers dragen het label ‘bron’. De lijst staat hieronder (ook in het rapport en "
                        + "in het Excel-bestand).")),
            .element(
                named: "details",
                nodes: [
                    .element(named: "summary", nodes: [.text("Toon alle parameters met hun herkomst")]),
                    WorkforceViews.parameterList(model.whatIf.scenario)
                ]))
    }
}
