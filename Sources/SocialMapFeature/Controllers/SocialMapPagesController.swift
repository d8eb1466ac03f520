import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain

/// Public pages of the social map (map, details, networks) and the editors' forms.
struct SocialMapPagesController {
    typealias SM = SocialMap
    static let base = "/sociale-kaart"

    func register(_ app: Application) {
        let r = app.grouped("sociale-kaart")
        r.get(use: mapPage)
        r.get("aanbod", ":id", use: offerPage)
        r.get("organisaties", ":id", use: organisationPage)
        r.get("netwerken", use: networksPage)
        r.get("netwerken", ":id", use: networkPage)
        r.get("aanbod", ":id", "bewerken", use: editOfferForm)
        r.write(.POST, "aanbod", ":id", "bewerken", access: .role(.redacteur), use: saveOffer)
        r.write(.POST, "aanbod", ":id", "gecontroleerd", access: .role(.redacteur), use: markOfferChecked)
        r.write(.POST, "organisaties", ":id", "gecontroleerd", access: .role(.redacteur), use: markOrganisationChecked)
        r.write(.POST, "organisaties", ":id", "samenwerkingen", access: .role(.redacteur), use: addCollaboration)
        SpiderWebController().register(app)
    }

    // MARK: Links

    static func path(_ parts: String...) -> String {
        base + parts.map { "/" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? $0) }.joined()
    }
    static func link(for id: String, in r: SM.Register) -> String {
        r.service(id) != nil ? path("aanbod", id) : path("organisaties", id)
    }

    // MARK: Map

    func mapPage(req: Request) async throws -> SitePage {
        let q = req.query
        let raw = (theme: q[String.self, at: "thema"], dimension: q[String.self, at: "dimensie"], target: q[String.self, at: "doelgroep"],
                   municipality: q[String.self, at: "gemeente"], kind: q[String.self, at: "soort"])
        let r = try await SocialMapStore.load(on: req.db)
        var problem: VitaalError?
        var filter = OfferFilter()
        do { filter = try OfferFilter.parse(theme: raw.theme, dimension: raw.dimension, targetGroup: raw.target, municipality: raw.municipality, kind: raw.kind) }
        catch let e as VitaalError { problem = e }
        let offers = r.services.filter { filter.matches($0, in: r) }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        let regions = try await Region.query(on: req.db).filter(\.$kind == RegionKind.gemeente.rawValue).sort(\.$sortOrder).all()
            .filter { $0.code.hasPrefix("GM") && SM.Municipality.byCode($0.code) != nil }

        let themes = Array(Set(r.services.flatMap(\.tags.themes))).sorted()
        let targets = Array(Set(r.services.flatMap(\.tags.targetGroups))).sorted()
        func opts(_ all: [(String, String)], _ none: String) -> [(value: String, label: String)] { [("", none)] + all.map { ($0.0, $0.1) } }
        let form: BodyNode = .form(.class("sm-filters"), .method(.get), .action(Self.base),
            .attribute(named: "aria-label", value: "Filter het aanbod"),
            Self.selectField("thema", "Thema", opts(themes.map { ($0, $0) }, "Alle thema's"), filter.theme),
            Self.selectField("dimensie", "Positieve Gezondheid", opts(PositiveHealthDimension.allCases.map { ($0.rawValue, $0.label.capitalizedFirst) }, "Alle dimensies"), filter.dimension?.rawValue),
            Self.selectField("doelgroep", "Doelgroep", opts(targets.map { ($0, $0) }, "Alle doelgroepen"), filter.targetGroup),
            Self.selectField("gemeente", "Gemeente", opts(SM.Municipality.all.map { ($0.code, $0.name) }, "Heel Flevoland"), filter.municipality),
            Self.selectField("soort", "Soort", opts(SM.OfferKind.allCases.map { ($0.rawValue, $0.label) }, "Alle soorten"), filter.kind?.rawValue),
            .div(.class("field"), .button(.type(.submit), .text("Filteren"))),
            .if(!filter.isEmpty, .div(.class("field"), .a(.href(Self.base), .text("Alle filters wissen"))))
        )
        let points = Self.mapPoints(offers, r)
        let map = PointMap(text: ChartText(title: "Kaart van het aanbod in Flevoland",
                                           description: "Kaart met \(points.count) punten. Dezelfde gegevens staan in de lijst naast de kaart."),
                           outlines: RegionMaps.features(regions), points: points,
                           categories: SM.OfferKind.allCases.map { PointMap.Category(name: $0.label) },
                           showPointLabels: points.count <= 16, width: 560, maxMapHeight: 560).svg()
        let noMap = offers.filter { Self.municipalities(of: $0, r).isEmpty && Self.positions(of: $0, r).isEmpty }
        let today = SocialMapDates.today()
        let list: BodyNode = .div(.id("lijst"),
            .h2(.text("Lijst van het aanbod")),
            .p(.attribute(named: "role", value: "status"), .text(offers.isEmpty ? "Geen aanbod gevonden bij deze filters." : "\(offers.count) keer aanbod gevonden" + (filter.isEmpty ? "." : " bij deze filters."))),
            .ul(.class("sm-list"), .forEach(offers) { s in
                let ms = Self.municipalities(of: s, r)
                return .li(
                    .p(.a(.href(attr(Self.path("aanbod", s.id))), .strong(.text(s.name))), .text(" "), UI.badge(s.kind.label, kind: "schematic"),
                       .if(s.isExample, .group(.text(" "), UI.badge("voorbeelddata"))),
                       .if(s.isStale(asOf: today), .group(.text(" "), UI.badge(s.lastChecked == nil ? "nooit gecontroleerd" : "ouder dan een jaar", kind: "stale")))),
                    .p(.class("muted"), .text("\(r.name(of: s.organisationID)) · " + (ms.isEmpty ? "heel Flevoland" : ms.map(SocialMapText.municipalityName).joined(separator: ", ")))),
                    .if(!s.tags.dimensions.isEmpty, .p(.text("Positieve Gezondheid: " + s.tags.dimensions.map(\.label).joined(separator: ", "))))
                )
            })
        )
        return SitePage("Sociale kaart", description: "Initiatieven, diensten en netwerken in Flevoland op de kaart",
            SocialMapStyle.node,
            .p(.class("lead"), .text("Wie doet wat in Flevoland? Initiatieven van inwoners en professionals, diensten en de netwerken waarin organisaties samenwerken.")),
            .p(.a(.href(attr(Self.path("netwerken"))), .text("Netwerken en samenwerking")), .text(" · "),
               .a(.href(attr(Self.path("spinnenweb"))), .text("Vul het spinnenweb van Positieve Gezondheid in")), .text(" · "),
               .a(.href("/api/v1/initiatives"), .text("Open data (JSON)"))),
            .unwrap(problem) { UI.problems($0.message, $0.problems) },
            form,
            .div(.class("grid-2"),
                .div(
                    .a(.href("#lijst"), .class("skip-map"), .text("Sla de kaart over en ga naar de lijst")),
                    UI.figure(UI.svg(map), caption: "Posities zijn benaderd: aanbod zonder adres staat bij het centrum van de gemeente, meerdere punten op één plek zijn er in een kleine kring omheen gezet. Aanbod voor heel Flevoland staat alleen in de lijst."),
                    .if(!noMap.isEmpty, .p(.class("muted"), .text("Niet op de kaart (werkt in heel Flevoland): " + noMap.map(\.name).joined(separator: ", ") + ".")))
                ),
                list
            )
        )
    }

    static func selectField<C: HTML.BodyContext>(_ name: String, _ label: String, _ options: [(value: String, label: String)], _ selected: String?) -> Node<C> {
        .div(.class("field"), .label(.for("f-\(name)"), .text(label)), UI.select(name, options: options, selected: selected ?? ""))
    }

    static func municipalities(of s: SM.Service, _ r: SM.Register) -> [String] { OfferFilter.municipalities(of: s, in: r) }

    /// Positions of an offer: its located locations, else the centroids of its municipalities (approximate).
    static func positions(of s: SM.Service, _ r: SM.Register) -> [(lat: Double, lon: Double, approximate: Bool, place: String)] {
        let located = s.locationIDs.compactMap { r.location($0) }.compactMap { l -> (Double, Double, Bool, String)? in
            guard let lat = l.latitude, let lon = l.longitude else { return nil }
            return (lat, lon, l.positionIsApproximate, l.municipalityCode.map(SocialMapText.municipalityName) ?? (l.name ?? ""))
        }
        if !located.isEmpty { return located.map { ($0.0, $0.1, $0.2, $0.3) } }
        return s.tags.municipalityCodes.compactMap(SM.Municipality.byCode).map { ($0.latitude, $0.longitude, true, $0.name) }
    }

    /// Map points; points sharing a position are spread on a small circle (≈2.5 km) around it.
    static func mapPoints(_ offers: [SM.Service], _ r: SM.Register) -> [PointMap.Point] {
        var raw: [(SM.Service, Double, Double, Bool, String)] = []
        for s in offers { for p in positions(of: s, r) { raw.append((s, p.lat, p.lon, p.approximate, p.place)) } }
        let groups = Dictionary(grouping: raw.indices, by: { String(format: "%.4f,%.4f", raw[$0].1, raw[$0].2) })
        var out: [PointMap.Point] = []
        for i in raw.indices {
            let (s, lat, lon, approx, place) = raw[i]
            let group = groups[String(format: "%.4f,%.4f", lat, lon)]!
            var (plat, plon) = (lat, lon)
            if group.count > 1, let k = group.firstIndex(of: i) {
                let angle = 2 * Double.pi * Double(k) / Double(group.count) - Double.pi / 2
                let km = 2.5 + 0.15 * Double(group.count)
                plat += km / 111.2 * sin(angle) * -1
                plon += km / (111.2 * cos(lat * .pi / 180)) * cos(angle)
            }
            out.append(PointMap.Point(location: GeoPoint(lon: plon, lat: plat), label: s.name, category: s.kind.label,
                                      link: path("aanbod", s.id), detail: "\(place)\(approx ? " (positie benaderd)" : "")"))
        }
        return out
    }

    // MARK: Details

    static func checkedNodes(_ item: some SM.Checkable, today: SM.Day) -> Node<HTML.DescriptionListContext> {
        .group(
            .dt(.text("Laatst gecontroleerd")),
            .dd(.text(item.lastChecked.map { SocialMapDates.dutch($0) } ?? ""),
                .if(item.isStale(asOf: today), .group(.text(" "), UI.badge(item.lastChecked == nil ? "nooit gecontroleerd" : "ouder dan een jaar", kind: "stale"))))
        )
    }

    static func staleNotice(_ item: some SM.Checkable, today: SM.Day) -> BodyNode {
        guard item.isStale(asOf: today) else { return .empty }
        return UI.notice("warning", item.lastChecked == nil
            ? "Deze gegevens zijn nog nooit gecontroleerd. Controleer ze bij de organisatie voordat u erop vertrouwt."
            : "Deze gegevens zijn langer dan een jaar geleden voor het laatst gecontroleerd (\(SocialMapDates.dutch(item.lastChecked!))). Ze kunnen verouderd zijn.")
    }

    static func tagNodes(_ t: SM.Tags) -> Node<HTML.DescriptionListContext> {
        .group(
            .if(!t.themes.isEmpty, .group(.dt(.text("Thema's")), .dd(.text(t.themes.joined(separator: ", "))))),
            .if(!t.dimensions.isEmpty, .group(.dt(.text("Positieve Gezondheid")), .dd(.text(t.dimensions.map(\.label).joined(separator: ", "))))),
            .if(!t.targetGroups.isEmpty, .group(.dt(.text("Doelgroepen")), .dd(.text(t.targetGroups.joined(separator: ", ")))))
        )
    }

    static func publicPhones(_ r: SM.Register, where match: (SM.Phone) -> Bool) -> [SM.Phone] {
        r.phones.filter { $0.contactID == nil && match($0) }
    }

    func offerPage(req: Request) async throws -> SitePage {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard let s = r.service(id) else { throw VitaalError(.notFound, "Dit aanbod staat niet (meer) op de sociale kaart.") }
        let maintainers = try await SocialMapStore.maintainers(on: req.db)
        let mayEdit = req.user?.mayWrite(organisationID: maintainers.services[s.id]) ?? false
        let today = SocialMapDates.today()
        let ms = Self.municipalities(of: s, r)
        let locations = s.locationIDs.compactMap { r.location($0) }
        let contacts = r.contacts.filter { $0.serviceID == s.id }
        let phones = Self.publicPhones(r) { $0.serviceID == s.id }
        let networks = r.networks.filter { n in n.memberships.contains { $0.memberID == s.id || $0.memberID == s.organisationID } }
        return SitePage(s.name, breadcrumbs: [("Sociale kaart", Self.base)],
            SocialMapStyle.node,
            .p(UI.badge(s.kind.label, kind: "schematic"), .if(s.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
            Self.staleNotice(s, today: today),
            .unwrap(s.description) { .p(.class("lead"), .text($0)) },
            .dl(.class("kv"),
                .dt(.text("Organisatie")), .dd(.a(.href(attr(Self.path("organisaties", s.organisationID))), .text(r.name(of: s.organisationID)))),
                .dt(.text("Werkgebied")), .dd(.text(ms.isEmpty ? "heel Flevoland" : ms.map(SocialMapText.municipalityName).joined(separator: ", "))),
                Self.tagNodes(s.tags),
                .unwrap(s.status) { .group(.dt(.text("Status")), .dd(.text(Self.statusLabel($0)))) },
                .unwrap(s.url) { .group(.dt(.text("Website")), .dd(Self.webLink($0))) },
                .unwrap(s.email) { .group(.dt(.text("E-mail")), .dd(Self.mailLink($0))) },
                .if(!phones.isEmpty, .group(.dt(.text("Telefoon")), .dd(.text(phones.map(\.number).joined(separator: ", "))))),
                .if(!contacts.isEmpty, .group(.dt(.text("Contact")), .dd(.text(contacts.map(\.role).joined(separator: ", ") + " (via de organisatie)")))),
                Self.checkedNodes(s, today: today)
            ),
            .if(!locations.isEmpty, .group(
                .h2(.text("Locaties")),
                .ul(.forEach(locations) { l in
                    .li(.text(l.name ?? l.id), .unwrap(l.address) { .text(" — " + SocialMapText.address($0)) },
                        .if(l.positionIsApproximate, .span(.class("muted"), .text(" (positie benaderd: centrum van de gemeente)"))))
                })
            )),
            .if(!networks.isEmpty, .group(
                .h2(.text("Netwerken van de organisatie")),
                .ul(.forEach(networks) { n in .li(.a(.href(attr(Self.path("netwerken", n.id))), .text(n.name))) })
            )),
            .if(mayEdit, .div(.class("card"),
                .h2(.text("Beheer")),
                .p(.a(.class("button"), .href(attr(Self.path("aanbod", s.id, "bewerken"))), .text("Bewerken"))),
                .form(.method(.post), .action(attr(Self.path("aanbod", s.id, "gecontroleerd"))), Layout.csrfField(req),
                      .button(.type(.submit), .class("button button-secondary"), .text("Gegevens gecontroleerd: zet de datum op vandaag")))
            ))
        )
    }

    /// A stored web address as a link only when it is a valid http(s) address (escaped); else as text.
    static func webLink(_ url: String) -> Node<HTML.BodyContext> {
        guard let address = SM.webAddress(url) else { return .text(url) }
        return .a(.href(attr(address)), .attribute(named: "rel", value: "noopener noreferrer"), .text(address))
    }

    /// A stored e-mail address as a mailto link only when it has the simple shape; else as text.
    static func mailLink(_ email: String) -> Node<HTML.BodyContext> {
        guard SM.isEmailAddress(email) else { return .text(email) }
        return .a(.href(attr("mailto:" + email)), .text(email))
    }

    static func statusLabel(_ s: String) -> String {
        switch s {
        case "active": "actief"
        case "inactive": "niet actief"
        case "defunct": "gestopt"
        case "temporarily closed": "tijdelijk gesloten"
        default: s
        }
    }

    func organisationPage(req: Request) async throws -> SitePage {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard let o = r.organisation(id) else { throw VitaalError(.notFound, "Deze organisatie staat niet (meer) op de sociale kaart.") }
        let maintainers = try await SocialMapStore.maintainers(on: req.db)
        let mayEdit = req.user?.mayWrite(organisationID: maintainers.organisations[o.id]) ?? false
        let today = SocialMapDates.today()
        let offers = r.services.filter { $0.organisationID == o.id }
        let networks = r.networks.filter { n in n.memberships.contains { $0.memberID == o.id } }
        let collaborations = r.collaborations.filter { $0.a == o.id || $0.b == o.id }
        let phones = Self.publicPhones(r) { $0.organisationID == o.id && $0.serviceID == nil && $0.locationID == nil }
        let contacts = r.contacts.filter { $0.organisationID == o.id && $0.serviceID == nil }
        let partners = (r.organisations.map { ($0.id, $0.name) } + r.services.map { ($0.id, $0.name) })
            .filter { $0.0 != o.id }.sorted { $0.1.lowercased() < $1.1.lowercased() }
        return SitePage(o.name, breadcrumbs: [("Sociale kaart", Self.base)],
            SocialMapStyle.node,
            .if(o.isExample, .p(UI.badge("voorbeelddata"))),
            Self.staleNotice(o, today: today),
            .unwrap(o.description) { .p(.class("lead"), .text($0)) },
            .dl(.class("kv"),
                .if(!o.tags.municipalityCodes.isEmpty, .group(.dt(.text("Gemeente")), .dd(.text(o.tags.municipalityCodes.map(SocialMapText.municipalityName).joined(separator: ", "))))),
                Self.tagNodes(o.tags),
                .unwrap(o.url) { .group(.dt(.text("Website")), .dd(Self.webLink($0))) },
                .unwrap(o.email) { .group(.dt(.text("E-mail")), .dd(Self.mailLink($0))) },
                .if(!phones.isEmpty, .group(.dt(.text("Telefoon")), .dd(.text(phones.map(\.number).joined(separator: ", "))))),
                .if(!contacts.isEmpty, .group(.dt(.text("Contactpersonen")), .dd(.text(contacts.map(\.role).joined(separator: ", "))))),
                Self.checkedNodes(o, today: today)
            ),
            .if(!offers.isEmpty, .group(.h2(.text("Aanbod")),
                .ul(.forEach(offers) { s in .li(.a(.href(attr(Self.path("aanbod", s.id))), .text(s.name)), .text(" (\(s.kind.label.lowercased()))")) }))),
            .if(!networks.isEmpty, .group(.h2(.text("Netwerken")),
                .ul(.forEach(networks) { n in .li(.a(.href(attr(Self.path("netwerken", n.id))), .text(n.name))) }))),
            .if(!collaborations.isEmpty, .group(.h2(.text("Samenwerking met \(collaborations.count) partijen")),
                .details(.summary(.text("Toon de samenwerkingspartners")),
                    .ul(.forEach(collaborations.sorted { r.name(of: $0.a == o.id ? $0.b : $0.a) < r.name(of: $1.a == o.id ? $1.b : $1.a) }) { c in
                        let other = c.a == o.id ? c.b : c.a
                        return .li(.a(.href(attr(Self.link(for: other, in: r))), .text(r.name(of: other))),
                                   .span(.class("muted"), .text(" — " + c.topic + (c.isDerived ? " (afgeleid uit gezamenlijk netwerk)" : "") + (c.since.map { ", sinds \(SocialMapDates.dutch($0))" } ?? ""))))
                    })))),
            .if(mayEdit, .div(.class("card"),
                .h2(.text("Beheer")),
                .form(.method(.post), .action(attr(Self.path("organisaties", o.id, "gecontroleerd"))), Layout.csrfField(req),
                      .button(.type(.submit), .class("button button-secondary"), .text("Gegevens gecontroleerd: zet de datum op vandaag"))),
                .h3(.text("Samenwerking toevoegen")),
                .form(.method(.post), .action(attr(Self.path("organisaties", o.id, "samenwerkingen"))), Layout.csrfField(req),
                    Self.selectField("partner", "Samenwerkingspartner", partners.map { ($0.0, $0.1) }, nil),
                    UI.field("onderwerp", label: "Onderwerp", required: true),
                    UI.field("sinds", label: "Sinds (jjjj-mm-dd, mag leeg)", hint: "Bijvoorbeeld 2024-09-01"),
                    .button(.type(.submit), .text("Samenwerking opslaan")))
            ))
        )
    }

    // MARK: Networks

    /// The network chart, cached by the graph, the names and links and the size; a network over
    /// `CollaborationNetwork.maxLayoutNodes` is not drawn (a sentence says so).
    static func chart(_ n: CollaborationNetwork, r: SM.Register, width: Double = 720, height: Double = 520) -> BodyNode {
        guard n.nodeIDs.count <= CollaborationNetwork.maxLayoutNodes else {
            return .p(.class("muted"), .text("Het netwerk heeft \(n.nodeIDs.count) deelnemers; tekeningen maken we tot \(CollaborationNetwork.maxLayoutNodes) deelnemers. De tabel hieronder bevat de analyse."))
        }
        let key = [n.cacheKey, n.names.joined(separator: "\u{1F}"), n.nodeIDs.map { link(for: $0, in: r) }.joined(separator: "\u{1F}"),
                   n.edges.map(\.topic).joined(separator: "\u{1F}"), n.title, "\(width)x\(height)"].joined(separator: "\u{1E}")
        return UI.svg(CollaborationNetwork.chartCache.value(for: key) { drawChart(n, r: r, width: width, height: height) })
    }

    static func drawChart(_ n: CollaborationNetwork, r: SM.Register, width: Double, height: Double) -> String {
        // Stretch the layout to the full frame (it may use only part of the unit square).
        let raw = NetworkLayout.positions(for: n.graph, seed: 20250101, iterations: 300)
        let xs = raw.map(\.x), ys = raw.map(\.y)
        let (x0, x1, y0, y1) = (xs.min() ?? 0, xs.max() ?? 1, ys.min() ?? 0, ys.max() ?? 1)
        let positions = raw.map { p in (x: x1 > x0 ? (p.x - x0) / (x1 - x0) : 0.5, y: y1 > y0 ? (p.y - y0) / (y1 - y0) : 0.5) }
        let central = Set(n.centralNodes), vulnerable = Set(n.analysis.articulationPoints)
        let bridges = Set(n.analysis.bridges.map { "\(n.nodeIDs[$0.0])\u{1F}\(n.nodeIDs[$0.1])" })
        let nodes = n.nodeIDs.indices.map { i -> NetworkGraphChart.Node in
            let kind: NetworkGraphChart.NodeKind = vulnerable.contains(i) ? .vulnerable : central.contains(i) ? .central
                : n.graph.degree(of: i) == 0 ? .isolated : .normal
            return NetworkGraphChart.Node(id: n.nodeIDs[i], label: n.names[i], x: positions[i].x, y: positions[i].y,
                                          size: Double(n.graph.degree(of: i) + 1), kind: kind, link: link(for: n.nodeIDs[i], in: r))
        }
        let edges = n.edges.map { NetworkGraphChart.Edge(from: $0.a, to: $0.b, highlighted: bridges.contains("\($0.a)\u{1F}\($0.b)"), label: $0.topic) }
        return NetworkGraphChart(text: ChartText(title: "Samenwerkingsnetwerk: \(n.title)",
                                                 caption: "Verbindingen zijn afgeleid uit gezamenlijk lidmaatschap van netwerken (Flever jaarplan 2025, Bijlage 1), tenzij anders vastgelegd."),
                                 nodes: nodes, edges: edges, maxLabels: n.nodeIDs.count, width: width, height: height).svg()
    }

    static func explanationNodes(_ n: CollaborationNetwork) -> BodyNode {
        .div(.class("card"), .h2(.text("Wie staat centraal, waar is het netwerk kwetsbaar?")),
             .ul(.forEach(n.explanations) { .li(.text($0)) }))
    }

    static func centralityTable(_ n: CollaborationNetwork, r: SM.Register, limit: Int? = nil) -> BodyNode {
        let order = n.nodeIDs.indices.sorted { (n.analysis.betweenness[$0], n.analysis.degree[$0], $1) > (n.analysis.betweenness[$1], n.analysis.degree[$1], $0) }
        let rows = (limit.map { Array(order.prefix($0)) } ?? order).map { i -> [BodyNode] in
            [.a(.href(attr(link(for: n.nodeIDs[i], in: r))), .text(n.names[i])),
             .text(String(n.graph.degree(of: i))),
             .text(DutchNumberFormat.format(n.analysis.betweenness[i], decimals: 3)),
             .text(DutchNumberFormat.format(n.analysis.closeness[i], decimals: 3)),
             .text(n.analysis.articulationPoints.contains(i) ? "ja" : "")]
        }
        return UI.table(caption: limit.map { "De \($0) meest centrale deelnemers" } ?? "Centraliteit per deelnemer",
                        headers: ["Deelnemer", "Verbindingen", "Tussenpositie (betweenness)", "Nabijheid (closeness)", "Kwetsbaar punt"],
                        rows: rows, numericColumns: [1, 2, 3])
    }

    func networksPage(req: Request) async throws -> SitePage {
        let r = try await SocialMapStore.load(on: req.db)
        let today = SocialMapDates.today()
        guard let all = try CollaborationNetwork.build(id: CollaborationNetwork.allID, register: r) else { throw Abort(.internalServerError) }
        let rows = r.networks.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { n -> [BodyNode] in
            [.a(.href(attr(Self.path("netwerken", n.id))), .text(n.name)),
             .text(n.goal),
             .text(n.memberships.isEmpty ? (n.size.map { "\($0) \(n.sizeUnit ?? "")" } ?? "niet vastgelegd") : "\(n.memberships.count) genoemd"),
             .text(n.fleverRole ?? ""),
             .group(.text(n.lastChecked.map { SocialMapDates.dutch($0) } ?? "nooit"), .if(n.isStale(asOf: today), .group(.text(" "), UI.badge("ouder dan een jaar", kind: "stale"))))]
        }
        return SitePage("Netwerken en samenwerking", breadcrumbs: [("Sociale kaart", Self.base)],
            SocialMapStyle.node,
            .p(.class("lead"), .text("Welke organisaties en initiatieven werken samen, wie staat centraal in het netwerk en waar is het kwetsbaar?")),
            .p(.text("Het netwerk hieronder verbindt twee partijen als ze samen in een netwerk uit de lijst zitten. \(all.nodeIDs.count) partijen, \(all.edges.count) verbindingen.")),
            r.collaborations.isEmpty ? .p(.text("Er zijn nog geen samenwerkingen vastgelegd.")) :
                .group(UI.figure(Self.chart(all, r: r, width: 960, height: 680), caption: "Alle samenwerkingen. Grote knopen met donkere rand staan centraal; oranje ruiten zijn kwetsbare punten."),
                       Self.explanationNodes(all),
                       Self.centralityTable(all, r: r, limit: 10),
                       .p(.a(.href("/api/v1/networks/\(CollaborationNetwork.allID)/analysis"), .text("Volledige netwerkanalyse als open data (JSON)")))),
            .h2(.text("Netwerken")),
            UI.table(caption: "Netwerken (Flever jaarplan 2025, Bijlage 1; stand 1 januari 2025)",
                     headers: ["Netwerk", "Doel", "Deelnemers", "Rol Flever", "Laatst gecontroleerd"], rows: rows)
        )
    }

    func networkPage(req: Request) async throws -> SitePage {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        if id == CollaborationNetwork.allID { throw VitaalError(.notFound, "Het totale netwerk staat op de pagina Netwerken.") }
        guard let n = try CollaborationNetwork.build(id: id, register: r), let net = n.network else {
            throw VitaalError(.notFound, "Dit netwerk staat niet (meer) op de sociale kaart.")
        }
        let today = SocialMapDates.today()
        return SitePage(net.name, breadcrumbs: [("Sociale kaart", Self.base), ("Netwerken", Self.path("netwerken"))],
            SocialMapStyle.node,
            Self.staleNotice(net, today: today),
            .p(.class("lead"), .text(net.goal)),
            .dl(.class("kv"),
                .unwrap(net.fleverRole) { .group(.dt(.text("Rol van Flever")), .dd(.text($0))) },
                .dt(.text("Deelnemers")),
                .dd(.text(net.memberships.isEmpty ? (net.size.map { "\($0) \(net.sizeUnit ?? "")" } ?? "niet vastgelegd") : "\(net.memberships.count) met naam genoemd")),
                .unwrap(net.participantsDescription) { .group(.dt(.text("Omschrijving deelnemers")), .dd(.text($0))) },
                .unwrap(net.referenceDate) { .group(.dt(.text("Stand per")), .dd(.text(SocialMapDates.dutch($0)))) },
                .unwrap(net.source) { .group(.dt(.text("Bron")), .dd(.text($0))) },
                Self.checkedNodes(net, today: today)
            ),
            .if(n.nodeIDs.count >= 2, .group(
                UI.figure(Self.chart(n, r: r), caption: "Deelnemers van \(net.name) en hun onderlinge samenwerking."),
                Self.explanationNodes(n))),
            .if(!n.nodeIDs.isEmpty, .group(.h2(.text("Deelnemers")), Self.centralityTable(n, r: r))),
            .if(n.nodeIDs.isEmpty, .p(.text("De deelnemers van dit netwerk zijn niet één voor één vastgelegd; er is dus geen netwerkanalyse."))),
            .p(.a(.href(attr(Self.path("netwerken"))), .text("Bekijk de positie van de deelnemers in het totale samenwerkingsnetwerk")), .text(" · "),
               .a(.href(attr("/api/v1/networks/\(net.id)/analysis")), .text("Netwerkanalyse als open data (JSON)")))
        )
    }

    // MARK: Editing

    static func maintainer(ofOffer id: String, _ db: any Database) async throws -> UUID? {
        try await SocialMapServiceRecord.query(on: db).filter(\.$key == id).first()?.maintainerID
    }

    func editOfferForm(req: Request) async throws -> SitePage {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard let s = r.service(id) else { throw VitaalError(.notFound, "Dit aanbod bestaat niet.") }
        try req.requireWrite(organisationID: try await Self.maintainer(ofOffer: id, req.db))
        return Self.offerForm(req, s, problems: nil)
    }

    static func offerForm(_ req: Request, _ s: SM.Service, problems: VitaalError?) -> SitePage {
        let fieldErrors = Dictionary((problems?.problems ?? []).compactMap { p in p.location.field.map { ($0, p.message) } }, uniquingKeysWith: { a, _ in a })
        return SitePage("\(s.name) bewerken", status: problems == nil ? .ok : .unprocessableEntity,
                    breadcrumbs: [("Sociale kaart", base), (s.name, path("aanbod", s.id))],
            SocialMapStyle.node,
            .unwrap(problems) { UI.problems($0.message, $0.problems) },
            .form(.method(.post), .action(path("aanbod", s.id, "bewerken")), Layout.csrfField(req),
                UI.field("naam", label: "Naam", value: s.name, error: fieldErrors["naam"], required: true),
                .div(.class("field"), .label(.for("f-omschrijving"), .text("Omschrijving")),
                     .textarea(.id("f-omschrijving"), .name("omschrijving"), .attribute(named: "rows", value: "5"), .text(s.description ?? ""))),
                UI.field("website", label: "Website", value: s.url, error: fieldErrors["website"], hint: "Begint met https://"),
                UI.field("themas", label: "Thema's", value: s.tags.themes.joined(separator: ", "), hint: "Gescheiden door komma's"),
                UI.field("doelgroepen", label: "Doelgroepen", value: s.tags.targetGroups.joined(separator: ", "), hint: "Gescheiden door komma's"),
                SocialMapForm.fieldset("Dimensies van Positieve Gezondheid", [
                    .forEach(PositiveHealthDimension.allCases) { d in
                        .label(.class("sm-check"),
                               .input(.type(.checkbox), .name("dimensie-\(d.rawValue)"), .value("1"),
                                      .checked(s.tags.dimensions.contains(d))),
                               .text(" " + d.label.capitalizedFirst))
                    }]),
                .label(.class("sm-check"), .input(.type(.checkbox), .name("gecontroleerd"), .value("1")),
                       .text(" De gegevens zijn gecontroleerd (laatst gecontroleerd wordt vandaag)")),
                .button(.type(.submit), .text("Opslaan")))
        )
    }

    func saveOffer(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard var s = r.service(id) else { throw VitaalError(.notFound, "Dit aanbod bestaat niet.") }
        let user = try req.requireWrite(organisationID: try await Self.maintainer(ofOffer: id, req.db))
        struct Form: Content {
            var naam: String?, omschrijving: String?, website: String?, themas: String?, doelgroepen: String?, gecontroleerd: String?
        }
        let form = try req.content.decode(Form.self)
        var p = ProblemCollector()
        let name = (form.naam ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { p.add("vul een naam in", at: SourceLocation(field: "naam")) }
        var url = (form.website ?? "").trimmingCharacters(in: .whitespaces)
        if !url.isEmpty {
            if let address = SM.webAddress(url) { url = address }
            else { p.add("\"\(url.prefix(80))\" is geen geldig webadres (begin met https://; geen spaties, aanhalingstekens of < >)", at: SourceLocation(field: "website")) }
        }
        if name.count > 200 { p.add("de naam mag hoogstens 200 tekens hebben", at: SourceLocation(field: "naam")) }
        func list(_ t: String?) -> [String] { (t ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        for (field, label) in [("themas", "thema"), ("doelgroepen", "doelgroep")] {
            let items = list(field == "themas" ? form.themas : form.doelgroepen)
            if items.count > 30 { p.add("hoogstens 30 keer \(label)", at: SourceLocation(field: field)) }
            if items.contains(where: { $0.count > 100 }) { p.add("een \(label) mag hoogstens 100 tekens hebben", at: SourceLocation(field: field)) }
        }
        let body = try req.content.decode([String: String].self)
        let dims = PositiveHealthDimension.allCases.filter { body["dimensie-\($0.rawValue)"] != nil }
        s.name = name.isEmpty ? s.name : name
        let description = (form.omschrijving ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        s.description = description.isEmpty ? nil : description
        s.url = url.isEmpty ? nil : url
        s.tags = SM.Tags(themes: list(form.themas), dimensions: dims, targetGroups: list(form.doelgroepen), municipalityCodes: s.tags.municipalityCodes)
        if form.gecontroleerd != nil { s.lastChecked = SocialMapDates.today() }
        if !p.isEmpty {
            return try await Self.offerForm(req, s, problems: VitaalError(.invalidInput, "Niet opgeslagen: \(p.totalCount) fout(en)", problems: p.problems))
                .encodeResponse(for: req)
        }
        var incoming = SM.Register(); incoming.services = [s]
        try await SocialMapStore.write(incoming, on: req.db, user: user, actor: user.email, action: "gewijzigd", summary: "Aanbod \(s.id) gewijzigd")
        return req.redirect(to: Self.path("aanbod", s.id))
    }

    func markOfferChecked(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard var s = r.service(id) else { throw VitaalError(.notFound, "Dit aanbod bestaat niet.") }
        let user = try req.requireWrite(organisationID: try await Self.maintainer(ofOffer: id, req.db))
        s.lastChecked = SocialMapDates.today()
        var incoming = SM.Register(); incoming.services = [s]
        try await SocialMapStore.write(incoming, on: req.db, user: user, actor: user.email, action: "gecontroleerd", summary: "Aanbod \(s.id) gecontroleerd")
        return req.redirect(to: Self.path("aanbod", s.id))
    }

    static func maintainer(ofOrganisation id: String, _ db: any Database) async throws -> UUID? {
        try await SocialMapOrganisationRecord.query(on: db).filter(\.$key == id).first()?.maintainerID
    }

    func markOrganisationChecked(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard var o = r.organisation(id) else { throw VitaalError(.notFound, "Deze organisatie bestaat niet.") }
        let user = try req.requireWrite(organisationID: try await Self.maintainer(ofOrganisation: id, req.db))
        o.lastChecked = SocialMapDates.today()
        var incoming = SM.Register(); incoming.organisations = [o]
        try await SocialMapStore.write(incoming, on: req.db, user: user, actor: user.email, action: "gecontroleerd", summary: "Organisatie \(o.id) gecontroleerd")
        return req.redirect(to: Self.path("organisaties", o.id))
    }

    static let maxTopicLength = 200

    /// Adds (or replaces) the collaboration between this organisation and a partner. Refused with
    /// a clear message for a collaboration with itself, an unknown partner, a bad date or a topic
    /// over 200 characters; refused (403) when the record was entered by another organisation.
    func addCollaboration(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard r.organisation(id) != nil else { throw VitaalError(.notFound, "Deze organisatie bestaat niet.") }
        let user = try req.requireWrite(organisationID: try await Self.maintainer(ofOrganisation: id, req.db))
        struct Form: Content { var partner: String?, onderwerp: String?, sinds: String? }
        let form = try req.content.decode(Form.self)
        let partner = (form.partner ?? "").trimmingCharacters(in: .whitespaces)
        let topic = (form.onderwerp ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var p = ProblemCollector()
        if partner.isEmpty { p.add("kies een samenwerkingspartner", at: SourceLocation(field: "partner")) }
        else if r.organisation(partner) == nil && r.service(partner) == nil { p.add("onbekende partner \"\(partner)\"", at: SourceLocation(field: "partner")) }
        if topic.isEmpty { p.add("vul het onderwerp van de samenwerking in", at: SourceLocation(field: "onderwerp")) }
        else if topic.count > Self.maxTopicLength { p.add("het onderwerp mag hoogstens \(Self.maxTopicLength) tekens hebben (zijn er \(topic.count))", at: SourceLocation(field: "onderwerp")) }
        var since: SM.Day?
        if let t = form.sinds?.trimmingCharacters(in: .whitespaces), !t.isEmpty {
            since = SM.Day(iso: t)
            if since == nil { p.add("\"\(t)\" is geen datum (jjjj-mm-dd)", at: SourceLocation(field: "sinds")) }
        }
        var collaboration: SM.Collaboration?
        do { collaboration = try SM.Collaboration(id, partner, topic: topic, since: since) }
        catch { if !partner.isEmpty { p.add(error.message, at: SourceLocation(field: "partner")) } }
        guard p.isEmpty, let c = collaboration else {
            throw VitaalError(.invalidInput, "Samenwerking niet opgeslagen: \(p.totalCount) fout(en)", problems: p.problems)
        }
        // A record another organisation entered is theirs: only they (or a beheerder) replace it.
        // Derived records (shared network membership) may be replaced by either side.
        if user.role < .beheerder,
           let existing = try await SocialMapCollaborationRecord.query(on: req.db).filter(\.$a == c.a).filter(\.$b == c.b).first(),
           !existing.isDerived, existing.enteredBy != user.$organisation.id {
            throw VitaalError(.forbidden, "De samenwerking tussen \(r.name(of: c.a)) en \(r.name(of: c.b)) is vastgelegd door een andere organisatie; alleen die organisatie of een beheerder kan haar wijzigen.")
        }
        var incoming = SM.Register(); incoming.collaborations = [c]
        try await SocialMapStore.write(incoming, on: req.db, user: user, actor: user.email, action: "aangemaakt",
                                       summary: "Samenwerking \(c.a)–\(c.b) (\(c.topic))")
        return req.redirect(to: Self.path("organisaties", id))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
