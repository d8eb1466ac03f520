import Foundation
import Testing

@testable import VitaalDomain

/// #16: the annual report's year view of targets and budgets, its authored texts, and the province's
/// contributions across plans. Every expected figure is computed by hand in the comments.
@Suite struct AnnualReportAndContributionsTests {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> PlanDate { PlanDate(y, m, d)! }

    /// A three-year plan: a multi-year target, a count that ended in 2024, a final-year target in 2025.
    static var plan: Plan {
        let nodes = [
            GoalNode(key: "G1", parent: nil, level: 0, title: "Gezond opgroeien", text: ""),
            GoalNode(key: "G2", parent: "G1", level: 1, title: "Sport in de wijk", text: "")
        ]
        let targets = [
            SmartTarget(
                key: "t1", nodeKey: "G2", measure: "Deelnemers", unit: "personen",
                baseline: DatedValue(0, at: date(2024, 1, 1)), targetValue: 100, targetDate: date(2026, 12, 31),
                direction: .increase,
                realisations: [
                    Realisation(value: 20, date: date(2024, 6, 30)), Realisation(value: 40, date: date(2025, 3, 31)),
                    Realisation(value: 55, date: date(2025, 11, 30))
                ]),
            SmartTarget(
                key: "t2", nodeKey: "G1", measure: "Bijeenkomsten", unit: "keer",
                baseline: DatedValue(0, at: date(2024, 1, 1)), targetValue: 4, targetDate: date(2024, 12, 31),
                direction: .count, realisations: [Realisation(value: 4, date: date(2024, 10, 1))]),
            SmartTarget(
                key: "t3", nodeKey: "G2", measure: "Wijkscans", unit: "scans",
                baseline: DatedValue(0, at: date(2025, 1, 1)), targetValue: 4, targetDate: date(2025, 12, 31),
                direction: .atLeast)
        ]
        return Plan(
            key: "p", title: "Plan", owner: "Flever", version: 1,
            period: PlanPeriod(start: date(2024, 1, 1), end: date(2026, 12, 31)), status: .vastgesteld,
            levels: ["Doel", "Subdoel"], nodes: nodes, targets: targets)
    }

    @Test func theYearShowsItsRealisationsAgainstTheYearsTargetPerGoal() {
        let report = AnnualReport(plan: Self.plan, year: 2025)
        // t2 ended in 2024 and is not part of 2025; t1 and t3 hang on G2.
        #expect(report.goals.map(\.nodeKey) == ["G2"])
        #expect(report.goals[0].title == "Subdoel: Sport in de wijk")
        let t1 = report.goals[0].targets[0]
        #expect(t1.target.key == "t1")
        // Straight line 2024-01-01 (0) → 2026-12-31 (100): 730 of 1.095 days by 2025-12-31.
        #expect(abs(t1.yearTarget - 100.0 * 730 / 1095) < 1e-9)
        #expect(!t1.isFinalYear)
        #expect(t1.realisations.map(\.value) == [40, 55])
        #expect(t1.valueAtYearEnd == 55)
        // Expected at 2025-11-30: 100 × 699/1.095 = 63,8; progress 55/63,8 = 0,86 → risico.
        #expect(t1.status == .atRisk)
        #expect(t1.status == Self.plan.targets[0].status(asOf: AnnualReport.yearEnd(2025)))
        let t3 = report.goals[0].targets[1]
        #expect(t3.isFinalYear && t3.yearTarget == 4 && t3.realisations.isEmpty && t3.valueAtYearEnd == nil)
        #expect(t3.status == .noData)
        #expect(report.rollUp.counts[.atRisk] == 1 && report.rollUp.counts[.noData] == 1)

        let earlier = AnnualReport(plan: Self.plan, year: 2024)
        #expect(earlier.goals.map(\.nodeKey) == ["G2", "G1"])
        // 365 of 1.095 days by 2024-12-31.
        #expect(abs(earlier.goals[0].targets[0].yearTarget - 100.0 / 3) < 1e-9)
        #expect(earlier.goals[1].targets[0].status == .achieved)
    }

    @Test func theDefaultYearIsTheLastYearThatHasEnded() {
        #expect(AnnualReport.years(of: Self.plan) == 2024...2026)
        #expect(AnnualReport.defaultYear(of: Self.plan, today: Self.date(2026, 3, 1)) == 2025)
        #expect(AnnualReport.defaultYear(of: Self.plan, today: Self.date(2025, 12, 1)) == 2025)
        #expect(AnnualReport.defaultYear(of: Self.plan, today: Self.date(2030, 1, 1)) == 2026)
        #expect(AnnualReport.defaultYear(of: Self.plan, today: Self.date(2020, 1, 1)) == 2024)
    }

    @Test func aBudgetTableRestrictedToOneYearKeepsOnlyThatYearsColumns() throws {
        let table = PlansDemoData.fleverBegroting2023_2025
        let year = try #require(table.restricted(toYear: 2024))
        #expect(year.columns.map(\.label) == ["Begroting 2024"])
        // Baten 2024: 1.190 + 546 + 1.420 = 3.156 (× € 1.000), as printed.
        #expect(year.computedTotal(section: "baten", column: 0) == Money(thousands: 3156))
        #expect(year.section("baten")?.statedTotals == [.amount(Money(thousands: 3156))])
        #expect(year.section("baten")?.lines[0].statedPercents == [38])
        #expect(table.restricted(toYear: 2030) == nil)
    }

    @Test func lessonsAndEvaluationAreRequiredAndBounded() throws {
        do {
            _ = try AnnualReflection(lessons: "  \n", evaluation: String(repeating: "x", count: 10_001))
            Issue.record("empty and over-long texts are refused")
        } catch {
            #expect(error.problems.map(\.location.field) == ["geleerde_lessen", "evaluatie"])
            #expect(error.problems[0].message == "Geleerde lessen: vul deze tekst in")
            #expect(error.problems[1].message == "Evaluatie: ten hoogste 10.000 tekens (nu 10.001)")
        }
        let saved = try AnnualReflection(lessons: " Vroeg beginnen. ", evaluation: "Goed verlopen.")
        #expect(saved.lessons == "Vroeg beginnen." && saved.evaluation == "Goed verlopen.")
    }

    // MARK: Province contributions

    static let subsidy = "Subsidie Provincie Flevoland (langlopend)"
    static let impulse = "Impulsregeling Zorgzaam Flevoland"

    /// Plan B: programme columns for 2025 and a whole-organisation column for 2026, then a summary table
    /// that states the 2025 subsidy differently.
    static var planB: ProvinceContributions.PlanBudgets {
        func e(_ v: Int) -> BudgetCell { .amount(Money(euros: v)) }
        let perProgramme = BudgetTable(
            key: "programma", title: "Per programma",
            columns: [
                BudgetColumn(key: "p1", label: "P1 2025", year: 2025, programme: "P1"),
                BudgetColumn(key: "p2", label: "P2 2025", year: 2025, programme: "P2"),
                BudgetColumn(key: "b26", label: "Begroting 2026", year: 2026)
            ], hasTotalColumn: false,
            sections: [
                BudgetSection(
                    key: "baten", label: "Baten",
                    lines: [
                        BudgetLine(
                            key: "prov", label: " \(subsidy) ", category: .subsidieProvincie,
                            cells: [e(100), e(50), e(80)]),
                        BudgetLine(
                            key: "impuls", label: impulse, category: .subsidieProvincie, cells: [e(10), .empty, e(25)]),
                        BudgetLine(
                            key: "vws", label: "Subsidie VWS", category: .subsidieVWS, cells: [e(999), e(999), e(999)])
                    ])
            ])
        let summary = BudgetTable(
            key: "samenvatting", title: "Samenvatting",
            columns: [BudgetColumn(key: "b25", label: "Begroting 2025", year: 2025)], hasTotalColumn: false,
            sections: [
                BudgetSection(
                    key: "baten", label: "Baten",
                    lines: [BudgetLine(key: "prov", label: subsidy, category: .subsidieProvincie, cells: [e(140)])])
            ])
        return ProvinceContributions.PlanBudgets(
            key: "b", title: "Plan B", organisation: "GGD Flevoland", tables: [perProgramme, summary],
            actuals: [
                // Both programme cells of the subsidy have an actual (120 + 40); the impulse only one.
                "programma": ["prov": ["p1": Money(euros: 120), "p2": Money(euros: 40)], "impuls": ["p1": 12]]
            ])
    }

    static var flever: ProvinceContributions.PlanBudgets {
        ProvinceContributions.PlanBudgets(
            key: "flever-jaarplan-2025", title: "Jaarplan Flever 2025", organisation: "Flever",
            tables: [PlansDemoData.fleverBegroting2023_2025, PlansDemoData.fleverBegrotingPerProgramma2025])
    }

    @Test func contributionsPerSourceAndYearFromTheSubsidyLines() throws {
        let c = ProvinceContributions([Self.flever, Self.planB])
        #expect(c.sources == [Self.impulse, Self.subsidy])
        #expect(c.years == [2023, 2024, 2025, 2026])
        // Flever 2023 is an actual column (Werkelijk 2023: 1.142 k€), 2024 and 2025 budgets.
        let s2023 = c.entries(source: Self.subsidy, year: 2023)
        #expect(s2023.map(\.planKey) == ["flever-jaarplan-2025"])
        #expect(s2023[0].budget == nil && s2023[0].actual == Money(thousands: 1142))
        // 2025: Flever 1.247 k€ (its first table; the per-programme table sums to the same 197 + 363 +
        // 444 + 243 = 1.247, so no note) and plan B's programmes 100 + 50 = 150 with actual 120 + 40.
        let s2025 = c.entries(source: Self.subsidy, year: 2025)
        #expect(s2025.map(\.planTitle) == ["Jaarplan Flever 2025", "Plan B"])
        #expect(s2025[0].budget == Money(thousands: 1247) && s2025[0].actual == nil)
        #expect(s2025[0].budgetTable == "Begroting Flever 2025")
        #expect(s2025[1].budget == Money(euros: 150) && s2025[1].actual == Money(euros: 160))
        #expect(ProvinceContributions.budget(s2025) == Money(euros: 1_247_150))
        #expect(ProvinceContributions.actual(s2025) == Money(euros: 160))
        // The impulse: 2025 = 10 + nothing; only one programme has an actual, so no actual (like with like).
        let i2025 = c.entries(source: Self.impulse, year: 2025)
        #expect(i2025.count == 1 && i2025[0].budget == Money(euros: 10) && i2025[0].actual == nil)
        #expect(c.entries(source: Self.impulse, year: 2026)[0].budget == Money(euros: 25))
        // Year 2025 over both sources: 1.247.000 + 150 + 10; the subsidy over all years:
        // 1.190.000 + 1.247.000 + 150 + 80 (the 2023 actual is not a budget).
        #expect(ProvinceContributions.budget(c.entries(year: 2025)) == Money(euros: 1_247_160))
        #expect(ProvinceContributions.budget(c.entries(source: Self.subsidy)) == Money(euros: 2_437_230))
        #expect(ProvinceContributions.budget(c.entries) == Money(euros: 2_437_265))
        // The VWS line is not a contribution of the province.
        #expect(!c.entries.contains { $0.source.contains("VWS") })
        #expect(
            c.notes == [
                "Plan B: tabel \"Samenvatting\" noemt voor \"\(Self.subsidy)\" 2025 (begroting) € 140, tabel "
                    + "\"Per programma\" € 150; geteld is \"Per programma\"."
            ])
    }

    @Test func noPlansGiveNoContributions() {
        let c = ProvinceContributions([])
        #expect(c.sources.isEmpty && c.years.isEmpty && c.entries.isEmpty)
        #expect(ProvinceContributions.budget(c.entries) == nil)
    }
}
