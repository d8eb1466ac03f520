import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/monitor/beheer`: every monitor (retired ones too) in its order, with the beheerder's buttons to
/// order, retire and restore them and the form for a new monitor.
enum StructurePage {
    /// The confirmations a write redirects with (`?melding=`).
    enum Notice: String, Sendable {
        case saved = "opgeslagen"
        case created = "aangemaakt"
        case moved = "verplaatst"
        case retired = "vervallen"
        case restored = "hersteld"
        case removed = "verwijderd"

        var text: String {
            switch self {
            case .saved: "Opgeslagen."
            case .created: "Aangemaakt."
            case .moved: "Volgorde aangepast."
            case .retired: "Vervallen: niet meer in de openbare lijsten, wel bewaard."
            case .restored: "Hersteld: weer in de openbare lijsten."
            case .removed: "Indicator uit de monitor gehaald."
            }
        }
    }

    /// The new-monitor form as typed.
    struct Form: Sendable, Equatable {
        var slug = ""
        var name = ""
        var summary = ""
    }

    struct Model: Sendable {
        struct Row: Sendable, Equatable {
            var slug: String
            var name: String
            var themes: Int
            var indicators: Int
            var isRetired: Bool
            var isFirst: Bool
            var isLast: Bool
        }

        var notice: Notice?
        var rows: [Row]
        var isBeheerder: Bool
        var form: Form
        var error: VitaalError?

        var status: HTTPResponseStatus { error?.kind.status ?? .ok }

        func error(for field: String) -> String? {
            error?.problems.first { $0.location.field == field }?.message
        }

        static func load(
            notice: String?, viewer: PageContext.Viewer, form: Form = Form(), error: VitaalError? = nil,
            on db: any Database
        ) async throws -> Model {
            let monitors = try await Monitor.query(on: db).sort(\.$sortOrder).sort(\.$name).all()
            let themes = try await MonitorTheme.query(on: db).all()
            let items = try await MonitorItem.query(on: db).all()
            let rows = monitors.enumerated().map { index, monitor in
                Row(
                    slug: monitor.slug, name: monitor.name,
                    themes: themes.filter { $0.$monitor.id == monitor.id && $0.retiredAt == nil }.count,
                    indicators: items.filter { $0.$monitor.id == monitor.id }.count,
                    isRetired: monitor.retiredAt != nil, isFirst: index == 0, isLast: index == monitors.count - 1)
            }
            return Model(
                notice: notice.flatMap(Notice.init(rawValue:)), rows: rows, isBeheerder: viewer.role == .beheerder,
                form: form, error: error)
        }
    }
}
