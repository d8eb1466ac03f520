import AppCore
import Fluent
import Foundation
import Vapor
import VitaalDomain

enum RegisterEntryPage {
    /// One entry: its fields (internal ones only for logged-in viewers), its status with the form to
    /// change it, its history of versions, and for a term the other meanings of the same term.
    struct Model: Sendable {
        struct VersionRow: Sendable {
            var version: Int
            var at: Date
            /// Only for logged-in viewers: an e-mail address is personal data.
            var actor: String?
            var status: String?
            var note: String?
            /// Labels of the visible fields that changed against the version before.
            var changed: [String]
        }

        /// The status form as posted (kept when it is refused).
        struct StatusForm: Sendable {
            var status = ""
            var reason = ""
            /// The fields some statuses need (closing letter, agenda, follow-up), by form name.
            var fields: [String: String] = [:]
            var problems: [Problem] = []
            var errors: FieldErrors { FieldErrors(problems) }
        }

        var stored: RegisterStore.Stored
        var fields: [RegisterField]
        var versions: [VersionRow]
        var canEdit: Bool
        var statusForm = StatusForm()
        var notice: RegisterNotice?
        /// The items the entry's reference fields point to (goals, networks, indicators).
        var links: RegisterLinks
        var otherMeanings: [RegisterStore.Stored] = []
        /// Region code → name, for showing a signal's region.
        var regionNames: [String: String] = [:]
        /// A data source's indicators (code, name): named by the source or listing the source's table.
        var indicators: [(code: String, name: String)] = []

        var kind: RegisterKind { stored.kind }
        var definition: RegisterDefinition { kind.definition }

        static func load(
            _ kind: RegisterKind, key: String, viewer: PageContext.Viewer?, notice: RegisterNotice?,
            app: Application, on db: any Database
        ) async throws -> Model {
            let links = try await RegisterLinks.load(kind, loggedIn: viewer != nil, app: app, on: db)
            let stored = links.visible(try await RegisterStore.find(kind, key: key, on: db))
            let fields = RegisterVisibility.fields(kind, viewer: viewer)
            let versions = try await RegisterStore.versions(of: stored.id, on: db)
            var rows: [VersionRow] = []
            for (index, version) in versions.enumerated() {
                let previous = index + 1 < versions.count ? versions[index + 1].values : nil
                let changed =
                    previous.map { old in
                        fields.filter { old[$0.key] != version.values[$0.key] }.map(\.label)
                    } ?? []
                rows.append(
                    VersionRow(
                        version: version.version, at: version.at, actor: viewer == nil ? nil : version.actor,
                        status: version.status, note: version.note, changed: changed))
            }
            var model = Model(
                stored: stored, fields: fields, versions: rows,
                canEdit: viewer?.mayWrite(organisationID: stored.organisationID) ?? false, notice: notice,
                links: links)
            if kind.definition.regionField != nil {
                model.regionNames = Dictionary(try await RegisterStore.regions(on: db).map { ($0.code, $0.name) }) {
                    a, _ in a
                }
            }
            if kind == .sources {
                let all = try await RegisterStore.monitorIndicators(loggedIn: viewer != nil, on: db)
                let codes = Set(
                    DataSourceMatch.indicators(
                        of: stored.entry, among: all.map { DataSourceMatch.Indicator(code: $0.code, source: $0.source) }
                    ))
                model.indicators = all.filter { codes.contains($0.code) }.map { ($0.code, $0.name) }
            }
            if kind == .terms, let term = stored.entry.values["term"] {
                let group = TermValidity.termGroup(term)
                model.otherMeanings = try await RegisterStore.all(kind, on: db).filter {
                    TermValidity.termGroup($0.entry.values["term"]) == group && $0.entry.key != key
                }
            }
            return model
        }
    }
}
