import Fluent
import Vapor
import VitaalDomain

/// Creating organisations: the admin page and `vitaal organisation create` share these rules.
public enum OrganisationService {
    public static let kinds = [
        "provincie", "gemeente", "ondersteuning", "zorg", "welzijn", "verzekeraar", "onderwijs",
        "belangenbehartiging", "netwerk", "anders"
    ]

    /// Creates an organisation: all problems at once, nothing written when one is found.
    public static func create(
        on db: any Database, name rawName: String, slug rawSlug: String?, kind rawKind: String?,
        region rawRegion: String?, website rawWebsite: String?, actor: User?,
        actorName: String? = nil, now: Date
    ) async throws -> Organisation {
        var problems = ProblemCollector()
        let (name, kind, region, website) = try await validate(
            name: rawName, kind: rawKind, region: rawRegion, website: rawWebsite, problems: &problems, on: db)
        let slug = slug(rawSlug, name: name, problems: &problems)
        try problems.throwIfAny("Organisatie niet aangemaakt")
        try await checkUnique(slug: slug, name: name, slugGiven: rawSlug != nil, on: db)
        let organisation = Organisation(slug: slug, name: name, kind: kind, regionCode: region, website: website)
        try await db.transaction { db in
            try await organisation.create(on: db)
            try await Audit.record(
                on: db, user: actor, actor: actorName, action: "aangemaakt", entity: "organisatie",
                entityID: organisation.id?.uuidString, summary: "Organisatie \(name)", at: now)
        }
        return organisation
    }

    /// The checked fields of a new or edited organisation: the trimmed name, the kind ("anders" when
    /// none is given), the region code and the normalised website; problems by field name.
    static func validate(
        name rawName: String, kind rawKind: String?, region rawRegion: String?, website rawWebsite: String?,
        problems: inout ProblemCollector, on db: any Database
    ) async throws -> (name: String, kind: String, region: String?, website: String?) {
        let name = rawName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems.add("Vul een naam in.", at: SourceLocation(field: "name")) }
        if name.count > 200 {
            problems.add("De naam is te lang (hoogstens 200 tekens).", at: SourceLocation(field: "name"))
        }
        let kind = (rawKind ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !kind.isEmpty, !kinds.contains(kind) {
            problems.add(
                "Onbekende soort \"\(kind)\"; kies uit: \(kinds.joined(separator: ", ")).",
                at: SourceLocation(field: "kind"))
        }
        let region = (rawRegion ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !region.isEmpty, try await Region.query(on: db).filter(\.$code == region).first() == nil {
            problems.add("Onbekende regiocode \(region).", at: SourceLocation(field: "region"))
        }
        let websiteText = (rawWebsite ?? "").trimmingCharacters(in: .whitespaces)
        let website = websiteText.isEmpty ? nil : WebAddress.normalised(websiteText)
        if !websiteText.isEmpty, website == nil {
            problems.add(
                "Een website begint met https:// (of http://) en heeft een domeinnaam.",
                at: SourceLocation(field: "website"))
        }
        return (name, kind.isEmpty ? "anders" : kind, region.isEmpty ? nil : region, website)
    }

    /// The given code, or one made from the name.
    static func slug(_ rawSlug: String?, name: String, problems: inout ProblemCollector) -> String {
        let slug = (rawSlug?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? Slug.make(name)
        if rawSlug != nil, !Slug.isSlug(slug) {
            problems.add(
                "\"\(slug)\" is geen geldige code: alleen kleine letters, cijfers en streepjes "
                    + "(bijv. provincie-flevoland).", at: SourceLocation(field: "slug"))
        } else if slug.isEmpty, !name.isEmpty {
            problems.add(
                "Uit deze naam valt geen code te maken; geef er een met --slug.",
                at: SourceLocation(field: "slug"))
        }
        return slug
    }

    static func checkUnique(slug: String, name: String, slugGiven: Bool, on db: any Database) async throws {
        if try await Organisation.query(on: db).filter(\.$slug == slug).first() != nil {
            let message = "Er bestaat al een organisatie met de code \(slug)."
            throw VitaalError(
                .conflict, message,
                problems: [Problem(message, at: SourceLocation(field: slugGiven ? "slug" : "name"))])
        }
        if try await Organisation.query(on: db).filter(\.$name == name).first() != nil {
            let message = "Er bestaat al een organisatie met de naam \(name)."
            throw VitaalError(.conflict, message, problems: [Problem(message, at: SourceLocation(field: "name"))])
        }
    }
}
