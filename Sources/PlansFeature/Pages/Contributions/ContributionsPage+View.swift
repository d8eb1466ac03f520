import AppCore
import Plot
import VitaalDomain

extension ContributionsPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let c = model.contributions
        return SitePage(
            "Bijdragen van de provincie", breadcrumbs: PlanViews.crumbs,
            .p(
                .class("lead"),
                .text(
                    "Wat de provincie per financieringsbron en jaar bijdraagt, opgeteld over de begrotingen van alle "
                        + "plannen. Een bedrag telt mee als de begrotingsregel de categorie \"Subsidie provincie\" "
                        + "heeft; de financieringsbron is de naam van die regel. Begroot en werkelijk staan apart.")),
            .if(
                !model.includesUnpublished,
                UI.notice(
                    "info",
                    "U ziet de bijdragen in vastgestelde en afgesloten plannen. Plannen in concept of ingediend "
                        + "tellen mee na inloggen.")),
            .p(
                .class("no-print"),
                .a(.href(attr(PlanURL.contributionsCSV.path)), .text("Download als CSV")), .text(" · "),
                .a(.href(attr(PlanURL.apiContributions.path)), .text("JSON (API)"))),
            c.entries.isEmpty
                ? .p(.class("muted"), .text("Geen plan heeft een begrotingsregel \"Subsidie provincie\" met een jaar."))
                : .group(
                    .h2(.id("begroot"), .text("Begroot")),
                    matrix(model, kind: .budget),
                    .if(
                        c.entries.contains { $0.actual != nil },
                        .group(.h2(.id("werkelijk"), .text("Werkelijk")), matrix(model, kind: .actual))),
                    .forEach(c.notes) { UI.notice("warning", $0) },
                    .h2(.id("herkomst"), .text("Herkomst per financieringsbron en jaar")),
                    origins(model)))
    }

    static func amount(_ money: Money?) -> String { money?.formatted ?? "–" }

    /// Sources × years with a total column and a total row; each cell links to its plans.
    static func matrix(_ model: Model, kind: BudgetKind) -> BodyNode {
        let c = model.contributions
        func sum(_ entries: [ProvinceContributions.Entry]) -> Money? {
            kind == .budget ? ProvinceContributions.budget(entries) : ProvinceContributions.actual(entries)
        }
        let rows: [[BodyNode]] = c.sources.map { source in
            [.text(source)]
                + c.years.map { year -> BodyNode in
                    let entries = c.entries(source: source, year: year)
                    guard let total = sum(entries) else { return .text("–") }
                    return .a(.href(attr("#" + model.anchor(source: source, year: year))), .text(total.formatted))
                } + [.strong(.text(amount(sum(c.entries(source: source)))))]
        }
        let totals: [BodyNode] =
            [.strong(.text("Totaal"))] + c.years.map { .strong(.text(amount(sum(c.entries(year: $0))))) }
            + [.strong(.text(amount(sum(c.entries))))]
        return UI.table(
            caption: "\(kind == .budget ? "Begrote" : "Werkelijke") bijdragen van de provincie per "
                + "financieringsbron en jaar (euro)",
            headers: ["Financieringsbron"] + c.years.map { "\($0)" } + ["Totaal"], rows: rows + [totals],
            numericColumns: Set(1...(c.years.count + 1)))
    }

    /// Per source and year, the plans the amount comes from.
    static func origins(_ model: Model) -> BodyNode {
        let c = model.contributions
        return .forEach(c.sources) { source in
            .forEach(c.years.filter { !c.entries(source: source, year: $0).isEmpty }) { year in
                let entries = c.entries(source: source, year: year)
                return .group(
                    .h3(.id(attr(model.anchor(source: source, year: year))), .text("\(source), \(year)")),
                    UI.table(
                        caption: "Plannen met een bijdrage uit \(source) in \(year)",
                        headers: ["Plan", "Organisatie", "Begroot", "Werkelijk", "Uit tabel"],
                        rows: entries.map { entry in
                            [
                                .a(
                                    .href(attr(PlanURL.budget(plan: .value(entry.planKey)).path)),
                                    .text(entry.planTitle)),
                                .text(entry.organisation), .text(amount(entry.budget)), .text(amount(entry.actual)),
                                .text(
                                    [entry.budgetTable, entry.actualTable].compactMap { $0 }
                                        .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                                        .joined(separator: "; "))
                            ]
                        }, numericColumns: [2, 3]))
            }
        }
    }
}
