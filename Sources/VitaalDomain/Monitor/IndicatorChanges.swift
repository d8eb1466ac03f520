import Foundation

// The version history of an indicator definition: which fields changed between two versions, and
// the JSON text stored in `monitor_indicator_revisions.changes`. Field names are the column names of
// the indicator catalogue CSV (docs/import-formats.md), texts the way that CSV writes them, so the
// history, the export and the API speak the same language.

/// One changed field of an indicator definition: its old and new text ("" for no value).
public struct IndicatorChange: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var old: String
    public var new: String

    public init(field: String, old: String, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }

    public var description: String { "\(field): \"\(old)\" → \"\(new)\"" }

    /// Dutch label of a field name, for the history on the indicator page.
    public static func dutchLabel(_ field: String) -> String {
        switch field {
        case "code": return "code"
        case "name": return "naam"
        case "description": return "omschrijving"
        case "unit": return "eenheid"
        case "decimals": return "decimalen"
        case "polarity": return "polariteit"
        case "level": return "niveau"
        case "source": return "bron"
        case "licence": return "licentie"
        case "is_count": return "telling"
        case "norm_comparison": return "norm (vergelijking)"
        case "norm_value": return "norm (waarde)"
        case "norm_source": return "bron van de norm"
        case "range_min": return "geldig bereik (minimum)"
        case "range_max": return "geldig bereik (maximum)"
        case "visibility": return "zichtbaarheid"
        case "owner": return "eigenaar"
        case "status": return "status"
        case "replaces": return "vervangt"
        case "formula": return "formule"
        default: return field
        }
    }

    /// The changes between two lists of (field, text) pairs: every field whose text differs, in the
    /// order of `new` (fields only in `old` follow, with new text "").
    public static func diff(old: [(field: String, text: String)], new: [(field: String, text: String)])
        -> [IndicatorChange]
    {
        var oldTexts: [String: String] = [:]
        for (field, text) in old { oldTexts[field] = text }
        var out: [IndicatorChange] = []
        var seen = Set<String>()
        for (field, text) in new {
            seen.insert(field)
            let before = oldTexts[field] ?? ""
            if before != text { out.append(IndicatorChange(field: field, old: before, new: text)) }
        }
        for (field, text) in old where !seen.contains(field) && !text.isEmpty {
            out.append(IndicatorChange(field: field, old: text, new: ""))
        }
        return out
    }

    /// The JSON array stored in `IndicatorRevision.changes`: `[{"field","old","new"}, …]`.
    public static func json(_ changes: [IndicatorChange]) -> String {
        let node = JSONNode.array(
            changes.map {
                JSONNode.object([("field", .string($0.field)), ("old", .string($0.old)), ("new", .string($0.new))])
            }
        )
        return JSONWriter.text(node)
    }

    /// Reads the JSON written by `json(_:)`; entries that are not such objects are skipped, text that
    /// is not JSON gives no changes.
    public static func parse(json: String) -> [IndicatorChange] {
        guard let node = try? JSONParser.parse(Data(json.utf8)), let items = node.array else { return [] }
        return items.compactMap { item in
            guard let field = item["field"]?.string else { return nil }
            return IndicatorChange(field: field, old: item["old"]?.string ?? "", new: item["new"]?.string ?? "")
        }
    }
}

extension IndicatorDefinition {
    /// The definition's fields as (field, text) in catalogue-CSV order (theme not included: an
    /// indicator can be in several monitors). Numbers as `IndicatorChange.numberText`, booleans
    /// `ja`/`nee`, absent values "".
    public var revisionFields: [(field: String, text: String)] {
        [
            ("code", code),
            ("name", name),
            ("description", description),
            ("unit", unit),
            ("decimals", String(decimals)),
            ("polarity", polarity.rawValue),
            ("level", level.rawValue),
            ("source", source),
            ("licence", licence),
            ("is_count", isCount ? "ja" : "nee"),
            ("norm_comparison", norm?.comparison.rawValue ?? ""),
            ("norm_value", norm.map { IndicatorChange.numberText($0.value) } ?? ""),
            ("norm_source", norm?.source ?? ""),
            ("range_min", validRange?.min.map(IndicatorChange.numberText) ?? ""),
            ("range_max", validRange?.max.map(IndicatorChange.numberText) ?? ""),
            ("visibility", visibility.rawValue)
        ]
    }

    /// What changed from `old` to this definition, field by field (empty when nothing changed).
    /// `extra` / `oldExtra`: catalogue fields outside the definition (owner, status, replaces,
    /// formula) as (field, text), compared the same way.
    public func changes(
        from old: IndicatorDefinition, extra: [(field: String, text: String)] = [],
        oldExtra: [(field: String, text: String)] = []
    ) -> [IndicatorChange] {
        IndicatorChange.diff(old: old.revisionFields + oldExtra, new: revisionFields + extra)
    }
}

extension IndicatorChange {
    /// A number as the catalogue writes it: shortest text that reads back as the same value, `.` as
    /// decimal mark, no trailing `.0` (`12`, `0.5`, `-3.25`).
    public static func numberText(_ v: Double) -> String { JSONWriter.numberText(v) }
}
