import AppCore
import Plot
import VitaalDomain

/// The tables of the acute-care page: per municipality, places outside the norm, ambulances per post.
extension AcuteCareViews {
    /// "now → scenario", or one value when they are equal or only the base is shown.
    static func pair(_ now: String, _ scenario: String, _ isBase: Bool) -> BodyNode {
        isBase || now == scenario ? .text(now) : .text("\(now) → \(scenario)")
    }

    static func municipalityTable(
        _ evaluation: AcuteCareService.Evaluation,
        rows: [CoveragePage.MunicipalityRow]
    ) -> BodyNode {
        let isBase = evaluation.isBase
        let hasOffNetwork = evaluation.result.coverage.points.contains { $0.snapMeters == nil }
        let snapKilometres = Format.number(CoverageSettings().maxDemandSnapMeters / 1000)
        let offNetworkNote =
            " * Zonder de plaatsen die verder dan \(snapKilometres) km van het schematische wegennet "
            + "liggen; die tellen als buiten de norm."
        return .group(
            UI.table(
                caption: isBase
                    ? "Bereikbaarheid per gemeente (schematisch)"
                    : "Bereikbaarheid per gemeente: nu → \(evaluation.scenario.name) (schematisch)",
                headers: [
                    "Gemeente", "Inwoners", "Binnen de norm", "Buiten de norm (inwoners)",
                    "Aanrijtijd dichtstbijzijnde post, gemiddeld (min)", "Langste aanrijtijd (min)"
                ],
                rows: rows.map { municipalityRow($0, isBase: isBase) }, numericColumns: [1, 2, 3, 4, 5]),
            .p(
                .class("muted"),
                .text(
                    "Aanrijtijden en inwoners\(isBase ? "" : " in het scenario"); aanrijtijd = "
                        + "meldings- en uitruktijd + rijtijd, gewogen naar inwoners."
                        + (hasOffNetwork ? offNetworkNote : ""))))
    }

    static func municipalityRow(_ row: CoveragePage.MunicipalityRow, isBase: Bool) -> [BodyNode] {
        let base = row.base
        let scenario = row.scenario
        let shares = Format.percents(base?.share ?? 1, scenario.share)
        return [
            row.isRegion ? .strong(.text("Flevoland (regio)")) : .text(row.name),
            pair(Format.residents(base?.population ?? 0), Format.residents(scenario.population), isBase),
            pair(shares.0, shares.1, isBase),
            pair(
                Format.residents(base?.uncoveredPopulation ?? 0), Format.residents(scenario.uncoveredPopulation), isBase
            ),
            .text(row.meanText), .text(row.longestText)
        ]
    }

    /// Places outside the norm with how late the ambulance is: time, band and the fastest post.
    static func uncoveredTable(_ evaluation: AcuteCareService.Evaluation) -> BodyNode {
        let demand = Dictionary(evaluation.scenarioDemand.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let postNames = Dictionary(
            (evaluation.basePosts + evaluation.scenarioPosts).map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let uncovered = evaluation.result.coverage.uncovered
        guard !uncovered.isEmpty else { return .p(.text("Alle plaatsen liggen binnen de norm.")) }
        return UI.table(
            caption: "Plaatsen buiten de norm\(evaluation.isBase ? "" : " in het scenario"): hoe laat de ambulance is",
            headers: ["Plaats", "Gemeente", "Inwoners", "Aanrijtijd (min)", "Klasse", "Vanaf post"],
            rows: uncovered.map { place in
                let time = evaluation.scenarioTimes[place.id]
                return [
                    .text(demand[place.id]?.name ?? place.id), .text(place.municipality ?? "–"),
                    .text(Format.residents(place.population)),
                    .text(time.map { Format.minutes(seconds: $0.seconds) } ?? CoveragePage.noTimeText(place)),
                    .text(place.band.label), .text(time.map { postNames[$0.post] ?? $0.post } ?? "–")
                ]
            }, numericColumns: [2, 3])
    }

    /// Residents and places per response-time band, per municipality and for the region (the scenario's
    /// figures; "now → scenario" when they differ).
    static func bandTable(_ evaluation: AcuteCareService.Evaluation) -> BodyNode {
        let result = evaluation.result.coverage
        let base = evaluation.base.coverage
        let baseByName = Dictionary(base.municipalities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let bands = ResponseBand.allCases.filter { band in
            band != .noRoad || (result.points + base.points).contains { $0.band == .noRoad }
        }
        func cell(_ area: AreaCoverage?, _ band: ResponseBand) -> String {
            guard let tally = area?.bands.first(where: { $0.band == band }) else { return "0" }
            let places = tally.pointCount == 1 ? "1 plaats" : "\(tally.pointCount) plaatsen"
            return tally.pointCount == 0 ? "–" : "\(Format.residents(tally.population)) (\(places))"
        }
        let areas = result.municipalities.map { ($0, baseByName[$0.name]) } + [(result.region, base.region)]
        return .group(
            .h3(.id("aanrijtijdklassen"), .text("Aanrijtijd in klassen")),
            UI.table(
                caption: "Inwoners (en plaatsen) per aanrijtijdklasse"
                    + (evaluation.isBase ? "" : ": nu → \(evaluation.scenario.name)") + " (schematisch)",
                headers: ["Gemeente"] + bands.map { $0 == .noRoad ? "Geen weg" : $0.label },
                rows: areas.map { area, baseArea in
                    [area.name == "regio" ? .strong(.text("Flevoland (regio)")) : .text(area.name)]
                        + bands.map { band in pair(cell(baseArea, band), cell(area, band), evaluation.isBase) }
                }, numericColumns: Set(1...bands.count)),
            .p(
                .class("muted"),
                .text(
                    "Aanrijtijd = meldings- en uitruktijd + rijtijd naar de snelste post, ook voorbij de norm "
                        + "gezocht tot \(Format.number(AcuteCareLimits.searchCapMinutes)) minuten. Een tijd op de "
                        + "grens telt in de lagere klasse (precies 15 minuten is ≤ 15 min).")))
    }

    /// Ambulances per post: one column for the base, or now and scenario side by side.
    static func postTable(_ evaluation: AcuteCareService.Evaluation) -> BodyNode {
        let base = evaluation.base
        let result = evaluation.result
        let basePosts = Dictionary(base.posts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scenarioPosts = Dictionary(result.posts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = base.posts.map(\.id) + result.posts.map(\.id).filter { basePosts[$0] == nil }
        var rows: [[BodyNode]] = ids.map { id in
            let now = basePosts[id]
            let scenario = scenarioPosts[id]
            let status = now == nil ? " (nieuw)" : (scenario == nil ? " (opgeheven)" : "")
            let name: BodyNode = .text(((scenario ?? now)?.name ?? id) + status)
            return [name] + (evaluation.isBase ? postCells(now) : postCells(now, scenario))
        }
        if evaluation.isBase {
            rows.append([
                .strong(.text("Totaal")), .text(Format.residents(base.posts.reduce(0) { $0 + $1.populationServed })),
                .text(Format.number(base.ridesPerYear)), .text(""), .strong(.text("\(base.totalAmbulances)"))
            ])
            return UI.table(
                caption: "Ambulances nodig per post (capaciteitsmodel, schematisch)",
                headers: [
                    "Post", "Inwoners in verzorgingsgebied", "Ritten per jaar",
                    "Ritten per uur (drukste uur)", "Ambulances nodig"
                ],
                rows: rows, numericColumns: [1, 2, 3, 4])
        }
        rows.append([
            .strong(.text("Totaal")), .text(Format.residents(base.coverage.region.population)),
            .text(Format.residents(result.coverage.region.population)),
            .text(Format.number(base.ridesPerYear)), .text(Format.number(result.ridesPerYear)),
            .strong(.text("\(base.totalAmbulances)")), .strong(.text("\(result.totalAmbulances)"))
        ])
        return UI.table(
            caption: "Ambulances nodig per post: nu en in \(evaluation.scenario.name) "
                + "(capaciteitsmodel, schematisch)",
            headers: [
                "Post", "Inwoners nu", "Inwoners scenario", "Ritten per jaar nu",
                "Ritten per jaar scenario", "Ambulances nu", "Ambulances scenario"
            ],
            rows: rows, numericColumns: [1, 2, 3, 4, 5, 6])
    }

    static func postCells(_ post: PostResult?) -> [BodyNode] {
        [
            .text(Format.residents(post?.populationServed ?? 0)),
            .text(Format.number(post?.capacity.ridesPerYear ?? 0)),
            .text(Format.number(post?.capacity.peakRidesPerHour ?? 0, decimals: 2)),
            .strong(.text("\(post?.capacity.ambulancesNeeded ?? 0)"))
        ]
    }

    static func postCells(_ now: PostResult?, _ scenario: PostResult?) -> [BodyNode] {
        func residents(_ post: PostResult?) -> BodyNode {
            .text(post.map { Format.residents($0.populationServed) } ?? "–")
        }
        func rides(_ post: PostResult?) -> BodyNode {
            .text(post.map { Format.number($0.capacity.ridesPerYear) } ?? "–")
        }
        func ambulances(_ post: PostResult?) -> BodyNode {
            .strong(.text(post.map { "\($0.capacity.ambulancesNeeded)" } ?? "–"))
        }
        return [residents(now), residents(scenario), rides(now), rides(scenario), ambulances(now), ambulances(scenario)]
    }
}
