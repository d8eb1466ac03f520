import AppCore
import VitaalDomain

extension OfferEditPage {
    /// The form of an offer, new or existing: the values shown and, after a refused post, the
    /// problems per field. Field names are those of the form (`naam`, `soort`, `omschrijving`,
    /// `website`, `email`, `themas`, `doelgroepen`, `dimensie-…`, `gemeente-…`, `locatie-…`,
    /// `gecontroleerd`).
    struct Model: Sendable {
        /// Nil for a new offer.
        var offerID: String?
        var organisationID: String
        /// The organisation's name: the breadcrumb of a new offer leads back to it.
        var organisationName: String
        /// The stored name (title and breadcrumb), also while the field holds a new one.
        var offerName: String
        var name: String
        var kind: SocialMap.OfferKind
        var description: String
        var website: String
        var email: String
        var themes: String
        var targetGroups: String
        var dimensions: Set<PositiveHealthDimension>
        var municipalities: Set<String>
        /// The organisation's locations to choose from, and the chosen ones.
        var locationOptions: [SelectOption]
        var locations: Set<String>
        var duplicates: [SocialMap.Register.PossibleDuplicate] = []
        var error: VitaalError?

        var fieldErrors: FieldErrors { FieldErrors(error) }
        var isNew: Bool { offerID == nil }

        init(offer: SocialMap.Service, organisationName: String = "", locationOptions: [SelectOption] = []) {
            offerID = offer.id
            organisationID = offer.organisationID
            self.organisationName = organisationName
            offerName = offer.name
            name = offer.name
            kind = offer.kind
            description = offer.description ?? ""
            website = offer.url ?? ""
            email = offer.email ?? ""
            themes = offer.tags.themes.joined(separator: ", ")
            targetGroups = offer.tags.targetGroups.joined(separator: ", ")
            dimensions = Set(offer.tags.dimensions)
            municipalities = Set(offer.tags.municipalityCodes)
            self.locationOptions = locationOptions
            locations = Set(offer.locationIDs)
        }

        /// The empty form of a new offer of `organisationID`, named `organisationName`.
        init(newOf organisationID: String, organisationName: String, locationOptions: [SelectOption]) {
            self.init(
                offer: SocialMap.Service(id: "", organisationID: organisationID, name: "", kind: .residentsInitiative),
                organisationName: organisationName, locationOptions: locationOptions)
            offerID = nil
            offerName = "Nieuw aanbod"
        }

        /// The form as posted (`body` is the decoded form), checked: with `error` set when refused.
        /// `offer` is the stored offer, or the empty one of `init(newOf:)`.
        init(
            offer: SocialMap.Service, body: [String: String], organisationName: String = "",
            locationOptions: [SelectOption] = [], isNew: Bool = false
        ) {
            self.init(offer: offer, organisationName: organisationName, locationOptions: locationOptions)
            if isNew {
                offerID = nil
                offerName = "Nieuw aanbod"
            }
            name = EntryForm.text(body, "naam")
            description = EntryForm.text(body, "omschrijving")
            website = EntryForm.text(body, "website")
            email = EntryForm.text(body, "email")
            themes = EntryForm.text(body, "themas")
            targetGroups = EntryForm.text(body, "doelgroepen")
            dimensions = EntryForm.dimensions(body)
            var problems = ProblemCollector()
            if let text = body["soort"] {
                if let known = SocialMap.OfferKind(rawValue: text) {
                    kind = known
                } else {
                    problems.add("kies een soort aanbod uit de lijst", at: SourceLocation(field: "soort"))
                }
            }
            // Forms without the municipality or location boxes (older pages) keep the stored ones.
            if body["gemeenten-getoond"] != nil { municipalities = EntryForm.municipalities(body) }
            if !locationOptions.isEmpty {
                locations = Set(locationOptions.map(\.value).filter { body["locatie-\($0)"] != nil })
            }
            error = EntryForm.error(applied(to: offer, checkedOn: nil).fieldProblems, extra: problems)
        }

        /// The offer with the form's values (web address normalised when valid).
        func applied(to offer: SocialMap.Service, checkedOn today: SocialMap.Day?) -> SocialMap.Service {
            var changed = offer
            changed.name = name
            changed.kind = kind
            changed.description = EntryForm.optional(description)
            changed.url = EntryForm.optional(website).map { SocialMap.webAddress($0) ?? $0 }
            changed.email = EntryForm.optional(email)
            changed.tags = SocialMap.Tags(
                themes: EntryForm.list(themes), dimensions: Array(dimensions),
                targetGroups: EntryForm.list(targetGroups),
                municipalityCodes: Array(municipalities))
            if !locationOptions.isEmpty {
                // Locations of other organisations linked by an import stay linked.
                let own = Set(locationOptions.map(\.value))
                changed.locationIDs = offer.locationIDs.filter { !own.contains($0) } + locations.sorted()
            }
            if let today { changed.lastChecked = today }
            return changed
        }
    }
}
