import Fluent
import Vapor
import VitaalDomain

/// Who adopts plans (#16, four eyes): the steering organisation (`Organisation.isSteering`, the
/// province) and its vaststellers (`User.mayApprove`). A beheerder sets both on the admin pages; each
/// change is audited in the transaction that makes it.
public enum ApprovalRoles {
    /// Is `user` a vaststeller: active, at least redacteur, flagged, and of the steering organisation?
    public static func isApprover(_ user: User, on db: any Database) async throws -> Bool {
        guard user.isActive, user.mayApprove, user.role >= .redacteur else { return false }
        let organisation = try await Organisation.find(user.$organisation.id, on: db)
        return organisation?.isSteering == true && organisation?.isRetired == false
    }

    /// The steering organisation's name, for messages ("de provincie" when none is marked).
    public static func steeringName(on db: any Database) async throws -> String {
        try await Organisation.query(on: db).filter(\.$isSteering == true).first()?.name ?? "de sturende organisatie"
    }

    /// Gives or takes the vaststeller flag of `userID`. Giving it needs a redacteur or beheerder of the
    /// steering organisation (409 naming the rule otherwise).
    static func setApprover(_ approve: Bool, userID: UUID, on req: Request) async throws {
        try req.requireRole(.beheerder)
        let user = try await UserService.find(userID, on: req.db)
        guard user.mayApprove != approve else { return }
        if approve {
            let organisation = try await user.$organisation.get(on: req.db)
            guard organisation.isSteering else {
                throw UserService.conflict(
                    "Alleen een gebruiker van de sturende organisatie kan vaststeller zijn; \(organisation.name) "
                        + "is dat niet (dat stelt een beheerder in op de pagina van de organisatie).",
                    field: "approver")
            }
            guard user.role >= .redacteur else {
                throw UserService.conflict(
                    "Een lezer kan geen vaststeller zijn; geef de gebruiker eerst de rol redacteur.",
                    field: "approver")
            }
        }
        user.mayApprove = approve
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "gebruiker", id: userID.uuidString,
                summary: "Gebruiker \(user.email): " + (approve ? "mag plannen vaststellen" : "geen vaststeller meer"))
        }
    }

    /// Marks (or unmarks) the organisation `slug` as the steering organisation; marking it clears the
    /// flag of any other organisation in the same transaction.
    static func setSteering(_ steering: Bool, slug: String, on req: Request) async throws {
        try req.requireRole(.beheerder)
        let organisation = try await OrganisationService.find(slug: slug, on: req.db)
        guard organisation.isSteering != steering else { return }
        if steering, organisation.isRetired {
            throw UserService.conflict(
                "De organisatie \(organisation.name) is opgeheven en kan niet de sturende organisatie zijn.",
                field: "steering")
        }
        let id = try organisation.requireID()
        try await req.db.transaction { db in
            if steering {
                let others = try await Organisation.query(on: db).filter(\.$isSteering == true).filter(\.$id != id)
                    .all()
                for other in others {
                    other.isSteering = false
                    try await other.save(on: db)
                    try await req.audit(
                        on: db, "gewijzigd", entity: "organisatie", id: other.id?.uuidString,
                        summary: "\(other.name) is niet meer de sturende organisatie (\(organisation.name) wel)")
                }
            }
            organisation.isSteering = steering
            try await organisation.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "organisatie", id: id.uuidString,
                summary: steering
                    ? "\(organisation.name) is de sturende organisatie (stelt plannen vast)"
                    : "\(organisation.name) is niet meer de sturende organisatie")
        }
    }
}
