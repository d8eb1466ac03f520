import Foundation
import Testing

@testable import VitaalDomain

/// The monitor's example series must agree with what the documents say about direction and level
/// (mission audit, "demo data that contradicts the documents").
@Suite("Monitor – demo data agrees with the documents")
struct DemoAgreesWithDocumentsTests {
    static let observations = MonitorDemoData.observations()

    static func series(_ indicator: String, _ region: String) -> [(Int, Double)] {
        observations.filter { $0.indicator == indicator && $0.region == region }
            .compactMap { o -> (Int, Double)? in
                guard o.period.kind == .year, let v = o.value else { return nil }
                return (o.period.year, v)
            }
            .sorted { $0.0 < $1.0 }
    }

    /// Regioplan IZA Flevoland, chapter 2: reports of *onbegrepen* gedrag at the GGD rise continuously
    /// since 2015; 709 in 2022.
    @Test func reportsOfOnbegrepenGedragRiseEveryYearThrough709AndAddUp() throws {
        let code = "tz_meldingen_onbegrepen_gedrag"
        let def = try #require(MonitorDemoData.indicators.first { $0.code == code })
        #expect(def.name == "Meldingen onbegrepen gedrag (GGD)")
        let province = Self.series(code, "PV24")
        #expect(province.map(\.0) == MonitorDemoData.years)
        #expect(province.first { $0.0 == 2022 }?.1 == 709)
        for (a, b) in zip(province, province.dropFirst()) {
            #expect(b.1 > a.1, "\(a.0) → \(b.0): \(a.1) → \(b.1)")
        }
        let municipalities = MonitorDemoData.regions.filter { $0.parent == "PV24" }.map(\.code)
        #expect(municipalities.count == 6)
        for (year, total) in province {
            let sum = municipalities.compactMap { m in Self.series(code, m).first { $0.0 == year }?.1 }
                .reduce(0, +)
            #expect(sum == total, "\(year): municipalities add up to \(sum), province \(total)")
        }
    }

    /// Regioplan IZA Flevoland, chapter 5: the staff shortage develops from ~4 % in 2020 to ~11 % in 2032.
    @Test func staffShortageFollowsThePathFromFourToElevenPercent() {
        let province = Self.series("az_personeelstekort", "PV24")
        #expect(province.first { $0.0 == 2020 }?.1 == 4)
        for (a, b) in zip(province, province.dropFirst()) {
            #expect(b.1 >= a.1, "\(a.0) → \(b.0): \(a.1) → \(b.1)")
        }
        // On a straight path from 4 (2020) to 11 (2032) the year y is at 4 + 7 × (y − 2020) / 12; an
        // example value may round, never run years ahead of the path.
        for (year, value) in province {
            let path = 4 + 7 * Double(year - 2020) / 12
            #expect(abs(value - path) <= 1, "\(year): \(value) against ~\(path)")
        }
    }

    /// Flever, Jaarplan 2025, A&O – Arbeidsmarktonderzoek: "We publiceren zes deelpublicaties".
    @Test func fleverPlanHasTheSixSubPublications() throws {
        let plan = PlansDemoData.fleverJaarplan2025
        let target = try #require(plan.targets.first { $0.measure.hasPrefix("Deelpublicaties") })
        #expect(target.targetValue == 6)
        #expect(target.unit == "deelpublicaties")
        #expect(target.nodeKey.hasPrefix("A&O."))
        #expect(target.sourceText?.contains("zes deelpublicaties") == true)
    }

    /// What users see cites documents by title and section, never by our file names or line numbers.
    @Test func sourcesCiteTitlesAndSectionsNotLineNumbers() {
        let lineNumber = /\br\. ?[0-9]+|\bseed\b|\b00[0-4]_/
        var texts = MonitorDemoData.indicators.flatMap { [$0.source, $0.norm?.source ?? ""] }
        texts += Self.observations.compactMap(\.note)
        for text in texts {
            #expect(text.firstMatch(of: lineNumber) == nil, "\(text)")
        }
    }
}
