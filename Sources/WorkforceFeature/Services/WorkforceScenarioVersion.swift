import AppCore
import Foundation
import VitaalDomain

/// One saved scenario version as pages show it: a plain value taken from the database record, so
/// page models hold no Fluent objects and snapshot tests can build it directly.
public struct WorkforceScenarioVersion: Sendable, Equatable {
    public var id: String
    public var name: String
    public var version: Int
    public var isBase: Bool
    public var isExample: Bool
    public var organisationName: String?
    /// The editor's e-mail address (shown to logged-in users only).
    public var author: String
    public var note: String?
    public var createdAt: Date?

    public init(
        id: String, name: String, version: Int, isBase: Bool, isExample: Bool, organisationName: String?,
        author: String, note: String?, createdAt: Date?
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.isBase = isBase
        self.isExample = isExample
        self.organisationName = organisationName
        self.author = author
        self.note = note
        self.createdAt = createdAt
    }

    init(_ record: WorkforceScenarioRecord) {
        self.init(
            id: record.id?.uuidString ?? "", name: record.name, version: record.version, isBase: record.isBase,
            isExample: record.isExample, organisationName: (record.$organisation.value ?? nil)?.name,
            author: record.author, note: record.note, createdAt: record.createdAt)
    }

    /// "Naam v2", as lists and comparisons name a version.
    public var title: String { "\(name) v\(version)" }

    /// Who saved the version: the e-mail address for logged-in users, the organisation for anonymous
    /// visitors (an e-mail address is personal data, not public information).
    public func author(for viewer: PageContext.Viewer?) -> String {
        viewer != nil ? author : (organisationName ?? "onbekende organisatie")
    }

    /// The link to the version's page.
    public var url: WorkforceURL { .scenario(.value(id)) }
}
