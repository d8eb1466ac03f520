import AppCore
import Plot
import VitaalDomain

/// The editors' form of a contact person of an organisation: the public role, and the name and
/// e-mail address that stay internal (never on public pages or in the public export).
enum ContactFormPage {
    struct Model: Sendable {
        /// Nil for a new contact person.
        var contactID: String?
        var organisationID: String
        var organisationName: String
        var role = ""
        var name = ""
        var email = ""
        var error: VitaalError?

        var fieldErrors: FieldErrors { FieldErrors(error) }
        var isNew: Bool { contactID == nil }

        init(organisationID: String, organisationName: String, contact: SocialMap.ContactPerson? = nil) {
            self.organisationID = organisationID
            self.organisationName = organisationName
            if let contact {
                contactID = contact.id
                role = contact.role
                name = contact.name ?? ""
                email = contact.email ?? ""
            }
        }

        mutating func read(_ body: [String: String]) {
            role = EntryForm.text(body, "rol")
            name = EntryForm.text(body, "naam")
            email = EntryForm.text(body, "email")
            error = EntryForm.error(
                applied(to: SocialMap.ContactPerson(id: contactID ?? "nieuw", role: "")).fieldProblems)
        }

        func applied(to base: SocialMap.ContactPerson) -> SocialMap.ContactPerson {
            var contact = base
            contact.organisationID = base.serviceID == nil ? organisationID : base.organisationID
            contact.role = role
            contact.name = EntryForm.optional(name)
            contact.email = EntryForm.optional(email)
            return contact
        }
    }

    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let errors = model.fieldErrors
        let action: SocialMapURL =
            model.contactID.map { .contactEdit(.value($0)) } ?? .contactNew(.value(model.organisationID))
        return SitePage(
            model.isNew ? "Contactpersoon toevoegen" : "Contactpersoon bewerken",
            status: model.error == nil ? .ok : .unprocessableEntity,
            breadcrumbs: [
                SocialMapParts.breadcrumb,
                (model.organisationName, SocialMapURL.organisation(.value(model.organisationID)).path)
            ],
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .p(
                .text(
                    "Alleen de rol staat op de openbare pagina's en in de open data. Naam en e-mailadres "
                        + "zijn intern: alleen redacteuren en beheerders zien ze.")),
            .form(
                .method(.post), .action(attr(action.path)),
                Layout.csrfField(context),
                UI.field(
                    "rol", label: "Rol (openbaar)", value: model.role, error: errors["rol"], required: true,
                    hint: "Bijvoorbeeld coördinator vrijwilligers"),
                UI.field("naam", label: "Naam (intern)", value: model.name, error: errors["naam"]),
                UI.field(
                    "email", label: "E-mailadres (intern)", type: .email, value: model.email, error: errors["email"]),
                .button(.type(.submit), .text(model.isNew ? "Contactpersoon toevoegen" : "Opslaan")))
        )
    }
}
