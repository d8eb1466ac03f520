import Foundation
import VitaalDomain

extension CoveragePage {
    /// One row of the per-municipality table (the last row is the region): coverage now and in the
    /// scenario, and the scenario's nearest-post response times.
    struct MunicipalityRow: Sendable {
        var name: String
        var isRegion: Bool
        var base: AreaCoverage?
        var scenario: AreaCoverage
        /// Population-weighted mean of the nearest-post times ("–" without reachable places).
        var meanText: String
        /// The longest time; "> 60" when a place lies beyond the search cap, a "*" when places off
        /// the road network are left out.
        var longestText: String

        static func rows(_ evaluation: AcuteCareService.Evaluation) -> [MunicipalityRow] {
            let coverage = evaluation.result.coverage
            let baseByName = Dictionary(
                evaluation.base.coverage.municipalities.map { ($0.name, $0) },
                uniquingKeysWith: { first, _ in first })
            return (coverage.municipalities + [coverage.region]).map { area in
                let isRegion = area.name == "regio"
                let points = coverage.points.filter { isRegion || ($0.municipality ?? "onbekend") == area.name }
                let times = ResponseTimes(points, times: evaluation.scenarioTimes)
                return MunicipalityRow(
                    name: area.name, isRegion: isRegion,
                    base: isRegion ? evaluation.base.coverage.region : baseByName[area.name],
                    scenario: area, meanText: times.meanText, longestText: times.longestText)
            }
        }
    }

    /// Nearest-post response times of a set of places.
    struct ResponseTimes {
        var weightedSum = 0.0, population = 0.0, longest = 0
        var isEmpty: Bool
        var beyondLimit = false, offNetwork = false

        init(_ points: [PointCoverage], times: [String: (post: String, seconds: Int)]) {
            isEmpty = points.isEmpty
            for point in points {
                if let time = times[point.id] {
                    weightedSum += Double(time.seconds) * point.population
                    population += point.population
                    longest = max(longest, time.seconds)
                } else if point.snapMeters == nil {
                    offNetwork = true
                } else {
                    beyondLimit = true
                }
            }
        }

        var meanText: String {
            let meanSeconds = population > 0 ? (weightedSum / population).rounded() : .nan
            return meanSeconds.isFinite ? AcuteCareFormat.minutes(seconds: (try? Checked.int(meanSeconds)) ?? 0) : "–"
        }

        var longestText: String {
            if beyondLimit { return "> \(AcuteCareFormat.number(AcuteCareLimits.searchCapMinutes))" }
            let text = isEmpty ? "–" : AcuteCareFormat.minutes(seconds: longest)
            return offNetwork ? text + "*" : text
        }
    }
}

extension CoveragePage {
    /// What a table or tooltip says for a place without a time: no road within the snap distance, or a
    /// road but no post within the search cap.
    static func noTimeText(_ point: PointCoverage?) -> String {
        guard let point, point.band != .noRoad else {
            return "geen weg binnen \(AcuteCareFormat.number(CoverageSettings().maxDemandSnapMeters / 1000)) km"
        }
        return "geen post binnen \(AcuteCareFormat.number(AcuteCareLimits.searchCapMinutes)) min"
    }
}
