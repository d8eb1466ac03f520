import Fluent
import VitaalDomain

enum RegistersPage {
    /// The overview of the registers with the number of records in each.
    struct Model: Sendable {
        struct Row: Sendable {
            var kind: RegisterKind
            var count: Int
            /// Entries not yet at an end status (open commitments, funds still being pursued).
            var open: Int?
        }

        var rows: [Row]

        static func load(on db: any Database) async throws -> Model {
            var rows: [Row] = []
            for kind in RegisterKind.allCases {
                let entries = try await RegisterStore.all(kind, on: db).map(\.entry)
                let open = kind.definition.statusPath.map { path in
                    let end = path.steps.map(\.rank).max()
                    return entries.filter { $0.status.flatMap { path.rank(of: $0) } != end }.count
                }
                rows.append(Row(kind: kind, count: entries.count, open: open))
            }
            return Model(rows: rows)
        }
    }
}
