import Foundation
import Testing

@testable import VitaalDomain

@Suite("Monitor – indicator catalogue form rules")
struct IndicatorDraftTests {
    static func draft(_ change: (inout IndicatorDraft) -> Void = { _ in }) -> IndicatorDraft {
        var draft = IndicatorDraft()
        draft.code = "ggd_eenzaam"
        draft.name = "Ernstig eenzaam"
        draft.unit = "%"
        draft.decimals = "1"
        draft.polarity = "lowerIsBetter"
        draft.level = "outcome"
        draft.source = "GGD"
        draft.licence = "CC BY 4.0"
        draft.normComparison = "≤"
        draft.normValue = "10,5"
        draft.rangeMin = "0"
        draft.rangeMax = "100"
        draft.visibility = "public"
        draft.status = "concept"
        change(&draft)
        return draft
    }

    /// The fields named by the problems of a refused draft.
    static func fields(_ draft: IndicatorDraft, known: Set<String> = []) -> [String] {
        do {
            _ = try draft.validated(knownCodes: known)
            return []
        } catch {
            return error.problems.compactMap(\.location.field)
        }
    }

    @Test func aGoodDraftBecomesTheDefinition() throws {
        let valid = try Self.draft().validated(knownCodes: ["bw_x"])
        #expect(valid.definition.code == "ggd_eenzaam")
        #expect(valid.definition.decimals == 1)
        #expect(valid.definition.norm == Norm(.atMost, 10.5, source: ""))
        #expect(valid.definition.validRange == ValueRange(min: 0, max: 100))
        #expect(valid.status == .concept)
        #expect(valid.replacesCode == nil)
    }

    @Test func roundTripsThroughTheFormOfAStoredDefinition() throws {
        let valid = try Self.draft().validated(knownCodes: [])
        let again = IndicatorDraft(valid.definition, status: valid.status, replacesCode: nil)
        #expect(try again.validated(knownCodes: []) == valid)
        #expect(again.normValue == "10.5")
        #expect(again.rangeMax == "100")
    }

    @Test(arguments: ["", "a", "Eenzaam", "een-zaam", "ééé", String(repeating: "a", count: 65)])
    func codeMustMatchThePattern(code: String) {
        #expect(Self.fields(Self.draft { $0.code = code }) == ["code"])
    }

    @Test func duplicateCodeIsRefused() {
        #expect(Self.fields(Self.draft(), known: ["ggd_eenzaam"]) == ["code"])
    }

    @Test(arguments: ["-1", "7", "1.5", "twee", ""])
    func decimalsFromZeroToSix(decimals: String) {
        #expect(Self.fields(Self.draft { $0.decimals = decimals }) == ["decimals"])
    }

    @Test func unknownPolarityLevelVisibilityAndStatusAreNamed() {
        let fields = Self.fields(
            Self.draft {
                $0.polarity = "up"
                $0.level = "x"
                $0.visibility = "geheim"
                $0.status = "weg"
                $0.unit = ""
            })
        #expect(fields == ["unit", "polarity", "level", "visibility", "status"])
    }

    @Test func normMustLieInsideTheValidRange() {
        #expect(Self.fields(Self.draft { $0.normValue = "120" }) == ["normValue"])
        #expect(Self.fields(Self.draft { $0.normComparison = "" }) == ["normComparison"])
        #expect(Self.fields(Self.draft { $0.normComparison = ">" }) == ["normComparison"])
        #expect(Self.fields(Self.draft { $0.normValue = "" }).isEmpty, "no norm at all is fine")
    }

    @Test func minimumNotAboveMaximum() {
        let fields = Self.fields(
            Self.draft {
                $0.rangeMin = "50"
                $0.rangeMax = "10"
                $0.normValue = "20"
            })
        #expect(fields.first == "rangeMin")
        #expect(Self.fields(Self.draft { $0.rangeMin = "1e3" }) == ["rangeMin"])
    }

    @Test func replacesAnExistingOtherCode() throws {
        #expect(Self.fields(Self.draft { $0.replacesCode = "onbekend" }) == ["replacesCode"])
        #expect(Self.fields(Self.draft { $0.replacesCode = "ggd_eenzaam" }) == ["replacesCode"])
        let valid = try Self.draft { $0.replacesCode = "oud" }.validated(knownCodes: ["oud"])
        #expect(valid.replacesCode == "oud")
    }
}
