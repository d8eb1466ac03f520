import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The editors' pages and writes of the social map. Redacteurs write their own organisation's
/// entries, beheerders everyone's (`SocialMapEditing`).
struct SocialMapEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SocialMapURL.offerEdit(.key), use: editOffer)
        routes.write(.POST, SocialMapURL.offerEdit(.key), access: .role(.redacteur), use: saveOffer)
        routes.write(.POST, SocialMapURL.offerChecked(.key), access: .role(.redacteur), use: markOfferChecked)
        routes.write(
            .POST, SocialMapURL.organisationChecked(.key), access: .role(.redacteur),
            use: markOrganisationChecked)
        routes.write(
            .POST, SocialMapURL.organisationCollaborations(.key), access: .role(.redacteur),
            use: addCollaboration)
    }

    @Sendable func editOffer(req: Request) async throws -> SitePage {
        let (_, offer, _) = try await SocialMapEditing.offer(req.socialMapID, for: req)
        return OfferEditPage.view(OfferEditPage.Model(offer: offer), req.formContext)
    }

    @Sendable func saveOffer(req: Request) async throws -> Response {
        let (_, offer, user) = try await SocialMapEditing.offer(req.socialMapID, for: req)
        let body = try req.formFields()
        let form = OfferEditPage.Model(offer: offer, body: body)
        guard form.error == nil else { return OfferEditPage.view(form, req.formContext).render(for: req) }
        let changed = form.applied(to: offer, checkedOn: body["gecontroleerd"] != nil ? req.socialMapToday : nil)
        try await SocialMapEditing.save(
            SocialMap.Register(services: [changed]), by: user, action: "gewijzigd",
            summary: "Aanbod \(offer.id) gewijzigd", at: req.now, on: req.db)
        return req.redirect(to: SocialMapURL.offer(.value(offer.id)), notice: SocialMapNotice.saved.rawValue)
    }

    @Sendable func markOfferChecked(req: Request) async throws -> Response {
        try await SocialMapEditing.markOfferChecked(req.socialMapID, for: req)
        return req.redirect(to: SocialMapURL.offer(.value(req.socialMapID)), notice: SocialMapNotice.checked.rawValue)
    }

    @Sendable func markOrganisationChecked(req: Request) async throws -> Response {
        try await SocialMapEditing.markOrganisationChecked(req.socialMapID, for: req)
        return req.redirect(
            to: SocialMapURL.organisation(.value(req.socialMapID)),
            notice: SocialMapNotice.checked.rawValue)
    }

    /// Adds (or replaces) a collaboration of this organisation; refused (403) when the record was
    /// entered by another organisation.
    @Sendable func addCollaboration(req: Request) async throws -> Response {
        let id = req.socialMapID
        let (register, _, user) = try await SocialMapEditing.organisation(id, for: req)
        let collaboration = try CollaborationForm(body: try req.formFields()).collaboration(of: id, in: register)
        try await Self.requireOwnership(of: collaboration, by: user, register: register, on: req.db)
        try await SocialMapEditing.save(
            SocialMap.Register(collaborations: [collaboration]), by: user,
            action: "aangemaakt",
            summary: "Samenwerking \(collaboration.a)–\(collaboration.b) "
                + "(\(collaboration.topic))", at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(id)),
            notice: SocialMapNotice.collaborationSaved.rawValue)
    }

    /// A record another organisation entered is theirs: only they (or a beheerder) replace it.
    /// Derived records (shared network membership) may be replaced by either side.
    static func requireOwnership(
        of collaboration: SocialMap.Collaboration, by user: User,
        register: SocialMap.Register, on db: any Database
    ) async throws {
        guard user.role < .beheerder else { return }
        let existing = try await SocialMapCollaborationRecord.query(on: db)
            .filter(\.$a == collaboration.a).filter(\.$b == collaboration.b).first()
        guard let existing, !existing.isDerived, existing.enteredBy != user.$organisation.id else { return }
        throw VitaalError(
            .forbidden,
            "De samenwerking tussen \(register.name(of: collaboration.a)) en "
                + "\(register.name(of: collaboration.b)) is vastgelegd door een andere organisatie; "
                + "alleen die organisatie of een beheerder kan haar wijzigen.")
    }
}
