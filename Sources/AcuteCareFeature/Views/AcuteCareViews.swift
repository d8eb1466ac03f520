import AppCore
import Plot
import VitaalDomain

/// Page parts of the acute-care model: the schematic notice, the summary, the changes in words and
/// the key figures. Tables: AcuteCareTables.swift; maps: `CoverageMaps`.
enum AcuteCareViews {
    typealias Format = AcuteCareFormat
    typealias Evaluation = AcuteCareService.Evaluation

    static var schematicBadge: BodyNode { UI.badge("schematisch", kind: "schematic") }

    static var schematicNotice: BodyNode {
        .div(
            .class("ac-schematic"), .attribute(named: "role", value: "note"),
            .p(
                .strong(.text("Schematisch model. ")),
                .text(
                    "Het wegennet bestaat uit de echte provinciale wegen (bron: \(ProvincialRoads.credit)) met "
                        + "schematische verbindingen waar geen wegdata is: de snelwegen A6 en A27, de rijksweg N50 en "
                        + "toegangswegen naar de kernen. Snelheden per wegklasse zijn aannames, de postlocaties zijn "
                        + "aangenomen en de inwonertallen afgerond (orde CBS 1-1-2024). Het ritvolume is voorbeelddata. "
                        + "Uitkomsten tonen richting en orde van grootte, geen officiële aanrijtijden van de RAV "
                        + "Flevoland.")))
    }

    /// Minutes without a decimal when whole: "15", "12,5".
    static func minutes(_ value: Double) -> String {
        Format.number(value, decimals: value == value.rounded() ? 0 : 1)
    }

    // MARK: Summary

    /// "Binnen 15 minuten bereikbaar: …% van de inwoners; buiten de norm: … inwoners in …"
    static func summarySentence(_ result: AcuteCareResult, names: [String: String]) -> String {
        let coverage = result.coverage
        let sentence =
            "Binnen \(minutes(result.normMinutes)) minuten bereikbaar: "
            + "\(Format.percent(coverage.region.share)) van de inwoners; "
        let uncovered = coverage.uncovered
        if uncovered.isEmpty || coverage.region.uncoveredPopulation < 0.5 {
            return sentence + "buiten de norm: niemand."
        }
        let places = uncovered.prefix(6).map { names[$0.id] ?? $0.id }
        let more = uncovered.count > 6 ? " en \(uncovered.count - 6) andere plaatsen" : ""
        return sentence + "buiten de norm: \(Format.residents(coverage.region.uncoveredPopulation)) inwoners in "
            + joinDutch(places) + more + "."
    }

    static func joinDutch(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + last
    }

    static func summary(_ evaluation: Evaluation) -> BodyNode {
        let names = Dictionary(
            evaluation.scenarioDemand.map { ($0.id, $0.name ?? $0.id) },
            uniquingKeysWith: { first, _ in first })
        let base = evaluation.base
        let result = evaluation.result
        if evaluation.isBase {
            return .div(
                .class("ac-summary"), .p(.text(summarySentence(base, names: names))),
                .p(
                    .text(
                        "Nodig: \(base.totalAmbulances) ambulances tegelijk in het drukste uur, verdeeld over "
                            + "\(base.posts.count) posten.")))
        }
        let delta = evaluation.coverageDeltaPoints
        let ambulanceDelta = evaluation.ambulanceDelta
        let ambulances =
            "\(base.totalAmbulances) → \(result.totalAmbulances)"
            + (ambulanceDelta != 0 ? " (\(ambulanceDelta > 0 ? "+" : "")\(ambulanceDelta))" : "")
        return .div(
            .class("ac-summary"),
            .p(.strong(.text("Nu: ")), .text(summarySentence(base, names: names))),
            .p(.strong(.text("\(evaluation.scenario.name): ")), .text(summarySentence(result, names: names))),
            .p(
                .text("Verschil: "),
                .span(
                    .class(delta > 0.05 ? "ac-up" : (delta < -0.05 ? "ac-down" : "")),
                    .text("\(delta > 0.05 ? "+" : "")\(Format.number(delta, decimals: 1)) procentpunt")),
                .text(" binnen de norm; ambulances nodig in het drukste uur: \(ambulances).")))
    }

    // MARK: Changes and key figures

    /// The scenario's changes in plain Dutch.
    static func changeList(_ evaluation: Evaluation) -> BodyNode {
        let items = changeTexts(evaluation)
        guard !items.isEmpty else { return .empty }
        return .div(.h2(.text("Wat verandert er in dit scenario")), .ul(.forEach(items) { .li(.text($0)) }))
    }

    static func changeTexts(_ evaluation: Evaluation) -> [String] {
        let changes = evaluation.changes
        let names = Dictionary(evaluation.basePosts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func at(_ point: GeoPoint) -> String {
            "(\(Format.number(point.lat, decimals: 3)); \(Format.number(point.lon, decimals: 3)))"
        }
        var items = changes.addedPosts.map { "Nieuwe post \($0.name) \(at($0.location))" }
        items += changes.movedPosts.map { "Post \(names[$0.postId] ?? $0.postId) verplaatst naar \(at($0.location))" }
        items += changes.removedPostIds.map { "Post \(names[$0] ?? $0) opgeheven" }
        items += changes.newDistricts.map { district in
            "Nieuwe wijk \(district.name ?? district.id)\(district.municipality.map { " (\($0))" } ?? "") met "
                + "\(Format.residents(district.population)) inwoners \(at(district.location))"
        }
        if let growth = changes.growth { items.append(growthText(growth)) }
        if let norm = changes.normMinutes { items.append("Norm \(minutes(norm)) minuten") }
        if let dispatch = changes.dispatchMinutes {
            items.append("Meldings- en uitruktijd \(minutes(dispatch)) minuten")
        }
        if let rides = changes.ridesPerYear {
            items.append("\(Format.number(rides)) ritten per jaar in de regio (basis)")
        }
        return items
    }

    static func growthText(_ growth: PopulationGrowth) -> String {
        var parts = growth.factorByMunicipality.sorted { $0.key < $1.key }.map { "\($0.key) \(pct($0.value))" }
        // Without own factors the default is every municipality's growth; beside them it is said only when it
        // is growth (the projection's scenarios give all six municipalities their own factor).
        if parts.isEmpty {
            parts.append("alle gemeenten " + pct(growth.defaultFactor))
        } else if growth.defaultFactor != 1 {
            parts.append("overige gemeenten " + pct(growth.defaultFactor))
        }
        return "Bevolkingsgroei \(growth.baseYear) → \(growth.targetYear): " + parts.joined(separator: ", ")
            + (growth.bandFactors.isEmpty ? "" : "; vergrijzing (aandeel 65-plussers naar 20%)")
    }

    /// A growth factor as a signed percentage: 1.16 → "+16,0%".
    static func pct(_ factor: Double) -> String {
        let percent = (factor - 1) * 100
        return (percent > 0 ? "+" : "") + Format.number(percent, decimals: 1) + "%"
    }

    static func keyFigures(_ evaluation: Evaluation) -> BodyNode {
        let base = evaluation.base
        let result = evaluation.result
        func tile(_ title: String, _ now: String, _ scenario: String) -> BodyNode {
            .div(
                .class("tile"), .h3(.text(title)),
                .p(.class("lead"), .text(evaluation.isBase || now == scenario ? now : "\(now) → \(scenario)")),
                .if(
                    !evaluation.isBase,
                    .p(.class("muted"), .text(now == scenario ? "gelijk in het scenario" : "nu → scenario"))))
        }
        let shares = Format.percents(base.coverage.region.share, result.coverage.region.share)
        let expected = Format.percents(base.expected.share, result.expected.share)
        let sameRides = evaluation.isBase || base.ridesPerYear == result.ridesPerYear
        let rides =
            sameRides
            ? Format.number(base.ridesPerYear)
            : "\(Format.number(base.ridesPerYear)) → \(Format.number(result.ridesPerYear))"
        let sameAmbulances = evaluation.isBase || base.totalAmbulances == result.totalAmbulances
        return .div(
            .class("tiles"),
            tile(
                "Inwoners", Format.residents(base.coverage.region.population),
                Format.residents(result.coverage.region.population)),
            tile("Binnen \(minutes(result.normMinutes)) minuten", shares.0, shares.1),
            tile(
                "Verwachte dekking (drukke ambulances)", expected.0, expected.1),
            tile(
                "Buiten de norm (inwoners)", Format.residents(base.coverage.region.uncoveredPopulation),
                Format.residents(result.coverage.region.uncoveredPopulation)),
            .div(
                .class("tile"), .h3(.text("Ambulances nodig (drukste uur)")),
                .p(
                    .class("lead"),
                    .text(
                        sameAmbulances
                            ? "\(base.totalAmbulances)"
                            : "\(base.totalAmbulances) → \(result.totalAmbulances)")),
                .p(.class("muted"), .text("Ritten per jaar: \(rides) (voorbeelddata)"))))
    }
}

extension AcuteCareViews {
    /// Expected coverage with busy ambulances (MEXCLP) next to the deterministic coverage, the formula,
    /// and the best next post.
    static func expectedCoverage(_ evaluation: Evaluation) -> BodyNode {
        let result = evaluation.result
        let expected = result.expected
        let q = Format.number(expected.busyFraction, decimals: 3)
        return .group(
            .h2(.id("verwachte-dekking"), .text("Verwachte dekking als ambulances bezet zijn")),
            .p(
                .text(
                    "Binnen de norm bereikbaar betekent nog niet dat er een ambulance vrij is. Het MEXCLP-model "
                        + "(Daskin, 1983) rekent met een bezettingsgraad q: een plaats die k ambulances binnen de norm "
                        + "bereiken, wordt met kans 1 − q^k op tijd bereikt (ambulances onafhankelijk van elkaar "
                        + "bezet). Hieronder staan beide maten naast elkaar.")),
            .p(
                .class("ac-formula"),
                .text(
                    "q = ritten per jaar × gemiddelde taaktijd ÷ beschikbare ambulance-uren per jaar = "
                        + "\(Format.number(expected.ridesPerYear)) × \(Format.number(expected.meanTaskMinutes)) min "
                        + "÷ \(Format.number(expected.ambulanceHoursPerYear)) uur = \(q)"),
                .br(),
                .text(
                    "verwachte dekking = Σ inwoners × (1 − q^k), k = aantal ambulances (niet posten) dat de plaats "
                        + "binnen de norm bereikt")),
            .if(
                expected.isClamped,
                .p(
                    .class("ac-down"),
                    .text(
                        "Het ritvolume is groter dan de capaciteit: q zou "
                            + "\(expected.offeredBusyFraction.isFinite ? Format.number(expected.offeredBusyFraction, decimals: 2) : "onbeperkt") "
                            + "zijn en is begrensd op 0,99."))),
            UI.table(
                caption: "Dekking binnen de norm: vast en verwacht\(evaluation.isBase ? "" : " (nu → scenario)")",
                headers: ["Maat", "Inwoners", "Aandeel"],
                rows: [
                    [
                        .text("Binnen de norm (een post bereikt de plaats)"),
                        pair(
                            Format.residents(evaluation.base.coverage.region.coveredPopulation),
                            Format.residents(result.coverage.region.coveredPopulation), evaluation.isBase),
                        pair(
                            Format.percent(evaluation.base.coverage.region.share),
                            Format.percent(result.coverage.region.share), evaluation.isBase)
                    ],
                    [
                        .text("Verwacht op tijd (MEXCLP, q = \(q))"),
                        pair(
                            Format.residents(evaluation.base.expected.expectedCoveredPopulation),
                            Format.residents(expected.expectedCoveredPopulation), evaluation.isBase),
                        pair(
                            Format.percent(evaluation.base.expected.share), Format.percent(expected.share),
                            evaluation.isBase)
                    ]
                ], numericColumns: [1, 2]),
            nextPost(result))
    }

    /// The best next post: where one extra ambulance at a new site adds the most expected coverage.
    static func nextPost(_ result: AcuteCareResult) -> BodyNode {
        guard let next = result.nextPost else { return .empty }
        let place = next.name + (next.municipality.map { " (\($0))" } ?? "")
        return .div(
            .class("ac-next-post"), .id("beste-volgende-post"),
            .h3(.text("Beste volgende post")),
            .p(
                .strong(.text(place)), .text(": één extra ambulance op een nieuwe post daar levert naar verwachting "),
                .strong(.text("\(Format.residents(next.gain)) inwoners")),
                .text(
                    " meer op tijd op; de verwachte dekking wordt "
                        + "\(Format.percent(next.share)) (nu \(Format.percent(result.expected.share))).")),
            .p(
                .class("muted"),
                .text(
                    "Gekozen uit \(next.candidatesConsidered) kandidaatlocaties: de plaatsen van het model op hun "
                        + "dichtstbijzijnde weg (hoogstens \(AcuteCareLimits.maxCandidateSites), grootste eerst). "
                        + "Winst per plaats die de nieuwe post binnen de norm bereikt: inwoners × q^k × (1 − q), met "
                        + "q gelijk gehouden (zoals in het model van Daskin).")))
    }
}
