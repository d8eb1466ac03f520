import Foundation

/// The public summary of the signals register: how many signals per theme and per region, and
/// nothing else. The counts go through the monitor's disclosure control (`Disclosure.suppress`)
/// with the two additive groupings that hold on the page — the total is the sum of the themes and
/// also the sum of the regions — so that a hidden count cannot be worked out by subtraction.
public enum SignalSummary {
    public struct Count: Sendable, Hashable {
        /// The theme, or the region's code.
        public var code: String
        public var label: String
        /// Nil when the count is hidden.
        public var count: Int?
        public var suppression: Disclosure.Reason?

        /// "12", "<5" or "afgeschermd".
        public var text: String {
            switch suppression {
            case .primary: "<\(Int(ValueFormatter.disclosureThreshold))"
            case .secondary: Disclosure.secondaryText
            case nil: count.map(String.init) ?? ""
            }
        }
    }

    public struct Table: Sendable, Hashable {
        public var themes: [Count]
        public var regions: [Count]
        public var total: Count
    }

    /// Counts of `entries` per theme (in `themes`' order) and per region (`regions`: code and
    /// name, in order; a signal whose region is not in the list is counted under its code).
    public static func table(
        _ entries: [RegisterEntry], themes: [String], regions: [(code: String, name: String)]
    ) -> Table {
        var themeCounts = Dictionary(themes.map { ($0, 0) }) { a, _ in a }
        var regionCounts = Dictionary(regions.map { ($0.code, 0) }) { a, _ in a }
        var regionOrder = regions
        for entry in entries {
            let theme = entry.values["theme"] ?? "overig"
            if themeCounts[theme] == nil { themeCounts[theme] = 0 }
            themeCounts[theme, default: 0] += 1
            let region = entry.values["region"] ?? ""
            if regionCounts[region] == nil { regionOrder.append((region, region)) }
            regionCounts[region, default: 0] += 1
        }
        let themeOrder = themes + themeCounts.keys.filter { !themes.contains($0) }.sorted()
        // Cells are named apart so that a theme and a region with the same name stay two cells.
        var values: [String: Double] = ["totaal": Double(entries.count)]
        for (theme, n) in themeCounts { values["thema:" + theme] = Double(n) }
        for (code, n) in regionCounts { values["regio:" + code] = Double(n) }
        let groups = [
            Disclosure.Group(total: "totaal", parts: themeOrder.map { "thema:" + $0 }),
            Disclosure.Group(total: "totaal", parts: regionOrder.map { "regio:" + $0.code })
        ]
        let hidden = Disclosure.suppress(values: values, groups: groups)
        func count(_ cell: String, code: String, label: String) -> Count {
            let reason = hidden[cell]
            return Count(
                code: code, label: label, count: reason == nil ? values[cell].map { Int($0) } : nil,
                suppression: reason)
        }
        return Table(
            themes: themeOrder.map { count("thema:" + $0, code: $0, label: $0) },
            regions: regionOrder.map { count("regio:" + $0.code, code: $0.code, label: $0.name) },
            total: count("totaal", code: "totaal", label: "Totaal"))
    }
}
