import AppCore
import Vapor
import VitaalDomain

/// One row of a CSV/JSON download or of the data API: a value with its source and licence.
/// Public audiences get disclosure control: a count below 5 has `value` null, `display` "<5" and
/// `suppressed` true; a value hidden so that it cannot be subtracted out has `display` "x".
struct DataRow: Content {
    var indicator: String
    var indicatorName: String
    var region: String
    var regionName: String
    var period: String
    var value: Double?
    /// The value as text ("<5" when suppressed, "" when missing): plain number with "." decimals.
    var display: String
    var suppressed: Bool
    var unit: String
    /// voorlopig, definitief, voorbeeld.
    var status: String
    var missingReason: String?
    var note: String?
    var source: String
    var licence: String
}

enum MonitorDownloads {
    static let csvHeaders = [
        "indicator", "indicator_naam", "regio", "regio_naam", "periode", "waarde", "eenheid", "status",
        "reden_ontbreken", "opmerking", "bron", "licentie"
    ]

    static func row(
        _ v: DataValue, indicator: Indicator, definition: IndicatorDefinition, regionName: String, audience: Audience,
        hidden: Disclosure.Reason? = nil
    ) -> DataRow {
        let cell =
            hidden.map { MonitorDisclosure.display($0, download: true) }
            ?? ValueFormatter.downloadCell(v.value, indicator: definition, audience: audience)
        return DataRow(
            indicator: indicator.code, indicatorName: indicator.name, region: v.regionCode, regionName: regionName,
            period: v.period, value: cell.suppressed ? nil : v.value, display: cell.text, suppressed: cell.suppressed,
            unit: indicator.unit, status: v.status, missingReason: v.missingReason, note: v.note,
            source: indicator.source, licence: indicator.licence)
    }

    static func rows(
        indicators: [Indicator], values: [String: IndicatorValues], regions: RegionSet, regionCodes: [String],
        audience: Audience
    ) -> [DataRow] {
        var out: [DataRow] = []
        for ind in indicators {
            guard let v = values[ind.code] else { continue }
            for code in regionCodes {
                for value in v.series(code) {
                    out.append(
                        row(
                            value, indicator: ind, definition: v.definition, regionName: regions.name(code),
                            audience: audience,
                            hidden: v.hiddenReason(value, audience)))
                }
            }
        }
        return out
    }

    static func respond(format: String, name: String, rows: [DataRow]) throws -> Response {
        switch format.lowercased() {
        case "csv":
            return Download.csv(
                "\(name).csv", headers: csvHeaders,
                rows: rows.map { r in
                    [
                        r.indicator, r.indicatorName, r.region, r.regionName, r.period, r.display, r.unit, r.status,
                        r.missingReason.flatMap(MissingReason.init(rawValue:))?.dutchLabel ?? "", r.note ?? "",
                        r.source, r.licence
                    ]
                })
        case "json":
            return try Download.json("\(name).json", rows)
        default:
            throw VitaalError(.invalidInput, "Onbekend formaat \"\(MonitorText.echo(format))\": kies csv of json.")
        }
    }
}
