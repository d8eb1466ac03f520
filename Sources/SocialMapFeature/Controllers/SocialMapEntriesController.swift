import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The forms that keep the social map current: organisations, offers, locations and contact
/// persons (add, change, archive). Each handler parses the form, checks the user may write the
/// entry (`SocialMapEditing`), validates everything and then writes once, with an audit entry.
struct SocialMapEntriesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editor = routes.requiring(.redacteur)
        editor.get(SocialMapURL.organisationNew, use: newOrganisation)
        routes.write(.POST, SocialMapURL.organisationNew, access: .role(.redacteur), use: createOrganisation)
        editor.get(SocialMapURL.organisationEdit(.key), use: editOrganisation)
        routes.write(.POST, SocialMapURL.organisationEdit(.key), access: .role(.redacteur), use: saveOrganisation)
        editor.get(SocialMapURL.organisationArchive(.key), use: confirmArchiveOrganisation)
        routes.write(
            .POST, SocialMapURL.organisationArchive(.key), access: .role(.redacteur), use: archiveOrganisation)

        editor.get(SocialMapURL.offerNew(.key), use: newOffer)
        routes.write(.POST, SocialMapURL.offerNew(.key), access: .role(.redacteur), use: createOffer)
        editor.get(SocialMapURL.offerArchive(.key), use: confirmArchiveOffer)
        routes.write(.POST, SocialMapURL.offerArchive(.key), access: .role(.redacteur), use: archiveOffer)

        editor.get(SocialMapURL.locationNew(.key), use: newLocation)
        routes.write(.POST, SocialMapURL.locationNew(.key), access: .role(.redacteur), use: createLocation)
        editor.get(SocialMapURL.locationEdit(.key), use: editLocation)
        routes.write(.POST, SocialMapURL.locationEdit(.key), access: .role(.redacteur), use: saveLocation)
        editor.get(SocialMapURL.locationArchive(.key), use: confirmArchiveLocation)
        routes.write(.POST, SocialMapURL.locationArchive(.key), access: .role(.redacteur), use: archiveLocation)

        editor.get(SocialMapURL.contactNew(.key), use: newContact)
        routes.write(.POST, SocialMapURL.contactNew(.key), access: .role(.redacteur), use: createContact)
        editor.get(SocialMapURL.contactEdit(.key), use: editContact)
        routes.write(.POST, SocialMapURL.contactEdit(.key), access: .role(.redacteur), use: saveContact)
        routes.write(.POST, SocialMapURL.contactArchive(.key), access: .role(.redacteur), use: archiveContact)
    }

    // MARK: Organisations

    @Sendable func newOrganisation(req: Request) async throws -> SitePage {
        try req.requireRole(.redacteur)
        return OrganisationFormPage.view(OrganisationFormPage.Model(), req.formContext)
    }

    @Sendable func createOrganisation(req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let body = try req.formFields()
        var form = OrganisationFormPage.Model(organisation: nil, body: body)
        guard form.error == nil else { return OrganisationFormPage.view(form, req.formContext).render(for: req) }
        let register = try await SocialMapStore.load(on: req.db)
        form.duplicates = register.possibleDuplicates(
            name: form.name, url: EntryForm.optional(form.website), email: EntryForm.optional(form.email))
        if !form.duplicates.isEmpty && body["toch-aanmaken"] == nil {
            return OrganisationFormPage.view(form, req.formContext).render(for: req)
        }
        let key = try await SocialMapStore.newKey(form.name, on: req.db)
        var organisation = form.applied(to: SocialMap.Organisation(id: key, name: form.name))
        organisation.lastChecked = req.socialMapToday
        try await SocialMapEditing.save(
            new: SocialMap.Register(organisations: [organisation]), by: user,
            summary: "Organisatie \(key) toegevoegd", at: req.now, on: req.db)
        return req.redirect(to: SocialMapURL.organisation(.value(key)), notice: SocialMapNotice.created.rawValue)
    }

    @Sendable func editOrganisation(req: Request) async throws -> SitePage {
        let (_, organisation, _) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        return OrganisationFormPage.view(OrganisationFormPage.Model(organisation: organisation), req.formContext)
    }

    @Sendable func saveOrganisation(req: Request) async throws -> Response {
        let (_, organisation, user) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        let form = OrganisationFormPage.Model(organisation: organisation, body: try req.formFields())
        guard form.error == nil else { return OrganisationFormPage.view(form, req.formContext).render(for: req) }
        try await SocialMapEditing.save(
            SocialMap.Register(organisations: [form.applied(to: organisation)]), by: user, action: "gewijzigd",
            summary: "Organisatie \(organisation.id) gewijzigd", at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(organisation.id)), notice: SocialMapNotice.saved.rawValue)
    }

    /// What archiving organisation `id` takes with it, and the networks that stop it.
    static func organisationArchive(_ organisation: SocialMap.Organisation, in register: SocialMap.Register)
        -> (ArchivePage.Model, SocialMapStore.ArchiveSet)
    {
        let id = organisation.id
        let offers = register.services.filter { $0.organisationID == id }
        let locations = register.locations.filter { $0.organisationID == id }
        let contacts = register.contacts.filter {
            $0.organisationID == id || offers.map(\.id).contains($0.serviceID ?? "")
        }
        let networks = SocialMapEditing.networks(of: Set([id] + offers.map(\.id)), in: register)
        var consequences = offers.map { "Aanbod: \($0.name)" }
        consequences += locations.map { "Locatie: \($0.name ?? $0.id)" }
        if !contacts.isEmpty { consequences.append("\(contacts.count) contactperso(o)n(en)") }
        let refusal =
            networks.isEmpty
            ? nil
            : "\(organisation.name) kan niet worden gearchiveerd: de organisatie of haar aanbod neemt deel aan "
                + "\(networks.count == 1 ? "het netwerk" : "de netwerken") \(networks.joined(separator: ", ")). "
                + "Beëindig eerst die deelname (netwerkpagina, Bewerken)."
        let model = ArchivePage.Model(
            title: organisation.name, back: .organisation(.value(id)), action: .organisationArchive(.value(id)),
            consequences: consequences, refusal: refusal)
        let set = SocialMapStore.ArchiveSet(
            organisations: [id], services: offers.map(\.id), locations: locations.map(\.id),
            contacts: contacts.map(\.id))
        return (model, set)
    }

    @Sendable func confirmArchiveOrganisation(req: Request) async throws -> SitePage {
        let (register, organisation, _) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        return ArchivePage.view(Self.organisationArchive(organisation, in: register).0, req.formContext)
    }

    @Sendable func archiveOrganisation(req: Request) async throws -> Response {
        let (register, organisation, user) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        let (model, set) = Self.organisationArchive(organisation, in: register)
        guard model.refusal == nil else { return ArchivePage.view(model, req.formContext).render(for: req) }
        try await SocialMapStore.archive(
            set, day: req.socialMapToday, user: user,
            summary: "Organisatie \(organisation.id) gearchiveerd (met \(set.services.count) aanbod, "
                + "\(set.locations.count) locaties, \(set.contacts.count) contactpersonen)",
            at: req.now, on: req.db)
        return req.redirect(to: SocialMapURL.map, notice: SocialMapNotice.archived.rawValue)
    }

    // MARK: Offers

    static func locationOptions(of organisationID: String, in register: SocialMap.Register) -> [SelectOption] {
        register.locations.filter { $0.organisationID == organisationID }.map { location in
            let address = location.address.map { " — " + SocialMapText.address($0) } ?? ""
            return SelectOption(value: location.id, label: (location.name ?? location.id) + address)
        }
    }

    @Sendable func newOffer(req: Request) async throws -> SitePage {
        let (register, organisation, _) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        let model = OfferEditPage.Model(
            newOf: organisation.id, organisationName: organisation.name,
            locationOptions: Self.locationOptions(of: organisation.id, in: register))
        return OfferEditPage.view(model, req.formContext)
    }

    @Sendable func createOffer(req: Request) async throws -> Response {
        let (register, organisation, user) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        let body = try req.formFields()
        let empty = SocialMap.Service(id: "", organisationID: organisation.id, name: "", kind: .residentsInitiative)
        var form = OfferEditPage.Model(
            offer: empty, body: body, organisationName: organisation.name,
            locationOptions: Self.locationOptions(of: organisation.id, in: register), isNew: true)
        guard form.error == nil else { return OfferEditPage.view(form, req.formContext).render(for: req) }
        form.duplicates = register.possibleDuplicates(
            name: form.name, url: EntryForm.optional(form.website), email: EntryForm.optional(form.email),
            offers: true)
        if !form.duplicates.isEmpty && body["toch-aanmaken"] == nil {
            return OfferEditPage.view(form, req.formContext).render(for: req)
        }
        let key = try await SocialMapStore.newKey(form.name, on: req.db)
        var offer = form.applied(to: empty, checkedOn: req.socialMapToday)
        offer.id = key
        offer.status = "active"
        let maintainer = try await SocialMapEditing.organisationMaintainer(organisation.id, on: req.db)
        // The offer is maintained by whoever maintains its organisation.
        try await SocialMapStore.write(
            SocialMap.Register(services: [offer]), on: req.db, maintainer: maintainer ?? user.$organisation.id,
            user: user, actor: user.email, action: "aangemaakt", summary: "Aanbod \(key) toegevoegd", at: req.now)
        return req.redirect(to: SocialMapURL.offer(.value(key)), notice: SocialMapNotice.created.rawValue)
    }

    static func offerArchive(_ offer: SocialMap.Service, in register: SocialMap.Register) -> ArchivePage.Model {
        let networks = SocialMapEditing.networks(of: [offer.id], in: register)
        let contacts = register.contacts.filter { $0.serviceID == offer.id }.count
        return ArchivePage.Model(
            title: offer.name, back: .offer(.value(offer.id)), action: .offerArchive(.value(offer.id)),
            consequences: contacts == 0 ? [] : ["\(contacts) contactperso(o)n(en) van dit aanbod"],
            refusal: networks.isEmpty
                ? nil
                : "\(offer.name) kan niet worden gearchiveerd: het neemt deel aan "
                    + "\(networks.count == 1 ? "het netwerk" : "de netwerken") \(networks.joined(separator: ", ")). "
                    + "Beëindig eerst die deelname.")
    }

    @Sendable func confirmArchiveOffer(req: Request) async throws -> SitePage {
        let (register, offer, _) = try await SocialMapEditing.offer(req.socialMapID, for: req)
        return ArchivePage.view(Self.offerArchive(offer, in: register), req.formContext)
    }

    @Sendable func archiveOffer(req: Request) async throws -> Response {
        let (register, offer, user) = try await SocialMapEditing.offer(req.socialMapID, for: req)
        let model = Self.offerArchive(offer, in: register)
        guard model.refusal == nil else { return ArchivePage.view(model, req.formContext).render(for: req) }
        let contacts = register.contacts.filter { $0.serviceID == offer.id }.map(\.id)
        try await SocialMapStore.archive(
            SocialMapStore.ArchiveSet(services: [offer.id], contacts: contacts), day: req.socialMapToday, user: user,
            summary: "Aanbod \(offer.id) gearchiveerd", at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(offer.organisationID)), notice: SocialMapNotice.archived.rawValue)
    }

    // MARK: Locations

    @Sendable func newLocation(req: Request) async throws -> SitePage {
        let (_, organisation, _) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        return LocationFormPage.view(LocationFormPage.Model(newOf: organisation), req.formContext)
    }

    @Sendable func createLocation(req: Request) async throws -> Response {
        let (_, organisation, user) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        var form = LocationFormPage.Model(newOf: organisation)
        let body = try req.formFields()
        form.read(body)
        guard form.error == nil, body["actie"] == "opslaan" else { return try await preview(form, req) }
        let key = try await SocialMapStore.newKey(form.name.isEmpty ? organisation.name : form.name, on: req.db)
        let location = form.applied(to: SocialMap.Location(id: key))
        try await SocialMapEditing.save(
            new: SocialMap.Register(locations: [location]), by: user, summary: "Locatie \(key) toegevoegd",
            at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(organisation.id)), notice: SocialMapNotice.created.rawValue)
    }

    @Sendable func editLocation(req: Request) async throws -> SitePage {
        let (register, location, _) = try await SocialMapEditing.location(req.socialMapID, for: req)
        let model = LocationFormPage.Model(
            location: location, organisationName: register.name(of: location.organisationID ?? ""))
        return LocationFormPage.view(model, req.formContext)
    }

    @Sendable func saveLocation(req: Request) async throws -> Response {
        let (register, location, user) = try await SocialMapEditing.location(req.socialMapID, for: req)
        var form = LocationFormPage.Model(
            location: location, organisationName: register.name(of: location.organisationID ?? ""))
        let body = try req.formFields()
        form.read(body)
        guard form.error == nil, body["actie"] == "opslaan" else { return try await preview(form, req) }
        try await SocialMapEditing.save(
            SocialMap.Register(locations: [form.applied(to: location)]), by: user, action: "gewijzigd",
            summary: "Locatie \(location.id) gewijzigd", at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(form.organisationID)), notice: SocialMapNotice.saved.rawValue)
    }

    /// The form again: with its problems, or with the map of the checked position to confirm.
    private func preview(_ form: LocationFormPage.Model, _ req: Request) async throws -> Response {
        var model = form
        if model.error == nil {
            model.preview = LocationFormPage.map(model, outlines: try await SocialMapMaps.outlines(on: req.db))
        }
        return LocationFormPage.view(model, req.formContext).render(for: req)
    }

    static func locationArchive(_ location: SocialMap.Location, in register: SocialMap.Register) -> ArchivePage.Model {
        let offers = register.services.filter { $0.locationIDs.contains(location.id) }
        let owner = location.organisationID ?? ""
        return ArchivePage.Model(
            title: location.name ?? "Locatie", back: .organisation(.value(owner)),
            action: .locationArchive(.value(location.id)),
            consequences: offers.map { "De locatie verdwijnt bij het aanbod \($0.name)" }, refusal: nil)
    }

    @Sendable func confirmArchiveLocation(req: Request) async throws -> SitePage {
        let (register, location, _) = try await SocialMapEditing.location(req.socialMapID, for: req)
        return ArchivePage.view(Self.locationArchive(location, in: register), req.formContext)
    }

    @Sendable func archiveLocation(req: Request) async throws -> Response {
        let (_, location, user) = try await SocialMapEditing.location(req.socialMapID, for: req)
        try await SocialMapStore.archive(
            SocialMapStore.ArchiveSet(locations: [location.id]), day: req.socialMapToday, user: user,
            summary: "Locatie \(location.id) gearchiveerd", at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(location.organisationID ?? "")),
            notice: SocialMapNotice.archived.rawValue)
    }

    // MARK: Contact persons

    @Sendable func newContact(req: Request) async throws -> SitePage {
        let (_, organisation, _) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        let model = ContactFormPage.Model(organisationID: organisation.id, organisationName: organisation.name)
        return ContactFormPage.view(model, req.formContext)
    }

    @Sendable func createContact(req: Request) async throws -> Response {
        let (_, organisation, user) = try await SocialMapEditing.organisation(req.socialMapID, for: req)
        var form = ContactFormPage.Model(organisationID: organisation.id, organisationName: organisation.name)
        form.read(try req.formFields())
        guard form.error == nil else { return ContactFormPage.view(form, req.formContext).render(for: req) }
        let key = try await SocialMapStore.newKey(form.role, prefix: "contact-", on: req.db)
        let contact = form.applied(to: SocialMap.ContactPerson(id: key, role: form.role))
        try await SocialMapEditing.save(
            new: SocialMap.Register(contacts: [contact]), by: user, summary: "Contactpersoon \(key) toegevoegd",
            at: req.now, on: req.db)
        return req.redirect(
            to: SocialMapURL.organisation(.value(organisation.id)), notice: SocialMapNotice.created.rawValue)
    }

    @Sendable func editContact(req: Request) async throws -> SitePage {
        let (register, contact, _) = try await SocialMapEditing.contact(req.socialMapID, for: req)
        let owner = contact.organisationID ?? register.service(contact.serviceID ?? "")?.organisationID ?? ""
        let model = ContactFormPage.Model(
            organisationID: owner, organisationName: register.name(of: owner), contact: contact)
        return ContactFormPage.view(model, req.formContext)
    }

    @Sendable func saveContact(req: Request) async throws -> Response {
        let (register, contact, user) = try await SocialMapEditing.contact(req.socialMapID, for: req)
        let owner = contact.organisationID ?? register.service(contact.serviceID ?? "")?.organisationID ?? ""
        var form = ContactFormPage.Model(
            organisationID: owner, organisationName: register.name(of: owner), contact: contact)
        form.read(try req.formFields())
        guard form.error == nil else { return ContactFormPage.view(form, req.formContext).render(for: req) }
        try await SocialMapEditing.save(
            SocialMap.Register(contacts: [form.applied(to: contact)]), by: user, action: "gewijzigd",
            summary: "Contactpersoon \(contact.id) gewijzigd", at: req.now, on: req.db)
        return req.redirect(to: SocialMapURL.organisation(.value(owner)), notice: SocialMapNotice.saved.rawValue)
    }

    @Sendable func archiveContact(req: Request) async throws -> Response {
        let (register, contact, user) = try await SocialMapEditing.contact(req.socialMapID, for: req)
        let owner = contact.organisationID ?? register.service(contact.serviceID ?? "")?.organisationID ?? ""
        try await SocialMapStore.archive(
            SocialMapStore.ArchiveSet(contacts: [contact.id]), day: req.socialMapToday, user: user,
            summary: "Contactpersoon \(contact.id) gearchiveerd", at: req.now, on: req.db)
        return req.redirect(to: SocialMapURL.organisation(.value(owner)), notice: SocialMapNotice.archived.rawValue)
    }
}
