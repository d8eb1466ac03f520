import AppCore
import Plot
import VitaalDomain

extension ReportPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let version = model.version
        return SitePage(
            "RSPP-rapport: \(version.name)", breadcrumbs: WorkforceCrumbs.list + [(version.name, version.url.path)],
            .p(.class("no-print"), .text("Deze pagina is bedoeld om af te drukken of als pdf op te slaan (Ctrl+P).")),
            about(model),
            summary(model),
            .h2(.text("Hefbomen")),
            UI.table(caption: nil, headers: ["Hefboom", "Waarde"], rows: leverRows(model)),
            figures(model.results),
            .h2(.text("Kalibratie")),
            WorkforceViews.calibrationTable(model.results),
            .h2(.text("Parameters en aannames")),
            WorkforceViews.parameterList(model.scenario),
            .p(
                .class("muted"),
                .text("Model en bronnen: "), .a(.href(WorkforceURL.about.path), .text("Over dit model")),
                .text(". Gemaakt met Vitaal op \(DutchDate.dateTime(context.now)).")))
    }

    static func about(_ model: Model) -> BodyNode {
        let changed = model.changesScenario ? " met aangepaste hefbomen (niet opgeslagen)" : ""
        return .p(
            .text(
                "Regionale strategische personeelsplanning zorg en welzijn Flevoland · scenario "
                    + "\(model.version.name), versie \(model.version.version)\(changed) · "
                    + "\(model.scenario.baseYear)–\(model.scenario.horizon)"),
            .if(model.version.isExample, .group(.text(" "), UI.badge("voorbeelddata"))))
    }

    static func summary(_ model: Model) -> BodyNode {
        let results = model.results
        return .group(
            .h2(.text("Samenvatting")),
            .p(.class("wf-summary"), .text(results.summary)),
            .p(.text(WorkforceViews.sensitivityText(results.sensitivity))),
            .unwrap(results.band) { band in
                .p(
                    .text(
                        "Onzekerheid: het tekort in \(results.year) ligt met 90 % zekerheid tussen "
                            + "\(WorkforceViews.persons(band.shortagePersons.p5)) en "
                            + "\(WorkforceViews.persons(band.shortagePersons.p95)) personen "
                            + "(\(results.uncertainty?.runs ?? 0) Monte Carlo-runs, seed \(model.scenario.seed))."))
            })
    }

    static func figures(_ results: WorkforceResults) -> BodyNode {
        .group(
            .h2(.text("Vraag en aanbod")),
            UI.figure(UI.svg(WorkforceViews.supplyDemandChart(results)), caption: "Personen, heel Flevoland."),
            WorkforceViews.yearTable(results),
            .h2(.text("Tekort per sector en deelregio")),
            UI.figure(UI.svg(WorkforceViews.gapChart(results)), caption: "Tekort per sector."),
            WorkforceViews.sectorTable(results),
            WorkforceViews.regionTable(results),
            .h2(.text("Onzekerheid en gevoeligheid")),
            UI.figure(UI.svg(WorkforceViews.fanChart(results, saved: nil)), caption: "Waaier van het tekort."),
            UI.figure(UI.svg(WorkforceViews.sensitivityChart(results)), caption: "Effect van één stap per hefboom."))
    }

    static func leverRows(_ model: Model) -> [[BodyNode]] {
        WorkforceLevers.catalogue.map { lever in
            let value = WorkforceLeverForm.display(model.scenario.levers[lever.id].value * lever.displayFactor)
            return [.text(lever.label), .text("\(value) \(lever.unit)")]
        }
    }
}
