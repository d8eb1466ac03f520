import AppCore
import Fluent
import Foundation
import MonitorFeature
import VitaalDomain

/// The progress report or annual report of a plan (`/plannen/<key>/rapport`, and as PDF): summary,
/// goal tree, targets, budgets, personnel, the linked monitor indicators as charts, and stories.
enum ReportPage {
    enum Kind: String {
        case voortgang, jaarverslag
        var label: String { self == .voortgang ? "Voortgangsrapportage" : "Jaarverslag" }

        /// The `soort` query parameter: absent or empty is the progress report; anything else than the
        /// two kinds is refused naming them.
        init(query: String?) throws {
            guard let query, !query.isEmpty else {
                self = .voortgang
                return
            }
            guard query.count <= 40, let kind = Kind(rawValue: query) else {
                throw VitaalError.invalid(
                    "Soort rapportage: kies \"voortgang\" of \"jaarverslag\"", at: SourceLocation(field: "soort"))
            }
            self = kind
        }
    }

    struct Chart {
        var title: String
        var isExample: Bool
        /// The chart (SVG) when the monitor has values, else the sentence that says it has none.
        var svg: String?
        var missing: String
    }

    struct Model {
        var key: String
        var title: String
        var kind: Kind
        /// For the PDF: no navigation between report kinds, no links to target pages.
        var forPDF: Bool
        var pdfAvailable: Bool
        /// "Voortgangsrapportage over … opgesteld uit de actuele gegevens op 2025-12-01. …"
        var lead: String
        var targetCount: Int
        var rollUp: StatusRollUp
        var budgets: [BudgetPage.Model.Table]
        var personnel: [PersonnelFigures]
        var tree: GoalTree
        var targets: TargetTable?
        var charts: [Chart]
        var stories: [StorySummary]
        /// The year's part of a jaarverslag (set by the handler, which checks the year).
        var annual: Annual? = nil
        /// The open commitments, motions and information letters to the Staten (from the registers;
        /// nil in an application without them).
        var commitments: RegisterReading.OpenCommitments? = nil
    }
}

extension ReportPage.Model {
    /// `now` gives the day the report is drawn up; `pdfAvailable` whether Chromium is installed; `year`
    /// the year of a jaarverslag (named in the lead).
    static func load(
        _ loaded: LoadedPlan, kind: ReportPage.Kind, viewer: PageContext.Viewer?, now: Date,
        forPDF: Bool, pdfAvailable: Bool, year: Int? = nil, on db: any Database
    ) async -> Self {
        let plan = loaded.plan
        let today = now.formatted(.iso8601.year().month().day())
        let charts = await ReportPage.charts(plan, audience: PlanAccess.audience(viewer), on: db)
        let codes = Array(Set(plan.nodes.flatMap { $0.indicators.map(\.indicatorCode) })).sorted()
        let stories = codes.isEmpty ? [] : ((try? await MonitorLookup.stories(indicatorCodes: codes, on: db)) ?? [])
        return Self(
            key: plan.key, title: plan.title, kind: kind, forPDF: forPDF, pdfAvailable: pdfAvailable,
            lead: (year.map { "\(kind.label) \($0) van het plan voor \(plan.period.description)" }
                ?? "\(kind.label) over \(plan.period.description)")
                + ", opgesteld uit de actuele gegevens op \(today). "
                + "Eigenaar: \(loaded.organisation.name). Versie \(plan.version), "
                + "status \(plan.status.label.lowercased()).",
            targetCount: plan.targets.count, rollUp: plan.rollUp(),
            budgets: BudgetPage.Model(loaded, viewer: nil).tables, personnel: plan.personnel,
            tree: GoalTree(loaded, linkTargets: !forPDF),
            targets: plan.targets.isEmpty
                ? nil
                : TargetTable(loaded, showEvidence: PlanAccess.showsEvidence(viewer), links: !forPDF),
            charts: charts, stories: stories)
    }
}

extension ReportPage {
    /// Linked indicators with their series for Flevoland (PV24) from the monitor. The values follow
    /// the reader: anonymous visitors get the public series (no internal indicators, small counts
    /// suppressed), logged-in readers the stored values.
    static func charts(_ plan: Plan, audience: MonitorAudience, on db: any Database) async -> [Chart] {
        let links = plan.nodes.flatMap { node in node.indicators.map { (node, $0) } }
        let codes = Array(Set(links.map(\.1.indicatorCode))).sorted()
        let all = (try? await MonitorLookup.indicators(audience: .internal, on: db)) ?? []
        let internalCodes = Set(all.filter { !$0.isPublic }.map(\.code))
        let infos = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var charts: [Chart] = []
        for code in codes where audience != .public || !internalCodes.contains(code) {
            let linkedTo = links.filter { $0.1.indicatorCode == code }
            let series =
                (try? await MonitorLookup.series(
                    indicator: code, region: "PV24", audience: audience,
                    on: db)) ?? []
            charts.append(
                chart(
                    code: code, info: infos[code], type: linkedTo.first?.1.monitoringType.label ?? "",
                    nodes: linkedTo.map { $0.0.title }.joined(separator: "; "), series: series))
        }
        return charts
    }

    static func chart(
        code: String, info: IndicatorSummary?, type: String, nodes: String,
        series: [SeriesPoint]
    ) -> Chart {
        let title = "\(info?.name ?? code) – Flevoland"
        let missing =
            "\(type), gekoppeld aan: \(nodes). "
            + "De monitor heeft (nog) geen cijfers voor indicator \(code) in Flevoland."
        guard series.contains(where: { $0.value != nil }) else {
            return Chart(title: title, isExample: false, svg: nil, missing: missing)
        }
        let example = series.contains { $0.status == "voorbeeld" }
        let caption = "\(type), gekoppeld aan: \(nodes). Bron: monitor\(example ? " (voorbeelddata)" : "")."
        let svg = LineChart(
            text: ChartText(title: title, caption: caption), labels: series.map(\.period),
            series: [.init(name: info?.name ?? code, values: series.map(\.value))],
            valueSuffix: info?.unit == "%" ? "%" : "", decimals: info?.decimals
        ).svg()
        return Chart(title: title, isExample: example, svg: svg, missing: missing)
    }
}
