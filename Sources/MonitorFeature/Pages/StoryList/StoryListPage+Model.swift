import AppCore
import Fluent
import Foundation
import VitaalDomain

/// `/monitor/verhalen` (editors): every story, with links to the ones the viewer may change.
enum StoryListPage {
    /// The confirmations a write redirects with (`?melding=`), as codes: the page words them.
    enum Notice: String, Sendable {
        case saved = "opgeslagen"
        case deleted = "verwijderd"

        var text: String {
            switch self {
            case .saved: "Verhaal opgeslagen."
            case .deleted: "Verhaal verwijderd."
            }
        }
    }

    struct Model: Sendable, Equatable {
        struct Row: Sendable, Equatable {
            /// Set when the viewer may change the story.
            var editID: String?
            var title: String
            var organisation: String
            var date: String
            var isExample: Bool
        }

        var notice: Notice?
        var rows: [Row]

        static func load(notice: String?, viewer: PageContext.Viewer, on db: any Database) async throws -> Model {
            let stories = try await Story.query(on: db).all().sorted(by: MonitorLookup.storyOrder)
            let organisations = Dictionary(
                try await Organisation.query(on: db).all().compactMap { organisation in
                    organisation.id.map { ($0, organisation.name) }
                }, uniquingKeysWith: { first, _ in first })
            let rows = stories.map { story in
                Row(
                    editID: viewer.mayWrite(organisationID: story.organisationID) ? story.id?.uuidString : nil,
                    title: story.title, organisation: story.organisationID.flatMap { organisations[$0] } ?? "–",
                    date: story.date.map(MonitorText.date) ?? "–", isExample: story.isExample)
            }
            return Model(notice: notice.flatMap(Notice.init(rawValue:)), rows: rows)
        }
    }
}
