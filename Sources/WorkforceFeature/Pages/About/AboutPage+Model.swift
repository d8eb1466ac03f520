import Foundation
import VitaalDomain

/// "Over dit model": what the workforce model computes, its inputs, its calibration against the documents,
/// the contradictions between them, the monitor inputs and the scenario file format. Everything shown is
/// read from the code that uses it: the base scenario, its calibration targets, the monitor input codes
/// and the format table the scenario parser checks (`WorkforceScenarioFormat`).
enum AboutPage {
    struct Model: Sendable {
        /// The calibrated demo scenario and its results (projection only, no Monte Carlo).
        var results: WorkforceResults
        /// Every field of the scenario file with the parser's bounds.
        var fields: [WorkforceScenarioField]
        /// The four monitor inputs: code and what the model does with it.
        var monitorInputs: [(code: String, use: String)]
        var levers: [WorkforceLeverDefinition]

        init() throws {
            results = try WorkforceResults.cached(scenario: .flevolandBase, year: 2032, runs: nil)
            fields = WorkforceScenarioFormat.fields
            monitorInputs = WorkforceMonitorInputs.uses
            levers = WorkforceLevers.catalogue
        }

        var scenario: WorkforceScenario { results.scenario }

        /// Staff in the base year (persons).
        var baseStock: Double { scenario.stock.reduce(0) { $0 + $1.persons.value } }

        /// Each sector's share of the base-year staff.
        var sectorShares: [(name: String, share: Double)] {
            let total = baseStock
            return scenario.sectors.map { sector in
                let persons = scenario.stock.filter { $0.sector == sector.id }.reduce(0) { $0 + $1.persons.value }
                return (sector.name, total > 0 ? persons / total : 0)
            }
        }

        /// 2032: the shortage in persons and in FTE (the two readings of the documents' figures).
        var shortage2032: (persons: Double, fte: Double)? {
            results.projection.year(2032).map { ($0.total.shortageRate, $0.total.shortageRateFTE) }
        }

        /// The model's care-demand growth between two years.
        func demandGrowth(_ from: Int, _ to: Int) -> Double? {
            guard let a = results.projection.year(from), let b = results.projection.year(to), a.careDemandIndex > 0
            else { return nil }
            return b.careDemandIndex / a.careDemandIndex - 1
        }
    }
}
