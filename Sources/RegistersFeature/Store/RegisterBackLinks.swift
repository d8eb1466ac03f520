import AppCore
import Fluent
import VitaalDomain

/// The registers' side of `RegisterReading.referrers` (AppCore): the funds and signals that name
/// a plan goal, a network or an indicator, for the goal, network and indicator pages and a goal's
/// delete confirmation. One query loads the entries of the registers that can name such an item;
/// the references are matched in Swift (`RegisterReferrers`), as the values are JSON text.
enum RegisterBackLinks {
    static func referrers(_ kind: RegisterReferenceKind, _ references: [String], on db: any Database) async throws
        -> [RegisterReading.Referrer]
    {
        let registers = RegisterReferrers.registers(referringTo: kind)
        guard !references.isEmpty, !registers.isEmpty else { return [] }
        let records = try await RegisterEntryRecord.query(on: db).filter(\.$register ~~ registers.map(\.rawValue))
            .all()
        let entries = records.compactMap { record in record.kind.map { (kind: $0, entry: record.entry) } }
        return RegisterReferrers.referrers(to: references, kind: kind, among: entries).map { found in
            RegisterReading.Referrer(
                register: found.kind, title: found.title, status: found.entry.status, date: found.date,
                dateText: found.dateText, path: RegisterURL.entry(found.kind, .value(found.entry.key)).path,
                isPublic: found.isPublic, references: found.references)
        }
    }
}
