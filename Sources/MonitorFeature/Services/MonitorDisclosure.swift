import AppCore
import Fluent
import SQLKit
import Vapor
import VitaalDomain

/// Disclosure control of count indicators for the public, on every path (pages, charts, maps,
/// ranks, trends, downloads and the data API): primary (< 5) and secondary suppression by
/// `Disclosure.suppress`, per indicator and period, over the additive groupings of the regions.
enum MonitorDisclosure {
    /// The additive groupings among the stored regions: every region with children (except the
    /// country, whose children here are never complete) and every region group with its members.
    static func groups(on db: any Database) async throws -> [Disclosure.Group] {
        let regions = try await Region.query(on: db).all()
        let byID = Dictionary(regions.compactMap { r in r.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        var children: [UUID: [String]] = [:]
        for r in regions { if let p = r.$parent.id { children[p, default: []].append(r.code) } }
        var out: [Disclosure.Group] = []
        for (parentID, codes) in children {
            guard let parent = byID[parentID], parent.kind != RegionKind.land.rawValue else { continue }
            out.append(.init(total: parent.code, parts: codes.sorted()))
        }
        let members = try await RegionGroupMember.query(on: db).all()
        for (groupID, list) in Dictionary(grouping: members, by: { $0.$group.id }) {
            guard let group = byID[groupID] else { continue }
            out.append(.init(total: group.code, parts: list.compactMap { byID[$0.$member.id]?.code }.sorted()))
        }
        return out.sorted { $0.total < $1.total }
    }

    static func key(_ region: String, _ period: String) -> String { region + "|" + period }

    /// The cells of one count indicator that the public may not see, keyed by `key(region, period)`.
    static func hidden(_ rows: [(region: String, period: String, value: Double)], groups: [Disclosure.Group])
        -> [String: Disclosure.Reason]
    {
        var out: [String: Disclosure.Reason] = [:]
        for (period, list) in Dictionary(grouping: rows, by: \.period) {
            guard list.contains(where: { $0.value < ValueFormatter.disclosureThreshold }) else { continue }
            let values = Dictionary(list.map { ($0.region, $0.value) }, uniquingKeysWith: { a, _ in a })
            for (region, reason) in Disclosure.suppress(values: values, groups: groups) {
                out[key(region, period)] = reason
            }
        }
        return out
    }

    /// For the data API: the hidden cells of these count indicators in these periods (all regions are
    /// read, whatever the request's region filter), keyed by "indicator|region|period".
    static func hiddenCells(indicators: [String], periods: [String], on db: any Database) async throws -> [String:
        Disclosure.Reason]
    {
        guard !indicators.isEmpty, !periods.isEmpty else { return [:] }
        var rows: [DataValue] = []
        for start in stride(from: 0, to: periods.count, by: 400) {
            let part = Array(periods[start..<min(start + 400, periods.count)])
            rows += try await MonitorData.valueRows(codes: indicators, regions: nil, periods: part, on: db)
        }
        let groups = try await groups(on: db)
        var out: [String: Disclosure.Reason] = [:]
        for (code, list) in Dictionary(grouping: rows, by: \.indicatorCode) {
            let cells = list.compactMap { v in v.value.map { (region: v.regionCode, period: v.period, value: $0) } }
            for (k, reason) in hidden(cells, groups: groups) { out[code + "|" + k] = reason }
        }
        return out
    }

    /// The display of a hidden cell.
    static func display(_ reason: Disclosure.Reason, download: Bool) -> DisplayValue {
        switch reason {
        case .primary: return DisplayValue(text: "<5", suppressed: true)
        case .secondary:
            return DisplayValue(text: download ? Disclosure.secondaryCell : Disclosure.secondaryText, suppressed: true)
        }
    }
}
