import AppCore
import Fluent
import Foundation
import MonitorFeature
import Vapor
import VitaalDomain

/// What a register's entries refer to, loaded once per request: the plans' goals and the social
/// map's networks (through `RegisterLinkTargets`, AppCore), the monitor's indicators and its import
/// history. Pages, export and API read entries through `visible`, so that they show one thing: the
/// references the viewer may see, and a source's last import as the monitor's import history has it.
struct RegisterLinks: Sendable {
    var targets: [RegisterReferenceKind: [RegisterReferences.Target]] = [:]
    /// The monitor's indicators (code and source text) and the time of each one's latest import,
    /// for a register with an imported date (the data sources).
    var indicators: [DataSourceMatch.Indicator] = []
    var lastImports: [String: Date] = [:]
    var loggedIn: Bool

    /// Loads only what `kind`'s fields refer to.
    static func load(_ kind: RegisterKind, loggedIn: Bool, app: Application, on db: any Database) async throws
        -> RegisterLinks
    {
        var links = RegisterLinks(loggedIn: loggedIn)
        let definition = kind.definition
        for field in definition.fields {
            guard case .references(let reference) = field.kind, links.targets[reference] == nil else { continue }
            links.targets[reference] = try await targets(reference, app: app, on: db)
        }
        if definition.importedDateKey != nil {
            links.indicators = try await MonitorLookup.indicatorSources(audience: .internal, on: db).map {
                DataSourceMatch.Indicator(code: $0.code, source: $0.source)
            }
            links.lastImports = try await MonitorLookup.lastImports(on: db)
        }
        return links
    }

    /// The items of one kind; none when the feature that has them is not part of the application.
    static func targets(_ kind: RegisterReferenceKind, app: Application, on db: any Database) async throws
        -> [RegisterReferences.Target]
    {
        switch kind {
        case .planGoals: return try await app.registerLinkTargets.planGoals?(db) ?? []
        case .networks: return try await app.registerLinkTargets.networks?(db) ?? []
        case .indicators:
            return try await MonitorLookup.indicators(audience: .internal, on: db).map { indicator in
                RegisterReferences.Target(
                    reference: indicator.code, title: indicator.name,
                    path: MonitorURL.indicator(.value(indicator.code)).path, isPublic: indicator.isPublic)
            }
        }
    }

    func targets(of field: RegisterField) -> [RegisterReferences.Target] {
        guard case .references(let kind) = field.kind else { return [] }
        return targets[kind] ?? []
    }

    /// The references of `field` in `stored` as the viewer may see them.
    func shown(_ stored: RegisterStore.Stored, _ field: RegisterField) -> [RegisterReferences.Shown] {
        RegisterReferences.shown(stored.entry.values[field.key], among: targets(of: field), loggedIn: loggedIn)
    }

    /// The entry as the viewer reads it: references to items the viewer may not see left out, and
    /// the imported date taken from the import history where the monitor imports the source's
    /// data (the typed date stays only for sources it does not import).
    func visible(_ stored: RegisterStore.Stored) -> RegisterStore.Stored {
        // From the entry as stored: when a source was last imported does not depend on the viewer.
        let imported = DataSourceMatch.lastImport(of: stored.entry, among: indicators, imports: lastImports)
        var stored = stored
        for field in stored.kind.definition.fields {
            guard case .references = field.kind, stored.entry.values[field.key] != nil else { continue }
            stored.entry.values[field.key] = RegisterReferences.visibleValue(
                stored.entry.values[field.key], among: targets(of: field), loggedIn: loggedIn)
        }
        if let key = stored.kind.definition.importedDateKey, let imported {
            stored.entry.values[key] = RegisterRequest.today(at: imported).description
            stored.importedDate = true
        }
        return stored
    }

    /// Checks the posted references of every reference field of `values`: each must name one item
    /// (any plan's goal: the editor is logged in); they are stored in their canonical form.
    static func check(_ values: inout RegisterValues, _ kind: RegisterKind, app: Application, on db: any Database)
        async throws -> [Problem]
    {
        var problems: [Problem] = []
        for field in kind.definition.fields {
            guard case .references(let reference) = field.kind, let text = values[field.key] else { continue }
            let result = RegisterReferences.resolve(
                text, kind: reference, among: try await targets(reference, app: app, on: db))
            problems += result.problems.map { Problem($0, at: SourceLocation(field: field.formName)) }
            values[field.key] = result.references.isEmpty ? nil : result.references.joined(separator: ", ")
        }
        return problems
    }
}
