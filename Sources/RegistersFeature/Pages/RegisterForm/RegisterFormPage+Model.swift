import AppCore
import Fluent
import Foundation
import VitaalDomain

enum RegisterFormPage {
    /// The form of a new or existing entry: every field of the register, and for a new entry its
    /// first status. Status changes of an existing entry go through the status form (one rule).
    struct Model: Sendable {
        var kind: RegisterKind
        /// Nil for a new entry.
        var key: String?
        var storedTitle: String
        /// Posted text by form name.
        var texts: [String: String] = [:]
        var status = ""
        var problems: [Problem] = []
        /// A warning that does not refuse the input once confirmed (a deadline in the past).
        var warning: String?
        /// The regions a region field offers (code, name); loaded only for a register that has one.
        var regions: [(code: String, name: String)] = []

        var definition: RegisterDefinition { kind.definition }
        var isNew: Bool { key == nil }
        var errors: FieldErrors { FieldErrors(problems) }

        init(new kind: RegisterKind) {
            self.kind = kind
            storedTitle = RegisterParts.newTitle(kind.definition)
        }

        mutating func loadRegions(on db: any Database) async throws {
            guard definition.regionField != nil else { return }
            regions = try await RegisterStore.regions(on: db)
        }

        init(_ stored: RegisterStore.Stored) {
            kind = stored.kind
            key = stored.entry.key
            storedTitle = stored.title
            status = stored.entry.status ?? ""
            for field in stored.kind.definition.fields {
                texts[field.formName] = stored.entry.values[field.key] ?? ""
            }
        }
    }
}
