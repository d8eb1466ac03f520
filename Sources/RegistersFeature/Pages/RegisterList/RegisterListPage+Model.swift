import AppCore
import Fluent
import Foundation
import Vapor
import VitaalDomain

enum RegisterListPage {
    /// One register's list with search and filters, and the overviews that register keeps: the
    /// fundraising pipeline, deadlines and totals; the terms with more than one meaning.
    struct Model: Sendable {
        var kind: RegisterKind
        var filter: RegisterFilter
        /// The fields the viewer may see (internal fields only when logged in).
        var fields: [RegisterField]
        var rows: [RegisterStore.Stored]
        var total: Int
        var canCreate: Bool
        var notice: RegisterNotice?
        var pipeline: [(status: String, count: Int)] = []
        var deadlines: [RegisterStore.Stored] = []
        var totals: [FundOverview.YearTotal] = []
        var multipleMeanings: [(term: String, entries: [RegisterStore.Stored])] = []
        /// Anonymous visitors of a register whose entries are internal see only this summary.
        var signalSummary: SignalSummary.Table?
        /// Region code → name, for a register with a region field.
        var regionNames: [String: String] = [:]
        /// For the data sources: the number of the monitor's indicators each entry feeds, by key.
        var indicatorCounts: [String: Int] = [:]
        /// For the data sources: the data gaps register's size (shown with a link).
        var dataGapCount = 0

        var definition: RegisterDefinition { kind.definition }
        var showsInternal: Bool { fields.count == definition.fields.count }

        static func load(
            _ kind: RegisterKind, filter: RegisterFilter, viewer: PageContext.Viewer?, today: PlanDate,
            notice: RegisterNotice?, app: Application, on db: any Database
        ) async throws -> Model {
            if viewer == nil, !kind.definition.entriesArePublic {
                return Model(
                    kind: kind, filter: RegisterFilter(), fields: [], rows: [], total: 0, canCreate: false,
                    notice: nil, signalSummary: try await signalSummary(on: db))
            }
            let links = try await RegisterLinks.load(kind, loggedIn: viewer != nil, app: app, on: db)
            let all = try await RegisterStore.all(kind, on: db).map(links.visible)
            let fields = RegisterVisibility.fields(kind, viewer: viewer)
            var model = Model(
                kind: kind, filter: filter, fields: fields,
                rows: all.filter { filter.matches($0.entry, fields: fields) }, total: all.count,
                canCreate: viewer.map { $0.role >= .redacteur } ?? false, notice: notice)
            let byKey = Dictionary(all.map { ($0.entry.key, $0) }) { a, _ in a }
            let entries = all.map(\.entry)
            switch kind {
            case .funds:
                if let path = kind.definition.statusPath {
                    model.pipeline = FundOverview.pipeline(entries, path: path).map { ($0.status, $0.entries.count) }
                }
                model.deadlines = FundOverview.upcomingDeadlines(entries, today: today).compactMap { byKey[$0.key] }
                if model.showsInternal { model.totals = FundOverview.totalsPerYear(entries) }
            case .terms:
                model.multipleMeanings = TermValidity.multipleMeanings(entries).map { group in
                    (group.term, group.entries.compactMap { byKey[$0.key] })
                }
            case .sources:
                let indicators = try await RegisterStore.monitorIndicators(loggedIn: viewer != nil, on: db)
                    .map { DataSourceMatch.Indicator(code: $0.code, source: $0.source) }
                for row in all {
                    model.indicatorCounts[row.entry.key] =
                        DataSourceMatch.indicators(of: row.entry, among: indicators).count
                }
                model.dataGapCount = try await RegisterStore.all(.dataGaps, on: db).count
            case .signals:
                if let path = kind.definition.statusPath {
                    model.pipeline = FundOverview.pipeline(entries, path: path).map { ($0.status, $0.entries.count) }
                }
                model.regionNames = Dictionary(try await RegisterStore.regions(on: db).map { ($0.code, $0.name) }) {
                    a, _ in a
                }
            case .commitments, .dataGaps:
                break
            }
            return model
        }

        /// The public counts of all signals per theme and region, with disclosure control.
        static func signalSummary(on db: any Database) async throws -> SignalSummary.Table {
            SignalSummary.table(
                try await RegisterStore.all(.signals, on: db).map(\.entry),
                themes: RegisterDefinitions.signalThemes, regions: try await RegisterStore.regions(on: db))
        }
    }
}

/// Who sees which fields: anonymous visitors the public fields, every logged-in role (lezer and
/// up) all fields.
enum RegisterVisibility {
    static func fields(_ kind: RegisterKind, viewer: PageContext.Viewer?) -> [RegisterField] {
        viewer == nil ? kind.definition.publicFields : kind.definition.fields
    }
}
