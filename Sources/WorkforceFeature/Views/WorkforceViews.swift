import AppCore
import Plot
import VitaalDomain

/// Charts, tables and page parts of the workforce model.
enum WorkforceViews {
    static func n(_ v: Double) -> String { DutchNumberFormat.format(v) }
    static func pct(_ fraction: Double, _ decimals: Int = 1) -> String {
        DutchNumberFormat.format(fraction * 100, decimals: decimals) + " %"
    }
    /// Persons rounded to tens, like the summary.
    static func persons(_ v: Double) -> String { DutchNumberFormat.format((v / 10).rounded() * 10) }

    static func label(for p: WorkforceParameter) -> BodyNode {
        if p.assumption != nil {
            return .span(
                .class("badge wf-assumption"), .attribute(named: "title", value: attr(p.assumption ?? "")),
                .text("aanname"))
        }
        if p.source != nil {
            return .span(
                .class("badge wf-source"), .attribute(named: "title", value: attr(p.source ?? "")), .text("bron"))
        }
        return .empty
    }

    // MARK: Charts

    static func years(_ p: WorkforceProjection) -> [String] { p.years.map { String($0.year) } }

    static func supplyDemandChart(_ r: WorkforceResults) -> String {
        let u = r.uncertainty?.years
        var demand = LineChart.Series(
            name: "Vraag (nodig)", values: r.projection.years.map { $0.total.demandPersons }, color: Palette.color(1))
        var supply = LineChart.Series(
            name: "Aanbod (beschikbaar)", values: r.projection.years.map { $0.total.supplyPersons },
            color: Palette.color(0))
        if let u {
            demand.bands = [
                .init(
                    lower: u.map { $0.demandPersons.p5 }, upper: u.map { $0.demandPersons.p95 }, label: "90 %-interval")
            ]
            supply.bands = [
                .init(
                    lower: u.map { $0.supplyPersons.p5 }, upper: u.map { $0.supplyPersons.p95 }, label: "90 %-interval")
            ]
        }
        return LineChart(
            text: ChartText(
                title: "Vraag en aanbod van zorg- en welzijnspersoneel, \(r.scenario.name)",
                caption:
                    "Personen, heel Flevoland. Banden: 90 %-interval uit \(r.uncertainty?.runs ?? 0) Monte Carlo-runs."),
            labels: years(r.projection), series: [demand, supply], includeZero: false, yAxisLabel: "personen"
        ).svg()
    }

    /// Years shown in bar charts: every 4 years from the base year, plus the chosen year and the horizon.
    static func barYears(_ r: WorkforceResults) -> [Int] {
        var ys = Set(stride(from: r.scenario.baseYear, through: r.scenario.horizon, by: 4))
        ys.insert(r.year)
        ys.insert(r.scenario.horizon)
        return ys.sorted()
    }

    static func gapChart(_ r: WorkforceResults) -> String {
        let ys = barYears(r)
        let segments = r.scenario.sectors.enumerated().map { i, s in
            StackedBarChart.Segment(
                name: s.name,
                values: ys.map { y in r.projection.year(y)?.sectors.first { $0.id == s.id }?.figures.shortagePersons },
                color: Palette.color(i))
        }
        return StackedBarChart(
            text: ChartText(
                title: "Tekort per sector (personen)",
                caption: "Vraag min aanbod per sector; onder de nullijn: overschot. Totaal boven elke staaf."),
            categories: ys.map(String.init), segments: segments, decimals: 0, yAxisLabel: "personen"
        ).svg()
    }

    static func fanChart(_ r: WorkforceResults, saved: WorkforceResults?) -> String {
        var series: [LineChart.Series] = []
        var main = LineChart.Series(
            name: saved == nil ? "Tekort" : "Tekort met uw hefbomen",
            values: r.projection.years.map { $0.total.shortagePersons },
            color: Palette.color(1))
        if let u = r.uncertainty?.years {
            main.bands = [
                .init(
                    lower: u.map { $0.shortagePersons.p5 }, upper: u.map { $0.shortagePersons.p95 },
                    label: "90 %-interval")
            ]
        }
        series.append(main)
        if let saved {
            var s = LineChart.Series(
                name: "Tekort opgeslagen scenario",
                values: r.projection.years.map { y in saved.projection.year(y.year)?.total.shortagePersons },
                color: Palette.color(0))
            if let u = saved.uncertainty?.years {
                s.bands = [
                    .init(
                        lower: r.projection.years.map { y in u.first { $0.year == y.year }?.shortagePersons.p5 },
                        upper: r.projection.years.map { y in u.first { $0.year == y.year }?.shortagePersons.p95 },
                        label: "90 %-interval")
                ]
            }
            series.append(s)
        }
        let runs = r.uncertainty?.runs ?? 0
        return LineChart(
            text: ChartText(
                title: "Onzekerheid van het tekort (waaier)",
                caption:
                    "Tekort in personen; band = 5e tot 95e percentiel van \(runs) Monte Carlo-runs (vaste seed \(r.scenario.seed)) over alle parameters met een bereik."
            ),
            labels: years(r.projection), series: series, highlighted: series[0].name, yAxisLabel: "personen"
        ).svg()
    }

    static func sensitivityChart(_ r: WorkforceResults) -> String {
        let bars = r.sensitivity.levers.map { e -> BarChart.Bar in
            BarChart.Bar(label: "\(shortLabel(e.id)) (\(stepText(e)))", value: e.gapClosedPersons)
        }
        return BarChart(
            text: ChartText(
                title: "Welke hefboom sluit het meeste van het tekort in \(r.sensitivity.year)?",
                caption: "Afname van het tekort (personen) als één hefboom één stap verder gaat dan in dit scenario."),
            bars: bars, highlighted: bars.first?.label, decimals: 0
        ).svg()
    }

    /// Tile text for a shortage (positive) or surplus (negative).
    static func gapHeading(_ v: Double, year: Int) -> String { v >= 0 ? "Tekort in \(year)" : "Overschot in \(year)" }
    static func gapText(_ v: Double) -> String {
        v >= 0 ? "\(persons(v)) personen tekort" : "\(persons(-v)) personen overschot"
    }

    /// "+1 %/jaar", "+10 %", "+0,5 %-punt/jaar".
    static func stepText(_ e: WorkforceLeverEffect) -> String {
        let def = WorkforceLevers.catalogue.first { $0.id == e.id }
        let step = WorkforceLeverForm.display((e.toValue - e.fromValue) * (def?.displayFactor ?? 100))
        switch e.id {
        case "productivity": return "+\(step) %/jaar"
        case "taskShifting": return "+\(step) %-punt/jaar"
        default: return "+\(step) %"
        }
    }

    /// One Dutch sentence on the most effective lever (also when there is no shortage or a step closes all of it).
    static func sensitivityText(_ s: WorkforceSensitivity) -> String {
        guard let best = s.levers.first, best.gapClosedPersons > 0 else {
            return "Geen van de hefbomen verkleint het tekort in \(s.year)."
        }
        let what = "De hefboom ‘\(best.label)’ (\(stepText(best)))"
        if s.baselineShortagePersons <= 0 {
            return
                "In \(s.year) is er in dit scenario geen tekort; \(what.lowercasedFirst) vergroot het overschot het meest: \(persons(best.gapClosedPersons)) personen."
        }
        if best.gapClosedShare >= 1 {
            return
                "\(what) sluit in \(s.year) het tekort van \(persons(s.baselineShortagePersons)) personen helemaal: \(persons(best.gapClosedPersons)) personen minder tekort."
        }
        return
            "\(what) sluit in \(s.year) het grootste deel van het tekort: \(persons(best.gapClosedPersons)) van de \(persons(s.baselineShortagePersons)) personen (\(pct(best.gapClosedShare)))."
    }

    static func shortLabel(_ id: String) -> String {
        switch id {
        case "productivity": return "Productiviteit"
        case "outflowReduction": return "Minder uitstroom"
        case "extraInflow": return "Extra instroom"
        case "taskShifting": return "Taakherschikking"
        default: return id
        }
    }

    static func comparisonChart(_ c: WorkforceComparison) -> String {
        let series = c.scenarioNames.enumerated().map { i, name in
            LineChart.Series(name: name, values: c.years.map { $0.totals[i].shortagePersons }, color: Palette.color(i))
        }
        return LineChart(
            text: ChartText(title: "Tekort per scenario (personen)", caption: "Centrale berekening, heel Flevoland."),
            labels: c.years.map { String($0.year) }, series: series, yAxisLabel: "personen"
        ).svg()
    }

    // MARK: Tables

    static func comparisonTable(_ comparison: WorkforceComparison, year: Int) -> BodyNode {
        let first = comparison.years.first?.year
        let last = comparison.years.last?.year
        let years = comparison.years.filter {
            $0.year == first || $0.year == year || $0.year == last || $0.year % 5 == 0
        }
        return UI.table(
            caption: "Tekort per scenario (personen en % van de vraag)", headers: ["Jaar"] + comparison.scenarioNames,
            rows: years.map { row in
                [.text(String(row.year))]
                    + row.totals.map { .text("\(n($0.shortagePersons)) (\(pct($0.shortageRate)))") }
            }, numericColumns: Set(1...comparison.scenarioNames.count))
    }

    static func sectorTable(_ r: WorkforceResults) -> BodyNode {
        let y = r.yearResult
        var rows: [[BodyNode]] = y.sectors.map { s in
            [
                .text(s.name), .text(n(s.figures.supplyPersons)), .text(n(s.figures.demandPersons)),
                .text(n(s.figures.shortagePersons)),
                .text(pct(s.figures.shortageRate)), .text(pct(s.figures.shortageRateFTE))
            ]
        }
        rows.append([
            .strong(.text("Totaal")), .strong(.text(n(y.total.supplyPersons))),
            .strong(.text(n(y.total.demandPersons))),
            .strong(.text(n(y.total.shortagePersons))), .strong(.text(pct(y.total.shortageRate))),
            .strong(.text(pct(y.total.shortageRateFTE)))
        ])
        return UI.table(
            caption: "Aanbod, vraag en tekort per sector in \(y.year) (personen)",
            headers: ["Sector", "Aanbod", "Vraag", "Tekort", "Tekort %", "Tekort in fte %"], rows: rows,
            numericColumns: [1, 2, 3, 4, 5])
    }

    static func regionTable(_ r: WorkforceResults) -> BodyNode {
        let y = r.yearResult
        return UI.table(
            caption: "Per deelregio in \(y.year) (personen)",
            headers: ["Deelregio", "Aanbod", "Vraag", "Tekort", "Tekort %"],
            rows: y.regions.map { s in
                [
                    .text(s.name), .text(n(s.figures.supplyPersons)), .text(n(s.figures.demandPersons)),
                    .text(n(s.figures.shortagePersons)), .text(pct(s.figures.shortageRate))
                ]
            }, numericColumns: [1, 2, 3, 4])
    }

    static func yearTable(_ r: WorkforceResults) -> BodyNode {
        let bands = r.uncertainty?.years
        return UI.table(
            caption: "Per jaar, heel Flevoland (personen; interval uit \(r.uncertainty?.runs ?? 0) runs)",
            headers: [
                "Jaar", "Aanbod", "Vraag", "Tekort", "Tekort %", "Tekort 90 %-interval",
                "Zorgvraag t.o.v. \(r.scenario.baseYear)"
            ],
            rows: r.projection.years.map { y in
                let b = bands?.first { $0.year == y.year }
                return [
                    .text(String(y.year)), .text(n(y.total.supplyPersons)), .text(n(y.total.demandPersons)),
                    .text(n(y.total.shortagePersons)), .text(pct(y.total.shortageRate)),
                    .text(b.map { "\(n($0.shortagePersons.p5)) – \(n($0.shortagePersons.p95))" } ?? "–"),
                    .text(pct(y.careDemandIndex - 1))
                ]
            }, numericColumns: [1, 2, 3, 4, 5, 6])
    }

    static func calibrationTable(_ r: WorkforceResults) -> BodyNode {
        let rows: [[BodyNode]] = r.calibration.map { row in
            let fmt: (Double) -> String = row.isRate ? { pct($0) } : { n($0) }
            let status: BodyNode
            switch row.reproduced {
            case .some(true): status = .text("binnen 2 %")
            case .some(false) where row.target.id == "careDemandGrowth2023_2033":
                status = .text(
                    "wijkt af: bronnen tegenstrijdig (+34 % tot 2032 en +33 % tot 2033 kunnen niet allebei gelden; het model volgt het Regioplan)"
                )
            case .some(false): status = .strong(.text("wijkt af"))
            case .none: status = .text("–")
            }
            return [
                .text(row.target.description), .text(fmt(row.target.value)), .text(row.model.map(fmt) ?? "–"), status,
                .text(row.target.source)
            ]
        }
        return UI.table(
            caption: "IJkpunten uit de bronnen en de uitkomst van dit scenario",
            headers: ["IJkpunt", "Bron", "Model", "", "Bronvermelding"], rows: rows, numericColumns: [1, 2])
    }

    static func parameterList(_ s: WorkforceScenario) -> BodyNode {
        let rows = WorkforceParameterRow.all(s)
        let assumed = rows.filter { $0.parameter.isAssumption }.count
        let sourced = rows.filter { $0.parameter.source != nil }.count
        var notes: [String] = []
        var noteIndex: [String: Int] = [:]
        for row in rows {
            if let a = row.parameter.assumption ?? row.parameter.source, noteIndex[a] == nil {
                notes.append(a)
                noteIndex[a] = notes.count
            }
        }
        func value(_ v: Double, _ rate: Bool) -> String {
            rate ? pct(v, 2) : DutchNumberFormat.format(v, decimals: abs(v) < 10 && v != v.rounded() ? 2 : 0)
        }
        let tableRows: [[BodyNode]] = rows.map { row in
            let p = row.parameter
            let note = (p.assumption ?? p.source).flatMap { noteIndex[$0] }
            return [
                .text(row.group), .text(row.name), .text(value(p.value, row.isRate)),
                .text(p.range.map { "\(value($0.low, row.isRate)) – \(value($0.high, row.isRate))" } ?? "–"),
                .group(label(for: p), .text(note.map { " [\($0)]" } ?? ""))
            ]
        }
        return .group(
            .p(
                .text("\(rows.count) parameters, waarvan \(assumed) aannames (label "),
                .span(.class("badge wf-assumption"), .text("aanname")),
                .text(") en \(sourced) gepubliceerde cijfers (label "), .span(.class("badge wf-source"), .text("bron")),
                .text("). Parameters met een bereik zijn onzeker en variëren in de Monte Carlo-runs.")),
            UI.table(
                caption: "Alle parameters van het scenario",
                headers: ["Onderdeel", "Parameter", "Waarde", "Bereik", "Herkomst"],
                rows: tableRows, numericColumns: [2, 3]),
            .h3(.text("Toelichting bij de aannames en bronnen")),
            .ol(.forEach(notes) { .li(.text($0)) })
        )
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
