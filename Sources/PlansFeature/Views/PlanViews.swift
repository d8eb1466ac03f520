import Vapor
import Plot
import AppCore
import VitaalDomain


/// Shared page parts of plans and steering.
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

    static func status(_ status: SmartTarget.Status) -> BodyNode {
        .span(.class("status status-\(tone(status)) plan-status-\(status.rawValue)"),
              .span(.class("dot dot-\(tone(status))"), .attribute(named: "aria-hidden", value: "true")),
              .text(status.label))
    }

    /// "2 behaald · 1 op koers · 1 achter · 3 geen gegevens" (only statuses present).
    static func counts(_ rollUp: StatusRollUp) -> String {
        let order: [SmartTarget.Status] = [.achieved, .onTrack, .atRisk, .offTrack, .noData]
        let parts = order.compactMap { s -> String? in
            let n = rollUp.counts[s] ?? 0
            return n > 0 ? "\(n) \(s.label)" : nil
        }
        return parts.isEmpty ? "geen doelstellingen" : parts.joined(separator: " · ")
    }

    static func rollUpNode(_ rollUp: StatusRollUp) -> BodyNode {
        rollUp.targetCount == 0
            ? .span(.class("muted"), .text("geen doelstellingen"))
            : .span(status(rollUp.status), .span(.class("muted plan-counts"), .text(" (\(counts(rollUp)))")))
    }

    static func planStatusBadge(_ status: PlanStatus) -> BodyNode {
        .span(.class("badge plan-lifecycle plan-lifecycle-\(status.rawValue)"), .text(status.label))
    }

    static func number(_ v: Double) -> String {
        DutchNumberFormat.format(v, decimals: v == v.rounded() ? 0 : 1)
    }

    // MARK: Goal tree

    /// The goal tree as nested lists; nodes with children are `<details open>` (collapsible without JS).
    /// `editLinks`: show each node's link to its logic-model and indicator editor (editors, concept plans).
    static func tree(_ loaded: LoadedPlan, linkTargets: Bool = true, allOpen: Bool = true, editLinks: Bool = false) -> BodyNode {
        let plan = loaded.plan
        let statuses = Dictionary(uniqueKeysWithValues: plan.targets.map { ($0.key, $0.status()) })
        func nodeBody(_ node: GoalNode) -> [BodyNode] {
            let rollUp = plan.rollUp(node.key)
            let targets = plan.targets(of: node.key)
            var parts: [BodyNode] = []
            if !node.text.isEmpty { parts.append(.p(.class("plan-node-text"), .text(node.text))) }
            var facts: [BodyNode] = []
            if let owner = node.owner { facts.append(.span(.text("Eigenaar: \(owner)"))) }
            if !node.partners.isEmpty { facts.append(.span(.text("Partners: \(node.partners.joined(separator: ", "))"))) }
            if !node.periods.isEmpty { facts.append(.span(.text("Periode: \(node.periods.joined(separator: ", "))"))) }
            if let ref = node.sourceRef { facts.append(.span(.text("Bron: \(ref)"))) }
            if node.isExample { facts.append(UI.badge("voorbeelddata")) }
            if editLinks { facts.append(.a(.class("no-print"), .href(attr(PlanNodeEditController.editPath(loaded, node))), .text("Logisch model en indicatoren bewerken"))) }
            if !facts.isEmpty { parts.append(.p(.class("plan-node-facts muted"), .group(facts.flatMap { [$0, .text(" · ")] }.dropLast()))) }
            if !node.indicators.isEmpty {
                parts.append(.ul(.class("plan-indicators"), .forEach(node.indicators) { link in
                    .li(.text("\(link.monitoringType.label): "), .code(.text(link.indicatorCode)),
                        .unwrap(link.note) { .text(" – \($0)") },
                        .if(link.indicatorCode.hasPrefix("VOORBEELD"), .group(.text(" "), UI.badge("voorbeeld"))))
                }))
            }
            if let model = node.logicModel, !model.isEmpty { parts.append(logicModel(model)) }
            if !targets.isEmpty {
                parts.append(.ul(.class("plan-targets"), .forEach(targets) { t in
                    .li(status(statuses[t.key] ?? .noData), .text(" "),
                        linkTargets ? .a(.href(attr("/plannen/\(plan.key)/doelstellingen/\(t.key)")), .text(t.measure)) : .text(t.measure),
                        .span(.class("muted"), .text(" – streefwaarde \(number(t.targetValue)) \(t.unit)\(t.targetDate.map { " op \($0.dutch)" } ?? "")")),
                        .if(t.isExample || (loaded.realisations[t.key] ?? []).contains { $0.isExample }, .group(.text(" "), UI.badge("voorbeelddata"))))
                }))
            }
            _ = rollUp
            return parts
        }
        func render(_ node: GoalNode) -> Node<HTML.ListContext> {
            let children = plan.children(of: node.key)
            let rollUp = plan.rollUp(node.key)
            let heading: BodyNode = .group(
                .span(.class("plan-level"), .text(plan.levelName(of: node))), .text(" "),
                .span(.class("plan-node-title"), .text(node.title)), .text(" "),
                rollUpNode(rollUp))
            if children.isEmpty {
                return .li(.id(attr("doel-\(Slug.make(node.key))")), .class("plan-node"),
                           .div(.class("plan-leaf"), heading), .group(nodeBody(node)))
            }
            return .li(.id(attr("doel-\(Slug.make(node.key))")), .class("plan-node"),
                       .element(named: "details", nodes: [
                           allOpen ? .attribute(named: "open", value: "open") : .empty,
                           .element(named: "summary", nodes: [heading]),
                           .group(nodeBody(node)),
                           .ul(.forEach(children) { render($0) }),
                       ]))
        }
        // Roots: nodes without parent, plus nodes whose parent is unknown (never lose a node).
        let keys = Set(plan.nodes.map(\.key))
        let roots = plan.nodes.filter { $0.parentKey == nil || !keys.contains($0.parentKey!) }
        return .div(.class("tree plan-tree"), .ul(.forEach(roots) { render($0) }))
    }

    static func logicModel(_ m: LogicModel) -> BodyNode {
        func row(_ label: String, _ items: [String]) -> [Node<HTML.DescriptionListContext>] {
            items.isEmpty ? [] : [.dt(.text(label)), .dd(.text(items.joined(separator: "; ")))]
        }
        var rows: [Node<HTML.DescriptionListContext>] = []
        rows += row("Input: middelen", m.means)
        if let c = m.capacity { rows += row("Input: capaciteit", [c]) }
        if let b = m.budget { rows += row("Input: budget", [b.formatted]) }
        rows += row("Input: beleidskeuzes", m.policyChoices)
        rows += row("Throughput (activiteiten)", m.throughput)
        rows += row("Output", m.output)
        rows += row("Outcome", m.outcome)
        rows += row("Werkingsmechanismen", m.mechanisms)
        rows += row("Contextfactoren", m.contextFactors)
        return .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text("Logisch model")]),
            .dl(.class("kv"), .group(rows)),
        ])
    }

    // MARK: Targets

    /// The target table: node, measure, baseline, target, current value, computed status.
    static func targetTable(_ loaded: LoadedPlan, showEvidence: Bool, links: Bool = true) -> BodyNode {
        let plan = loaded.plan
        let rows: [[BodyNode]] = plan.targets.map { t in
            let node = plan.node(t.nodeKey)
            let current = t.currentValue()
            let rows = loaded.realisations[t.key] ?? []
            let example = t.isExample || rows.contains { $0.isExample }
            var measure: [BodyNode] = [links ? .a(.href(attr("/plannen/\(plan.key)/doelstellingen/\(t.key)")), .text(t.measure)) : .text(t.measure)]
            if example { measure += [.text(" "), UI.badge("voorbeelddata")] }
            if showEvidence, let last = rows.last, let evidence = last.evidence, !evidence.isEmpty {
                measure.append(.div(.class("muted plan-evidence"), .text("Onderbouwing: \(evidence)")))
            }
            return [
                .text(node.map { "\(plan.levelName(of: $0)): \($0.title)" } ?? t.nodeKey),
                .group(measure),
                .text("\(number(t.baseline.value)) (\(t.baseline.date.dutch))"),
                .text("\(t.direction.label) \(number(t.targetValue)) \(t.unit)"),
                .text(t.targetDate?.dutch ?? "–"),
                .text(current.map { "\(number($0.value)) (\($0.date.dutch))" } ?? "–"),
                status(t.status()),
            ]
        }
        return UI.table(caption: "Doelstellingen (\(plan.targets.count)) – status berekend volgens de statusregel",
                        headers: ["Doel", "Maat", "Nulmeting", "Streefwaarde", "Streefdatum", "Stand", "Status"], rows: rows)
    }

    /// The written status rule (shown under target tables).
    static var statusRule: BodyNode {
        .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text("Hoe wordt de status berekend?")]),
            .ol(
                .li(.text("Geen realisatie: geen gegevens.")),
                .li(.text("De stand haalt de streefwaarde: behaald.")),
                .li(.text("De streefdatum is voorbij en de streefwaarde is niet gehaald: achter.")),
                .li(.text("Anders wordt de stand vergeleken met de rechte lijn van nulmeting naar streefwaarde op de datum van de laatste realisatie: ten minste 90% van de verwachte vooruitgang is op koers, 70–90% is risico, minder is achter.")),
                .li(.text("Bij tellingen (aantal keer) is de stand de nulmeting plus de som van alle realisaties."))
            ),
            .p(.text("Een doel of plan krijgt de slechtste status van de doelstellingen eronder die gegevens hebben.")),
        ])
    }

    // MARK: Budgets

    static func amount(_ m: Money, table: BudgetTable) -> String {
        table.unit.cents == 100_000 ? m.formattedThousands : m.formatted.replacingOccurrences(of: "€ ", with: "")
    }
    static func cell(_ c: BudgetCell, table: BudgetTable) -> String {
        switch c {
        case .amount(let m): amount(m, table: table)
        case .reserved(let m): amount(m, table: table) + " (gereserveerd)"
        case .empty: "–"
        case .pm: "PM"
        case .note(let t): t
        }
    }
    static func unitLabel(_ table: BudgetTable) -> String {
        table.unit.cents == 100_000 ? "bedragen × € 1.000" : "bedragen in euro"
    }

    /// A budget table with computed section totals, printed totals that differ flagged, the
    /// "kolommen tellen niet op tot het totaal" flag per line, and computed vs printed percentages.
    /// A table whose amounts are too large to add up (stored before the input bound) shows the
    /// Dutch message of `BudgetTable.checkArithmetic()` instead, and its edit links so it can be fixed.
    static func budgetTable(_ table: BudgetTable, actuals: [String: [String: Money]] = [:], editLinkBase: String? = nil) -> BodyNode {
        if let error = table.arithmeticError {
            return .div(UI.notice("error", error.message),
                        .unwrap(editLinkBase) { base in
                            .ul(.class("no-print"), .forEach(table.sections.flatMap(\.lines)) { line in
                                .li(.a(.href(attr("\(base)/\(line.key)")), .text("\(line.label) wijzigen")))
                            })
                        })
        }
        let discrepancies = table.check(percentTolerance: 0)
        let lineFlags = Set(discrepancies.filter { $0.kind == .lineTotal }.compactMap { d in d.line.map { "\(d.section)|\($0)" } })
        let hasPercents = table.sections.contains { $0.lines.contains { !$0.statedPercents.isEmpty } }
        var headers = ["Regel"]
        for c in table.columns {
            headers.append(c.label)
            if hasPercents { headers.append("%") }
        }
        if table.hasTotalColumn { headers += ["Totaal (bron)", "Som kolommen", "Verschil"] }
        var numeric = Set(1..<headers.count)
        numeric.remove(0)
        var rows: [Node<HTML.TableContext>] = []
        for section in table.sections {
            rows.append(.tr(.class("plan-budget-section"), .th(.attribute(named: "colspan", value: "\(headers.count)"), .attribute(named: "scope", value: "rowgroup"), .text(section.label))))
            let sectionHasPercents = section.lines.contains { !$0.statedPercents.isEmpty }
            for line in section.lines {
                let flagged = lineFlags.contains("\(section.label)|\(line.label)")
                var cells: [Node<HTML.TableRowContext>] = []
                var labelNodes: [BodyNode] = [.text(line.label)]
                if let base = editLinkBase { labelNodes.append(.group(.text(" "), .a(.class("no-print plan-edit"), .href(attr("\(base)/\(line.key)")), .text("wijzigen")))) }
                if flagged { labelNodes.append(.group(.text(" "), .span(.class("badge plan-flag"), .text("kolommen tellen niet op tot het totaal")))) }
                cells.append(.td(.group(labelNodes)))
                for (i, _) in table.columns.enumerated() {
                    let c = line.cells.indices.contains(i) ? line.cells[i] : .empty
                    var text = cell(c, table: table)
                    if let actual = actuals[line.key]?[table.columns[i].key] {
                        text += " (werkelijk \(amount(actual, table: table)))"
                    }
                    cells.append(.td(.class("num"), .text(text)))
                    if hasPercents && !sectionHasPercents { cells.append(.td()) }
                    if hasPercents && sectionHasPercents {
                        let computed = table.percent(of: line, inSection: section.key, column: i)
                        let stated = line.statedPercents.indices.contains(i) ? line.statedPercents[i] : nil
                        var p = computed.map { "\($0)" } ?? "–"
                        if let stated, stated != computed { p += " (bron \(stated))" }
                        cells.append(.td(.class(stated != nil && stated != computed ? "num plan-diff" : "num"), .text(p)))
                    }
                }
                if table.hasTotalColumn {
                    let sum = table.computedLineTotal(line)
                    let total = line.total ?? .empty
                    let diff = total.value - sum
                    cells.append(.td(.class("num"), .text(cell(total, table: table))))
                    cells.append(.td(.class("num"), .text(amount(sum, table: table))))
                    cells.append(.td(.class(flagged ? "num plan-diff" : "num"), .text(flagged ? amount(diff, table: table) : "0")))
                }
                rows.append(.tr(.if(flagged, .class("flag")), .group(cells)))
            }
            // Computed total row.
            var total: [Node<HTML.TableRowContext>] = [.td(.text("Totaal \(section.label.lowercased()) (berekend)"))]
            for i in table.columns.indices {
                total.append(.td(.class("num"), .text(amount(table.computedTotal(section: section.key, column: i), table: table))))
                if hasPercents { total.append(.td(.class("num"), .text(sectionHasPercents ? "100" : ""))) }
            }
            if table.hasTotalColumn {
                let grand = table.computedGrandTotal(section: section.key)
                let sumOfColumns = table.columns.indices.reduce(Money.zero) { $0 + table.computedTotal(section: section.key, column: $1) }
                total.append(.td(.class("num"), .text(amount(grand, table: table))))
                total.append(.td(.class("num"), .text(amount(sumOfColumns, table: table))))
                total.append(.td(.class("num"), .text(amount(grand - sumOfColumns, table: table))))
            }
            rows.append(.tr(.class("total"), .group(total)))
            // Printed totals, flagged where they differ from the computed ones.
            if let stated = section.statedTotals {
                var differs = false
                var printed: [Node<HTML.TableRowContext>] = [.td(.text("Totaal volgens de bron"))]
                for i in table.columns.indices {
                    let s = stated.indices.contains(i) ? stated[i] : .empty
                    let d = s.value != table.computedTotal(section: section.key, column: i) && s != .empty
                    differs = differs || d
                    printed.append(.td(.class(d ? "num plan-diff" : "num"), .text(cell(s, table: table))))
                    if hasPercents { printed.append(.td()) }
                }
                if table.hasTotalColumn {
                    let g = section.statedGrandTotal ?? .empty
                    let d = g.value != table.computedGrandTotal(section: section.key) && g != .empty
                    differs = differs || d
                    printed.append(.td(.class(d ? "num plan-diff" : "num"), .text(cell(g, table: table))))
                    printed += [.td(), .td()]
                }
                rows.append(.tr(.class(differs ? "flag plan-printed" : "plan-printed"), .group(printed)))
            }
        }
        return .div(.class("table-wrap"),
            .table(.class("plan-budget"),
                .caption(.text("\(table.title) (\(unitLabel(table)))"), .if(table.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
                .thead(.tr(.forEach(Array(headers.enumerated())) { i, h in
                    .th(.attribute(named: "scope", value: "col"), .if(numeric.contains(i), .class("num")), .text(h))
                })),
                .tbody(.group(rows))))
    }

    /// The differences of a budget table in words (or "telt op").
    static func budgetCheck(_ table: BudgetTable) -> BodyNode {
        if table.arithmeticError != nil { return .empty }   // budgetTable shows the message
        let strict = table.check(percentTolerance: 0)
        if strict.isEmpty { return UI.notice("success", "Alle regels en kolommen tellen op.") }
        let structural = strict.filter { $0.kind != .percentage }
        let kind = structural.isEmpty ? "warning" : "error"
        return .div(.class("notice notice-\(kind)"), .attribute(named: "role", value: "status"),
                    .p(.strong(.text(structural.isEmpty ? "De bedragen tellen op; enkele vermelde percentages wijken af van de berekende:"
                                                        : "Deze begroting telt niet op:"))),
                    .ul(.forEach(strict) { .li(.text($0.message)) }))
    }

    /// Budget versus actual per budget column and section (actuals entered against budget cells).
    /// Sums of actuals are overflow-checked: a section whose actuals do not add up says so in its row.
    static func budgetVersusActual(_ table: BudgetTable, actuals: [String: [String: Money]]) -> BodyNode {
        if table.arithmeticError != nil { return .empty }   // budgetTable shows the message
        var rows: [[BodyNode]] = []
        for (i, column) in table.columns.enumerated() where column.kind == .budget {
            for section in table.sections {
                let budget = table.computedTotal(section: section.key, column: i)
                let entered = section.lines.compactMap { actuals[$0.key]?[column.key] }
                let actual: Money, difference: Money
                do {
                    actual = try Money.sum(entered, what: "som van de werkelijke bedragen")
                    difference = try actual.subtracting(budget, what: "verschil tussen werkelijk en begroting")
                } catch {
                    rows.append([.text(column.label), .text(section.label), .text(amount(budget, table: table)),
                                 .text("te groot om op te tellen"), .text("–"), .text("–")])
                    continue
                }
                rows.append([
                    .text(column.label), .text(section.label), .text(amount(budget, table: table)),
                    .text(entered.isEmpty ? "nog niet ingevuld" : amount(actual, table: table)),
                    .text(entered.isEmpty ? "–" : amount(difference, table: table)),
                    .text(entered.isEmpty ? "–" : actual.percent(of: budget).map { "\($0)%" } ?? "–"),
                ])
            }
        }
        return UI.table(caption: "Begroting en realisatie: \(table.title) (\(unitLabel(table)))",
                        headers: ["Kolom", "Onderdeel", "Begroting", "Werkelijk", "Verschil", "Realisatie"], rows: rows,
                        numericColumns: [2, 3, 4, 5])
    }

    static func personnel(_ figures: [PersonnelFigures]) -> BodyNode {
        UI.table(caption: "Personeel", headers: ["Jaar", "Medewerkers", "FTE", "Programma-uren", "Indirecte uren", "Aandeel programma-uren"],
                 rows: figures.map { p in
                     let share = p.programmeShare.map { "\($0)%" } ?? "–"
                     let stated = p.statedProgrammeShare.map { $0 != p.programmeShare ? " (bron \($0)%)" : "" } ?? ""
                     return [.text("\(p.year) (\(p.kind.label.lowercased()))"), .text("\(p.employees)"), .text(p.fteFormatted),
                             .text(DutchNumberFormat.format(Double(p.programmeHours), decimals: 0)),
                             .text(DutchNumberFormat.format(Double(p.indirectHours), decimals: 0)), .text(share + stated)]
                 }, numericColumns: [1, 2, 3, 4, 5])
    }

    /// The few extra rules of these pages (one style element).
    static var style: BodyNode {
        .raw("""
        <style>
        .plan-tree li{margin:.35rem 0}.plan-level{display:inline-block;font-size:.78rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);margin-right:.2rem}
        .plan-node-title{font-weight:600}.plan-leaf{font-weight:400}.plan-node-text{margin:.2rem 0 .3rem;max-width:60rem}
        .plan-node-facts{font-size:.88rem;margin:.1rem 0}.plan-targets,.plan-indicators{margin:.2rem 0 .5rem;padding-left:1.1rem;border-left:0;font-size:.95rem}
        .plan-counts{font-weight:400;font-size:.88rem}.plan-flag{background:#fdecea;color:#8a1c14;border:1px solid #b3261e}
        td.plan-diff{color:#8a1c14;font-weight:700}.plan-budget-section th{background:#f3f3f3}.plan-lifecycle{background:#e5f0f9;color:#154273;border:1px solid #01689b}
        .plan-steps{display:flex;gap:.4rem;flex-wrap:wrap;list-style:none;padding:0}.plan-steps li{padding:.2rem .6rem;border:1px solid var(--line)}
        .plan-steps li[aria-current]{background:var(--blue);color:#fff;font-weight:700}.plan-evidence{font-size:.85rem}
        figure svg{max-width:46rem}span.status[class*=plan-status-],.plan-budget td.num,td.num{white-space:nowrap}
        @media print{.plan-tree details>summary{list-style:none}.plan-report h2{page-break-before:auto}}
        </style>
        """)
    }
}
