import Testing

@testable import VitaalDomain

/// H6: amounts, hours and FTE are bounded on input, and no sum of stored amounts can trap.
@Suite struct PlansOverflowTests {
    @Test func amountsAboveOneTrillionEurosAreRefusedNamingFieldAndLimit() throws {
        let thousand = Money(thousands: 1)
        for text in [
            "9223372036854775807", "9.223.372.036.854.775.807", "50.000.000.000.000", "1.000.000.001",
            "99999999999999999999999999999999999999"
        ] {
            do {
                _ = try BudgetCell.parse(text, unit: thousand, at: SourceLocation(field: "werkelijk.A&O"))
                Issue.record("\(text) was accepted")
            } catch let error as VitaalError {
                #expect(error.kind == .invalidInput)
                #expect(error.problems.first?.location.field == "werkelijk.A&O")
                #expect(
                    error.problems.first?.message.contains(
                        "ten hoogste € 1.000.000.000.000 (in deze tabel 1.000.000.000 × € 1.000)") == true,
                    "\(error.problems.first?.message ?? "")")
            }
        }
        #expect(try BudgetCell.parse("1.000.000.000", unit: thousand) == .amount(Money(cents: Money.maxCents)))
        #expect(
            try BudgetCell.parse("-1.000.000.000.000", unit: Money(euros: 1)) == .amount(Money(cents: -Money.maxCents)))
        #expect(
            try BudgetCell.parse("000000000000000000000000000001,5", unit: Money(euros: 1))
                == .amount(Money(cents: 150)))
        #expect(throws: VitaalError.self) { try BudgetCell.parse("1.000.000.000.001", unit: Money(euros: 1)) }
    }

    @Test func moneyOperatorsSaturateAndCheckedSumsThrow() throws {
        let big = Money(cents: Int.max - 1)
        #expect((big + big).cents == Int.max)
        #expect((-big - big).cents == Int.min)
        #expect((-Money(cents: Int.min)).cents == Int.max)
        #expect(Money(euros: Int.max).cents == Int.max)
        #expect(Money(thousands: Int.min).cents == Int.min)
        #expect(throws: VitaalError.self) { try Money.sum([big, big]) }
        #expect(throws: VitaalError.self) { try Money(cents: Int.min).subtracting(Money(cents: 1)) }
        #expect(try Money.sum([Money(euros: 1), Money(euros: 2)]) == Money(euros: 3))
        #expect(Money(cents: Int.max).percent(of: Money(cents: Int.max)) == 100)
        #expect(Money(cents: Int.max).percent(of: Money(cents: 1)) == nil, "too large a percentage is nil, not a trap")
        #expect(Money(cents: 81).percent(of: Money(cents: 200)) == 41)
    }

    @Test func aTableWhoseSumsOverflowSaysSoInsteadOfTrapping() throws {
        var table = PlansDemoData.fleverBegrotingPerProgramma2025
        #expect(table.arithmeticError == nil)
        let huge = Money(cents: 5_000_000_000_000_000_000)
        table.sections[1].lines[0].cells[0] = .amount(huge)
        table.sections[1].lines[1].cells[0] = .amount(huge)
        let error = try #require(table.arithmeticError)
        #expect(error.kind == .invalidInput)
        #expect(error.message.contains("kan niet worden berekend"))
        #expect(error.message.contains(table.sections[1].lines[0].label), "names the line: \(error.message)")
        // The plain functions and the check still run without trapping.
        _ = table.computedTotal(section: table.sections[1].key, column: 0)
        _ = table.check(percentTolerance: 0)
        _ = table.balance(column: 0)
    }

    @Test func personnelHoursEmployeesAndFTEAreBounded() throws {
        #expect(throws: VitaalError.self) {
            try PersonnelFigures(year: 2025, employees: 1, fte: "1", programmeHours: Int.max, indirectHours: 1)
        }
        #expect(throws: VitaalError.self) {
            try PersonnelFigures(year: 2025, employees: 1, fte: "1", programmeHours: 1, indirectHours: 10_000_001)
        }
        #expect(throws: VitaalError.self) {
            try PersonnelFigures(year: 2025, employees: 10_000_001, fte: "1", programmeHours: 1, indirectHours: 1)
        }
        do {
            _ = try PersonnelFigures(
                year: 2025, employees: 1, fte: "9223372036854775807", programmeHours: 1, indirectHours: 1)
            Issue.record("huge FTE accepted")
        } catch let error as VitaalError {
            #expect(error.problems.first?.location.field == "fte")
            #expect(error.problems.first?.message.contains("ten hoogste 1.000.000 FTE") == true)
        }
        let most = try PersonnelFigures(
            year: 2025, employees: 10_000_000, fte: "1.000.000", programmeHours: 10_000_000, indirectHours: 10_000_000)
        #expect(most.totalHours == 20_000_000)
        #expect(most.programmeShare == 50)
    }
}
