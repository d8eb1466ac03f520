import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A saved acute-care scenario: a named set of changes on top of the base situation
/// (see `ScenarioChanges`), owned by the organisation of its author.
public final class AcuteCareScenarioRecord: Model, Content, @unchecked Sendable {
    public static let schema = "acute_care_scenarios"

    @ID(key: .id) public var id: UUID?
    /// Stable short name used in links and the API, e.g. "groei-2035".
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "description") public var summary: String?
    /// JSON of `ScenarioChanges`.
    @Field(key: "changes") public var changesJSON: String
    /// Schematic / example scenario (demo data): labelled "schematisch" everywhere.
    @Field(key: "is_schematic") public var isSchematic: Bool
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    /// E-mail of the author, or "systeem" for demo data (not shown on public pages).
    @Field(key: "author") public var author: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
    public init(
        slug: String, name: String, summary: String?, changes: ScenarioChanges, isSchematic: Bool,
        organisationID: UUID?, author: String
    ) throws {
        self.slug = slug
        self.name = name
        self.summary = summary
        self.changesJSON = try changes.json()
        self.isSchematic = isSchematic
        self.$organisation.id = organisationID
        self.author = author
    }

    /// The stored changes (an unreadable value is an internal error, never silently empty).
    public func changes() throws -> ScenarioChanges {
        do { return try JSONDecoder().decode(ScenarioChanges.self, from: Data(changesJSON.utf8)) } catch {
            throw VitaalError(.internal, "Scenario \"\(name)\" bevat onleesbare wijzigingen.")
        }
    }

    /// The domain scenario of this record.
    public func scenario() throws -> AcuteCareScenario {
        var s = try changes().scenario(id: slug, name: name, description: summary)
        s.isSchematic = s.isSchematic || isSchematic
        return s
    }

    /// A slug from `name` not yet used ("naam", "naam-2", …).
    public static func uniqueSlug(for name: String, on db: any Database) async throws -> String {
        let base = Slug.make(name).isEmpty ? "scenario" : Slug.make(name)
        var slug = base
        var n = 1
        while try await query(on: db).filter(\.$slug == slug).first() != nil {
            n += 1
            slug = "\(base)-\(n)"
        }
        return slug
    }
}
