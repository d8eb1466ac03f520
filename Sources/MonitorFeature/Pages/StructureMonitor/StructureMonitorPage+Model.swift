import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/monitor/beheer/{slug}`: one monitor's themes and the indicators in them. Beheerders change the
/// monitor, its themes and their order; redacteurs put their organisation's indicators in it.
enum StructureMonitorPage {
    /// The forms of the page as typed (shown again with their problems).
    struct Forms: Sendable, Equatable {
        var name = ""
        var summary = ""
        var themeCode = ""
        var themeName = ""
        var themeSummary = ""
    }

    struct Model: Sendable {
        struct Item: Sendable, Equatable {
            var id: String
            var code: String
            var name: String
            /// The viewer may move it or take it out.
            var canChange: Bool
            var isFirst: Bool
            var isLast: Bool
        }

        struct Theme: Sendable, Equatable {
            var id: String
            var code: String
            var name: String
            var summary: String
            var isRetired: Bool
            var isFirst: Bool
            var isLast: Bool
            var items: [Item]
        }

        struct Option: Sendable, Equatable {
            var value: String
            var label: String
        }

        var slug: String
        var name: String
        var isRetired: Bool
        var themes: [Theme]
        /// Indicators in the monitor without a theme.
        var loose: [Item]
        /// The indicators the viewer may put in the monitor.
        var addable: [Option]
        var themeOptions: [Option]
        var isBeheerder: Bool
        var notice: StructurePage.Notice?
        var forms: Forms
        var error: VitaalError?

        var status: HTTPResponseStatus { error?.kind.status ?? .ok }

        func error(for field: String) -> String? {
            error?.problems.first { $0.location.field == field }?.message
        }

        static func load(
            _ monitor: Monitor, notice: String?, viewer: PageContext.Viewer, forms: Forms? = nil,
            error: VitaalError? = nil, on db: any Database
        ) async throws -> Model {
            let id = try monitor.requireID()
            let themes = try await MonitorTheme.query(on: db).filter(\.$monitor.$id == id).sort(\.$sortOrder).all()
            let items = try await MonitorItem.query(on: db).filter(\.$monitor.$id == id).with(\.$indicator)
                .sort(\.$sortOrder).all()
            let indicators = try await Indicator.query(on: db).sort(\.$name).sort(\.$code).all()
            func rows(_ list: [MonitorItem]) -> [Item] {
                list.enumerated().map { index, item in
                    Item(
                        id: item.id?.uuidString ?? "", code: item.indicator.code, name: item.indicator.name,
                        canChange: viewer.mayWrite(organisationID: item.indicator.$owner.id),
                        isFirst: index == 0, isLast: index == list.count - 1)
                }
            }
            let blocks = themes.enumerated().map { index, theme in
                Theme(
                    id: theme.id?.uuidString ?? "", code: theme.code, name: theme.name, summary: theme.summary,
                    isRetired: theme.retiredAt != nil, isFirst: index == 0, isLast: index == themes.count - 1,
                    items: rows(items.filter { $0.$theme.id == theme.id }))
            }
            return Model(
                slug: monitor.slug, name: monitor.name, isRetired: monitor.retiredAt != nil, themes: blocks,
                loose: rows(items.filter { $0.$theme.id == nil }),
                addable: indicators.filter { viewer.mayWrite(organisationID: $0.$owner.id) }.map {
                    Option(value: $0.code, label: "\($0.name) (\($0.code))")
                },
                themeOptions: [Option(value: "", label: "zonder thema")]
                    + themes.filter { $0.retiredAt == nil }.compactMap { theme in
                        theme.id.map { Option(value: $0.uuidString, label: theme.name) }
                    },
                isBeheerder: viewer.role == .beheerder, notice: notice.flatMap(StructurePage.Notice.init(rawValue:)),
                forms: forms ?? Forms(name: monitor.name, summary: monitor.summary), error: error)
        }
    }
}
