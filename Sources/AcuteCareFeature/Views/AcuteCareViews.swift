import Plot
import AppCore
import VitaalDomain

/// Page parts of the acute-care model: summary, map, tables and the scenario form.
enum AcuteCareViews {
    typealias Format = AcuteCareFormat

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
        let norm = Format.number(r.normMinutes, decimals: r.normMinutes == r.normMinutes.rounded() ? 0 : 1)
        var s = "Binnen \(norm) minuten bereikbaar: \(Format.percent(c.region.share)) van de inwoners; "
        let uncovered = c.uncovered
        if uncovered.isEmpty || c.region.uncoveredPopulation < 0.5 {
            s += "buiten de norm: niemand."
        } else {
            let places = uncovered.prefix(6).map { names[$0.id] ?? $0.id }
            let more = uncovered.count > 6 ? " en \(uncovered.count - 6) andere plaatsen" : ""
            s += "buiten de norm: \(Format.residents(c.region.uncoveredPopulation)) inwoners in " + joinDutch(places) + more + "."
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
               .span(.class(d > 0.05 ? "ac-up" : (d < -0.05 ? "ac-down" : "")), .text("\(sign)\(Format.number(d, decimals: 1)) procentpunt")),
               .text(" binnen de norm; ambulances nodig in het drukste uur: \(e.base.totalAmbulances) → \(e.result.totalAmbulances)"
                     + (e.ambulanceDelta != 0 ? " (\(e.ambulanceDelta > 0 ? "+" : "")\(e.ambulanceDelta))" : "") + ".")))
    }

    /// The scenario's changes in plain Dutch.
    static func changeList(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let c = e.changes
        var items: [String] = []
        let names = Dictionary(e.basePosts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func at(_ g: GeoPoint) -> String { "(\(Format.number(g.lat, decimals: 3)); \(Format.number(g.lon, decimals: 3)))" }
        for p in c.addedPosts { items.append("Nieuwe post \(p.name) \(at(p.location))") }
        for m in c.movedPosts { items.append("Post \(names[m.postId] ?? m.postId) verplaatst naar \(at(m.location))") }
        for id in c.removedPostIds { items.append("Post \(names[id] ?? id) opgeheven") }
        for d in c.newDistricts {
            items.append("Nieuwe wijk \(d.name ?? d.id)\(d.municipality.map { " (\($0))" } ?? "") met \(Format.residents(d.population)) inwoners \(at(d.location))")
        }
        if let g = c.growth {
            var text = "Bevolkingsgroei \(g.baseYear) → \(g.targetYear): "
            var parts = g.factorByMunicipality.sorted { $0.key < $1.key }.map { "\($0.key) \(pct($0.value))" }
            parts.append((parts.isEmpty ? "alle gemeenten " : "overige gemeenten ") + pct(g.defaultFactor))
            text += parts.joined(separator: ", ")
            if !g.bandFactors.isEmpty { text += "; vergrijzing (aandeel 65-plussers naar 20%)" }
            items.append(text)
        }
        if let n = c.normMinutes { items.append("Norm \(Format.number(n, decimals: n == n.rounded() ? 0 : 1)) minuten") }
        if let d = c.dispatchMinutes { items.append("Meldings- en uitruktijd \(Format.number(d, decimals: d == d.rounded() ? 0 : 1)) minuten") }
        if let r = c.ridesPerYear { items.append("\(Format.number(r)) ritten per jaar in de regio (basis)") }
        guard !items.isEmpty else { return .empty }
        return .div(.h2(.text("Wat verandert er in dit scenario")), .ul(.forEach(items) { .li(.text($0)) }))
    }

    static func pct(_ factor: Double) -> String {
        let v = (factor - 1) * 100
        return (v > 0 ? "+" : "") + Format.number(v, decimals: 1) + "%"
    }

    static func keyFigures(_ e: AcuteCareService.Evaluation) -> BodyNode {
        let b = e.base, s = e.result
        func tile(_ title: String, _ base: String, _ scen: String) -> BodyNode {
            .div(.class("tile"), .h3(.text(title)),
                 .p(.class("lead"), .text(e.isBase || base == scen ? base : "\(base) → \(scen)")),
                 .if(!e.isBase, .p(.class("muted"), .text(base == scen ? "gelijk in het scenario" : "nu → scenario"))))
        }
        let shares = Format.percents(b.coverage.region.share, s.coverage.region.share)
        let rides = e.isBase || b.ridesPerYear == s.ridesPerYear ? Format.number(b.ridesPerYear) : "\(Format.number(b.ridesPerYear)) → \(Format.number(s.ridesPerYear))"
        return .div(.class("tiles"),
            tile("Inwoners", Format.residents(b.coverage.region.population), Format.residents(s.coverage.region.population)),
            tile("Binnen \(Format.number(s.normMinutes, decimals: s.normMinutes == s.normMinutes.rounded() ? 0 : 1)) minuten", shares.0, shares.1),
            tile("Buiten de norm (inwoners)", Format.residents(b.coverage.region.uncoveredPopulation), Format.residents(s.coverage.region.uncoveredPopulation)),
            .div(.class("tile"), .h3(.text("Ambulances nodig (drukste uur)")),
                 .p(.class("lead"), .text(e.isBase || b.totalAmbulances == s.totalAmbulances ? "\(b.totalAmbulances)" : "\(b.totalAmbulances) → \(s.totalAmbulances)")),
                 .p(.class("muted"), .text("Ritten per jaar: \(rides) (voorbeelddata)"))))
    }
}
