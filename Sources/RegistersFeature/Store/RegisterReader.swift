import AppCore
import Fluent
import VitaalDomain

/// The registers' side of `RegisterReading` (AppCore): what the monitor's indicator pages and the
/// plans' reports read from the registers without importing this module.
enum RegisterReader {
    static var reading: RegisterReading {
        RegisterReading(
            glossary: { db in try await glossary(on: db) },
            dataSources: { code, source, db in try await dataSources(code: code, source: source, on: db) },
            openCommitments: { planKey, db in try await openCommitments(planKey: planKey, on: db) })
    }

    /// Every term of the definition list, linked to its entry; a term with more than one meaning
    /// (MDT, PG, UWV) to the list filtered on that term, which shows the meanings side by side. A
    /// term naming two forms links under each ("Ketenzorg of zorgketen").
    static func glossary(on db: any Database) async throws -> [TermLinks.Term] {
        let entries = try await RegisterStore.all(.terms, on: db).map(\.entry)
        return TermLinks.groups(entries).flatMap { group in
            let target =
                group.keys.count == 1
                ? RegisterURL.entry(.terms, .value(group.keys[0])).path
                : RegisterURL.list(.terms).path(query: [("term", group.term)])
            return TermLinks.forms(of: group.term).map { TermLinks.Term(term: $0, target: target) }
        }
    }

    static func dataSources(code: String, source: String, on db: any Database) async throws -> [RegisterReading.Link] {
        let all = try await RegisterStore.all(.sources, on: db)
        let matching = Set(
            DataSourceMatch.sources(of: .init(code: code, source: source), among: all.map(\.entry)).map(\.key))
        return all.filter { matching.contains($0.entry.key) }.map { row in
            let table = row.entry.values["tableId"].map { " (\($0))" } ?? ""
            return RegisterReading.Link(
                title: row.title + table, path: RegisterURL.entry(.sources, .value(row.entry.key)).path)
        }
    }

    static func openCommitments(planKey: String, on db: any Database) async throws -> RegisterReading.OpenCommitments {
        let selection = CommitmentSelection.forPlan(
            planKey, among: try await RegisterStore.all(.commitments, on: db).map(\.entry))
        return RegisterReading.OpenCommitments(
            items: selection.entries.map { entry in
                RegisterReading.Commitment(
                    kind: entry.values["kind"] ?? "", title: entry.values["title"] ?? entry.key,
                    date: entry.values["date"], dueDate: entry.values["dueDate"],
                    path: RegisterURL.entry(.commitments, .value(entry.key)).path)
            }, linkedToPlan: selection.linked, registerPath: RegisterURL.list(.commitments).path)
    }
}
