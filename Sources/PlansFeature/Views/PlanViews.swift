import AppCore
import Plot
import VitaalDomain

/// Small page parts shared by the pages of plans and steering: status badges, roll-ups, numbers,
/// the plan's lifecycle steps and the written status rule.
enum PlanViews {
    // MARK: Status

    /// CSS suffix of a status (status-good / dot-good …). Colours follow the computed status only.
    static func tone(_ status: SmartTarget.Status) -> String {
        switch status {
        case .achieved, .onTrack: "good"
        case .atRisk: "warn"
        case .offTrack: "bad"
        case .noData: "none"
        }
    }

    /// A status badge; `label` replaces the computed label (an inspanningsdoel shows its judgement).
    static func status(_ status: SmartTarget.Status, label: String? = nil) -> BodyNode {
        .span(
            .class("status status-\(tone(status)) plan-status-\(status.rawValue)"),
            .span(.class("dot dot-\(tone(status))"), .attribute(named: "aria-hidden", value: "true")),
            .text(label ?? status.label))
    }

    /// "2 behaald · 1 op koers · 1 achter · 3 geen gegevens" (only statuses present).
    static func counts(_ rollUp: StatusRollUp) -> String {
        let order: [SmartTarget.Status] = [.achieved, .onTrack, .atRisk, .offTrack, .noData]
        let parts = order.compactMap { status -> String? in
            let count = rollUp.counts[status] ?? 0
            return count > 0 ? "\(count) \(status.label)" : nil
        }
        guard !parts.isEmpty else { return "geen doelstellingen" }
        let qualitative =
            rollUp.qualitativeCount > 0
            ? "; waarvan \(rollUp.qualitativeCount) inspanningsdoel(en), kwalitatief beoordeeld" : ""
        return parts.joined(separator: " · ") + qualitative
    }

    static func rollUpNode(_ rollUp: StatusRollUp) -> BodyNode {
        rollUp.targetCount == 0
            ? .span(.class("muted"), .text("geen doelstellingen"))
            : .span(status(rollUp.status), .span(.class("muted plan-counts"), .text(" (\(counts(rollUp)))")))
    }

    static func planStatusBadge(_ status: PlanStatus) -> BodyNode {
        .span(.class("badge plan-lifecycle plan-lifecycle-\(status.rawValue)"), .text(status.label))
    }

    static func number(_ value: Double) -> String {
        DutchNumberFormat.format(value, decimals: value == value.rounded() ? 0 : 1)
    }

    /// " voorbeelddata" after an item whose figures are (partly) invented.
    static func exampleBadge(_ isExample: Bool) -> BodyNode {
        .if(isExample, .group(.text(" "), UI.badge("voorbeelddata")))
    }

    /// The plan's lifecycle as steps, the current one marked.
    static func lifecycle(_ current: PlanStatus) -> BodyNode {
        .ol(
            .class("plan-steps"), .attribute(named: "aria-label", value: "Statusverloop"),
            .forEach(PlanStatus.allCases) { status in
                .li(.if(status == current, .attribute(named: "aria-current", value: "step")), .text(status.label))
            })
    }

    /// The written status rule (shown under target tables).
    static var statusRule: BodyNode {
        .element(
            named: "details",
            nodes: [
                .element(named: "summary", nodes: [.text("Hoe wordt de status berekend?")]),
                .ol(
                    .li(.text("Geen realisatie: geen gegevens.")),
                    .li(.text("De stand haalt de streefwaarde: behaald.")),
                    .li(.text("De streefdatum is voorbij en de streefwaarde is niet gehaald: achter.")),
                    .li(
                        .text(
                            "Anders wordt de stand vergeleken met de rechte lijn van nulmeting naar streefwaarde op de "
                                + "datum van de laatste realisatie: ten minste 90% van de verwachte vooruitgang is op koers, "
                                + "70–90% is risico, minder is achter.")),
                    .li(.text("Bij tellingen (aantal keer) is de stand de nulmeting plus de som van alle realisaties."))
                ),
                .p(
                    .text(
                        "Een doel of plan krijgt de slechtste status van de doelstellingen eronder die gegevens hebben."
                    ))
            ])
    }

    /// Breadcrumbs of every plan page.
    static let crumbs: [(String, String)] = [("Home", SiteURL.home.path), ("Plannen", PlanURL.plans.path)]

    static func planCrumbs(key: String, title: String) -> [(String, String)] {
        crumbs + [(title, PlanURL.plan(.value(key)).path)]
    }

    /// A `<details>` block with a summary line.
    static func details(_ summary: String, open: Bool = false, _ content: BodyNode...) -> BodyNode {
        .element(
            named: "details",
            nodes: [
                open ? .attribute(named: "open", value: "open") : .empty,
                .element(named: "summary", nodes: [.text(summary)])
            ] + content)
    }
}
