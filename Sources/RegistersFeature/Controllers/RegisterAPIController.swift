import AppCore
import Foundation
import Vapor
import VitaalDomain

/// The registers' JSON API: the list (with the pages' search and filters) and one entry. Anonymous
/// callers get the public fields; a session or API token of any role gets all fields.
struct RegisterAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for kind in RegisterKind.allCases {
            routes.get(RegisterURL.apiList(kind), use: list).userInfo["register"] = kind
            routes.get(RegisterURL.apiEntry(kind, .key), use: entry).userInfo["register"] = kind
        }
        routes.get(RegisterURL.apiSignalSummary, use: signalSummary)
        // Creating, replacing and changing the status of entries.
        try routes.register(collection: RegisterWriteAPIController())
    }

    @Sendable func signalSummary(req: Request) async throws -> SignalSummaryDTO {
        SignalSummaryDTO(try await RegisterListPage.Model.signalSummary(on: req.db))
    }

    @Sendable func list(req: Request) async throws -> [RegisterEntryDTO] {
        let kind = try RegisterRequest.kind(req)
        try RegisterRequest.requireReadable(req, kind)
        let filter = try RegisterRequest.filter(req, kind)
        let fields = RegisterVisibility.fields(kind, viewer: req.user?.viewer)
        let links = try await RegisterLinks.load(
            kind, loggedIn: req.user?.viewer != nil, app: req.application, on: req.db)
        return try await RegisterStore.all(kind, on: req.db).map(links.visible)
            .filter { filter.matches($0.entry, fields: fields) }.map { RegisterEntryDTO($0, fields: fields) }
    }

    @Sendable func entry(req: Request) async throws -> RegisterEntryDTO {
        let kind = try RegisterRequest.kind(req)
        try RegisterRequest.requireReadable(req, kind)
        let links = try await RegisterLinks.load(
            kind, loggedIn: req.user?.viewer != nil, app: req.application, on: req.db)
        let stored = links.visible(try await RegisterStore.find(kind, key: try RegisterRequest.key(req), on: req.db))
        return RegisterEntryDTO(stored, fields: RegisterVisibility.fields(kind, viewer: req.user?.viewer))
    }
}

/// One entry in the API: amounts and years as integers, dates as `yyyy-mm-dd`, other values as
/// text; fields without a value are left out.
struct RegisterEntryDTO: Content {
    enum Value: Codable, Equatable {
        case text(String)
        case integer(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .integer(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let number): try container.encode(number)
            }
        }
    }

    var key: String
    var status: String?
    var organisation: String?
    var isExample: Bool
    var version: Int
    var updatedAt: String
    var values: [String: Value]

    init(_ stored: RegisterStore.Stored, fields: [RegisterField]) {
        key = stored.entry.key
        status = stored.entry.status
        organisation = stored.organisationName
        isExample = stored.entry.isExample
        version = stored.version
        updatedAt = ISO8601DateFormatter().string(from: stored.updatedAt)
        var values: [String: Value] = [:]
        for field in fields {
            guard let value = stored.entry.values[field.key] else { continue }
            switch field.kind {
            case .amount, .year: values[field.key] = Int(value).map(Value.integer) ?? .text(value)
            default: values[field.key] = .text(value)
            }
            // Where a source's last import comes from: the monitor's import history or typed in.
            if field.key == stored.kind.definition.importedDateKey {
                values[Self.originKey(field.key)] = .text(stored.importedDate ? "importHistory" : "typed")
            }
        }
        self.values = values
    }

    /// "lastImport" → "lastImportOrigin".
    static func originKey(_ key: String) -> String { key + "Origin" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        // Always present, `null` when the source states no status.
        try container.encode(status, forKey: .status)
        try container.encode(organisation, forKey: .organisation)
        try container.encode(isExample, forKey: .isExample)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(values, forKey: .values)
    }
}

/// The public counts of the signals: per theme and per region, `null` where disclosure control
/// hides a count (`suppressed` says why: "primary" below 5, "secondary" so that it cannot be
/// worked out by subtraction).
struct SignalSummaryDTO: Content {
    struct Count: Content {
        var code: String
        var label: String
        var count: Int?
        var suppressed: String?

        init(_ count: SignalSummary.Count) {
            code = count.code
            label = count.label
            self.count = count.count
            suppressed = count.suppression?.rawValue
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(label, forKey: .label)
            // Both always present: `count` is null when hidden, `suppressed` null when shown.
            try container.encode(count, forKey: .count)
            try container.encode(suppressed, forKey: .suppressed)
        }
    }

    var themes: [Count]
    var regions: [Count]
    var total: Count

    init(_ table: SignalSummary.Table) {
        themes = table.themes.map(Count.init)
        regions = table.regions.map(Count.init)
        total = Count(table.total)
    }
}
