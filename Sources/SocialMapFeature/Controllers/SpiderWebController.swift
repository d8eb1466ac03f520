import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain

/// The Positive Health spider web for residents (anonymous) and its aggregate statistics for
/// professionals. Nothing is stored unless the resident ticks the consent box; then only the six
/// scores, the municipality and the month (no postcode, no name, no day, no session link), at most
/// once per session per hour; the statistics follow `SpiderWebStatistics.publish` (see docs/social-map.md).
struct SpiderWebController {
    typealias SM = SocialMap
    static let path = "/sociale-kaart/spinnenweb"

    func register(_ app: Application) {
        let r = app.grouped("sociale-kaart", "spinnenweb")
        r.get(use: form)
        r.write(.POST, access: .anyone, use: submit)
        r.requiring(.lezer).get("statistiek", use: statistics)
    }

    static let hints: [PositiveHealthDimension: String] = [
        .lichaamsfuncties: "Hoe voelt u zich lichamelijk? Denk aan fit zijn, slapen, eten, pijn.",
        .mentaalWelbevinden: "Kunt u dingen onthouden, u concentreren, omgaan met verandering? Voelt u zich vrolijk?",
        .zingeving: "Heeft u idealen, doelen en dingen waar u naar uitkijkt? Voelt u zich gewaardeerd?",
        .kwaliteitVanLeven: "Geniet u van het leven? Voelt u zich gelukkig en in balans?",
        .meedoen: "Heeft u goed contact met anderen? Hoort u erbij? Doet u mee in uw buurt of op uw werk?",
        .dagelijksFunctioneren: "Kunt u voor uzelf zorgen, werken, met geld omgaan, hulp vragen?",
    ]

    /// What the resident filled in (also used to redisplay the form after an error).
    struct Input {
        var raw: [String: String] = [:]
        var scores: SpiderWebScores?
        var focus: Set<PositiveHealthDimension> = []
        var municipality: String?
        var postcode: String?
        var consent = false
        var origin: SM.MatchOrigin? {
            if let postcode { return .postcode(postcode) }
            return municipality.map { .municipality($0) }
        }
    }

    func form(req: Request) async throws -> SitePage { Self.formPage(req, Input(), error: nil) }

    static func formPage(_ req: Request, _ input: Input, error: VitaalError?) -> SitePage {
        let fieldErrors = Dictionary((error?.problems ?? []).compactMap { p in p.location.field.map { ($0, p.message) } }, uniquingKeysWith: { a, _ in a })
        return SitePage("Uw spinnenweb van Positieve Gezondheid", status: error == nil ? .ok : .unprocessableEntity,
                    breadcrumbs: [("Sociale kaart", SocialMapPagesController.base)],
            SocialMapStyle.node,
            .p(.class("lead"), .text("Geef uzelf op elk van de zes onderdelen een cijfer van 0 tot 10. U ziet daarna uw spinnenweb en initiatieven in de buurt die passen bij waar u aan wilt werken.")),
            UI.notice("info", "U hoeft geen naam of adres in te vullen. Wij bewaren niets, tenzij u onderaan toestemming geeft; dan bewaren we alleen uw zes cijfers, uw gemeente en de maand."),
            .unwrap(error) { UI.problems($0.message, $0.problems) },
            .form(.method(.post), .action(path), Layout.csrfField(req),
                SocialMapForm.fieldset("Hoe gaat het met u? (0 = heel slecht, 10 = uitstekend)", [
                    .div(.class("sm-scores"), .forEach(PositiveHealthDimension.allCases) { d in
                        UI.field(d.rawValue, label: d.label.capitalizedFirst, type: .number, value: input.raw[d.rawValue],
                                 error: fieldErrors[d.rawValue], required: true, hint: hints[d],
                                 attributes: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "10"),
                                              .attribute(named: "step", value: "1"), .attribute(named: "inputmode", value: "numeric")])
                    })]),
                focusFieldset(input.focus),
                SocialMapForm.fieldset("Waar woont u?", [
                    .p(.class("hint"), .text("Kies uw gemeente of vul alleen de vier cijfers van uw postcode in. Zo zoeken we initiatieven dichtbij.")),
                    .unwrap(fieldErrors["origin"]) { .p(.class("field-message"), .text($0)) },
                    SocialMapPagesController.selectField("gemeente", "Gemeente", [("", "Kies uw gemeente")] + SM.Municipality.all.map { ($0.code, $0.name) }, input.municipality),
                    UI.field("postcode", label: "Of: de cijfers van uw postcode", value: input.postcode, error: fieldErrors["postcode"],
                             attributes: [.attribute(named: "inputmode", value: "numeric"), .attribute(named: "maxlength", value: "4"),
                                          .attribute(named: "autocomplete", value: "off")])]),
                SocialMapForm.fieldset("Bewaren (niet verplicht)", [
                    .label(.class("sm-check"),
                        .input(.type(.checkbox), .name("toestemming"), .value("ja"), .checked(input.consent)),
                        .text(" Ja, bewaar mijn zes cijfers, mijn gemeente en de maand anoniem, zodat professionals kunnen zien hoe het gemiddeld gaat in mijn gemeente. Uw postcode, naam of adres bewaren we nooit."))]),
                .button(.type(.submit), .text("Bekijk mijn spinnenweb")))
        )
    }

    static func focusFieldset(_ focus: Set<PositiveHealthDimension>) -> Node<HTML.FormContext> {
        SocialMapForm.fieldset("Waar wilt u aan werken? (mag meer dan één, of geen)", [
            .forEach(PositiveHealthDimension.allCases) { d in
                .label(.class("sm-check"),
                       .input(.type(.checkbox), .name("werken-\(d.rawValue)"), .value("1"), .checked(focus.contains(d))),
                       .text(" " + d.label.capitalizedFirst))
            }])
    }

    /// Reads and checks the form; every problem names its field.
    static func parse(_ body: [String: String]) -> (Input, VitaalError?) {
        var input = Input()
        var p = ProblemCollector()
        var values: [PositiveHealthDimension: Double] = [:]
        for d in PositiveHealthDimension.allCases {
            let text = (body[d.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
            input.raw[d.rawValue] = text
            if text.isEmpty { p.add("vul een cijfer van 0 tot 10 in voor '\(d.label)'", at: SourceLocation(field: d.rawValue)); continue }
            guard let v = try? BoundedNumber.decimal(text, field: d.rawValue, in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) else {
                p.add("\"\(text.count <= 40 ? text : String(text.prefix(40)) + "…")\" is geen cijfer ('\(d.label)')", at: SourceLocation(field: d.rawValue)); continue
            }
            guard (0...10).contains(v) else {
                p.add("\(text) ligt niet tussen 0 en 10 ('\(d.label)')", at: SourceLocation(field: d.rawValue)); continue
            }
            values[d] = v
        }
        input.focus = Set(PositiveHealthDimension.allCases.filter { body["werken-\($0.rawValue)"] != nil })
        let m = (body["gemeente"] ?? "").trimmingCharacters(in: .whitespaces)
        let pc = (body["postcode"] ?? "").trimmingCharacters(in: .whitespaces)
        if !m.isEmpty {
            if SM.Municipality.byCode(m) == nil { p.add("onbekende gemeente \"\(m.prefix(40))\"", at: SourceLocation(field: "gemeente")) } else { input.municipality = m }
        }
        if !pc.isEmpty {
            input.postcode = pc
            if let area = SM.PostcodeArea.lookup(pc) {
                if let m = input.municipality, m != area.municipalityCode {
                    p.add("postcode \(pc) ligt in \(SocialMapText.municipalityName(area.municipalityCode)), niet in \(SocialMapText.municipalityName(m))", at: SourceLocation(field: "postcode"))
                }
                input.municipality = area.municipalityCode
            } else {
                p.add("postcode \"\(pc.prefix(40))\" ligt niet in Flevoland of is geen postcode (vul vier cijfers in, bijv. 8232)", at: SourceLocation(field: "postcode"))
            }
        }
        if m.isEmpty && pc.isEmpty { p.add("kies uw gemeente of vul de cijfers van uw postcode in", at: SourceLocation(field: "origin")) }
        input.consent = body["toestemming"] == "ja"
        if p.isEmpty {
            do { input.scores = try SpiderWebScores(values) } catch { return (input, error) }
            return (input, nil)
        }
        return (input, VitaalError(.invalidInput, "Het spinnenweb is niet volledig of klopt niet: \(p.totalCount) fout(en)", problems: p.problems))
    }

    func submit(req: Request) async throws -> Response {
        let body = (try? req.content.decode([String: String].self)) ?? [:]
        let (input, error) = Self.parse(body)
        guard error == nil, let scores = input.scores, let origin = input.origin, let municipality = input.municipality else {
            return try await Self.formPage(req, input, error: error).encodeResponse(for: req)
        }
        var stored = false
        var limited = false
        if input.consent {
            // At most one stored spider web per session per hour: a re-post (back button, double
            // click, "submit again") stores no duplicate, and one visitor cannot pad a group.
            let now = Date().timeIntervalSince1970
            if let last = req.session.data[Self.storedKey].flatMap(Double.init), now - last < Self.storeInterval, now >= last {
                limited = true
            } else {
                let rec = SpiderWebRecord()
                rec.day = Self.month(SocialMapDates.today())
                rec.municipalityCode = municipality
                rec.lichaamsfuncties = scores[.lichaamsfuncties]; rec.mentaalWelbevinden = scores[.mentaalWelbevinden]
                rec.zingeving = scores[.zingeving]; rec.kwaliteitVanLeven = scores[.kwaliteitVanLeven]
                rec.meedoen = scores[.meedoen]; rec.dagelijksFunctioneren = scores[.dagelijksFunctioneren]
                try await rec.create(on: req.db)
                req.session.data[Self.storedKey] = String(Int(now))
                stored = true
            }
        }
        let r = try await SocialMapStore.load(on: req.db)
        let offers = try Self.nearestLocationFirst(r.services.filter { $0.status != "inactive" && $0.status != "defunct" },
                                                   locations: r.locations, origin: origin)
        let matches = try SM.InitiativeMatcher.match(scores: scores, focus: input.focus, origin: origin, initiatives: offers,
                                                     locations: r.locations, limit: 10)
        return try await Self.resultPage(req, input, scores: scores, matches: matches, stored: stored, limited: limited, register: r).encodeResponse(for: req)
    }

    /// Session key of the time (Unix seconds) of this session's last stored spider web.
    static let storedKey = "spinnenweb_bewaard"
    /// One stored spider web per session per this many seconds.
    static let storeInterval: Double = 3600

    /// Only the month is stored ("2026-12"), never the day: with few submissions a day can link a
    /// record to a visit.
    static func month(_ day: SocialMap.Day) -> String { String(day.iso.prefix(7)) }

    /// The matcher measures to an offer's first located location: order each offer's locations
    /// nearest-first from the resident's centroid (an Alzheimer Café in Lelystad is 0 km away for a
    /// Lelystad resident, even when its Almere location is listed first).
    static func nearestLocationFirst(_ services: [SM.Service], locations: [SM.Location], origin: SM.MatchOrigin) throws -> [SM.Service] {
        let o = try origin.centroid()
        let km = Dictionary(locations.compactMap { l in l.latitude.flatMap { lat in l.longitude.map { (l.id, SM.haversineKm(o.latitude, o.longitude, lat, $0)) } } },
                            uniquingKeysWith: { a, _ in a })
        return services.map { s in
            var s = s
            s.locationIDs.sort { (km[$0] ?? .infinity, $0) < (km[$1] ?? .infinity, $1) }
            return s
        }
    }

    static func resultPage(_ req: Request, _ input: Input, scores: SpiderWebScores, matches: [SM.Match], stored: Bool, limited: Bool = false,
                           register r: SM.Register) -> SitePage {
        let chart = RadarChart(text: ChartText(title: "Uw spinnenweb",
                                               description: "Uw cijfers: " + PositiveHealthDimension.allCases.map { "\($0.label) \(format(scores[$0]))" }.joined(separator: ", ") + "."),
                               profiles: [RadarChart.Profile(name: "Uw cijfer", values: scores.values)], width: 520).svg()
        let place = input.postcode.flatMap { SM.PostcodeArea.lookup($0)?.place } ?? input.municipality.map(SocialMapText.municipalityName) ?? ""
        let lowest = PositiveHealthDimension.allCases.sorted { (scores[$0], $0.index) < (scores[$1], $1.index) }.prefix(2)
        return SitePage("Uw spinnenweb", breadcrumbs: [("Sociale kaart", SocialMapPagesController.base), ("Spinnenweb", path)],
            SocialMapStyle.node,
            UI.notice(stored ? "success" : "info", stored
                ? "Opgeslagen met uw toestemming: alleen uw zes cijfers, uw gemeente (\(SocialMapText.municipalityName(input.municipality ?? ""))) en de maand. Geen naam, adres, postcode of datum."
                : limited ? "Er is niets opgeslagen: vanuit deze browser is het afgelopen uur al een spinnenweb bewaard. Uw uitkomst staat hieronder."
                : "Er is niets opgeslagen. Deze pagina verdwijnt als u hem sluit."),
            .div(.class("grid-2"),
                UI.figure(UI.svg(chart), caption: "Uw cijfers van 0 tot 10 op de zes onderdelen van Positieve Gezondheid."),
                .div(
                    .h2(.text("Wat valt op?")),
                    .p(.text("Het laagst scoort u op " + NetworkAnalysis.dutchList(lowest.map { "\($0.label) (\(format(scores[$0])))" }) + ".")),
                    .p(.text(input.focus.isEmpty ? "U heeft nog niet gekozen waar u aan wilt werken; we zoeken bij al uw lage cijfers."
                             : "U wilt werken aan: " + NetworkAnalysis.dutchList(input.focus.sorted().map(\.label)) + ".")),
                    .form(.method(.post), .action(path), Layout.csrfField(req),
                        .forEach(PositiveHealthDimension.allCases) { d in .input(.type(.hidden), .name(d.rawValue), .value(format(scores[d]))) },
                        .unwrap(input.municipality) { .input(.type(.hidden), .name("gemeente"), .value(attr($0))) },
                        .unwrap(input.postcode) { .input(.type(.hidden), .name("postcode"), .value(attr($0))) },
                        focusFieldset(input.focus),
                        .button(.type(.submit), .text("Zoek opnieuw")))
                )
            ),
            .h2(.text("Initiatieven die bij u passen" + (place.isEmpty ? "" : " (vanuit \(place))"))),
            matches.isEmpty ? .p(.text("We vonden geen initiatief dat past bij wat u koos. Kies een ander onderwerp of kijk op de sociale kaart."))
            : .ol(.class("sm-list"), .forEach(matches) { m in
                let s = r.service(m.initiativeID)
                return .li(
                    .p(.a(.href(attr(SocialMapPagesController.path("aanbod", m.initiativeID))), .strong(.text(m.name))),
                       .unwrap(s) { .group(.text(" "), UI.badge($0.kind.label, kind: "schematic")) }),
                    .p(.text("Waarom: " + m.reason)),
                    .unwrap(s?.description) { .p(.class("muted"), .text($0)) })
            }),
            .p(.class("muted"), .text("Afstanden zijn hemelsbreed en benaderd: vanaf het midden van uw gemeente of postcodegebied tot de plaats van het initiatief. Volgorde: hoe beter het past bij uw lage cijfers en hoe dichterbij, hoe hoger.")),
            .p(.a(.href(path), .text("Opnieuw invullen")), .text(" · "), .a(.href(SocialMapPagesController.base), .text("Naar de sociale kaart")))
        )
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : DutchNumberFormat.format(v, decimals: 1)
    }

    /// Aggregates per municipality for logged-in users; groups under 5 are suppressed.
    func statistics(req: Request) async throws -> SitePage {
        let records = try await SpiderWebRecord.query(on: req.db).all()
        let webs = records.compactMap { rec -> (municipalityCode: String, scores: SpiderWebScores)? in
            let values = [rec.lichaamsfuncties, rec.mentaalWelbevinden, rec.zingeving, rec.kwaliteitVanLeven, rec.meedoen, rec.dagelijksFunctioneren]
            guard let s = try? SpiderWebScores(Dictionary(uniqueKeysWithValues: zip(PositiveHealthDimension.allCases, values))) else { return nil }
            return (rec.municipalityCode, s)
        }
        let published = SM.SpiderWebStatistics.publish(webs)
        func row(_ name: String, _ s: SM.PublishedSpiderWebGroup) -> [BodyNode] {
            [.text(name), .text(s.countText)] + s.means.map { .text($0.text) }
        }
        var rows = published.municipalities.map { row(SocialMapText.municipalityName($0.code), $0) }
        if let total = published.total { rows.append(row("Flevoland", total)) }
        // The chart is drawn from the published (rounded) means only.
        let chart: String? = published.total.flatMap { t in
            t.isSuppressed ? nil : RadarChart(text: ChartText(title: "Gemiddeld spinnenweb, Flevoland"),
                                              profiles: [RadarChart.Profile(name: "Gemiddelde", values: t.means.map { if case let .mean(m) = $0 { m } else { nil } })],
                                              width: 480).svg()
        }
        return SitePage("Spinnenweb: geanonimiseerde uitkomsten", breadcrumbs: [("Sociale kaart", SocialMapPagesController.base), ("Spinnenweb", Self.path)],
            SocialMapStyle.node,
            .p(.class("lead"), .text("Gemiddelde cijfers van inwoners die hun spinnenweb met toestemming lieten bewaren. Groepen van minder dan 5 inwoners tonen we niet; om ze ook niet uit het totaal te laten afleiden, verbergen we dan ook de kleinste andere gemeente(n). Aantallen zijn afgerond op 5, gemiddelden op één decimaal.")),
            UI.badge("intern", kind: "internal"),
            webs.isEmpty ? .p(.text("Er zijn nog geen spinnenwebben bewaard.")) :
                UI.table(caption: "Gemiddelde score per gemeente (0–10)", headers: ["Gemeente", "Aantal"] + RadarChart.positiveHealthAxes,
                         rows: rows, numericColumns: Set(1...7)),
            .unwrap(chart) { UI.figure(UI.svg($0), caption: "Gemiddelde van alle bewaarde spinnenwebben in Flevoland.") },
            .p(.class("muted"), .text("Bewaard worden alleen de zes cijfers, de gemeente en de maand. Het aantal is een zelfselectie van inwoners, geen steekproef."))
        )
    }
}
