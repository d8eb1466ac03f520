import Fluent
import Vapor

/// Roles, from most to least rights. Anonymous visitors have no role and see only public data.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Admin: everything.
    case beheerder
    /// Editor: writes data of its own organisation.
    case redacteur
    /// Reader: sees internal data.
    case lezer

    var rank: Int {
        switch self {
        case .beheerder: 3
        case .redacteur: 2
        case .lezer: 1
        }
    }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
    public var label: String {
        switch self {
        case .beheerder: "Beheerder"
        case .redacteur: "Redacteur"
        case .lezer: "Lezer"
        }
    }
}

public final class User: Model, Content, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: Role
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    @OptionalField(key: "last_login_at") public var lastLoginAt: Date?
    /// A one-time password (new account, reset by a beheerder) works for 24 hours.
    @OptionalField(key: "one_time_password_expires_at") public var oneTimePasswordExpiresAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// A deactivated user cannot log in, has no sessions and their API tokens are refused; the
    /// account and its history stay.
    @Field(key: "is_active") public var isActive: Bool
    @OptionalField(key: "deactivated_at") public var deactivatedAt: Date?
    /// Vaststeller (#16): may adopt (vaststellen) or reject submitted plans of every organisation,
    /// when the user is at least redacteur of the steering organisation (`Organisation.isSteering`).
    /// Set by a beheerder on the user's admin page; never for their own submission (four eyes).
    @Field(key: "may_approve") public var mayApprove: Bool

    public init() {}
    /// A new account; with `mustChangePassword` its password is a one-time password valid from `now`.
    public init(
        email: String, name: String, passwordHash: String, role: Role, organisationID: UUID,
        mustChangePassword: Bool = true, now: Date
    ) {
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.$organisation.id = organisationID
        self.mustChangePassword = mustChangePassword
        self.isActive = true
        self.mayApprove = false
        if mustChangePassword { oneTimePasswordExpiresAt = now.addingTimeInterval(User.oneTimePasswordLifetime) }
    }
    public static let oneTimePasswordLifetime: TimeInterval = 24 * 3600

    /// Beheerders may write anything; redacteurs only their own organisation's data.
    public func mayWrite(organisationID: UUID?) -> Bool {
        role == .beheerder || (role == .redacteur && organisationID != nil && organisationID == $organisation.id)
    }
}

extension User: ModelSessionAuthenticatable {}
