import AppCore
import VitaalDomain

extension OrganisationFormPage {
    /// The form to add or change an organisation: the values shown, and after a refused post the
    /// problems per field (`naam`, `omschrijving`, `website`, `email`, `themas`, `doelgroepen`,
    /// `gemeenten`) or the organisations it may duplicate.
    struct Model: Sendable {
        /// Nil for a new organisation.
        var organisationID: String?
        /// The stored name (title and breadcrumb), also while the field holds a new one.
        var storedName: String
        var name = ""
        var description = ""
        var website = ""
        var email = ""
        var themes = ""
        var targetGroups = ""
        var dimensions: Set<PositiveHealthDimension> = []
        var municipalities: Set<String> = []
        var duplicates: [SocialMap.Register.PossibleDuplicate] = []
        var error: VitaalError?

        var fieldErrors: FieldErrors { FieldErrors(error) }
        var isNew: Bool { organisationID == nil }

        /// The empty form of a new organisation.
        init() {
            organisationID = nil
            storedName = "Nieuwe organisatie"
        }

        /// The form filled with a stored organisation.
        init(organisation: SocialMap.Organisation) {
            organisationID = organisation.id
            storedName = organisation.name
            name = organisation.name
            description = organisation.description ?? ""
            website = organisation.url ?? ""
            email = organisation.email ?? ""
            themes = organisation.tags.themes.joined(separator: ", ")
            targetGroups = organisation.tags.targetGroups.joined(separator: ", ")
            dimensions = Set(organisation.tags.dimensions)
            municipalities = Set(organisation.tags.municipalityCodes)
        }

        /// The form as posted, checked (`error` set when refused). `organisation` is the stored one (nil: new).
        init(organisation: SocialMap.Organisation?, body: [String: String]) {
            if let organisation { self.init(organisation: organisation) } else { self.init() }
            name = EntryForm.text(body, "naam")
            description = EntryForm.text(body, "omschrijving")
            website = EntryForm.text(body, "website")
            email = EntryForm.text(body, "email")
            themes = EntryForm.text(body, "themas")
            targetGroups = EntryForm.text(body, "doelgroepen")
            dimensions = EntryForm.dimensions(body)
            municipalities = EntryForm.municipalities(body)
            error = EntryForm.error(applied(to: organisation ?? SocialMap.Organisation(id: "", name: "")).fieldProblems)
        }

        /// `base` with the form's values (web address normalised when valid).
        func applied(to base: SocialMap.Organisation) -> SocialMap.Organisation {
            var changed = base
            changed.name = name
            changed.description = EntryForm.optional(description)
            changed.url = EntryForm.optional(website).map { SocialMap.webAddress($0) ?? $0 }
            changed.email = EntryForm.optional(email)
            changed.tags = SocialMap.Tags(
                themes: EntryForm.list(themes), dimensions: Array(dimensions),
                targetGroups: EntryForm.list(targetGroups),
                municipalityCodes: Array(municipalities))
            return changed
        }
    }
}
