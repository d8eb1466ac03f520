import Foundation
import Testing

@testable import VitaalDomain

@Suite("Monitor – derived indicator formulas")
struct DerivedFormulaTests {
    // MARK: Parsing

    @Test func parsesTheThreeOperationsWithAndWithoutFactor() throws {
        #expect(try DerivedFormula.parse("ratio(a_1, b) * 1000") == DerivedFormula(.ratio, ["a_1", "b"], factor: 1000))
        #expect(try DerivedFormula.parse("  SUM( a ,b,c )") == DerivedFormula(.sum, ["a", "b", "c"]))
        #expect(try DerivedFormula.parse("difference(a,b)*0.5") == DerivedFormula(.difference, ["a", "b"], factor: 0.5))
        #expect(try DerivedFormula.parse("ratio(x, y)*100").description == "ratio(x, y) * 100")
        #expect(DerivedFormula(.sum, ["a", "b"]).description == "sum(a, b)")
        #expect(DerivedFormula(.ratio, ["a", "b"], factor: 2.5).description == "ratio(a, b) * 2.5")
    }

    @Test func canonicalTextParsesBackToTheSameFormula() throws {
        for text in ["ratio(a, b) * 1000", "sum(a, b, c)", "difference(p, q) * 0.001"] {
            let f = try DerivedFormula.parse(text)
            #expect(f.description == text)
            #expect(try DerivedFormula.parse(f.description) == f)
        }
    }

    @Test func errorsAreDutchAndNameTheCharacter() {
        let cases: [(String, Int, String)] = [
            ("", 1, "de formule is leeg"),
            ("quotient(a, b)", 1, "onbekende functie \"quotient\""),
            ("ratio a, b)", 7, "\"(\" na ratio verwacht"),
            ("ratio(a, )", 10, "indicatorcode verwacht"),
            ("ratio(a b)", 9, "\",\" of \")\" verwacht"),
            ("ratio(a)", 1, "vraagt precies 2 indicatoren, niet 1"),
            ("sum(a)", 1, "vraagt 2 tot 20 indicatoren, niet 1"),
            ("ratio(a, B)", 10, "geen indicatorcode"),
            ("ratio(a, b) * ", 15, "getal verwacht"),
            ("ratio(a, b) * 1,5", 15, "zonder komma"),
            ("ratio(a, b) * 1.000", 15, "dubbelzinnig; schrijf 1000"),
            ("ratio(a, b) * 0", 15, "groter dan 0"),
            ("ratio(a, b) * 2 + 1", 17, "onverwacht \"+\""),
            ("ratio(a, b", 11, "\",\" of \")\" verwacht, maar het einde gevonden")
        ]
        for (text, position, message) in cases {
            do {
                _ = try DerivedFormula.parse(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.position == position, "\(text): \(error)")
                #expect(error.message.contains(message), "\(text): \(error)")
            }
        }
    }

    @Test func parseAtALocationGivesAVitaalErrorWithTheColumn() {
        do {
            _ = try DerivedFormula.parse(
                "ratio(a)", at: SourceLocation(file: "i.csv", line: 3, column: 20, field: "formula"))
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(
                error.problems.first?.location == SourceLocation(file: "i.csv", line: 3, column: 20, field: "formula"))
            #expect(error.message.hasPrefix("i.csv, regel 3, kolom 20 (veld \"formula\"): ongeldige formule (teken 1)"))
        }
        do {
            _ = try DerivedFormula.parse("ratio(a, b) x", at: SourceLocation(field: "formula"))
            Issue.record("accepted")
        } catch {
            #expect(error.problems.first?.location.column == 13)
        }
    }

    // MARK: Evaluation

    typealias Cell = DerivedFormula.Cell

    @Test func ratioTimesFactor() throws {
        let f = try DerivedFormula.parse("ratio(a, b) * 1000")
        let out = f.evaluate([Cell(value: 30, status: .definitief), Cell(value: 12_000, status: .definitief)])
        #expect(out == Cell(value: 2.5, status: .definitief))
    }

    @Test func sumAndDifference() {
        let sum = DerivedFormula(.sum, ["a", "b", "c"])
        #expect(
            sum.evaluate([
                Cell(value: 1, status: .definitief), Cell(value: 2, status: .definitief),
                Cell(value: 3.5, status: .definitief)
            ])?.value == 6.5)
        let diff = DerivedFormula(.difference, ["a", "b"], factor: 10)
        #expect(diff.evaluate([Cell(value: 5, status: .definitief), Cell(value: 7, status: .definitief)])?.value == -20)
    }

    @Test func statusIsTheLeastCertainOfTheInputs() {
        let f = DerivedFormula(.sum, ["a", "b"])
        func status(_ a: DataStatus, _ b: DataStatus) -> DataStatus? {
            f.evaluate([Cell(value: 1, status: a), Cell(value: 1, status: b)])?.status
        }
        #expect(status(.definitief, .definitief) == .definitief)
        #expect(status(.definitief, .voorlopig) == .voorlopig)
        #expect(status(.voorlopig, .voorbeeld) == .voorbeeld)
        #expect(status(.voorbeeld, .definitief) == .voorbeeld)
    }

    @Test func missingSuppressedAndZeroGiveNoValue() {
        let f = DerivedFormula(.ratio, ["a", "b"], factor: 100)
        // An input without a row: no derived row at all.
        #expect(f.evaluate([Cell(value: 1, status: .definitief), nil]) == nil)
        // A documented gap keeps its reason.
        let gap = f.evaluate([
            Cell(value: nil, missingReason: .confidential, status: .definitief), Cell(value: 4, status: .voorlopig)
        ])
        #expect(gap == Cell(value: nil, missingReason: .confidential, status: .voorlopig))
        // Division by zero: no value.
        let zero = f.evaluate([Cell(value: 3, status: .definitief), Cell(value: 0, status: .definitief)])
        #expect(zero?.value == nil)
        #expect(zero?.missingReason == .notApplicable)
    }

    @Test func aHiddenInputHidesTheResult() {
        let f = DerivedFormula(.ratio, ["a", "b"], factor: 1000)
        let out = f.evaluate([Cell(value: 3, status: .definitief, hidden: true), Cell(value: 9000, status: .definitief)]
        )
        #expect(out?.value == f.factor * 3 / 9000)
        #expect(out?.hidden == true)
        let shown = f.evaluate([Cell(value: 30, status: .definitief), Cell(value: 9000, status: .definitief)])
        #expect(shown?.hidden == false)
    }

    @Test func seriesAreEvaluatedWhereEveryInputHasARow() {
        typealias Key = DerivedFormula.Key
        let f = DerivedFormula(.ratio, ["a", "b"])
        let k1 = Key(region: "GM0034", period: "2024")
        let k2 = Key(region: "GM0034", period: "2023")
        let k3 = Key(region: "GM0050", period: "2024")
        let out = f.evaluate(series: [
            "a": [
                k1: Cell(value: 10, status: .voorbeeld), k2: Cell(value: 6, status: .definitief),
                k3: Cell(value: 1, status: .definitief)
            ],
            "b": [k1: Cell(value: 4, status: .definitief), k2: Cell(value: 3, status: .definitief)]
        ])
        #expect(out == [k1: Cell(value: 2.5, status: .voorbeeld), k2: Cell(value: 2, status: .definitief)])
    }

    @Test func dutchTextNamesTheInputs() {
        let names = ["a": "Meldingen", "b": "Inwoners"]
        #expect(
            DerivedFormula(.ratio, ["a", "b"], factor: 1000).dutchText { names[$0] ?? $0 }
                == "(Meldingen gedeeld door Inwoners) × 1.000")
        #expect(DerivedFormula(.sum, ["a", "b"]).dutchText { names[$0] ?? $0 } == "som van Meldingen, Inwoners")
    }

    // MARK: Catalogue

    typealias Entry = DerivedCatalogue.Entry

    @Test func catalogueCheckFindsUnknownInputsCyclesUnitsAndMixedSums() throws {
        let entries = [
            Entry(code: "a", unit: "aantal", formula: nil),
            Entry(code: "b", unit: "aantal", formula: nil),
            Entry(code: "pct", unit: "%", formula: nil),
            Entry(code: "ok", unit: "per 1.000", formula: try DerivedFormula.parse("ratio(a, b) * 1000")),
            Entry(code: "unknown", unit: "x", formula: try DerivedFormula.parse("sum(a, zz)")),
            Entry(code: "self", unit: "x", formula: try DerivedFormula.parse("sum(a, self)")),
            Entry(code: "c1", unit: "x", formula: try DerivedFormula.parse("ratio(c2, a)")),
            Entry(code: "c2", unit: "x", formula: try DerivedFormula.parse("ratio(c1, b)")),
            Entry(code: "nounit", unit: " ", formula: try DerivedFormula.parse("ratio(a, b)")),
            Entry(code: "mixed", unit: "x", formula: try DerivedFormula.parse("sum(a, pct)"))
        ]
        let findings = DerivedCatalogue.check(entries)
        #expect(
            findings.map { "\($0.code): \($0.message)" } == [
                "c1: de formule is kringvormig: c1 → c2 → c1",
                "c2: de formule is kringvormig: c2 → c1 → c2",
                "mixed: sum telt indicatoren met verschillende eenheden op (%, aantal); gebruik dezelfde eenheid",
                "nounit: een berekende indicator moet zijn eenheid noemen (bijv. per 1.000 inwoners)",
                "self: de formule gebruikt de indicator zelf",
                "unknown: de formule gebruikt onbekende indicator \"zz\""
            ])
    }

    @Test func planListsStoredInputsAndDerivedInComputingOrder() throws {
        let entries: [String: Entry] = [
            "a": Entry(code: "a", unit: "aantal", formula: nil),
            "b": Entry(code: "b", unit: "aantal", formula: nil),
            "c": Entry(code: "c", unit: "aantal", formula: nil),
            "ab": Entry(code: "ab", unit: "aantal", formula: try DerivedFormula.parse("sum(a, b)")),
            "r": Entry(code: "r", unit: "%", formula: try DerivedFormula.parse("ratio(ab, c) * 100"))
        ]
        let plan = DerivedCatalogue.plan(for: ["r"], entries: entries)
        #expect(plan.stored == ["a", "b", "c"])
        #expect(plan.derived == ["ab", "r"])
        #expect(DerivedCatalogue.plan(for: ["a"], entries: entries).derived.isEmpty)
    }
}
