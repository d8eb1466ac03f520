import AppCore
import Foundation
import VitaalDomain

/// The downloads of a scenario: CSV (per year and sector) and Excel (totals, sectors, regions,
/// uncertainty, parameters). Pure: rows from the scenario and its results.
enum WorkforceExport {
    static func fileName(_ version: WorkforceScenarioVersion, changed: Bool, _ ext: String) -> String {
        "personeelsplanning-\(Slug.make(version.name))-v\(version.version)\(changed ? "-aangepast" : "").\(ext)"
    }

    static let csvHeaders = [
        "jaar", "sector", "aanbod_personen", "vraag_personen", "tekort_personen", "tekort_pct",
        "aanbod_fte", "vraag_fte", "tekort_fte"
    ]

    static func csvRows(_ projection: WorkforceProjection) -> [[String]] {
        func number(_ value: Double, _ decimals: Int = 1) -> String {
            DutchNumberFormat.format(value, decimals: decimals, grouping: false)
        }
        return projection.years.flatMap { year in
            ([("Totaal", year.total)] + year.sectors.map { ($0.name, $0.figures) }).map { name, figures in
                [
                    String(year.year), name, number(figures.supplyPersons), number(figures.demandPersons),
                    number(figures.shortagePersons), number(figures.shortageRate * 100, 2),
                    number(figures.supplyFTE), number(figures.demandFTE), number(figures.shortageFTE)
                ]
            }
        }
    }

    typealias Cell = XLSX.Cell

    static func sheets(_ version: WorkforceScenarioVersion, changed: Bool, _ results: WorkforceResults) -> [XLSX.Sheet]
    {
        let years = results.projection.years
        let head: [Cell] = [
            "Jaar", "Onderdeel", "Aanbod (personen)", "Vraag (personen)", "Tekort (personen)", "Tekort %",
            "Aanbod fte", "Vraag fte", "Tekort fte"
        ].map { .text($0) }
        let totals = [head] + years.map { figureRow($0.year, "Totaal", $0.total) }
        let sectors = [head] + years.flatMap { year in year.sectors.map { figureRow(year.year, $0.name, $0.figures) } }
        let regions = [head] + years.flatMap { year in year.regions.map { figureRow(year.year, $0.name, $0.figures) } }
        return [
            .init(name: "Over", rows: about(version, changed: changed, results), boldHeader: false),
            .init(name: "Totaal", rows: totals), .init(name: "Sectoren", rows: sectors),
            .init(name: "Deelregio's", rows: regions), .init(name: "Onzekerheid", rows: bands(results)),
            .init(name: "Parameters", rows: parameters(results.scenario))
        ]
    }

    static func figureRow(_ year: Int, _ name: String, _ figures: WorkforceFigures) -> [Cell] {
        [
            .number(Double(year)), .text(name), .amount(figures.supplyPersons), .amount(figures.demandPersons),
            .amount(figures.shortagePersons), .percent(figures.shortageRate), .amount(figures.supplyFTE),
            .amount(figures.demandFTE), .amount(figures.shortageFTE)
        ]
    }

    static func bands(_ results: WorkforceResults) -> [[Cell]] {
        let head: [Cell] = [
            "Jaar", "Tekort p5", "Tekort p50", "Tekort p95", "Aanbod p5", "Aanbod p95", "Vraag p5",
            "Vraag p95"
        ].map { .text($0) }
        return [head]
            + (results.uncertainty?.years ?? []).map { band in
                [
                    .number(Double(band.year)), .amount(band.shortagePersons.p5), .amount(band.shortagePersons.p50),
                    .amount(band.shortagePersons.p95), .amount(band.supplyPersons.p5), .amount(band.supplyPersons.p95),
                    .amount(band.demandPersons.p5), .amount(band.demandPersons.p95)
                ]
            }
    }

    static func parameters(_ scenario: WorkforceScenario) -> [[Cell]] {
        let head: [Cell] = ["Onderdeel", "Parameter", "Waarde", "Bereik laag", "Bereik hoog", "Herkomst", "Toelichting"]
            .map { .text($0) }
        return [head]
            + WorkforceParameterRow.all(scenario).map { row in
                let parameter = row.parameter
                let origin = parameter.isAssumption ? "aanname" : parameter.source != nil ? "bron" : ""
                return [
                    .text(row.group), .text(row.name), .number(parameter.value),
                    parameter.range.map { .number($0.low) } ?? .empty,
                    parameter.range.map { .number($0.high) } ?? .empty,
                    .text(origin), .text(parameter.assumption ?? parameter.source ?? "")
                ]
            }
    }

    static func about(_ version: WorkforceScenarioVersion, changed: Bool, _ results: WorkforceResults) -> [[Cell]] {
        [
            [.text("Scenario"), .text("\(version.title)\(changed ? " (aangepaste hefbomen)" : "")")],
            [.text("Samenvatting"), .text(results.summary)],
            [.text("Monte Carlo"), .text("\(results.uncertainty?.runs ?? 0) runs, seed \(results.scenario.seed)")],
            [
                .text("Voorbeelddata"),
                .text(version.isExample ? "ja: aannames gemarkeerd in het blad Parameters" : "nee")
            ]
        ]
    }
}
