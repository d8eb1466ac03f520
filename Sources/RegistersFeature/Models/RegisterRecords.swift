import AppCore
import Fluent
import Foundation
import VitaalDomain

/// One entry of a register (`RegisterKind`). The field values are kept as JSON text in `payload`
/// (field key → text, as `RegisterValues`), like the social map's records: the registers differ in
/// their fields, not in how they are stored, checked, audited and exported. `title` and `status`
/// are copies for sorting and filtering.
final class RegisterEntryRecord: Model, @unchecked Sendable {
    static let schema = "register_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "register") var register: String
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @OptionalField(key: "status") var status: String?
    /// The organisation whose redacteuren may change the entry (nil: only a beheerder).
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "payload") var payload: String
    @Field(key: "is_example") var isExample: Bool
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var values: RegisterValues {
        (try? JSONDecoder().decode(RegisterValues.self, from: Data(payload.utf8))) ?? [:]
    }

    var kind: RegisterKind? { RegisterKind(rawValue: register) }

    var entry: RegisterEntry { RegisterEntry(key: key, status: status, values: values, isExample: isExample) }

    static func encode(_ values: RegisterValues) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// One version of an entry: its values and status after a change, who made it and why. The
/// history of a term's meaning and validity, and of a fund's status steps, is read from here.
final class RegisterVersionRecord: Model, @unchecked Sendable {
    static let schema = "register_entry_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "entry_id") var entry: RegisterEntryRecord
    @Field(key: "version") var version: Int
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @OptionalField(key: "status") var status: String?
    @Field(key: "payload") var payload: String
    /// The reason given for a status step, or what the change was ("aangemaakt", "gewijzigd").
    @OptionalField(key: "note") var note: String?

    init() {}

    var values: RegisterValues {
        (try? JSONDecoder().decode(RegisterValues.self, from: Data(payload.utf8))) ?? [:]
    }
}
