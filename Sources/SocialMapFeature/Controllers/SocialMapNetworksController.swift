import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Networks kept in the browser: add and change a network (its maintainer or a beheerder), mark
/// it still current, and add or remove participants. A participant may be added or removed by the
/// network's maintainer, or by the maintainer of the participant itself (a partner joins a
/// network). Every change of participants rebuilds the derived collaborations in the same
/// transaction, so the network page and the network analysis follow at once.
struct SocialMapNetworksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editor = routes.requiring(.redacteur)
        editor.get(SocialMapURL.networkNew, use: newNetwork)
        routes.write(.POST, SocialMapURL.networkNew, access: .role(.redacteur), use: createNetwork)
        editor.get(SocialMapURL.networkEdit(.key), use: editNetwork)
        routes.write(.POST, SocialMapURL.networkEdit(.key), access: .role(.redacteur), use: saveNetwork)
        routes.write(.POST, SocialMapURL.networkChecked(.key), access: .role(.redacteur), use: markChecked)
        routes.write(.POST, SocialMapURL.networkMembers(.key), access: .role(.redacteur), use: addMember)
        routes.write(.POST, SocialMapURL.networkMemberRemove(.key), access: .role(.redacteur), use: removeMember)
    }

    @Sendable func newNetwork(req: Request) async throws -> SitePage {
        try req.requireRole(.redacteur)
        return NetworkFormPage.view(NetworkFormPage.Model(), req.formContext)
    }

    @Sendable func createNetwork(req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        var form = NetworkFormPage.Model()
        form.read(try req.formFields())
        guard form.error == nil else { return NetworkFormPage.view(form, req.formContext).render(for: req) }
        let key = try await SocialMapStore.newKey(form.name, on: req.db)
        var network = form.applied(to: SocialMap.Network(id: key, name: form.name, goal: form.goal))
        network.lastChecked = req.socialMapToday
        try await SocialMapEditing.save(
            new: SocialMap.Register(networks: [network]), by: user, summary: "Netwerk \(key) toegevoegd",
            at: req.now, on: req.db)
        return req.redirect(to: SocialMapURL.networkEdit(.value(key)), notice: SocialMapNotice.created.rawValue)
    }

    @Sendable func editNetwork(req: Request) async throws -> SitePage {
        let (register, network, _) = try await SocialMapEditing.network(req.socialMapID, for: req)
        return NetworkFormPage.view(NetworkFormPage.Model(network: network, register: register), req.formContext)
    }

    @Sendable func saveNetwork(req: Request) async throws -> Response {
        let (register, network, user) = try await SocialMapEditing.network(req.socialMapID, for: req)
        var form = NetworkFormPage.Model(network: network, register: register)
        form.read(try req.formFields())
        guard form.error == nil else { return NetworkFormPage.view(form, req.formContext).render(for: req) }
        try await SocialMapStore.write(
            SocialMap.Register(networks: [form.applied(to: network)]), on: req.db, user: user, actor: user.email,
            action: "gewijzigd", summary: "Netwerk \(network.id) gewijzigd", at: req.now,
            refreshDerivedCollaborations: true)
        return req.redirect(to: SocialMapURL.network(.value(network.id)), notice: SocialMapNotice.saved.rawValue)
    }

    @Sendable func markChecked(req: Request) async throws -> Response {
        try await SocialMapEditing.markNetworkChecked(req.socialMapID, for: req)
        return req.redirect(to: SocialMapURL.network(.value(req.socialMapID)), notice: SocialMapNotice.checked.rawValue)
    }

    /// The network, the user, and whether the user maintains the network (else they may only add
    /// or remove their own organisation's entries).
    private func networkForMembers(_ req: Request) async throws
        -> (SocialMap.Register, SocialMap.Network, User, mayEditNetwork: Bool)
    {
        let user = try req.requireRole(.redacteur)
        let id = req.socialMapID
        let register = try await SocialMapStore.load(on: req.db)
        guard let network = register.networks.first(where: { $0.id == id }) else {
            throw VitaalError(.notFound, "Dit netwerk bestaat niet.")
        }
        let maintainer = try await SocialMapNetworkRecord.query(on: req.db).filter(\.$key == id).first()?.maintainerID
        return (register, network, user, user.mayWrite(organisationID: maintainer))
    }

    /// Refused (403) unless the user maintains the network or the participant.
    private func requireMemberRights(
        _ memberID: String, mayEditNetwork: Bool, user: User, register: SocialMap.Register, on db: any Database
    ) async throws {
        guard !mayEditNetwork else { return }
        let maintainer =
            register.service(memberID) != nil
            ? try await SocialMapEditing.serviceMaintainer(memberID, on: db)
            : try await SocialMapEditing.organisationMaintainer(memberID, on: db)
        guard user.mayWrite(organisationID: maintainer) else {
            throw VitaalError(
                .forbidden,
                "U mag alleen de deelname van uw eigen organisatie of aanbod wijzigen; "
                    + "de beheerder van het netwerk kan andere deelnemers toevoegen of verwijderen.")
        }
    }

    @Sendable func addMember(req: Request) async throws -> Response {
        let (register, network, user, mayEditNetwork) = try await networkForMembers(req)
        let form = NetworkFormPage.MemberForm(body: try req.formFields())
        // Someone who does not keep the network may only add their own entries: checked first.
        try await requireMemberRights(
            form.memberID, mayEditNetwork: mayEditNetwork, user: user, register: register, on: req.db)
        if let error = form.check(in: register, network: network) {
            guard mayEditNetwork else { throw error }
            var page = NetworkFormPage.Model(network: network, register: register)
            page.memberError = error
            return NetworkFormPage.view(page, req.formContext).render(for: req)
        }
        var changed = network
        changed.memberships.append(
            SocialMap.Membership(memberID: form.memberID, role: EntryForm.optional(form.role)))
        try await saveMembers(changed, user: user, req: req, summary: "\(form.memberID) toegevoegd aan \(network.id)")
        return req.redirect(to: SocialMapURL.network(.value(network.id)), notice: SocialMapNotice.memberAdded.rawValue)
    }

    @Sendable func removeMember(req: Request) async throws -> Response {
        let (register, network, user, mayEditNetwork) = try await networkForMembers(req)
        let memberID = EntryForm.text(try req.formFields(), "lid")
        try await requireMemberRights(
            memberID, mayEditNetwork: mayEditNetwork, user: user, register: register, on: req.db)
        guard network.memberships.contains(where: { $0.memberID == memberID }) else {
            throw VitaalError.invalid(
                "\"\(memberID.prefix(60))\" neemt niet deel aan dit netwerk", at: SourceLocation(field: "lid"))
        }
        var changed = network
        changed.memberships.removeAll { $0.memberID == memberID }
        try await saveMembers(changed, user: user, req: req, summary: "\(memberID) uit \(network.id) gehaald")
        return req.redirect(
            to: SocialMapURL.network(.value(network.id)), notice: SocialMapNotice.memberRemoved.rawValue)
    }

    private func saveMembers(_ network: SocialMap.Network, user: User, req: Request, summary: String) async throws {
        try await SocialMapStore.write(
            SocialMap.Register(networks: [network]), on: req.db, user: user, actor: user.email,
            action: "deelname gewijzigd", summary: "Netwerk: \(summary)", at: req.now,
            refreshDerivedCollaborations: true)
    }
}
