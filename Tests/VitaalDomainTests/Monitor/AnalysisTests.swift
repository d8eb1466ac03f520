import Foundation
import Testing

@testable import VitaalDomain

@Suite("Monitor – periods")
struct MonitorPeriodTests {
    @Test func parsesBothNotations() {
        #expect(Period("2024") == .year(2024))
        #expect(Period("2024JJ00") == .year(2024))
        #expect(Period("2024Q3") == .quarter(2024, 3))
        #expect(Period("2024KW03") == .quarter(2024, 3))
        #expect(Period(" 2024-q3 ") == .quarter(2024, 3))
        #expect(Period("2024-05") == .month(2024, 5))
        #expect(Period("2024MM05") == .month(2024, 5))
        for bad in [
            "", "24", "2024Q5", "2024Q0", "2024-13", "2024-5", "2024KW5", "2024MM13", "2024JJ01", "abcd", "2024 Q3",
            "0999"
        ] {
            #expect(Period(bad) == nil, "\(bad)")
        }
    }

    @Test func canonicalCbsAndDutchLabels() {
        let m = Period.month(2024, 5)!
        let q = Period.quarter(2024, 3)!
        #expect([Period.year(2024).description, q.description, m.description] == ["2024", "2024Q3", "2024-05"])
        #expect([Period.year(2024).cbsCode, q.cbsCode, m.cbsCode] == ["2024JJ00", "2024KW03", "2024MM05"])
        #expect([Period.year(2024).dutchLabel, q.dutchLabel, m.dutchLabel] == ["2024", "2024 K3", "mei 2024"])
    }

    @Test func orderingAndSortKey() {
        let ps = [Period.month(2024, 7)!, .year(2024), .quarter(2024, 3)!, .year(2023), .month(2023, 12)!]
        #expect(ps.sorted().map(\.description) == ["2023", "2023-12", "2024", "2024Q3", "2024-07"])
        #expect(Period.quarter(2024, 3)!.sortKey == 2_024_071)
        #expect(Period.year(2024).ordinal - Period.year(2019).ordinal == 5)
        #expect(Period.quarter(2025, 1)!.ordinal - Period.quarter(2024, 4)!.ordinal == 1)
    }

    @Test func codableAsString() throws {
        let data = try JSONEncoder().encode([Period.quarter(2024, 3)!])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2024Q3\"]")
        #expect(try JSONDecoder().decode([Period].self, from: Data("[\"2024MM05\"]".utf8)) == [.month(2024, 5)!])
    }
}

private func series(_ values: [Double?], from year: Int = 2018) -> [(period: Period, value: Double?)] {
    values.enumerated().map { (Period.year(year + $0.offset), $0.element) }
}

@Suite("Monitor – analysis rules")
struct MonitorAnalysisTests {
    @Test func trendBoundaryIsOnePercentPerPeriod() {
        // slope 1, mean 100 → exactly 1 %/period → a trend.
        let exact = TrendAnalysis.trend(series([98, 99, 100, 101, 102]), polarity: .higherIsBetter)
        #expect(exact.direction == .improving)
        #expect(exact.relativeSlope == 0.01 && exact.slopePerPeriod == 1 && exact.count == 5)
        // slope 0.95, mean 100 → 0.95 %/period → no clear trend.
        #expect(
            TrendAnalysis.trend(series([98.1, 99.05, 100, 100.95, 101.9]), polarity: .higherIsBetter).direction
                == .noClearTrend)
        // Only the last 5 values count: an old outlier is ignored.
        #expect(
            TrendAnalysis.trend(series([1000, 98, 99, 100, 101, 102]), polarity: .higherIsBetter).direction
                == .improving)
    }

    @Test func trendUsesPolarity() {
        let rising = series([10, 11, 12, 13, 14])
        let falling = series([14, 13, 12, 11, 10])
        #expect(TrendAnalysis.trend(rising, polarity: .higherIsBetter).direction == .improving)
        #expect(TrendAnalysis.trend(rising, polarity: .lowerIsBetter).direction == .worsening)
        #expect(TrendAnalysis.trend(falling, polarity: .lowerIsBetter).direction == .improving)
        #expect(TrendAnalysis.trend(falling, polarity: .higherIsBetter).direction == .worsening)
        #expect(TrendAnalysis.trend(rising, polarity: .neutral).direction == .increasing)
        #expect(TrendAnalysis.trend(falling, polarity: .neutral).direction == .decreasing)
        #expect(
            TrendDirection.improving.colour == .green && TrendDirection.worsening.colour == .red
                && TrendDirection.increasing.colour == .grey)
    }

    @Test func trendNeedsThreeValuesAndHandlesGapsAndZeros() {
        #expect(
            TrendAnalysis.trend(series([1, nil, 2, nil]), polarity: .higherIsBetter).direction == .insufficientData)
        #expect(TrendAnalysis.trend([], polarity: .higherIsBetter).direction == .insufficientData)
        // Gap: 2018=10, 2019=11, 2022=14 → x = 0, 1, 4; slope exactly 1.
        let gap = TrendAnalysis.trend(series([10, 11, nil, nil, 14]), polarity: .higherIsBetter)
        #expect(abs(gap.slopePerPeriod! - 1) < 1e-12 && gap.count == 3)
        #expect(TrendAnalysis.trend(series([0, 0, 0]), polarity: .higherIsBetter).direction == .noClearTrend)
    }

    @Test func comparisonWithParentAndNation() {
        let c = RegionComparison(value: 72, parent: 80, national: 0, polarity: .higherIsBetter)
        #expect(c.parent?.absolute == -8 && c.parent?.relative == -0.1 && c.parent?.isBetter == false)
        #expect(c.national?.relative == nil && c.national?.isBetter == true)
        #expect(ReferenceDifference(value: 5, reference: 6, polarity: .lowerIsBetter).isBetter == true)
        #expect(ReferenceDifference(value: 5, reference: 6, polarity: .neutral).isBetter == nil)
    }

    @Test func ranksWithTies() {
        let v = ["A": 10.0, "B": 12, "C": 12, "D": 8, "E": 10]
        #expect(Ranking.ranks(v, polarity: .higherIsBetter) == ["B": 1, "C": 1, "A": 3, "E": 3, "D": 5])
        #expect(Ranking.ranks(v, polarity: .lowerIsBetter) == ["D": 1, "A": 2, "E": 2, "B": 4, "C": 4])
        #expect(Ranking.ranks(v, polarity: .neutral).isEmpty)
    }

    @Test func quartilePositions() {
        let six = ["a": 1.0, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6]
        let pos = six.keys.sorted().map { Ranking.quartilePosition(of: $0, among: six, polarity: .higherIsBetter)! }
        #expect(pos == [.bottom, .bottom, .middle, .middle, .top, .top])
        #expect(Ranking.quartilePosition(of: "a", among: six, polarity: .lowerIsBetter) == .top)
        #expect(Ranking.quartilePosition(of: "a", among: ["a": 1], polarity: .higherIsBetter) == .middle)
        #expect(Ranking.quartilePosition(of: "a", among: six, polarity: .neutral) == nil)
        #expect(QuartilePosition.top.colour == .green && QuartilePosition.bottom.colour == .red)
    }

    @Test func normAttainment() {
        let atMost = Norm(.atMost, 5, source: "WHO")
        #expect(atMost.evaluate(5) == .met)
        #expect(atMost.evaluate(7.5) == .notMet(distance: 2.5))
        #expect(Norm(.atLeast, 80, source: "x").evaluate(76) == .notMet(distance: 4))
        #expect(pct.normStatus(50) == .noNorm)
    }

    @Test func disclosureControl() {
        #expect(
            ValueFormatter.display(4, indicator: cnt, audience: .public) == DisplayValue(text: "<5", suppressed: true))
        #expect(ValueFormatter.display(0, indicator: cnt, audience: .public).suppressed)
        #expect(
            ValueFormatter.display(5, indicator: cnt, audience: .public) == DisplayValue(text: "5", suppressed: false))
        #expect(
            ValueFormatter.display(4, indicator: cnt, audience: .internal) == DisplayValue(text: "4", suppressed: false)
        )
        #expect(ValueFormatter.display(4, indicator: pct, audience: .public).text == "4,0%")
        #expect(ValueFormatter.downloadCell(3, indicator: cnt, audience: .public).text == "<5")
        #expect(ValueFormatter.downloadCell(1234.56, indicator: pct, audience: .public).text == "1234.6")
        #expect(
            ValueFormatter.display(nil, indicator: cnt, audience: .public, missingReason: .confidential).text
                == "geheim (niet gepubliceerd)")
    }

    /// The fast fixed-point path prints exactly what printf prints (minus "-" on a rounded zero).
    @Test func fixedMatchesPrintf() {
        var rng = SplitMix64(seed: 20_261_123)
        func printf(_ v: Double, _ d: Int) -> String {
            var t = String(format: "%.\(d)f", v)
            if t.hasPrefix("-"), t.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { t.removeFirst() }
            return t
        }
        var values: [Double] = [
            0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 1.005, 0.05, -0.04, 9.995, 99.95, 1e14, 123456789.987654,
            -1234.5678, 0.0000049, .infinity, -.infinity, .nan, 1e300, .leastNonzeroMagnitude
        ]
        for _ in 0..<4_000 {
            let magnitude = pow(10, Double(rng.next() % 12) - 4)
            values.append((Double(rng.next() % 2_000_001) / 1_000_000 - 1) * magnitude)
            values.append(Double(rng.next() % 100_000) / 1000)  // typical monitor values with 3 decimals
        }
        for v in values {
            for d in 0...4 { #expect(ValueFormatter.fixed(v, decimals: d) == printf(v, d), "\(v) with \(d) decimals") }
        }
        #expect(ValueFormatter.fixed(-0.04, decimals: 1) == "0.0")
        #expect(ValueFormatter.fixed(1234.56, decimals: 1) == "1234.6")
        #expect(ValueFormatter.fixed(0.07, decimals: 3) == "0.070")
    }

    @Test func dutchFormatting() {
        #expect(ValueFormatter.number(1234567.891, decimals: 2) == "1.234.567,89")
        #expect(ValueFormatter.number(-1234.5, decimals: 1) == "-1.234,5")
        #expect(ValueFormatter.number(-0.04, decimals: 1) == "0,0")
        #expect(ValueFormatter.number(999, decimals: 0) == "999")
        let euro = IndicatorDefinition(code: "e", name: "e", unit: "€", polarity: .neutral, source: "")
        let weeks = IndicatorDefinition(
            code: "w", name: "w", unit: "weken", decimals: 1, polarity: .lowerIsBetter, source: "")
        #expect(ValueFormatter.format(1500, indicator: euro) == "€ 1.500")
        #expect(
            ValueFormatter.format(3.25, indicator: weeks) == "3,3 weken"
                || ValueFormatter.format(3.25, indicator: weeks) == "3,2 weken")
        #expect(
            ValueFormatter.format(71.25, indicator: pct) == "71,3%"
                || ValueFormatter.format(71.25, indicator: pct) == "71,2%")
        #expect(ValueFormatter.format(71.26, indicator: pct) == "71,3%")
    }
}

@Suite("Monitor – demo data")
struct MonitorDemoDataTests {
    @Test func demoMonitorsAreConsistent() throws {
        let bw = MonitorDemoData.bredeWelvaart
        #expect(
            bw.themes.map(\.name) == [
                "Subjectief welzijn", "Materiële welvaart", "Gezondheid", "Arbeid en vrije tijd",
                "Wonen", "Samenleving", "Veiligheid", "Milieu", "Bevolking en woningen"
            ])
        for theme in bw.themes { #expect(!bw.indicators(inTheme: theme.code).isEmpty, "\(theme.code)") }
        #expect(Set(MonitorDemoData.transformatie.indicators.map(\.level)) == [.throughput, .output, .outcome])
        #expect(
            MonitorDemoData.arbeidsmarkt.themes.map(\.code) == [
                "personeelsbestand", "instroom", "doorstroom", "behoud", "uitstroom"
            ])
        for theme in MonitorDemoData.arbeidsmarkt.themes {
            #expect(!MonitorDemoData.arbeidsmarkt.indicators(inTheme: theme.code).isEmpty, "\(theme.code)")
        }
        let all = MonitorDemoData.indicators
        #expect(Set(all.map(\.code)).count == all.count)
        for polarity in Polarity.allCases { #expect(all.contains { $0.polarity == polarity }) }
        #expect(all.contains { $0.polarity == .higherIsBetter && $0.norm != nil })
        #expect(all.contains { $0.polarity == .lowerIsBetter && $0.norm != nil })

        let obs = MonitorDemoData.observations()
        #expect(obs == MonitorDemoData.observations())  // deterministic
        // Indicators with real CBS figures get those only; the others 8 regions × 6 years of examples.
        let realOnly = MonitorDemoData.realIndicators
        #expect(realOnly.isSuperset(of: ["cbs_inwoners", "bw_ervaren_gezondheid", "gm_rokers"]))
        #expect(
            obs.count == (all.count - realOnly.count - 4) * 8 * 6 + MonitorDemoData.openDataObservations.count
                + 4 * 7 * 16)
        #expect(!obs.contains { realOnly.contains($0.indicator) && $0.status == .voorbeeld })
        #expect(Set(obs.map(\.key)).count == obs.count)
        // Every value is either a real figure (with its source in the note) or marked as example data.
        let real = Set(MonitorDemoData.realObservations)
        for o in obs where o.status != .voorbeeld {
            #expect(real.contains(o))
            #expect(o.note?.isEmpty == false)
        }
        #expect(
            obs.contains {
                $0.indicator == "cbs_inwoners" && $0.region == "GM0034" && $0.period == .year(2024)
                    && $0.value == 226_500 && $0.note?.contains("85984NED") == true
            })
        #expect(
            obs.contains {
                $0.indicator == "tz_meldingen_onbegrepen_gedrag" && $0.region == "PV24" && $0.period == .year(2022)
                    && $0.value == 709
            })
        // Values respect the valid ranges, and a count has small municipal values to exercise "<5".
        let defs = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
        for o in obs { #expect(defs[o.indicator]!.validRange?.contains(o.value!) ?? true) }
        #expect(obs.contains { defs[$0.indicator]!.isCount && $0.region.hasPrefix("GM") && $0.value! < 5 })
    }

    @Test func demoDataRoundTripsThroughCSVWriterAndImport() throws {
        var w = CSVWriter(separator: .semicolon, includeBOM: true)
        w.append(["indicator", "regio", "periode", "waarde", "status", "opmerking"])
        let obs = MonitorDemoData.observations()
        for o in obs {
            w.append([
                o.indicator, o.region, o.period.cbsCode, ValueFormatter.number(o.value!, decimals: 3),
                o.status.rawValue, o.note ?? ""
            ])
        }
        var rows: [ImportRow] = []
        _ = try ImportPipeline.run(
            data: w.data, fileName: "demo.csv", catalog: MonitorDemoData.catalog, sink: { rows += $0.rows })
        #expect(rows.map(\.observation) == obs)
    }
}
