import AppCore
import Plot
import VitaalDomain

/// The editors' form of a network, its participants and the form to add one.
enum NetworkFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let errors = model.fieldErrors
        let action: SocialMapURL = model.networkID.map { .networkEdit(.value($0)) } ?? .networkNew
        var breadcrumbs = [SocialMapParts.breadcrumb, ("Netwerken", SocialMapURL.networks.path)]
        if let id = model.networkID { breadcrumbs.append((model.storedName, SocialMapURL.network(.value(id)).path)) }
        return SitePage(
            model.isNew ? "Netwerk toevoegen" : "\(model.storedName) bewerken",
            status: model.error == nil && model.memberError == nil ? .ok : .unprocessableEntity,
            breadcrumbs: breadcrumbs,
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(attr(action.path)),
                Layout.csrfField(context),
                UI.field("naam", label: "Naam", value: model.name, error: errors["naam"], required: true),
                EntryForm.textarea(
                    "doel", label: "Doel", value: model.goal, error: errors["doel"], rows: 3, required: true),
                UI.field(
                    "rol-flever", label: "Rol van Flever", value: model.fleverRole, error: errors["rol-flever"],
                    hint: "Bijvoorbeeld faciliterend, initiatiefnemer of deelnemer"),
                EntryForm.textarea(
                    "omschrijving-deelnemers",
                    label: "Omschrijving van de deelnemers (als ze niet met naam genoemd worden)",
                    value: model.participantsDescription, error: errors["omschrijving-deelnemers"], rows: 2),
                .button(.type(.submit), .text(model.isNew ? "Netwerk toevoegen" : "Opslaan"))),
            .unwrap(model.networkID) { id in members(id, model, context) }
        )
    }

    static func members(_ id: String, _ model: Model, _ context: PageContext) -> BodyNode {
        let errors = FieldErrors(model.memberError)
        let rows = model.members.map { member -> [BodyNode] in
            [
                .text(member.name), .text(member.role),
                .form(
                    .method(.post), .action(attr(SocialMapURL.networkMemberRemove(.value(id)).path)),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("lid"), .value(attr(member.id))),
                    .button(
                        .type(.submit), .class("button button-secondary"),
                        .attribute(named: "aria-label", value: attr("\(member.name) uit het netwerk halen")),
                        .text("Verwijderen")))
            ]
        }
        return .group(
            .h2(.text("Deelnemers")),
            model.members.isEmpty
                ? .p(.text("Er zijn nog geen deelnemers met naam vastgelegd."))
                : UI.table(
                    caption: "Deelnemers van \(model.storedName)", headers: ["Deelnemer", "Rol", ""], rows: rows),
            .h3(.text("Deelnemer toevoegen")),
            .unwrap(model.memberError) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(attr(SocialMapURL.networkMembers(.value(id)).path)),
                Layout.csrfField(context),
                EntryForm.select(
                    "lid", label: "Organisatie of aanbod",
                    options: [SelectOption(value: "", label: "Kies…")] + model.memberOptions, selected: nil,
                    error: errors["lid"]),
                UI.field(
                    "rol", label: "Rol in het netwerk (mag leeg)", error: errors["rol"],
                    hint: "Bijvoorbeeld trekker of deelnemer"),
                .button(.type(.submit), .text("Deelnemer toevoegen")))
        )
    }
}
