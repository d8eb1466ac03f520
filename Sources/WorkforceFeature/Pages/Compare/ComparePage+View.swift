import AppCore
import Plot
import VitaalDomain

extension ComparePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Scenario's vergelijken", breadcrumbs: WorkforceCrumbs.list,
            WorkforceCompareForm.node(model.options, selected: model.chosen.map(\.id)),
            .forEach(Array(zip(model.chosen, model.results))) { version, results in
                .p(.strong(.a(.href(attr(version.url.path)), .text(version.title))), .text(": " + results.summary))
            },
            UI.figure(
                UI.svg(WorkforceViews.comparisonChart(model.comparison)),
                caption: "Tekort per scenario, centrale berekening."),
            WorkforceViews.comparisonTable(model.comparison, year: Model.year))
    }
}
