import Foundation
import Testing

@testable import VitaalDomain

@Suite struct BoundaryHistoryTests {
    /// The history of a made-up municipality: redrawn in 2022 and again in 2025.
    let history = [
        BoundaryVersion(validFrom: 2024, validTo: nil), BoundaryVersion(validFrom: 2019, validTo: 2021),
        BoundaryVersion(validFrom: 2022, validTo: 2023)
    ]

    @Test func aYearInsideTheOpenVersionClosesIt() {
        let result = BoundaryHistory.place(from: 2025, among: history)
        #expect(result == .success(.add(BoundaryVersion(validFrom: 2025, validTo: nil), closing: 0)))
    }

    @Test func theStartYearOfAVersionReplacesIt() {
        #expect(BoundaryHistory.place(from: 2022, among: history) == .success(.replace(index: 2)))
    }

    @Test func aYearInsideClosedHistoryIsAnOverlap() {
        // 2023 lies in 2022–2023, which is closed: the file would give 2023 two boundaries.
        #expect(
            BoundaryHistory.place(from: 2023, among: history)
                == .failure(BoundaryHistory.Overlap(version: BoundaryVersion(validFrom: 2022, validTo: 2023))))
        #expect(BoundaryHistory.place(from: 2020, among: history).isFailure)
    }

    @Test func aYearBeforeTheHistoryRunsUpToTheFirstVersion() {
        let result = BoundaryHistory.place(from: 2015, among: history)
        #expect(result == .success(.add(BoundaryVersion(validFrom: 2015, validTo: 2018), closing: nil)))
        // A new code: it begins that year, and is open.
        #expect(
            BoundaryHistory.place(from: 2025, among: [], newCode: true)
                == .success(.add(BoundaryVersion(validFrom: 2025, validTo: nil, codeStarts: true), closing: nil)))
    }

    @Test func aValueIsDrawnOnTheVersionOfItsYear() {
        #expect(BoundaryHistory.version(for: 2019, in: history) == .exact(1))
        #expect(BoundaryHistory.version(for: 2023, in: history) == .exact(2))
        #expect(BoundaryHistory.version(for: 2030, in: history) == .exact(0))
        // Before any version: the nearest (the first), which maps then say.
        #expect(BoundaryHistory.version(for: 2010, in: history) == .nearest(1))
        // A code that began in 2025 is not drawn for 2024; one that ended in 2024 not for 2025.
        let started = [BoundaryVersion(validFrom: 2025, validTo: nil, codeStarts: true)]
        #expect(BoundaryHistory.version(for: 2024, in: started) == .none)
        let ended = [BoundaryVersion(validFrom: nil, validTo: 2024)]
        #expect(BoundaryHistory.version(for: 2025, in: ended) == .none)
        #expect(BoundaryHistory.version(for: 1990, in: ended) == .exact(0))
    }

    @Test func aSeriesBreaksWhereTheBoundaryChanges() {
        // 2018 (nearest: the 2019 version), 2019, 2021, 2022, 2023, 2024: breaks before 2022 and 2024.
        let years: [Int?] = [2018, 2019, 2021, 2022, nil, 2023, 2024]
        #expect(
            BoundaryHistory.changes(years: years, in: history)
                == [BoundaryHistory.Change(index: 3, year: 2022), BoundaryHistory.Change(index: 6, year: 2024)])
        #expect(BoundaryHistory.Change(index: 3, year: 2022).label == "grenswijziging 2022")
        // One open version, or none: never a break.
        #expect(
            BoundaryHistory.changes(years: [2019, 2024], in: [BoundaryVersion(validFrom: 2024, validTo: nil)]).isEmpty)
        #expect(BoundaryHistory.changes(years: [2019, 2024], in: []).isEmpty)
        // A code that ends: the break lies in the first year without it.
        let ended = [BoundaryVersion(validFrom: nil, validTo: 2024)]
        #expect(BoundaryHistory.changes(years: [2023, 2024, 2025], in: ended) == [.init(index: 2, year: 2025)])
        let started = [BoundaryVersion(validFrom: 2025, validTo: nil, codeStarts: true)]
        #expect(BoundaryHistory.changes(years: [2024, 2025], in: started) == [.init(index: 1, year: 2025)])
    }

    @Test func yearsLabels() {
        #expect(BoundaryVersion(validFrom: 2022, validTo: 2024).yearsLabel == "2022–2024")
        #expect(BoundaryVersion(validFrom: 2025, validTo: nil).yearsLabel == "vanaf 2025")
        #expect(BoundaryVersion(validFrom: nil, validTo: 2024).yearsLabel == "tot en met 2024")
        #expect(BoundaryVersion(validFrom: 2024, validTo: 2024).yearsLabel == "2024")
    }

    @Test func theLineChartBreaksAtAChangeAndMarksIt() {
        var chart = LineChart(
            text: ChartText(title: "Inwoners"), labels: ["2023", "2024", "2025", "2026"],
            series: [.init(name: "Proefgemeente", values: [10, 11, 20, 21], breaksBefore: [2])])
        chart.markers = [.init(index: 2, label: "grenswijziging 2025")]
        let svg = chart.svg()
        #expect(svg.contains("grenswijziging 2025"))
        #expect(svg.contains("Tussen 2024 en 2025: grenswijziging 2025, de lijn is daar onderbroken."))
        // Two pieces of line: two "M" moves in the one path.
        let path = svg.components(separatedBy: "<path d=\"").dropFirst().first { $0.contains("stroke-width=\"2\"") }
        #expect(path?.prefix { $0 != "\"" }.filter { $0 == "M" }.count == 2)
        #expect(LineChart.runs(count: 4, present: { _ in true }, breaks: [2]) == [[0, 1], [2, 3]])
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
