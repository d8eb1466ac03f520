import Plot
import AppCore
import VitaalDomain

/// The tables of the acute-care page: per municipality, places outside the norm, ambulances per post.
extension AcuteCareViews {
    static func pair(_ a: String, _ b: String, _ isBase: Bool) -> BodyNode {
        isBase || a == b ? .text(a) : .text("\(a) → \(b)")
    }

    static func municipalityTable(_ evaluation: AcuteCareService.Evaluation,
                                  rows: [CoveragePage.MunicipalityRow]) -> BodyNode {
        let isBase = evaluation.isBase
        let hasOffNetwork = evaluation.result.coverage.points.contains { $0.snapMeters == nil }
        let snapKilometres = Format.number(CoverageSettings().maxDemandSnapMeters / 1000)
        let offNetworkNote = " * Zonder de plaatsen die verder dan \(snapKilometres) km van het schematische wegennet "
            + "liggen; die tellen als buiten de norm."
        return .group(
            UI.table(caption: isBase ? "Bereikbaarheid per gemeente (schematisch)"
                        : "Bereikbaarheid per gemeente: nu → \(evaluation.scenario.name) (schematisch)",
                     headers: ["Gemeente", "Inwoners", "Binnen de norm", "Buiten de norm (inwoners)",
                               "Aanrijtijd dichtstbijzijnde post, gemiddeld (min)", "Langste aanrijtijd (min)"],
                     rows: rows.map { municipalityRow($0, isBase: isBase) }, numericColumns: [1, 2, 3, 4, 5]),
            .p(.class("muted"), .text("Aanrijtijden en inwoners\(isBase ? "" : " in het scenario"); aanrijtijd = "
                                      + "meldings- en uitruktijd + rijtijd, gewogen naar inwoners."
                                      + (hasOffNetwork ? offNetworkNote : ""))))
    }

    static func municipalityRow(_ row: CoveragePage.MunicipalityRow, isBase: Bool) -> [BodyNode] {
        let base = row.base, scenario = row.scenario
        let shares = Format.percents(base?.share ?? 1, scenario.share)
        return [
            row.isRegion ? .strong(.text("Flevoland (regio)")) : .text(row.name),
            pair(Format.residents(base?.population ?? 0), Format.residents(scenario.population), isBase),
            pair(shares.0, shares.1, isBase),
            pair(Format.residents(base?.uncoveredPopulation ?? 0), Format.residents(scenario.uncoveredPopulation), isBase),
            .text(row.meanText), .text(row.longestText),
        ]
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
                            let noRoad = "geen weg binnen \(Format.number(CoverageSettings().maxDemandSnapMeters / 1000)) km"
                            return [.text(demand[p.id]?.name ?? p.id), .text(p.municipality ?? "–"), .text(Format.residents(p.population)),
                                    .text(t.map { Format.minutes(seconds: $0.seconds) } ?? (p.snapMeters == nil ? noRoad : "> \(Format.number(AcuteCareService.displayLimitMinutes))")),
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
                row += [.text(Format.residents(b?.populationServed ?? 0)), .text(Format.number(b?.capacity.ridesPerYear ?? 0)),
                        .text(Format.number(b?.capacity.peakRidesPerHour ?? 0, decimals: 2)), .strong(.text("\(b?.capacity.ambulancesNeeded ?? 0)"))]
            } else {
                row += [.text(b.map { Format.residents($0.populationServed) } ?? "–"), .text(s.map { Format.residents($0.populationServed) } ?? "–"),
                        .text(b.map { Format.number($0.capacity.ridesPerYear) } ?? "–"), .text(s.map { Format.number($0.capacity.ridesPerYear) } ?? "–"),
                        .strong(.text(b.map { "\($0.capacity.ambulancesNeeded)" } ?? "–")), .strong(.text(s.map { "\($0.capacity.ambulancesNeeded)" } ?? "–"))]
            }
            return row
        }
        if e.isBase {
            rows.append([.strong(.text("Totaal")), .text(Format.residents(e.base.posts.reduce(0) { $0 + $1.populationServed })),
                         .text(Format.number(e.base.ridesPerYear)), .text(""), .strong(.text("\(e.base.totalAmbulances)"))])
            return UI.table(caption: "Ambulances nodig per post (capaciteitsmodel, schematisch)",
                            headers: ["Post", "Inwoners in verzorgingsgebied", "Ritten per jaar", "Ritten per uur (drukste uur)", "Ambulances nodig"],
                            rows: rows, numericColumns: [1, 2, 3, 4])
        }
        rows.append([.strong(.text("Totaal")), .text(Format.residents(e.base.coverage.region.population)), .text(Format.residents(e.result.coverage.region.population)),
                     .text(Format.number(e.base.ridesPerYear)), .text(Format.number(e.result.ridesPerYear)),
                     .strong(.text("\(e.base.totalAmbulances)")), .strong(.text("\(e.result.totalAmbulances)"))])
        return UI.table(caption: "Ambulances nodig per post: nu en in \(e.scenario.name) (capaciteitsmodel, schematisch)",
                        headers: ["Post", "Inwoners nu", "Inwoners scenario", "Ritten per jaar nu", "Ritten per jaar scenario", "Ambulances nu", "Ambulances scenario"],
                        rows: rows, numericColumns: [1, 2, 3, 4, 5, 6])
    }
}
