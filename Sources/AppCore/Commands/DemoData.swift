import Fluent
import Vapor
import VitaalDomain

/// The foundation's demo data: the real regions of Flevoland (CBS/PDOK 2024 boundaries), organisations from the source
/// documents and one demo user per role. Idempotent: running it again adds what is missing and
/// gives the demo users new passwords (printed on the console).
public enum DemoData {
    public static func load(
        app: Application, features: [any VitaalFeature],
        log: @escaping @Sendable (String) -> Void
    ) async throws {
        try await loadRegions(on: app.db)
        log(
            "Regio's geladen (NL01, PV24, zes gemeenten en 103 wijken met hun grenzen van CBS/PDOK 2024, "
                + "dienstregio's en subregio's).")
        try await loadOrganisations(on: app.db)
        log("Organisaties geladen.")
        let users = try await loadUsers(app: app)
        log("")
        log("Demogebruikers (wachtwoorden gelden tot de volgende keer dat de demodata geladen worden):")
        for (email, role, password) in users {
            log("  \(role.label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(email)  wachtwoord: \(password)")
        }
        log("")
        for feature in features { try await feature.loadDemoData(app: app, log: log) }
        try await Audit.record(
            on: app.db, user: nil, actor: "systeem", action: "demo", entity: "demodata",
            summary: "Demodata geladen", at: app.clock.now())
    }

    /// The six municipalities of Flevoland (CBS codes) in the order used on pages.
    public static let municipalities: [(String, String)] = [
        ("GM0034", "Almere"), ("GM0995", "Lelystad"), ("GM0303", "Dronten"),
        ("GM0171", "Noordoostpolder"), ("GM0050", "Zeewolde"), ("GM0184", "Urk")
    ]

    /// Custom groupings from the Regioplan IZA and the domain notes (outline: their members').
    static let groupings: [(String, String, [String])] = [
        (
            "GR-IZA-FLEVOLAND", "IZA-regio Flevoland (zonder Zeewolde)",
            ["GM0034", "GM0995", "GM0303", "GM0171", "GM0184"]
        ),
        ("GR-SUB-ALMERE", "Subregio Almere", ["GM0034"]),
        ("GR-SUB-LELYSTAD-DRONTEN", "Subregio Lelystad/Dronten", ["GM0995", "GM0303"]),
        ("GR-SUB-NOP-URK", "Subregio Noordoostpolder/Urk", ["GM0171", "GM0184"]),
        ("GR-POLDER-NOP", "Noordoostpolder (polder)", ["GM0171", "GM0184"]),
        ("GR-POLDER-OOST", "Oostelijk Flevoland", ["GM0995", "GM0303"]),
        ("GR-POLDER-ZUID", "Zuidelijk Flevoland", ["GM0034", "GM0050"])
    ]

    /// The real regions of Flevoland (`FlevolandOpenData`): the province, its six municipalities and
    /// 103 wijken with their CBS/PDOK 2024 boundaries, the service regions (GGD, veiligheidsregio,
    /// zorgkantoor- and arbeidsmarktregio's, with the regions outside Flevoland that hold Almere and
    /// Zeewolde) and the documents' subregions. A hand-drawn outline stored earlier is replaced; an
    /// imported one is kept.
    public static func loadRegions(on db: any Database) async throws {
        try await db.transaction { db in
            var byCode = Dictionary(
                try await Region.query(on: db).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            func upsert(
                _ code: String, _ name: String, _ kind: RegionKind, parent: UUID?, order: Int,
                geometry: GeoMultiPolygon? = nil
            ) async throws -> UUID {
                let region =
                    byCode[code]
                    ?? Region(code: code, name: name, kind: kind, parentID: parent, sortOrder: order)
                if let geometry, region.geometry == nil || region.geometrySchematic {
                    try region.setGeometry(geometry, schematic: false)
                }
                if region.id == nil || region.hasChanges { try await region.save(on: db) }
                byCode[code] = region
                return try region.requireID()
            }
            let country = try await upsert("NL01", "Nederland", .land, parent: nil, order: 0)
            let province = try await upsert(
                "PV24", "Flevoland", .provincie, parent: country, order: 1,
                geometry: FlevolandOpenData.province?.geometry)
            let outlines = Dictionary(
                uniqueKeysWithValues: FlevolandOpenData.municipalities.map { ($0.code, $0.geometry) })
            var ids: [String: UUID] = [:]
            for (index, (code, name)) in municipalities.enumerated() {
                ids[code] = try await upsert(
                    code, name, .gemeente, parent: province, order: 10 + index, geometry: outlines[code])
            }
            for (index, wijk) in FlevolandOpenData.wijken.enumerated() {
                guard let parent = wijk.properties["gemeentecode"].flatMap({ ids[$0] }) else { continue }
                _ = try await upsert(
                    wijk.code, wijk.name, .wijk, parent: parent, order: 1000 + index, geometry: wijk.geometry)
            }
            var members: [(UUID, [String])] = []
            for (index, grouping) in FlevolandOpenData.serviceRegions.enumerated() {
                let id = try await upsert(
                    grouping.code, grouping.name, .groep, parent: grouping.reachesOutside ? country : province,
                    order: 100 + index, geometry: FlevolandOpenData.boundary(of: grouping)?.geometry)
                members.append((id, grouping.members))
            }
            for (index, (code, name, codes)) in groupings.enumerated() {
                let outline = RegionGrouping.outline(members: codes.compactMap { outlines[$0] })
                let id = try await upsert(code, name, .groep, parent: province, order: 200 + index, geometry: outline)
                members.append((id, codes))
            }
            let existing = Set(
                try await RegionGroupMember.query(on: db).all().map { "\($0.$group.id)/\($0.$member.id)" })
            for (groupID, codes) in members {
                for memberID in codes.compactMap({ ids[$0] }) where !existing.contains("\(groupID)/\(memberID)") {
                    try await RegionGroupMember(groupID: groupID, memberID: memberID).create(on: db)
                }
            }
            // The compiled boundaries are CBS/PDOK 2024: one open version from 2024 each.
            try await RegionHistory.recordBaseline(year: RegionHistory.baselineYear, on: db)
        }
    }

    /// Organisations named in the source documents (slug, name, kind, region).
    public static let organisations: [(String, String, String?)] = [
        ("Provincie Flevoland", "provincie", "PV24"),
        ("Flever", "ondersteuning", "PV24"),
        ("GGD Flevoland", "zorg", "PV24"),
        ("Gemeente Almere", "gemeente", "GM0034"),
        ("Gemeente Lelystad", "gemeente", "GM0995"),
        ("Gemeente Dronten", "gemeente", "GM0303"),
        ("Gemeente Noordoostpolder", "gemeente", "GM0171"),
        ("Gemeente Zeewolde", "gemeente", "GM0050"),
        ("Gemeente Urk", "gemeente", "GM0184"),
        ("Zilveren Kruis", "verzekeraar", nil),
        ("Flevolandse Patiëntenfederatie", "belangenbehartiging", "PV24"),
        ("Netwerkbureau Zorgzaam Flevoland", "netwerk", "PV24"),
        ("Proscoop", "welzijn", "PV24"),
        ("Zorggroep Almere", "zorg", "GM0034"),
        ("Medrie", "zorg", "PV24"),
        ("Flevoziekenhuis", "zorg", "GM0034"),
        ("Welzijn Lelystad", "welzijn", "GM0995"),
        ("De Meerpaal Welzijn", "welzijn", "GM0303"),
        ("Welzijn Zeewolde", "welzijn", "GM0050"),
        ("Windesheim", "onderwijs", "GM0034"),
        ("ROC Flevoland", "onderwijs", "PV24")
    ]

    public static func loadOrganisations(on db: any Database) async throws {
        try await db.transaction { db in
            for (name, kind, region) in organisations {
                let slug = Slug.make(name)
                if try await Organisation.query(on: db).filter(\.$slug == slug).first() == nil {
                    try await Organisation(slug: slug, name: name, kind: kind, regionCode: region).create(on: db)
                }
            }
            // The province is the steering organisation (#16) unless a beheerder chose another one.
            if try await Organisation.query(on: db).filter(\.$isSteering == true).first() == nil,
                let province = try await Organisation.query(on: db).filter(\.$slug == steeringSlug).first()
            {
                province.isSteering = true
                try await province.save(on: db)
            }
        }
    }

    /// The demo's steering organisation (#16): its vaststellers adopt the plans of the partners.
    public static let steeringSlug = "provincie-flevoland"
    /// The demo accounts that may adopt plans (vaststeller, #16).
    static let approvers: Set<String> = ["vaststeller@flevoland.example"]

    /// One user per role. Passwords: `VITAAL_DEMO_PASSWORD` if set (≥ 12 characters), else random.
    static func loadUsers(app: Application) async throws -> [(String, Role, String)] {
        let fixed = app.vitaal.demoPassword
        let demo: [(String, String, Role, String)] = [
            ("beheerder@vitaal.example", "Demo Beheerder", .beheerder, "provincie-flevoland"),
            ("redacteur@flever.example", "Demo Redacteur Flever", .redacteur, "flever"),
            ("lezer@flevoland.example", "Demo Lezer Provincie", .lezer, "provincie-flevoland"),
            ("vaststeller@flevoland.example", "Demo Vaststeller Provincie", .redacteur, "provincie-flevoland")
        ]
        var out: [(String, Role, String)] = []
        for (email, name, role, organisationSlug) in demo {
            guard
                let organisationID = try await Organisation.query(on: app.db).filter(\.$slug == organisationSlug)
                    .first()?.requireID()
            else { continue }
            let password = fixed ?? Passwords.generate()
            let hash = try await app.password.async.hash(password)
            if let user = try await User.query(on: app.db).filter(\.$email == email).first() {
                user.passwordHash = hash
                user.role = role
                user.$organisation.id = organisationID
                user.mustChangePassword = false
                user.mayApprove = approvers.contains(email)
                try await user.save(on: app.db)
            } else {
                let user = User(
                    email: email, name: name, passwordHash: hash, role: role, organisationID: organisationID,
                    mustChangePassword: false, now: app.clock.now())
                user.mayApprove = approvers.contains(email)
                try await user.create(on: app.db)
            }
            out.append((email, role, password))
        }
        return out
    }
}
