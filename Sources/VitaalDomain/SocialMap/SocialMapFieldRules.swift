import Foundation

extension SocialMap {
    /// A problem with one field of a register entry: the field's HSDS name (`name`, `url`, `email`,
    /// `x_themes`, …) and a Dutch message. Forms map the field to their own input; the HSDS import
    /// and `SocialMapStore.write` report it with the entry.
    public struct FieldProblem: Sendable, Hashable {
        public var field: String
        public var message: String
        public init(_ field: String, _ message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The rules every organisation, offer, location, contact person and network must meet, shared
    /// by the web forms, the HSDS import and every write to the register, so they always agree.
    public enum FieldRules {
        public static let maxName = 200
        public static let maxDescription = 5000
        public static let maxShortText = 200
        public static let maxPostalCode = 10
        public static let maxTags = 30
        public static let maxTagLength = 100
        public static let maxMembers = 500

        /// Nil when `text` is a valid web address (see `SocialMap.webAddress`).
        public static func webAddressProblem(_ text: String) -> String? {
            guard SocialMap.webAddress(text) == nil else { return nil }
            return "\"\(text.prefix(80))\" is geen geldig webadres "
                + "(http:// of https://, zonder spaties, aanhalingstekens of < >)"
        }

        /// Nil when `text` is a valid e-mail address (see `SocialMap.isEmailAddress`).
        public static func emailProblem(_ text: String) -> String? {
            SocialMap.isEmailAddress(text) ? nil : "\"\(text.prefix(80))\" is geen geldig e-mailadres"
        }

        /// Required and length checks of a text field (`what` names it in the message).
        public static func textProblem(_ text: String?, _ what: String, max: Int, required: Bool = false)
            -> String?
        {
            let value = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if value.isEmpty { return required ? "vul \(what) in" : nil }
            if value.count > max { return "\(what) mag hoogstens \(max) tekens hebben (nu \(value.count))" }
            return nil
        }

        static func tagProblems(_ tags: Tags, into problems: inout [FieldProblem]) {
            for (field, label, items) in [
                ("x_themes", "thema's", tags.themes), ("x_target_groups", "doelgroepen", tags.targetGroups)
            ] {
                if items.count > maxTags {
                    problems.append(FieldProblem(field, "hoogstens \(maxTags) \(label) (nu \(items.count))"))
                }
                if let long = items.first(where: { $0.count > maxTagLength }) {
                    problems.append(
                        FieldProblem(field, "\"\(long.prefix(40))…\" is te lang: hoogstens \(maxTagLength) tekens"))
                }
            }
            for code in tags.municipalityCodes where !HSDS.isMunicipalityCode(code) {
                problems.append(FieldProblem("x_municipalities", "\"\(code.prefix(20))\" is geen CBS-gemeentecode"))
            }
        }

        static func contactProblems(url: String?, email: String?, into problems: inout [FieldProblem]) {
            if let url, let problem = webAddressProblem(url) { problems.append(FieldProblem("url", problem)) }
            if let email, let problem = emailProblem(email) { problems.append(FieldProblem("email", problem)) }
        }

        static func add(_ problem: String?, _ field: String, into problems: inout [FieldProblem]) {
            if let problem { problems.append(FieldProblem(field, problem)) }
        }

        /// The rules an organisation and an offer share: a required name, optional other name and
        /// description, web address and e-mail, tags.
        static func entryProblems(
            name: String, alternateName: String?, description: String?, url: String?, email: String?,
            tags: SocialMap.Tags
        ) -> [FieldProblem] {
            var p: [FieldProblem] = []
            add(textProblem(name, "een naam", max: maxName, required: true), "name", into: &p)
            add(textProblem(alternateName, "de andere naam", max: maxName), "alternate_name", into: &p)
            add(textProblem(description, "de omschrijving", max: maxDescription), "description", into: &p)
            contactProblems(url: url, email: email, into: &p)
            tagProblems(tags, into: &p)
            return p
        }
    }
}

extension SocialMap.Organisation {
    /// The field problems of this organisation (empty when it may be stored).
    public var fieldProblems: [SocialMap.FieldProblem] {
        SocialMap.FieldRules.entryProblems(
            name: name, alternateName: alternateName, description: description, url: url, email: email, tags: tags)
    }
}

extension SocialMap.Service {
    /// The field problems of this offer (empty when it may be stored).
    public var fieldProblems: [SocialMap.FieldProblem] {
        SocialMap.FieldRules.entryProblems(
            name: name, alternateName: alternateName, description: description, url: url, email: email, tags: tags)
    }
}

extension SocialMap.Location {
    /// The field problems of this location (empty when it may be stored); coordinates are checked
    /// by `SocialMap.coordinateProblem`, Flevoland by `SocialMap.Flevoland` (forms only).
    public var fieldProblems: [SocialMap.FieldProblem] {
        typealias R = SocialMap.FieldRules
        var p: [SocialMap.FieldProblem] = []
        R.add(R.textProblem(name, "de naam", max: R.maxName), "name", into: &p)
        R.add(R.textProblem(description, "de omschrijving", max: R.maxDescription), "description", into: &p)
        if let address {
            R.add(R.textProblem(address.address1, "het adres", max: R.maxShortText), "address_1", into: &p)
            R.add(R.textProblem(address.address2, "de tweede adresregel", max: R.maxShortText), "address_2", into: &p)
            R.add(R.textProblem(address.city, "de plaats", max: R.maxShortText), "city", into: &p)
            R.add(R.textProblem(address.postalCode, "de postcode", max: R.maxPostalCode), "postal_code", into: &p)
        }
        if let code = municipalityCode, !SocialMap.HSDS.isMunicipalityCode(code) {
            p.append(SocialMap.FieldProblem("x_municipality_code", "\"\(code.prefix(20))\" is geen CBS-gemeentecode"))
        }
        if let problem = SocialMap.coordinateProblem(latitude: latitude, longitude: longitude) {
            p.append(SocialMap.FieldProblem(problem.field, problem.message))
        }
        return p
    }
}

extension SocialMap.ContactPerson {
    /// The field problems of this contact person (empty when it may be stored).
    public var fieldProblems: [SocialMap.FieldProblem] {
        typealias R = SocialMap.FieldRules
        var p: [SocialMap.FieldProblem] = []
        R.add(R.textProblem(role, "de rol", max: R.maxShortText, required: true), "title", into: &p)
        R.add(R.textProblem(name, "de naam", max: R.maxName), "name", into: &p)
        R.contactProblems(url: nil, email: email, into: &p)
        return p
    }
}

extension SocialMap.Network {
    /// The field problems of this network (empty when it may be stored).
    public var fieldProblems: [SocialMap.FieldProblem] {
        typealias R = SocialMap.FieldRules
        var p: [SocialMap.FieldProblem] = []
        R.add(R.textProblem(name, "een naam", max: R.maxName, required: true), "name", into: &p)
        R.add(R.textProblem(goal, "het doel", max: R.maxDescription, required: true), "goal", into: &p)
        R.add(R.textProblem(fleverRole, "de rol van Flever", max: R.maxShortText), "fleverRole", into: &p)
        R.add(
            R.textProblem(participantsDescription, "de omschrijving van de deelnemers", max: R.maxDescription),
            "participantsDescription", into: &p)
        if memberships.count > R.maxMembers {
            p.append(SocialMap.FieldProblem("memberships", "hoogstens \(R.maxMembers) deelnemers"))
        }
        if let long = memberships.compactMap(\.role).first(where: { $0.count > R.maxTagLength }) {
            p.append(
                SocialMap.FieldProblem(
                    "role", "de rol \"\(long.prefix(40))…\" is te lang: hoogstens \(R.maxTagLength) tekens"))
        }
        return p
    }
}

extension SocialMap.Register {
    /// Throws every field problem of the entries in this register at once, each with its entry
    /// named (nothing when all entries meet `SocialMap.FieldRules`).
    public func validateFields() throws(VitaalError) {
        var collector = ProblemCollector()
        func add(_ problems: [SocialMap.FieldProblem], _ element: String) {
            for p in problems { collector.add(p.message, at: SourceLocation(field: p.field, element: element)) }
        }
        for o in organisations { add(o.fieldProblems, "organisatie \(o.id)") }
        for s in services { add(s.fieldProblems, "dienst \(s.id)") }
        for l in locations { add(l.fieldProblems, "locatie \(l.id)") }
        for c in contacts { add(c.fieldProblems, "contactpersoon \(c.id)") }
        for n in networks { add(n.fieldProblems, "netwerk \(n.id)") }
        guard !collector.isEmpty else { return }
        throw VitaalError(
            .invalidInput, "Sociale kaart klopt niet: \(collector.totalCount) fout(en)", problems: collector.problems)
    }
}
