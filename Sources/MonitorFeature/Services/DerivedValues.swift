import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Derived indicators computed when read (`DerivedFormula`): they have no stored values; every read
/// path (pages, charts, maps, downloads, the data API, `MonitorLookup`) asks this for their rows.
/// Disclosure control applies to the inputs: a derived cell computed from an input cell that the
/// public may not see (a count below 5, its secondary suppression, or an internal or concept input)
/// is hidden from the public too; a derived count indicator is also suppressed on its own values.
enum DerivedValues {
    /// The formulas of the catalogue: every indicator's code, unit and parsed formula (a formula that
    /// does not parse counts as no value).
    struct Catalogue {
        var entries: [String: DerivedCatalogue.Entry]
        var indicators: [String: Indicator]

        static func load(on db: any Database) async throws -> Catalogue {
            let all = try await Indicator.query(on: db).all()
            var entries: [String: DerivedCatalogue.Entry] = [:]
            var indicators: [String: Indicator] = [:]
            for ind in all {
                let formula = ind.formula.flatMap { try? DerivedFormula.parse($0) }
                entries[ind.code] = DerivedCatalogue.Entry(code: ind.code, unit: ind.unit, formula: formula)
                indicators[ind.code] = ind
            }
            return Catalogue(entries: entries, indicators: indicators)
        }

        func isDerived(_ code: String) -> Bool { indicators[code]?.formula != nil }
    }

    /// The computed cells of derived indicators, in all regions.
    struct Computed {
        /// Rows per derived code (value or documented gap), sorted by region and period.
        var rows: [String: [DataValue]] = [:]
        /// Cells the public may not see, per derived code, keyed by `MonitorDisclosure.key(region, period)`.
        var hidden: [String: [String: Disclosure.Reason]] = [:]
    }

    /// Computes `codes` (derived indicators; others are ignored) and the derived indicators they use.
    /// `hidden` is filled for the public audience only.
    static func compute(_ codes: [String], audience: Audience, catalogue: Catalogue, on db: any Database)
        async throws -> Computed
    {
        let wanted = codes.filter { catalogue.isDerived($0) }
        guard !wanted.isEmpty else { return Computed() }
        let plan = DerivedCatalogue.plan(for: wanted, entries: catalogue.entries)
        let stored = try await MonitorData.valueRows(codes: plan.stored, regions: nil, on: db)
        let byCode = Dictionary(grouping: stored, by: \.indicatorCode)
        var hiddenCells: [String: [String: Disclosure.Reason]] = [:]
        var groups: [Disclosure.Group]?
        func disclosureGroups() async throws -> [Disclosure.Group] {
            if let groups { return groups }
            let loaded = try await MonitorDisclosure.groups(on: db)
            groups = loaded
            return loaded
        }
        if audience == .public {
            for code in plan.stored where catalogue.indicators[code]?.isCount == true {
                let cells = (byCode[code] ?? []).compactMap { v in
                    v.value.map { (region: v.regionCode, period: v.period, value: $0) }
                }
                hiddenCells[code] = MonitorDisclosure.hidden(cells, groups: try await disclosureGroups())
            }
        }
        // Every input's cells, then each derived indicator in computing order (inputs first).
        var series: [String: [DerivedFormula.Key: DerivedFormula.Cell]] = [:]
        for code in plan.stored {
            var cells: [DerivedFormula.Key: DerivedFormula.Cell] = [:]
            let hidden = hiddenCells[code] ?? [:]
            // An input the public may not see at all (internal, or a concept) hides every result from it.
            let secret =
                audience == .public
                && !(catalogue.indicators[code].map { MonitorData.isVisible($0, to: .public) } ?? false)
            for v in byCode[code] ?? [] {
                cells[DerivedFormula.Key(region: v.regionCode, period: v.period)] = DerivedFormula.Cell(
                    value: v.value, missingReason: v.reason, status: v.dataStatus,
                    hidden: secret || hidden[MonitorDisclosure.key(v.regionCode, v.period)] != nil)
            }
            series[code] = cells
        }
        var out = Computed()
        for code in plan.derived {
            guard let formula = catalogue.entries[code]?.formula else { continue }
            var cells = formula.evaluate(series: series)
            // A derived count is suppressed on its own values too (on top of its inputs').
            if audience == .public, catalogue.indicators[code]?.isCount == true {
                let own = cells.compactMap { key, cell in
                    cell.value.map { (region: key.region, period: key.period, value: $0) }
                }
                for (key, _) in MonitorDisclosure.hidden(own, groups: try await disclosureGroups()) {
                    let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { continue }
                    cells[DerivedFormula.Key(region: parts[0], period: parts[1])]?.hidden = true
                }
            }
            series[code] = cells
            var hidden: [String: Disclosure.Reason] = [:]
            let rows = cells.sorted { a, b in
                (a.key.region, Period(a.key.period)?.sortKey ?? 0) < (b.key.region, Period(b.key.period)?.sortKey ?? 0)
            }.compactMap { key, cell -> DataValue? in
                guard let period = Period(key.period) else { return nil }
                if cell.hidden { hidden[MonitorDisclosure.key(key.region, key.period)] = .secondary }
                return row(code: code, region: key.region, period: period, cell: cell)
            }
            out.rows[code] = rows
            if !hidden.isEmpty { out.hidden[code] = hidden }
        }
        return out
    }

    static func row(code: String, region: String, period: Period, cell: DerivedFormula.Cell) -> DataValue {
        let v = DataValue()
        v.indicatorCode = code
        v.regionCode = region
        v.period = period.canonical
        v.periodSort = period.sortKey
        v.value = cell.value
        v.missingReason = cell.value == nil ? cell.missingReason?.rawValue : nil
        v.status = cell.status.rawValue
        v.note = nil
        return v
    }

    /// Replaces the (empty) values of the derived indicators in `values` by their computed rows.
    static func fill(_ values: inout [String: IndicatorValues], audience: Audience, on db: any Database) async throws {
        let derived = values.values.filter { $0.indicator.formula != nil }.map(\.indicator.code)
        guard !derived.isEmpty else { return }
        let catalogue = try await Catalogue.load(on: db)
        let computed = try await compute(derived, audience: audience, catalogue: catalogue, on: db)
        for code in derived {
            guard let current = values[code] else { continue }
            let rows = computed.rows[code] ?? []
            var filled = IndicatorValues(
                indicator: current.indicator, definition: current.definition,
                byRegion: Dictionary(grouping: rows, by: \.regionCode))
            filled.hidden = computed.hidden[code] ?? [:]
            values[code] = filled
        }
    }

    // MARK: The formula on the indicator page

    /// "Berekend: (Meldingen gedeeld door Inwoners) × 1.000" with links to the inputs.
    struct Note: Sendable, Equatable {
        struct Input: Sendable, Equatable {
            var code: String
            var name: String
            /// nil when the reader may not see the input (an internal indicator for the public).
            var path: String?
        }
        var text: String
        var formula: String
        var inputs: [Input]
    }

    static func note(_ indicator: Indicator, audience: Audience, on db: any Database) async throws -> Note? {
        guard let text = indicator.formula, let formula = try? DerivedFormula.parse(text) else { return nil }
        let inputs = try await Indicator.query(on: db).filter(\.$code ~~ formula.inputs).all()
        let byCode = Dictionary(inputs.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return Note(
            text: formula.dutchText { byCode[$0]?.name ?? $0 }, formula: formula.description,
            inputs: formula.inputs.map { code in
                let ind = byCode[code]
                let visible = ind.map { MonitorData.isVisible($0, to: audience) } ?? false
                return Note.Input(
                    code: code, name: ind?.name ?? code, path: visible ? MonitorURL.indicator(.value(code)).path : nil)
            })
    }
}

// MARK: - The data API with derived indicators

extension DataAPIRows {
    /// `fetch` for a list that may hold derived indicators: stored codes are read page-wise with SQL,
    /// derived ones computed; the codes are walked in order (each run of stored codes is one query),
    /// so a page is the same slice of the same order as without derived indicators. Also returns
    /// the derived cells the public may not see, keyed "indicator|region|period".
    static func fetchWithDerived(
        codes: [String], regions: [String], period: Period?, from: Period?, to: Period?,
        offset: Int, limit: Int, audience: Audience, on db: any Database
    ) async throws -> (total: Int, rows: [Row], hidden: [String: Disclosure.Reason]) {
        let derivedCodes = try await Indicator.query(on: db).filter(\.$code ~~ codes).filter(\.$formula != nil).all()
            .map(\.code)
        guard !derivedCodes.isEmpty else {
            let (total, rows) = try await fetch(
                codes: codes, regions: regions, period: period, from: from, to: to, offset: offset, limit: limit,
                on: db)
            return (total, rows, [:])
        }
        let derived = Set(derivedCodes)
        let catalogue = try await DerivedValues.Catalogue.load(on: db)
        let computed = try await DerivedValues.compute(derivedCodes, audience: audience, catalogue: catalogue, on: db)
        let regionFilter = Set(regions)
        let names = Dictionary(
            try await Region.query(on: db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func keep(_ v: DataValue) -> Bool {
            if !regionFilter.isEmpty, !regionFilter.contains(v.regionCode) { return false }
            if let period, v.period != period.canonical { return false }
            if let from, v.periodSort < from.sortKey { return false }
            if let to, v.periodSort > to.sortKey { return false }
            return true
        }
        // Segments in code order: a run of stored codes, or one derived code.
        var segments: [(derived: Bool, codes: [String])] = []
        for code in codes.sorted() {
            if derived.contains(code) {
                segments.append((true, [code]))
            } else if let last = segments.last, !last.derived {
                segments[segments.count - 1].codes.append(code)
            } else {
                segments.append((false, [code]))
            }
        }
        var total = 0
        var rows: [Row] = []
        var hidden: [String: Disclosure.Reason] = [:]
        let end = offset + limit
        for segment in segments {
            if segment.derived {
                let code = segment.codes[0]
                let list = (computed.rows[code] ?? []).filter(keep)
                let start = max(offset, total)
                let stop = min(end, total + list.count)
                if start < stop {
                    for v in list[(start - total)..<(stop - total)] {
                        rows.append(
                            Row(
                                indicatorCode: code, regionCode: v.regionCode, regionName: names[v.regionCode],
                                period: v.period, value: v.value, status: v.status, missingReason: v.missingReason,
                                note: nil))
                        if let reason = computed.hidden[code]?[MonitorDisclosure.key(v.regionCode, v.period)] {
                            hidden[code + "|" + v.regionCode + "|" + v.period] = reason
                        }
                    }
                }
                total += list.count
            } else {
                // The count alone (an offset past the end reads no rows), then the slice if it overlaps.
                let (count, _) = try await fetch(
                    codes: segment.codes, regions: regions, period: period, from: from, to: to,
                    offset: Int.max / 2, limit: 1, on: db)
                let start = max(offset, total)
                let stop = min(end, total + count)
                if start < stop {
                    let (_, part) = try await fetch(
                        codes: segment.codes, regions: regions, period: period, from: from, to: to,
                        offset: start - total, limit: stop - start, on: db)
                    rows += part
                }
                total += count
            }
        }
        return (total, rows, hidden)
    }
}
