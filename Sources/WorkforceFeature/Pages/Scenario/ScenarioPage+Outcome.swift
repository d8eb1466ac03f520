import AppCore
import Plot
import VitaalDomain

/// The outcome of the chosen year: the summary, the most effective lever and the tiles.
extension ScenarioPage {
    static func outcome(_ model: Model) -> BodyNode {
        let results = model.results
        return .group(
            .h2(.text("Uitkomst \(results.year)")),
            .p(.class("wf-summary"), .text(results.summary)),
            .p(.text(WorkforceViews.sensitivityText(results.sensitivity))),
            .div(
                .class("tiles"),
                gapTile(results),
                demandTile(results, baseYear: model.whatIf.scenario.baseYear),
                .unwrap(model.savedResults) { effectTile(results, saved: $0) }))
    }

    static func gapTile(_ results: WorkforceResults) -> BodyNode {
        let total = results.yearResult.total
        return .div(
            .class("tile"),
            .h3(.text(WorkforceViews.gapHeading(total.shortagePersons, year: results.year))),
            .p(.class("wf-figure"), .text(WorkforceViews.gapText(total.shortagePersons))),
            .p(
                .text(
                    "\(WorkforceViews.pct(abs(total.shortageRate))) van de vraag; "
                        + "tekort in fte \(WorkforceViews.pct(total.shortageRateFTE))")),
            .unwrap(results.band) { band in
                let shortage = band.shortagePersons
                return .p(
                    .text(
                        "90 %-interval: \(WorkforceViews.persons(shortage.p5)) tot "
                            + "\(WorkforceViews.persons(shortage.p95)) personen tekort"
                            + (shortage.p5 < 0 ? " (negatief = overschot)" : "")
                            + " (\(results.uncertainty?.runs ?? 0) runs)"))
            })
    }

    static func demandTile(_ results: WorkforceResults, baseYear: Int) -> BodyNode {
        let year = results.yearResult
        return .div(
            .class("tile"), .h3(.text("Vraag en aanbod")),
            .p(.text("Nodig: \(WorkforceViews.persons(year.total.demandPersons)) personen")),
            .p(.text("Beschikbaar: \(WorkforceViews.persons(year.total.supplyPersons)) personen")),
            .p(.text("Zorgvraag t.o.v. \(baseYear): +\(WorkforceViews.pct(year.careDemandIndex - 1))")))
    }

    /// The saved scenario next to the visitor's levers.
    static func effectTile(_ results: WorkforceResults, saved: WorkforceResults) -> BodyNode {
        let savedTotal = saved.yearResult.total
        let difference = results.yearResult.total.shortagePersons - savedTotal.shortagePersons
        let effect =
            difference <= 0
            ? "Tekort \(WorkforceViews.persons(-difference)) personen kleiner"
            : "Tekort \(WorkforceViews.persons(difference)) personen groter"
        return .div(
            .class("tile"), .h3(.text("Effect van uw hefbomen")),
            .p(
                .text(
                    "Opgeslagen scenario: \(WorkforceViews.gapText(savedTotal.shortagePersons)) "
                        + "(\(WorkforceViews.pct(abs(savedTotal.shortageRate))))")),
            .unwrap(saved.band) { band in
                .p(
                    .text(
                        "90 %-interval: \(WorkforceViews.persons(band.shortagePersons.p5)) tot "
                            + "\(WorkforceViews.persons(band.shortagePersons.p95))"))
            },
            .p(.class("wf-delta"), .text(effect)))
    }
}
