import Vapor
import Fluent
import Plot
import VitaalDomain

/// Admin pages (beheerder): users, organisations, audit log.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.requiring(.beheerder).grouped("beheer")
        admin.get(use: overview)
        admin.get("gebruikers", use: users)
        admin.get("organisaties", use: organisations)
        admin.get("audit", use: auditLog)
        routes.write(.POST, "beheer", "gebruikers", access: .role(.beheerder), use: createUser)
        routes.write(.POST, "beheer", "gebruikers", ":id", "wachtwoord", access: .role(.beheerder), use: resetPassword)
        routes.write(.POST, "beheer", "organisaties", access: .role(.beheerder), use: createOrganisation)
    }

    static let crumbs = [("Home", "/"), ("Beheer", "/beheer")]

    @Sendable func overview(_ req: Request) async throws -> SitePage {
        let userCount = try await User.query(on: req.db).count()
        let orgCount = try await Organisation.query(on: req.db).count()
        let regionCount = try await Region.query(on: req.db).count()
        let recent = try await AuditEntry.query(on: req.db).sort(\.$at, .descending).limit(10).all()
        return SitePage("Beheer", breadcrumbs: [("Home", "/")],
            .div(.class("tiles"),
                .div(.class("tile"), .h2(.text("Gebruikers")), .p(.text("\(userCount) accounts")), .a(.href("/beheer/gebruikers"), .text("Gebruikers beheren"))),
                .div(.class("tile"), .h2(.text("Organisaties")), .p(.text("\(orgCount) organisaties")), .a(.href("/beheer/organisaties"), .text("Organisaties beheren"))),
                .div(.class("tile"), .h2(.text("Regio's")), .p(.text("\(regionCount) regio's")), .a(.href("/beheer/regios/import"), .text("Grenzen importeren (GeoJSON)"))),
                .div(.class("tile"), .h2(.text("Auditlog")), .p(.text("Wie wijzigde wat en wanneer")), .a(.href("/beheer/audit"), .text("Auditlog bekijken")))
            ),
            .h2(.text("Laatste wijzigingen")),
            Self.auditTable(recent)
        )
    }

    static func auditTable(_ entries: [AuditEntry]) -> BodyNode {
        UI.table(caption: nil, headers: ["Tijdstip", "Wie", "Actie", "Onderwerp", "Omschrijving"], rows: entries.map { e in
            [.text(DutchDate.dateTime(e.at)), .text(e.actor), .text(e.action), .text(e.entity + (e.entityID.map { " \($0.prefix(8))" } ?? "")), .text(e.summary)]
        })
    }

    @Sendable func auditLog(_ req: Request) async throws -> SitePage {
        let perPage = 50
        let total = try await AuditEntry.query(on: req.db).count()
        let pages = max(1, (total + perPage - 1) / perPage)
        let page = min(try req.queryInt("pagina", in: 1...1_000_000) ?? 1, pages)
        let entries = try await AuditEntry.query(on: req.db).sort(\.$at, .descending)
            .range((page - 1) * perPage..<(page * perPage)).all()
        return SitePage("Auditlog", breadcrumbs: Self.crumbs,
            .p(.text("\(total) registraties, pagina \(page) van \(pages).")),
            Self.auditTable(entries),
            .nav(.class("pager"), .attribute(named: "aria-label", value: "Paginering"),
                .if(page > 1, .a(.href("/beheer/audit?pagina=\(page - 1)"), .text("← Nieuwer"))),
                .if(page < pages, .a(.href("/beheer/audit?pagina=\(page + 1)"), .text("Ouder →"))))
        )
    }

    // MARK: Users

    struct NewUserForm: Content { var email: String?; var name: String?; var role: String?; var organisation: String? }

    @Sendable func users(_ req: Request) async throws -> SitePage { try await usersPage(req, form: nil, errors: [:], created: nil) }

    func usersPage(_ req: Request, form: NewUserForm?, errors: [String: String], created: (User, String)?,
                   status: HTTPResponseStatus = .ok) async throws -> SitePage {
        let users = try await User.query(on: req.db).with(\.$organisation).sort(\.$email).all()
        let orgs = try await Organisation.query(on: req.db).sort(\.$name).all()
        return SitePage("Gebruikers", status: status, breadcrumbs: Self.crumbs,
            .unwrap(created) { user, password in
                .div(.class("notice notice-success"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text("Account aangemaakt voor \(user.email)."))),
                     .p(.text("Eenmalig wachtwoord: "), .code(.text(password))),
                     .p(.text("Geef dit wachtwoord veilig door; het wordt niet opnieuw getoond. Bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord.")))
            },
            UI.table(caption: "\(users.count) gebruikers", headers: ["E-mail", "Naam", "Rol", "Organisatie", "Laatst ingelogd", ""], rows: users.map { u in
                [.text(u.email), .text(u.name), .text(u.role.label), .text(u.organisation.name),
                 .text(u.lastLoginAt.map(DutchDate.dateTime) ?? "nooit"),
                 .form(.method(.post), .action("/beheer/gebruikers/\(u.id!.uuidString)/wachtwoord"), .class("inline"),
                       Layout.csrfField(req), .button(.type(.submit), .class("button button-secondary"), .text("Nieuw wachtwoord")))]
            }),
            .h2(.text("Gebruiker toevoegen")),
            .form(.method(.post), .action("/beheer/gebruikers"), .class("card"),
                Layout.csrfField(req),
                UI.field("email", label: "E-mailadres", type: .email, value: form?.email, error: errors["email"], required: true),
                UI.field("name", label: "Naam", value: form?.name, error: errors["name"], required: true),
                .div(.class(errors["role"] == nil ? "field" : "field field-error"),
                    .label(.for("f-role"), .text("Rol")),
                    .unwrap(errors["role"]) { .p(.class("field-message"), .text($0)) },
                    UI.select("role", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: form?.role)),
                .div(.class(errors["organisation"] == nil ? "field" : "field field-error"),
                    .label(.for("f-organisation"), .text("Organisatie")),
                    .unwrap(errors["organisation"]) { .p(.class("field-message"), .text($0)) },
                    UI.select("organisation", options: orgs.map { ($0.slug, $0.name) }, selected: form?.organisation)),
                .button(.type(.submit), .text("Account aanmaken"))
            )
        )
    }

    @Sendable func createUser(_ req: Request) async throws -> Response {
        try req.requireRole(.beheerder)
        let form = try req.content.decode(NewUserForm.self)
        do {
            let (user, password) = try await UserService.create(on: req.db, password: req.password.async, email: form.email ?? "",
                                                                name: form.name ?? "", role: form.role ?? "",
                                                                organisationSlug: form.organisation ?? "", actor: req.user)
            return try await usersPage(req, form: nil, errors: [:], created: (user, password)).render(for: req)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            var errors: [String: String] = [:]
            for p in error.problems { errors[p.location.field ?? "email"] = p.message }
            return try await usersPage(req, form: form, errors: errors, created: nil, status: error.kind.status).render(for: req)
        }
    }

    @Sendable func resetPassword(_ req: Request) async throws -> Response {
        try req.requireRole(.beheerder)
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw VitaalError(.notFound, "Gebruiker niet gevonden.")
        }
        let password = Passwords.generate()
        user.passwordHash = try await req.password.async.hash(password)
        user.mustChangePassword = true
        user.oneTimePasswordExpiresAt = Date().addingTimeInterval(User.oneTimePasswordLifetime)
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Sessions.revokeOthers(userID: id, keeping: nil, on: db)
            try await Audit.record(on: db, user: req.user, action: "gewijzigd", entity: "gebruiker", entityID: id.uuidString,
                                   summary: "Nieuw eenmalig wachtwoord voor \(user.email)")
        }
        return try await usersPage(req, form: nil, errors: [:], created: (user, password)).render(for: req)
    }

    // MARK: Organisations

    struct NewOrganisationForm: Content { var name: String?; var kind: String?; var region: String?; var website: String? }

    static var organisationKinds: [String] { OrganisationService.kinds }

    @Sendable func organisations(_ req: Request) async throws -> SitePage { try await organisationsPage(req, form: nil, errors: [:]) }

    func organisationsPage(_ req: Request, form: NewOrganisationForm?, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> SitePage {
        let orgs = try await Organisation.query(on: req.db).sort(\.$name).all()
        return SitePage("Organisaties", status: status, breadcrumbs: Self.crumbs,
            UI.table(caption: "\(orgs.count) organisaties", headers: ["Naam", "Soort", "Regio", "Website"], rows: orgs.map { o in
                [.text(o.name), .text(o.kind), .text(o.regionCode ?? "–"), .unwrap(o.website) { .a(.href(attr($0)), .text($0)) }]
            }),
            .h2(.text("Organisatie toevoegen")),
            .form(.method(.post), .action("/beheer/organisaties"), .class("card"),
                Layout.csrfField(req),
                UI.field("name", label: "Naam", value: form?.name, error: errors["name"], required: true),
                .div(.class("field"), .label(.for("f-kind"), .text("Soort")),
                    UI.select("kind", options: Self.organisationKinds.map { ($0, $0) }, selected: form?.kind)),
                UI.field("region", label: "Regiocode (optioneel)", value: form?.region, error: errors["region"], hint: "Bijvoorbeeld GM0995 voor Lelystad."),
                UI.field("website", label: "Website (optioneel)", type: .url, value: form?.website, error: errors["website"]),
                .button(.type(.submit), .text("Organisatie toevoegen"))))
    }

    @Sendable func createOrganisation(_ req: Request) async throws -> Response {
        try req.requireRole(.beheerder)
        let form = try req.content.decode(NewOrganisationForm.self)
        do {
            _ = try await OrganisationService.create(on: req.db, name: form.name ?? "", slug: nil, kind: form.kind,
                                                     region: form.region, website: form.website, actor: req.user)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            var errors: [String: String] = [:]
            for p in error.problems { errors[p.location.field ?? "name"] = p.message }
            return try await organisationsPage(req, form: form, errors: errors, status: .unprocessableEntity).render(for: req)
        }
        return req.redirect(to: "/beheer/organisaties")
    }
}

public enum OrganisationService {
    public static let kinds = ["provincie", "gemeente", "ondersteuning", "zorg", "welzijn", "verzekeraar", "onderwijs",
                               "belangenbehartiging", "netwerk", "anders"]

    /// Creates an organisation (admin page and `vitaal organisation create`): all problems at once,
    /// nothing written when one is found.
    public static func create(on db: any Database, name rawName: String, slug rawSlug: String?, kind rawKind: String?,
                              region rawRegion: String?, website rawWebsite: String?, actor: User?, actorName: String? = nil) async throws -> Organisation {
        var problems = ProblemCollector()
        let name = rawName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems.add("Vul een naam in.", at: SourceLocation(field: "name")) }
        if name.count > 200 { problems.add("De naam is te lang (hoogstens 200 tekens).", at: SourceLocation(field: "name")) }
        let kind = (rawKind ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !kind.isEmpty, !kinds.contains(kind) {
            problems.add("Onbekende soort \"\(kind)\"; kies uit: \(kinds.joined(separator: ", ")).", at: SourceLocation(field: "kind"))
        }
        let region = (rawRegion ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !region.isEmpty, try await Region.query(on: db).filter(\.$code == region).first() == nil {
            problems.add("Onbekende regiocode \(region).", at: SourceLocation(field: "region"))
        }
        let websiteText = (rawWebsite ?? "").trimmingCharacters(in: .whitespaces)
        let website = websiteText.isEmpty ? nil : WebAddress.normalised(websiteText)
        if !websiteText.isEmpty, website == nil {
            problems.add("Een website begint met https:// (of http://) en heeft een domeinnaam.", at: SourceLocation(field: "website"))
        }
        let slug = (rawSlug?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? Slug.make(name)
        if rawSlug != nil, !Slug.isSlug(slug) {
            problems.add("\"\(slug)\" is geen geldige code: alleen kleine letters, cijfers en streepjes (bijv. provincie-flevoland).",
                         at: SourceLocation(field: "slug"))
        } else if slug.isEmpty, !name.isEmpty {
            problems.add("Uit deze naam valt geen code te maken; geef er een met --slug.", at: SourceLocation(field: "slug"))
        }
        try problems.throwIfAny("Organisatie niet aangemaakt")
        if try await Organisation.query(on: db).filter(\.$slug == slug).first() != nil {
            throw VitaalError(.conflict, "Er bestaat al een organisatie met de code \(slug).",
                              problems: [Problem("Er bestaat al een organisatie met de code \(slug).", at: SourceLocation(field: rawSlug == nil ? "name" : "slug"))])
        }
        if try await Organisation.query(on: db).filter(\.$name == name).first() != nil {
            throw VitaalError(.conflict, "Er bestaat al een organisatie met de naam \(name).",
                              problems: [Problem("Er bestaat al een organisatie met de naam \(name).", at: SourceLocation(field: "name"))])
        }
        let org = Organisation(slug: slug, name: name, kind: kind.isEmpty ? "anders" : kind, regionCode: region.isEmpty ? nil : region, website: website)
        try await db.transaction { db in
            try await org.create(on: db)
            try await Audit.record(on: db, user: actor, actor: actorName, action: "aangemaakt", entity: "organisatie",
                                   entityID: org.id?.uuidString, summary: "Organisatie \(name)")
        }
        return org
    }
}

public enum UserService {
    /// Creates a user with a one-time password (returned once). Used by the admin page and the CLI.
    public static func create(on db: any Database, password hasher: AsyncPasswordHasher, email rawEmail: String, name rawName: String,
                              role rawRole: String, organisationSlug: String, actor: User?, actorName: String? = nil) async throws -> (User, String) {
        var problems = ProblemCollector()
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let name = rawName.trimmingCharacters(in: .whitespaces)
        if !Self.isEmail(email) { problems.add("Vul een geldig e-mailadres in.", at: SourceLocation(field: "email")) }
        if name.isEmpty { problems.add("Vul een naam in.", at: SourceLocation(field: "name")) }
        let role = Role(rawValue: rawRole)
        if role == nil { problems.add("Onbekende rol \"\(rawRole)\"; kies beheerder, redacteur of lezer.", at: SourceLocation(field: "role")) }
        let org = try await Organisation.query(on: db).group(.or) { $0.filter(\.$slug == organisationSlug).filter(\.$name == organisationSlug) }.first()
        if org == nil { problems.add("Onbekende organisatie \"\(organisationSlug)\".", at: SourceLocation(field: "organisation")) }
        try problems.throwIfAny("Gebruiker niet aangemaakt")
        if try await User.query(on: db).filter(\.$email == email).first() != nil {
            throw VitaalError(.conflict, "Er bestaat al een account voor \(email).", problems: [Problem("Er bestaat al een account voor \(email).", at: SourceLocation(field: "email"))])
        }
        let password = Passwords.generate()
        let user = User(email: email, name: name, passwordHash: try await hasher.hash(password), role: role!, organisationID: org!.id!)
        try await db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(on: db, user: actor, actor: actorName, action: "aangemaakt", entity: "gebruiker", entityID: user.id?.uuidString,
                                   summary: "Gebruiker \(email) (\(role!.label.lowercased()), \(org!.name))")
        }
        return (user, password)
    }

    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@")
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(" ")
    }
}

public enum Slug {
    /// "Provincie Flevoland" → "provincie-flevoland".
    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) }
            else if !out.hasSuffix("-") { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(80))
    }
    /// Lower-case letters, digits and single hyphens, not at either end; at most 80 characters.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 80 && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

public enum DutchDate {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        return c
    }
    /// "23 november 2026 14:05"
    public static func dateTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(c.day!) \(months[c.month! - 1]) \(c.year!) " + String(format: "%02d:%02d", c.hour!, c.minute!)
    }
    /// "23 november 2026"
    public static func date(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(c.day!) \(months[c.month! - 1]) \(c.year!)"
    }
}
