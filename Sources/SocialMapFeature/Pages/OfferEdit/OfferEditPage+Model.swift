import AppCore
import VitaalDomain

extension OfferEditPage {
    /// The edit form of an offer: the values shown and, after a refused post, the problems per
    /// field. Field names are those of the form (`naam`, `omschrijving`, `website`, `themas`,
    /// `doelgroepen`, `dimensie-…`, `gecontroleerd`).
    struct Model: Sendable {
        var offerID: String
        /// The stored name (title and breadcrumb), also while the field holds a new one.
        var offerName: String
        var name: String
        var description: String
        var website: String
        var themes: String
        var targetGroups: String
        var dimensions: Set<PositiveHealthDimension>
        var error: VitaalError?

        var fieldErrors: FieldErrors { FieldErrors(error) }

        init(offer: SocialMap.Service) {
            offerID = offer.id
            offerName = offer.name
            name = offer.name
            description = offer.description ?? ""
            website = offer.url ?? ""
            themes = offer.tags.themes.joined(separator: ", ")
            targetGroups = offer.tags.targetGroups.joined(separator: ", ")
            dimensions = Set(offer.tags.dimensions)
        }

        /// The form as posted (`body` is the decoded form), checked: with `error` set when refused.
        init(offer: SocialMap.Service, body: [String: String]) {
            self.init(offer: offer)
            name = (body["naam"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            description = (body["omschrijving"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            website = (body["website"] ?? "").trimmingCharacters(in: .whitespaces)
            themes = body["themas"] ?? ""
            targetGroups = body["doelgroepen"] ?? ""
            dimensions = Set(PositiveHealthDimension.allCases.filter { body["dimensie-\($0.rawValue)"] != nil })
            error = check()
        }

        /// The offer with the form's values (only meaningful when `error` is nil).
        func applied(to offer: SocialMap.Service, checkedOn today: SocialMap.Day?) -> SocialMap.Service {
            var changed = offer
            changed.name = name.isEmpty ? offer.name : name
            changed.description = description.isEmpty ? nil : description
            changed.url = website.isEmpty ? nil : SocialMap.webAddress(website) ?? website
            changed.tags = SocialMap.Tags(
                themes: Self.list(themes),
                dimensions: PositiveHealthDimension.allCases
                    .filter(dimensions.contains),
                targetGroups: Self.list(targetGroups),
                municipalityCodes: offer.tags.municipalityCodes)
            if let today { changed.lastChecked = today }
            return changed
        }

        private func check() -> VitaalError? {
            var problems = ProblemCollector()
            if name.isEmpty { problems.add("vul een naam in", at: SourceLocation(field: "naam")) }
            if !website.isEmpty && SocialMap.webAddress(website) == nil {
                problems.add(
                    "\"\(website.prefix(80))\" is geen geldig webadres (begin met https://; geen spaties, "
                        + "aanhalingstekens of < >)", at: SourceLocation(field: "website"))
            }
            if name.count > 200 {
                problems.add("de naam mag hoogstens 200 tekens hebben", at: SourceLocation(field: "naam"))
            }
            for (field, label, text) in [("themas", "thema", themes), ("doelgroepen", "doelgroep", targetGroups)] {
                let items = Self.list(text)
                if items.count > 30 { problems.add("hoogstens 30 keer \(label)", at: SourceLocation(field: field)) }
                if items.contains(where: { $0.count > 100 }) {
                    problems.add("een \(label) mag hoogstens 100 tekens hebben", at: SourceLocation(field: field))
                }
            }
            guard !problems.isEmpty else { return nil }
            return VitaalError(
                .invalidInput, "Niet opgeslagen: \(problems.totalCount) fout(en)",
                problems: problems.problems)
        }

        /// "a, b ,, c" → ["a", "b", "c"]
        private static func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}
