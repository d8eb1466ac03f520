import Testing

@testable import VitaalDomain

/// #16: the P&C calendar's deadlines and settings, and budget versus actual like with like.
@Suite struct PlansCalendarAndComparisonTests {
    @Test func deadlinesOfAPlanYearFollowTheCycle() {
        let deadlines = PCCalendar.standard.deadlines(planYear: 2026)
        #expect(deadlines.map(\.document) == [.kaderbrief, .jaarplan, .voortgangsrapportage, .jaarverslag])
        #expect(deadlines.map(\.due.description) == ["2025-04-01", "2025-11-01", "2026-09-01", "2027-05-01"])
        #expect(deadlines[0].basis.contains("voorjaar"))
        #expect(deadlines[1].basis.contains("najaar"))
        #expect(deadlines[3].basis.contains("geen termijn"))
    }

    @Test func aCalendarYearHoldsTheDeadlinesOfThreePlanYears() {
        let inYear = PCCalendar.standard.deadlines(inCalendarYear: 2026)
        #expect(
            inYear.map { "\($0.document.rawValue) \($0.planYear)" } == [
                "kaderbrief 2027", "jaarverslag 2025", "voortgangsrapportage 2026", "jaarplan 2027"
            ])
        #expect(inYear.allSatisfy { $0.due.year == 2026 })
    }

    @Test func daysAreSetThroughTheEnvironmentAndBadValuesKeepTheDefault() {
        let (calendar, problems) = PCCalendar.configured([
            "VITAAL_PC_KADERBRIEF": "03-15", "VITAAL_PC_JAARVERSLAG": "02-30", "VITAAL_PC_JAARPLAN": "9999999"
        ])
        let deadlines = calendar.deadlines(planYear: 2026)
        #expect(deadlines[0].due.description == "2025-03-15")
        #expect(deadlines[0].configured)
        #expect(deadlines[1].due.description == "2025-11-01")
        #expect(deadlines[3].due.description == "2027-05-01")
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.contains("geen geldige dag") })
    }

    static func table() -> BudgetTable {
        BudgetTable(
            key: "t", title: "T",
            columns: [
                BudgetColumn(key: "w23", label: "Werkelijk 2023", year: 2023, kind: .actual),
                BudgetColumn(key: "b24", label: "Begroting 2024", year: 2024, kind: .budget),
                BudgetColumn(key: "w24", label: "Werkelijk 2024", year: 2024, kind: .actual)
            ], hasTotalColumn: false,
            sections: [
                BudgetSection(
                    key: "lasten", label: "Lasten",
                    lines: [
                        BudgetLine(key: "p", label: "Personeel", cells: [.amount(80), .amount(100), .amount(110)]),
                        BudgetLine(key: "h", label: "Huisvesting", cells: [.empty, .amount(50), .amount(40)])
                    ])
            ])
    }

    @Test func onlyLinesWithAnActualAreComparedAndTheOthersAreNamed() {
        let comparison = BudgetComparison(Self.table(), actuals: ["p": ["b24": 120]])
        let entered = comparison.rows[0]
        #expect(entered.column == "Begroting 2024")
        #expect(entered.budget == 100)
        #expect(entered.actual == 120)
        #expect(entered.difference == 20)
        #expect(entered.percent == 120)
        #expect(entered.withoutActual == ["Huisvesting"])
        let none = BudgetComparison(Self.table(), actuals: [:]).rows[0]
        #expect(none.compared == 0)
        #expect(none.percent == nil)
    }

    @Test func actualColumnsMeetTheBudgetColumnOfTheSameYearOrAreReported() {
        let comparison = BudgetComparison(Self.table(), actuals: [:])
        let matched = comparison.rows.first { $0.column == "Begroting 2024 ↔ Werkelijk 2024" }
        #expect(matched?.budget == 150)
        #expect(matched?.actual == 150)
        #expect(matched?.difference == 0)
        #expect(comparison.unmatched.count == 1)
        #expect(comparison.unmatched.first?.contains("Werkelijk 2023") == true)
    }

    @Test func sumsThatDoNotFitAreReportedNotTrapped() {
        var table = Self.table()
        table.sections[0].lines[0].cells[1] = .amount(Money(cents: Int.max))
        table.sections[0].lines[1].cells[1] = .amount(Money(cents: Int.max))
        let comparison = BudgetComparison(
            table, actuals: ["p": ["b24": Money(cents: 1)], "h": ["b24": Money(cents: 1)]])
        #expect(comparison.error != nil)
        #expect(comparison.rows.isEmpty)
    }
}
