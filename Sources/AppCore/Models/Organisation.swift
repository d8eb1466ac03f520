import Fluent
import Vapor

/// An organisation: the province, a municipality, Flever, a care provider, an insurer …
/// Users belong to one organisation; editors write only their own organisation's data.
public final class Organisation: Model, Content, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    /// provincie, gemeente, ondersteuning, zorg, welzijn, verzekeraar, onderwijs, belangenbehartiging, netwerk, anders
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "region_code") public var regionCode: String?
    @OptionalField(key: "website") public var website: String?
    @OptionalField(key: "description") public var summary: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// Set when the organisation is retired (opgeheven): hidden from the pickers for new things,
    /// kept for everything that names it.
    @OptionalField(key: "retired_at") public var retiredAt: Date?
    /// The steering organisation (#16): the province, which adopts (vaststellen) the plans of its
    /// partners. Its users with `User.mayApprove` are the vaststellers. Set by a beheerder on the
    /// organisation's admin page; at most one organisation has it (setting it clears the others).
    @Field(key: "is_steering") public var isSteering: Bool

    public init() {}
    public init(
        slug: String, name: String, kind: String, regionCode: String? = nil, website: String? = nil,
        summary: String? = nil
    ) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.regionCode = regionCode
        self.website = website
        self.summary = summary
        self.isSteering = false
    }
}

extension Organisation {
    public var isRetired: Bool { retiredAt != nil }

    /// The organisations to offer for something new (an account, an owner): not retired, by name.
    public static func pickable(on db: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: db).filter(\.$retiredAt == nil).sort(\.$name).all()
    }
}
