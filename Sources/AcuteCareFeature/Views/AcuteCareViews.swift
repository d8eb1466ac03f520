import Vapor
import Plot
import AppCore
import VitaalDomain

/// Page parts of the acute-care model: summary, map, tables and the scenario form.
enum AcuteCareViews {
    typealias F = AcuteCareFormat

    static let coveredColor = "#00845a", uncoveredColor = "#c0392b", postColor = "#1f4e79", newPostColor = "#7b2d8e", removedColor = "#8a8a8a"

    /// Extra rules for these pages (candidates for the shared stylesheet).
    static let style: BodyNode = .raw("""
    <style>
    .ac-schematic{border:2px dashed #8a9399;background:#f6f7f8;padding:.7rem 1rem;margin:1rem 0}
    .ac-summary{font-size:1.15rem;border-left:6px solid #1f4e79;padding:.6rem 1rem;background:#f3f6fa;margin:1rem 0}
    .ac-summary p{margin:.3rem 0}
    .ac-form .ac-row{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.2rem 1rem}
    .ac-form fieldset .field{margin-bottom:.5rem}
    .ac-check{display:flex;gap:.5rem;align-items:center;font-weight:400}.ac-check input{width:auto;margin:0}
    .ac-up{color:#00845a;font-weight:700}.ac-down{color:#c0392b;font-weight:700}
    </style>
    """)

    static var schematicBadge: BodyNode { UI.badge("schematisch", kind: "schematic") }

    static var schematicNotice: BodyNode {
        .div(.class("ac-schematic"), .attribute(named: "role", value: "note"),
             .p(.strong(.text("Schematisch model. ")),
                .text("Het wegennet is vereenvoudigd (hoofdwegen A6, A27, N23, N50, N302, N305, N307, N309, N351, N352), de postlocaties zijn aangenomen en de inwonertallen afgerond (orde CBS 1-1-2024). Het ritvolume is voorbeelddata. Uitkomsten tonen richting en orde van grootte, geen officiële aanrijtijden van de RAV Flevoland.")))
    }

    // MARK: Summary

    /// "Binnen 15 minuten bereikbaar: …% van de inwoners; buiten de norm: … inwoners in …"
    static func summarySentence(_ r: AcuteCareResult, names: [String: String]) -> String {
        let c = r.coverage
        let norm = F.number(r.normMinutes, decimals: r.normMinutes == r.normMinutes.rounded() ? 0 : 1)
        var s = "Binnen \(norm) minuten bereikbaar: \(F.percent(c.region.share)) van de inwoners; "
        let uncovered = c.uncovered
        if uncovered.isEmpty || c.region.uncoveredPopulation < 0.5 {
            s += "buiten de norm: niemand."
        } else {
            let places = uncovered.prefix(6).map { names[$0.id] ?? $0.id }
            let more = uncovered.count > 6 ? " en \(uncovered.count - 6) andere plaatsen" : ""
            s += "buiten de norm: \(F.residents(c.region.uncoveredPopulation)) inwoners in " + joinDutch(places) + more + "."
        }
        return s
    }

    static func joinDutch(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + items.last!
    }

    static func summary(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let names = Dictionary(e.scenarioDemand.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        if e.isBase {
            return .div(.class("ac-summary"), .p(.text(summarySentence(e.base, names: names))),
                        .p(.text("Nodig: \(e.base.totalAmbulances) ambulances tegelijk in het drukste uur, verdeeld over \(e.base.posts.count) posten.")))
        }
        let d = e.coverageDeltaPoints
        let sign = d > 0.05 ? "+" : ""
        return .div(.class("ac-summary"),
            .p(.strong(.text("Nu: ")), .text(summarySentence(e.base, names: names))),
            .p(.strong(.text("\(e.scenario.name): ")), .text(summarySentence(e.result, names: names))),
            .p(.text("Verschil: "),
               .span(.class(d > 0.05 ? "ac-up" : (d < -0.05 ? "ac-down" : "")), .text("\(sign)\(F.number(d, decimals: 1)) procentpunt")),
               .text(" binnen de norm; ambulances nodig in het drukste uur: \(e.base.totalAmbulances) → \(e.result.totalAmbulances)"
                     + (e.ambulanceDelta != 0 ? " (\(e.ambulanceDelta > 0 ? "+" : "")\(e.ambulanceDelta))" : "") + ".")))
    }

    /// The scenario's changes in plain Dutch.
    static func changeList(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let c = e.changes
        var items: [String] = []
        let names = Dictionary(e.basePosts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func at(_ g: GeoPoint) -> String { "(\(F.number(g.lat, decimals: 3)); \(F.number(g.lon, decimals: 3)))" }
        for p in c.addedPosts { items.append("Nieuwe post \(p.name) \(at(p.location))") }
        for m in c.movedPosts { items.append("Post \(names[m.postId] ?? m.postId) verplaatst naar \(at(m.location))") }
        for id in c.removedPostIds { items.append("Post \(names[id] ?? id) opgeheven") }
        for d in c.newDistricts {
            items.append("Nieuwe wijk \(d.name ?? d.id)\(d.municipality.map { " (\($0))" } ?? "") met \(F.residents(d.population)) inwoners \(at(d.location))")
        }
        if let g = c.growth {
            var text = "Bevolkingsgroei \(g.baseYear) → \(g.targetYear): "
            var parts = g.factorByMunicipality.sorted { $0.key < $1.key }.map { "\($0.key) \(pct($0.value))" }
            parts.append((parts.isEmpty ? "alle gemeenten " : "overige gemeenten ") + pct(g.defaultFactor))
            text += parts.joined(separator: ", ")
            if !g.bandFactors.isEmpty { text += "; vergrijzing (aandeel 65-plussers naar 20%)" }
            items.append(text)
        }
        if let n = c.normMinutes { items.append("Norm \(F.number(n, decimals: n == n.rounded() ? 0 : 1)) minuten") }
        if let d = c.dispatchMinutes { items.append("Meldings- en uitruktijd \(F.number(d, decimals: d == d.rounded() ? 0 : 1)) minuten") }
        if let r = c.ridesPerYear { items.append("\(F.number(r)) ritten per jaar in de regio (basis)") }
        guard !items.isEmpty else { return .empty }
        return .div(.h2(.text("Wat verandert er in dit scenario")), .ul(.forEach(items) { .li(.text($0)) }))
    }

    static func pct(_ factor: Double) -> String {
        let v = (factor - 1) * 100
        return (v > 0 ? "+" : "") + F.number(v, decimals: 1) + "%"
    }

    static func keyFigures(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let b = e.base, s = e.result
        func tile(_ title: String, _ base: String, _ scen: String) -> BodyNode {
            .div(.class("tile"), .h3(.text(title)),
                 .p(.class("lead"), .text(e.isBase || base == scen ? base : "\(base) → \(scen)")),
                 .if(!e.isBase, .p(.class("muted"), .text(base == scen ? "gelijk in het scenario" : "nu → scenario"))))
        }
        let shares = F.percents(b.coverage.region.share, s.coverage.region.share)
        let rides = e.isBase || b.ridesPerYear == s.ridesPerYear ? F.number(b.ridesPerYear) : "\(F.number(b.ridesPerYear)) → \(F.number(s.ridesPerYear))"
        return .div(.class("tiles"),
            tile("Inwoners", F.residents(b.coverage.region.population), F.residents(s.coverage.region.population)),
            tile("Binnen \(F.number(s.normMinutes, decimals: s.normMinutes == s.normMinutes.rounded() ? 0 : 1)) minuten", shares.0, shares.1),
            tile("Buiten de norm (inwoners)", F.residents(b.coverage.region.uncoveredPopulation), F.residents(s.coverage.region.uncoveredPopulation)),
            .div(.class("tile"), .h3(.text("Ambulances nodig (drukste uur)")),
                 .p(.class("lead"), .text(e.isBase || b.totalAmbulances == s.totalAmbulances ? "\(b.totalAmbulances)" : "\(b.totalAmbulances) → \(s.totalAmbulances)")),
                 .p(.class("muted"), .text("Ritten per jaar: \(rides) (voorbeelddata)"))))
    }

    // MARK: Map

    static func map(_ e: AcuteCareService.Evaluation, scenario: Bool, outlines: [RegionFeature]) -> String {
        let r = scenario ? e.result : e.base
        let demand = scenario ? e.scenarioDemand : e.baseDemand
        let posts = scenario ? e.scenarioPosts : e.basePosts
        let times = scenario ? e.scenarioTimes : e.baseTimes
        let postNames = Dictionary((e.basePosts + e.scenarioPosts).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let covered = Dictionary(r.coverage.points.map { ($0.id, $0.covered) }, uniquingKeysWith: { a, _ in a })
        var points: [PointMap.Point] = []
        for d in demand {
            let isCovered = covered[d.id] ?? false
            let time = times[d.id].map { "\(F.minutes(seconds: $0.seconds)) min vanaf \(postNames[$0.post] ?? $0.post)" } ?? "niet bereikbaar binnen \(F.number(AcuteCareService.displayLimitMinutes)) min"
            points.append(PointMap.Point(location: d.location, label: isCovered ? "" : (d.name ?? d.id),
                                         category: isCovered ? "Binnen de norm" : "Buiten de norm",
                                         detail: "\(d.name ?? d.id): \(F.residents(d.population)) inwoners, \(time)"))
        }
        let baseIDs = Set(e.basePosts.map(\.id))
        for p in posts {
            let isNew = !baseIDs.contains(p.id) || e.scenario.movedPosts.contains { $0.postId == p.id } && scenario
            points.append(PointMap.Point(location: p.location, label: p.name, category: scenario && isNew ? "Nieuwe of verplaatste post" : "Ambulancepost",
                                         detail: "ambulancepost (schematische locatie)"))
        }
        if scenario {
            for p in e.removedPosts {
                points.append(PointMap.Point(location: p.location, label: "", category: "Opgeheven post", detail: "\(p.name): opgeheven in het scenario"))
            }
        }
        var categories = [PointMap.Category(name: "Ambulancepost", color: postColor, shape: .square)]
        if scenario && posts.contains(where: { !baseIDs.contains($0.id) }) || scenario && !e.scenario.movedPosts.isEmpty {
            categories.append(PointMap.Category(name: "Nieuwe of verplaatste post", color: newPostColor, shape: .diamond))
        }
        if scenario && !e.removedPosts.isEmpty { categories.append(PointMap.Category(name: "Opgeheven post", color: removedColor, shape: .cross)) }
        categories.append(PointMap.Category(name: "Binnen de norm", color: coveredColor, shape: .circle))
        categories.append(PointMap.Category(name: "Buiten de norm", color: uncoveredColor, shape: .triangle))
        let norm = F.number(r.normMinutes, decimals: r.normMinutes == r.normMinutes.rounded() ? 0 : 1)
        let title = "Bereikbaarheid binnen \(norm) minuten – \(scenario ? e.scenario.name : "huidige situatie") (schematisch)"
        return PointMap(text: ChartText(title: title, caption: nil), outlines: outlines, points: points, categories: categories,
                        showRegionNames: true, showPointLabels: true,
                        note: "Schematisch: vereenvoudigd wegennet, aangenomen postlocaties en schematische gemeenteomtrekken; geen officiële gegevens.",
                        width: 560, maxMapHeight: 520).svg()
    }

    // MARK: Tables

    static func pair(_ a: String, _ b: String, _ isBase: Bool) -> BodyNode {
        isBase || a == b ? .text(a) : .text("\(a) → \(b)")
    }

    static func municipalityTable(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let baseBy = Dictionary(e.base.coverage.municipalities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let demandBy = Dictionary(e.scenarioDemand.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[BodyNode]] = []
        for m in e.result.coverage.municipalities + [e.result.coverage.region] {
            let isRegion = m.name == "regio"
            let b = isRegion ? e.base.coverage.region : baseBy[m.name]
            // Nearest-post time of the scenario, population-weighted mean and longest.
            let pts = e.result.coverage.points.filter { isRegion || ($0.municipality ?? "onbekend") == m.name }
            var sum = 0.0, pop = 0.0, longest = 0, beyond = false, offNetwork = false
            for p in pts {
                if let t = e.scenarioTimes[p.id] {
                    sum += Double(t.seconds) * p.population; pop += p.population; longest = max(longest, t.seconds)
                } else if p.snapMeters == nil { offNetwork = true } else { beyond = true }
            }
            _ = demandBy
            let meanSeconds = pop > 0 ? (sum / pop).rounded() : .nan
            let mean = meanSeconds.isFinite ? F.minutes(seconds: (try? Checked.int(meanSeconds)) ?? 0) : "–"
            let longestText = beyond ? "> \(F.number(AcuteCareService.displayLimitMinutes))"
                : offNetwork ? "\(pts.isEmpty ? "–" : F.minutes(seconds: longest))*" : (pts.isEmpty ? "–" : F.minutes(seconds: longest))
            rows.append([
                isRegion ? .strong(.text("Flevoland (regio)")) : .text(m.name),
                pair(F.residents(b?.population ?? 0), F.residents(m.population), e.isBase),
                { let p = F.percents(b?.share ?? 1, m.share); return pair(p.0, p.1, e.isBase) }(),
                pair(F.residents(b?.uncoveredPopulation ?? 0), F.residents(m.uncoveredPopulation), e.isBase),
                .text(mean), .text(longestText),
            ])
        }
        let hasOffNetwork = e.result.coverage.points.contains { $0.snapMeters == nil }
        return .group(
            UI.table(caption: e.isBase ? "Bereikbaarheid per gemeente (schematisch)" : "Bereikbaarheid per gemeente: nu → \(e.scenario.name) (schematisch)",
                     headers: ["Gemeente", "Inwoners", "Binnen de norm", "Buiten de norm (inwoners)", "Aanrijtijd dichtstbijzijnde post, gemiddeld (min)", "Langste aanrijtijd (min)"],
                     rows: rows, numericColumns: [1, 2, 3, 4, 5]),
            .p(.class("muted"), .text("Aanrijtijden en inwoners\(e.isBase ? "" : " in het scenario"); aanrijtijd = meldings- en uitruktijd + rijtijd, gewogen naar inwoners."
                + (hasOffNetwork ? " * Zonder de plaatsen die verder dan \(F.number(CoverageSettings().maxDemandSnapMeters / 1000)) km van het schematische wegennet liggen; die tellen als buiten de norm." : ""))))
    }

    static func uncoveredTable(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let demand = Dictionary(e.scenarioDemand.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let postNames = Dictionary((e.basePosts + e.scenarioPosts).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let uncovered = e.result.coverage.uncovered
        guard !uncovered.isEmpty else { return .p(.text("Alle plaatsen liggen binnen de norm.")) }
        return UI.table(caption: "Plaatsen buiten de norm\(e.isBase ? "" : " in het scenario")",
                        headers: ["Plaats", "Gemeente", "Inwoners", "Aanrijtijd (min)", "Vanaf post"],
                        rows: uncovered.map { p in
                            let t = e.scenarioTimes[p.id]
                            let noRoad = "geen weg binnen \(F.number(CoverageSettings().maxDemandSnapMeters / 1000)) km"
                            return [.text(demand[p.id]?.name ?? p.id), .text(p.municipality ?? "–"), .text(F.residents(p.population)),
                                    .text(t.map { F.minutes(seconds: $0.seconds) } ?? (p.snapMeters == nil ? noRoad : "> \(F.number(AcuteCareService.displayLimitMinutes))")),
                                    .text(t.map { postNames[$0.post] ?? $0.post } ?? "–")]
                        }, numericColumns: [2, 3])
    }

    static func postTable(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let base = Dictionary(e.base.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let scen = Dictionary(e.result.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids = e.base.posts.map(\.id)
        for p in e.result.posts where base[p.id] == nil { ids.append(p.id) }
        var rows: [[BodyNode]] = ids.map { id in
            let b = base[id], s = scen[id]
            let name = (s ?? b)?.name ?? id
            let status = b == nil ? " (nieuw)" : (s == nil ? " (opgeheven)" : "")
            var row: [BodyNode] = [.text(name + status)]
            if e.isBase {
                row += [.text(F.residents(b?.populationServed ?? 0)), .text(F.number(b?.capacity.ridesPerYear ?? 0)),
                        .text(F.number(b?.capacity.peakRidesPerHour ?? 0, decimals: 2)), .strong(.text("\(b?.capacity.ambulancesNeeded ?? 0)"))]
            } else {
                row += [.text(b.map { F.residents($0.populationServed) } ?? "–"), .text(s.map { F.residents($0.populationServed) } ?? "–"),
                        .text(b.map { F.number($0.capacity.ridesPerYear) } ?? "–"), .text(s.map { F.number($0.capacity.ridesPerYear) } ?? "–"),
                        .strong(.text(b.map { "\($0.capacity.ambulancesNeeded)" } ?? "–")), .strong(.text(s.map { "\($0.capacity.ambulancesNeeded)" } ?? "–"))]
            }
            return row
        }
        if e.isBase {
            rows.append([.strong(.text("Totaal")), .text(F.residents(e.base.posts.reduce(0) { $0 + $1.populationServed })),
                         .text(F.number(e.base.ridesPerYear)), .text(""), .strong(.text("\(e.base.totalAmbulances)"))])
            return UI.table(caption: "Ambulances nodig per post (capaciteitsmodel, schematisch)",
                            headers: ["Post", "Inwoners in verzorgingsgebied", "Ritten per jaar", "Ritten per uur (drukste uur)", "Ambulances nodig"],
                            rows: rows, numericColumns: [1, 2, 3, 4])
        }
        rows.append([.strong(.text("Totaal")), .text(F.residents(e.base.coverage.region.population)), .text(F.residents(e.result.coverage.region.population)),
                     .text(F.number(e.base.ridesPerYear)), .text(F.number(e.result.ridesPerYear)),
                     .strong(.text("\(e.base.totalAmbulances)")), .strong(.text("\(e.result.totalAmbulances)"))])
        return UI.table(caption: "Ambulances nodig per post: nu en in \(e.scenario.name) (capaciteitsmodel, schematisch)",
                        headers: ["Post", "Inwoners nu", "Inwoners scenario", "Ritten per jaar nu", "Ritten per jaar scenario", "Ambulances nu", "Ambulances scenario"],
                        rows: rows, numericColumns: [1, 2, 3, 4, 5, 6])
    }

    // MARK: Form

    static func whatIfForm(_ form: WhatIfForm, action: String) -> BodyNode {
        let v = { (f: String) in form.value(f) }
        let places = [("", "— geen —")] + AcuteCareDemo.places.map { ($0.id, "\($0.name) (\($0.municipality))") }
        let posts = [("", "— geen —")] + AcuteCareDemo.posts.map { ($0.id, $0.name) }
        let municipalities = [("", "— kies —")] + WhatIfForm.municipalityFields.map { ($0.name, $0.name) }
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> BodyNode {
            .div(.class("field"), .label(.for("f-\(name)"), .text(label)),
                 UI.select(name, options: options.map { (value: $0.0, label: $0.1) }, selected: v(name) ?? ""))
        }
        return element("form", [.attribute(named: "method", value: "get"), .attribute(named: "action", value: attr(action)), .class("card ac-form"),
            .h2(.text("Wat als…? Reken een scenario door")),
            .p(.class("muted"), .text("Iedereen kan hier rekenen; er wordt niets opgeslagen. Laat velden leeg die u niet wilt veranderen. Getallen mogen met een komma.")),
            fieldset("Norm",
                .div(.class("ac-row"),
                    UI.field("norm", label: "Norm (minuten, inclusief meldings- en uitruktijd)", type: .text, value: v("norm"), hint: "Nu 15"),
                    UI.field("meldtijd", label: "Meldings- en uitruktijd (minuten)", type: .text, value: v("meldtijd"), hint: "Nu 3"),
                    UI.field("ritten", label: "Ritten per jaar in de regio", type: .text, value: v("ritten"), hint: "Nu \(F.number(AcuteCareDemo.rideVolume.ridesPerYear)) (voorbeelddata)"))),
            fieldset("Nieuwe ambulancepost",
                .div(.class("ac-row"),
                    select("post_plaats", "Bij plaats", places),
                    UI.field("post_lat", label: "of breedtegraad", value: v("post_lat"), hint: "bijv. 52,347"),
                    UI.field("post_lon", label: "en lengtegraad", value: v("post_lon"), hint: "bijv. 5,150"),
                    UI.field("post_naam", label: "Naam (optioneel)", value: v("post_naam")))),
            fieldset("Post opheffen", select("opheffen", "Post", posts)),
            fieldset("Nieuwe wijk of groeilocatie",
                .div(.class("ac-row"),
                    UI.field("wijk_naam", label: "Naam", value: v("wijk_naam"), hint: "bijv. Almere Pampus"),
                    select("wijk_gemeente", "Gemeente", municipalities),
                    UI.field("wijk_lat", label: "Breedtegraad", value: v("wijk_lat"), hint: "bijv. 52,360"),
                    UI.field("wijk_lon", label: "Lengtegraad", value: v("wijk_lon"), hint: "bijv. 5,160"),
                    UI.field("wijk_inwoners", label: "Inwoners", value: v("wijk_inwoners"), hint: "bijv. 15.000"))),
            fieldset("Bevolkingsgroei",
                .div(.class("ac-row"),
                    UI.field("groei_jaar", label: "Doeljaar", value: v("groei_jaar"), hint: "basisjaar 2024; standaard 2035"),
                    UI.field("groei_totaal", label: "Inwoners van Flevoland in het doeljaar", value: v("groei_totaal"), hint: "bijv. 540.000"),
                    UI.field("groei_pct", label: "of groei voor alle gemeenten (%)", value: v("groei_pct"), hint: "bijv. 16")),
                .p(.class("muted"), .text("Afwijkende groei per gemeente (%), vult de rest aan:")),
                .div(.class("ac-row"), .forEach(WhatIfForm.municipalityFields) { f in
                    UI.field(f.field, label: f.name, value: v(f.field))
                }),
                .div(.class("field"),
                     .label(.class("ac-check"),
                            .input(.type(.checkbox), .name("vergrijzing"), .value("1"), .checked(v("vergrijzing") != nil)),
                            .text(" Vergrijzing: aandeel 65-plussers naar 20% (regioplan IZA)")))),
            .button(.type(.submit), .text("Doorrekenen")),
            .text(" "), .a(.href(attr(action)), .text("Terug naar de huidige situatie"))])
    }

    static func saveForm(_ form: WhatIfForm, req: Request, error: VitaalError?) -> BodyNode {
        .form(.method(.post), .action("/modellen/acute-zorg/scenarios"), .class("card"),
            Layout.csrfField(req),
            .h2(.text("Scenario opslaan")),
            .p(.class("muted"), .text("Bewaar deze wat-als-berekening als scenario van uw organisatie. De wijziging wordt vastgelegd in het logboek.")),
            .forEach(form.filled) { name, value in .input(.type(.hidden), .name(attr(name)), .value(attr(value))) },
            UI.field("naam", label: "Naam van het scenario", value: form.value("naam"), required: true),
            UI.field("omschrijving", label: "Omschrijving (optioneel)", value: form.value("omschrijving")),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func scenarioList(_ records: [AcuteCareScenarioRecord], current: String?) -> BodyNode {
        .div(.class("card"),
            .h2(.text("Opgeslagen scenario's")),
            .ul(.forEach(records) { r in
                .li(r.slug == current ? .strong(.text(r.name)) : .a(.href(attr("/modellen/acute-zorg/scenario/\(r.slug)")), .text(r.name)),
                    .if(r.isSchematic, .group(.text(" "), schematicBadge)),
                    .unwrap(r.organisation) { .span(.class("muted"), .text(" · \($0.name)")) },
                    .unwrap(r.summary) { .br() + .span(.class("muted"), .text($0)) })
            }))
    }
}

private func + (a: BodyNode, b: BodyNode) -> BodyNode { .group(a, b) }

private func element(_ name: String, _ nodes: [BodyNode]) -> BodyNode { .element(named: name, nodes: nodes) }

private func fieldset(_ legend: String, _ nodes: BodyNode...) -> BodyNode {
    .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text(legend)])] + nodes)
}
