import AppCore
import Fluent
import VitaalDomain

/// `/monitor`: the monitors, the region profiles, the open data API and the editors' links.
enum OverviewPage {
    struct Model: Sendable, Equatable {
        struct Tile: Sendable, Equatable {
            var slug: String
            var name: String
            var summary: String
            var themeCount: Int
            var indicatorCount: Int
        }

        /// No monitor at all (not even an internal one).
        var hasNoMonitors: Bool
        var tiles: [Tile]
        var regions: [RegionChoice]
        /// Redacteurs and beheerders import data and write stories.
        var canEdit: Bool

        static func load(audience: Audience, viewer: PageContext.Viewer?, on db: any Database) async throws -> Model {
            let monitors = try await MonitorData.monitors(on: db)
            var tiles: [Tile] = []
            for monitor in monitors {
                let content = try await MonitorData.content(monitor, for: audience, on: db)
                // A monitor of internal indicators only is not shown to the public (not even its name).
                if audience == .public && content.indicators.isEmpty { continue }
                tiles.append(
                    Tile(
                        slug: monitor.slug, name: monitor.name, summary: monitor.summary,
                        themeCount: content.sections.count, indicatorCount: content.indicators.count))
            }
            let regions = try await RegionSet.load(on: db)
            return Model(
                hasNoMonitors: monitors.isEmpty, tiles: tiles, regions: regions.choiceList,
                canEdit: (viewer?.role ?? .lezer) >= .redacteur)
        }
    }
}
