import AppCore
import Fluent
import Vapor

/// One saved version of a workforce-planning scenario. Versions of the same scenario share a
/// `lineage`; saving a changed scenario adds a row with the next `version` (rows are never updated,
/// so every version stays reproducible).
public final class WorkforceScenarioRecord: Model, @unchecked Sendable {
    public static let schema = "workforce_scenarios"

    @ID(key: .id) public var id: UUID?
    /// Shared by all versions of one named scenario.
    @Field(key: "lineage") public var lineage: UUID
    @Field(key: "name") public var name: String
    @Field(key: "version") public var version: Int
    /// The scenario file (JSON, `WorkforceScenarioCodec.encode`: pretty, sorted keys, stable).
    @Field(key: "scenario_json") public var scenarioJSON: String
    /// The calibrated base scenario (read-only; changes are saved under another name).
    @Field(key: "is_base") public var isBase: Bool
    /// The scenario contains invented example figures (voorbeelddata).
    @Field(key: "is_example") public var isExample: Bool
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    /// E-mail of the author, or "systeem" / "cli".
    @Field(key: "author") public var author: String
    @OptionalField(key: "note") public var note: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, lineage: UUID, name: String, version: Int, scenarioJSON: String, isBase: Bool,
        isExample: Bool, organisationID: UUID?, author: String, note: String?
    ) {
        self.id = id
        self.lineage = lineage
        self.name = name
        self.version = version
        self.scenarioJSON = scenarioJSON
        self.isBase = isBase
        self.isExample = isExample
        self.$organisation.id = organisationID
        self.author = author
        self.note = note
    }
}
