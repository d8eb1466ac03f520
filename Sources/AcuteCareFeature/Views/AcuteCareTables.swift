import Plot
import AppCore
import VitaalDomain

/// The tables of the acute-care page: per municipality, places outside the norm, ambulances per post.
extension AcuteCareViews {
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
}
