import AppCore
import Fluent
import Vapor

/// A file attached to a realisation as evidence (a report, a photo, an attendance list). Stored in the
/// database (`.data`: BLOB on SQLite, BYTEA on PostgreSQL); internal: only logged-in users download it.
public final class PlanAttachmentRecord: Model, @unchecked Sendable {
    public static let schema = "plan_attachments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "realisation_id") public var realisation: RealisationRecord
    /// The uploaded file's own name, without any path.
    @Field(key: "filename") public var filename: String
    /// Derived from the (allowed) extension, not taken from the browser.
    @Field(key: "content_type") public var contentType: String
    /// Size in bytes.
    @Field(key: "size") public var size: Int
    @Field(key: "data") public var data: Data
    @OptionalField(key: "created_by") public var createdBy: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
