import AppCore
import Fluent
import Foundation
import VitaalDomain

/// `/monitor/indicatoren`: the indicator catalogue, searchable and filtered by theme, level, owner,
/// visibility and status (a GET form). Anonymous visitors see the public indicators that are no
/// concept; editors get links to change the indicators of their organisation.
enum CataloguePage {
    /// The confirmations a write redirects with (`?melding=`).
    enum Notice: String, Sendable {
        case saved = "opgeslagen"
        case created = "aangemaakt"

        var text: String {
            switch self {
            case .saved: "Indicator opgeslagen."
            case .created: "Indicator aangemaakt."
            }
        }
    }

    /// The filters as the query gives them ("" for no filter).
    struct Filters: Sendable, Equatable {
        var search = ""
        /// A theme's id.
        var theme = ""
        var level = ""
        /// An organisation's slug.
        var owner = ""
        var visibility = ""
        var status = ""

        static let names = ["zoek", "thema", "niveau", "eigenaar", "zichtbaarheid", "status"]

        init() {}

        init(query: (String) -> String?) {
            func text(_ name: String) -> String {
                String((query(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
            }
            search = text("zoek")
            theme = text("thema")
            level = text("niveau")
            owner = text("eigenaar")
            visibility = text("zichtbaarheid")
            status = text("status")
        }

        var isEmpty: Bool { self == Filters() }
    }

    struct Model: Sendable, Equatable {
        struct Row: Sendable, Equatable {
            var code: String
            var name: String
            var unit: String
            var level: String
            var owner: String
            var isPublic: Bool
            var status: IndicatorStatus
            var themes: [String]
            /// The viewer may change it.
            var canEdit: Bool
        }

        struct Option: Sendable, Equatable {
            var value: String
            var label: String
        }

        var notice: Notice?
        var filters: Filters
        var rows: [Row]
        var total: Int
        var themes: [Option]
        var owners: [Option]
        var canCreate: Bool
        var canManageStructure: Bool

        static func load(
            filters: Filters, notice: String?, viewer: PageContext.Viewer?,
            on db: any Database
        ) async throws -> Model {
            let audience: Audience = viewer == nil ? .public : .internal
            // Sorted here, not in SQL: SQLite and PostgreSQL collate names differently.
            let indicators = try await Indicator.query(on: db).all()
                .filter { MonitorData.isVisible($0, to: audience) }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
            let organisations = try await Organisation.query(on: db).all().sorted { $0.name < $1.name }
            let monitors = try await Monitor.query(on: db).all().sorted {
                ($0.sortOrder, $0.name) < ($1.sortOrder, $1.name)
            }
            let monitorOrder = Dictionary(
                monitors.enumerated().compactMap { index, m in m.id.map { ($0, index) } },
                uniquingKeysWith: { a, _ in a })
            let themes = try await MonitorTheme.query(on: db).all()
                .filter { $0.retiredAt == nil || viewer != nil }
                .sorted {
                    (monitorOrder[$0.$monitor.id] ?? 0, $0.sortOrder, $0.name)
                        < (monitorOrder[$1.$monitor.id] ?? 0, $1.sortOrder, $1.name)
                }
            let items = try await MonitorItem.query(on: db).all()
            let monitorNames = Dictionary(
                monitors.compactMap { m in m.id.map { ($0, m.name) } }, uniquingKeysWith: { a, _ in a })
            let themeLabels = Dictionary(
                themes.compactMap { theme in
                    theme.id.map { ($0, "\(monitorNames[theme.$monitor.id] ?? "") – \(theme.name)") }
                }, uniquingKeysWith: { a, _ in a })
            var themesOf: [UUID: [UUID]] = [:]
            for item in items {
                if let theme = item.$theme.id { themesOf[item.$indicator.id, default: []].append(theme) }
            }
            let byID = Dictionary(
                organisations.compactMap { o in o.id.map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
            let rows = indicators.filter { matches($0, filters, themesOf: themesOf, organisations: byID) }.map {
                indicator in
                Row(
                    code: indicator.code, name: indicator.name, unit: indicator.unit,
                    level: IndicatorLevel(rawValue: indicator.level)?.dutchLabel ?? indicator.level,
                    owner: indicator.$owner.id.flatMap { byID[$0]?.name } ?? "–", isPublic: indicator.isPublic,
                    status: IndicatorStatus(rawValue: indicator.status) ?? .actief,
                    themes: (indicator.id.flatMap { themesOf[$0] } ?? []).compactMap { themeLabels[$0] }.sorted(),
                    canEdit: viewer?.mayWrite(organisationID: indicator.$owner.id) ?? false)
            }
            let ownerIDs = Set(indicators.compactMap { $0.$owner.id })
            return Model(
                notice: notice.flatMap(Notice.init(rawValue:)), filters: filters, rows: rows, total: indicators.count,
                themes: themes.compactMap { theme in
                    theme.id.flatMap { id in themeLabels[id].map { Option(value: id.uuidString, label: $0) } }
                },
                owners: organisations.filter { $0.id.map(ownerIDs.contains) ?? false }.map {
                    Option(value: $0.slug, label: $0.name)
                },
                canCreate: (viewer?.role ?? .lezer) >= .redacteur, canManageStructure: viewer?.role == .beheerder)
        }

        /// Whether an indicator passes every filter (the search looks in code, name and definition).
        static func matches(
            _ indicator: Indicator, _ filters: Filters, themesOf: [UUID: [UUID]],
            organisations: [UUID: Organisation]
        ) -> Bool {
            if !filters.search.isEmpty {
                let haystack = [indicator.code, indicator.name, indicator.summary, indicator.source]
                guard haystack.contains(where: { $0.localizedCaseInsensitiveContains(filters.search) }) else {
                    return false
                }
            }
            if !filters.theme.isEmpty {
                let themes = indicator.id.flatMap { themesOf[$0] } ?? []
                guard themes.contains(where: { $0.uuidString == filters.theme.uppercased() }) else { return false }
            }
            if !filters.level.isEmpty && indicator.level != filters.level { return false }
            if !filters.owner.isEmpty && indicator.$owner.id.flatMap({ organisations[$0]?.slug }) != filters.owner {
                return false
            }
            if !filters.visibility.isEmpty && indicator.visibility != filters.visibility { return false }
            if !filters.status.isEmpty && indicator.status != filters.status { return false }
            return true
        }
    }
}
