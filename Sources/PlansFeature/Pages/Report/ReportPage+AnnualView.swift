import AppCore
import Plot
import VitaalDomain

extension ReportPage {
    /// The annual report (jaarverslag) of one year: the year's targets per goal, budget versus actual of
    /// the year, "Geleerde lessen" and "Evaluatie", then the monitor's indicators and stories.
    static func annualView(_ model: Model, _ annual: Annual) -> SitePage {
        SitePage(
            "Jaarverslag \(annual.year): \(model.title)",
            breadcrumbs: PlanViews.planCrumbs(key: model.key, title: model.title),
            .div(
                .class("plan-report"),
                .unwrap(annual.notice) { UI.notice("success", $0) },
                .p(.class("lead"), .text(model.lead)),
                .if(!model.forPDF, navigation(model)),
                .if(!model.forPDF && annual.years.count > 1, yearNavigation(model.key, annual)),
                .h2(.id("samenvatting"), .text("Samenvatting \(annual.year)")),
                .dl(
                    .class("kv"),
                    .dt(.text("Doelstellingen in \(annual.year)")), .dd(.text("\(annual.rollUp.targetCount)")),
                    .dt(.text("Stand op 31 december \(annual.year)")), .dd(PlanViews.rollUpNode(annual.rollUp))),
                .h2(.id("realisaties"), .text("Realisaties \(annual.year) per doel")),
                goals(annual),
                PlanViews.statusRule),
            annualBudgets(annual),
            texts(annual),
            commitments(model),
            indicators(model.charts),
            stories(model.stories))
    }

    static func yearNavigation(_ key: String, _ annual: Annual) -> BodyNode {
        let report = PlanURL.report(plan: .value(key))
        return .nav(
            .attribute(named: "aria-label", value: "Jaren van het jaarverslag"), .class("no-print"),
            .p(
                .text("Jaar: "),
                .forEach(annual.years) { year in
                    year == annual.year
                        ? .strong(.attribute(named: "aria-current", value: "page"), .text("\(year) "))
                        : .group(
                            .a(
                                .href(
                                    attr(
                                        report.path(query: [
                                            ("soort", Kind.jaarverslag.rawValue), ("jaar", "\(year)")
                                        ]))), .text("\(year)")), .text(" "))
                }))
    }

    static func goals(_ annual: Annual) -> BodyNode {
        if annual.goals.isEmpty {
            return .p(.class("muted"), .text("Geen doelstellingen die in \(annual.year) lopen."))
        }
        // The caption names the goal: it is the heading of each goal's table.
        return .forEach(annual.goals) { goal in
            UI.table(
                caption: "\(goal.title): realisaties \(annual.year) tegen de streefwaarde voor \(annual.year)",
                headers: [
                    "Maat", "Streefwaarde \(annual.year)", "Realisaties in \(annual.year)", "Stand 31 december",
                    "Status"
                ],
                rows: goal.rows.map { row in
                    [
                        .group(
                            row.link.map { .a(.href(attr($0)), .text(row.measure)) } ?? .text(row.measure),
                            PlanViews.exampleBadge(row.isExample)),
                        .text(row.yearTarget), .text(row.realisations), .text(row.atYearEnd),
                        PlanViews.status(row.status)
                    ]
                })
        }
    }

    static func annualBudgets(_ annual: Annual) -> BodyNode {
        .group(
            .h2(.id("begroting"), .text("Begroting en werkelijk \(annual.year)")),
            annual.budgets.isEmpty
                ? .p(.class("muted"), .text("Geen begrotingstabel van dit plan heeft een kolom voor \(annual.year)."))
                : .forEach(annual.budgets) { budget in
                    .group(
                        .h3(.text("\(budget.table.title): kolommen van \(annual.year)")),
                        BudgetTableView.view(budget.table, actuals: budget.actuals),
                        BudgetComparisonView.view(budget.comparison, table: budget.table))
                })
    }

    static func texts(_ annual: Annual) -> BodyNode {
        .group(
            .h2(.id("geleerde-lessen"), .text("Geleerde lessen")),
            paragraphs(annual.lessons, year: annual.year),
            .h2(.id("evaluatie"), .text("Evaluatie")),
            paragraphs(annual.evaluation, year: annual.year),
            .unwrap(annual.written) { .p(.class("muted"), .text($0)) },
            .unwrap(annual.editLink) { link in
                .p(
                    .class("no-print"),
                    .a(
                        .class("button"), .href(attr(link)),
                        .text(
                            annual.written == nil
                                ? "Geleerde lessen en evaluatie schrijven" : "Geleerde lessen en evaluatie bewerken")))
            })
    }

    /// The text as paragraphs (a blank line starts a new one); a muted line while not written.
    static func paragraphs(_ text: String?, year: Int) -> BodyNode {
        guard let text, !text.isEmpty else {
            return .p(.class("muted"), .text("Nog niet geschreven voor \(year)."))
        }
        let parts = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return .forEach(parts) { .p(.text($0)) }
    }
}
