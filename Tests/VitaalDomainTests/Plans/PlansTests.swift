import Foundation
import Testing

@testable import VitaalDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

private func d(_ y: Int, _ m: Int, _ day: Int) -> PlanDate { PlanDate(y, m, day)! }

private func problems(_ body: () throws -> Void) -> [Problem] {
    do {
        try body()
        return []
    } catch let e as VitaalError { return e.problems } catch { return [] }
}

// MARK: Lifecycle

@Test func lifecycleStepsForwardOneAtATime() throws {
    var plan = Plan(key: "p", title: "P", owner: "O", period: .year(2025), levels: ["Doel"])
    try plan.transition(to: .ingediend)
    try plan.transition(to: .concept)  // documented backward step
    try plan.transition(to: .ingediend)
    try plan.transition(to: .vastgesteld)
    try plan.transition(to: .afgesloten)
    #expect(plan.status == .afgesloten)
}

@Test func lifecycleRefusesSkipsAndOtherBackwardSteps() {
    #expect(throws: VitaalError.self) { try PlanStatus.concept.transition(to: .vastgesteld) }
    #expect(throws: VitaalError.self) { try PlanStatus.concept.transition(to: .afgesloten) }
    #expect(throws: VitaalError.self) { try PlanStatus.vastgesteld.transition(to: .concept) }
    #expect(throws: VitaalError.self) { try PlanStatus.vastgesteld.transition(to: .ingediend) }
    #expect(throws: VitaalError.self) { try PlanStatus.afgesloten.transition(to: .vastgesteld) }
    #expect(throws: VitaalError.self) { try PlanStatus.ingediend.transition(to: .ingediend) }
    do {
        _ = try PlanStatus.concept.transition(to: .vastgesteld)
    } catch let e as VitaalError {
        #expect(e.kind == .conflict)
        #expect(e.message.contains("\"Ingediend\""))  // names the skipped status
    } catch { Issue.record("wrong error") }
}

@Test func copyToNextYearShiftsAndDropsRealisations() {
    let plan = PlansDemoData.fleverJaarplan2025
    var withData = plan
    withData.targets[0].realisations = [Realisation(value: 2, date: d(2025, 6, 1))]
    let next = withData.copiedToNextYear(newKey: "flever-jaarplan-2026")
    #expect(next.version == 2 && next.status == .concept && next.previousVersionKey == "flever-jaarplan-2025")
    #expect(next.period == .year(2026))
    #expect(next.targets.count == plan.targets.count)
    #expect(next.targets.allSatisfy { $0.realisations.isEmpty })
    #expect(next.targets[0].targetDate == d(2026, 12, 31) && next.targets[0].baseline.date == d(2026, 1, 1))
    #expect(next.targets[0].targetValue == 3)
    #expect(next.budgets.isEmpty)
    #expect(plan.levels.contains("Doel 2025"))
    #expect(next.levels == plan.levels.map { $0 == "Doel 2025" ? "Doel 2026" : $0 })
    #expect(d(2024, 2, 29).addingYears(1) == d(2025, 2, 28))
}

// MARK: Goal tree

private func tree(_ nodes: [GoalNode]) -> Plan {
    Plan(
        key: "t", title: "T", owner: "O", period: .year(2025), levels: ["A", "B", "C"], periodColumns: ["≤2020"],
        nodes: nodes)
}

@Test func validTreePasses() throws {
    try tree([
        GoalNode(key: "a", level: 0, title: "a"), GoalNode(key: "b", parent: "a", level: 1, title: "b"),
        GoalNode(key: "c", parent: "a", level: 2, title: "c", periods: ["≤2020"])
    ]).validate()
}

@Test func treeProblemsNameTheNode() {
    let cycle = problems {
        try tree([
            GoalNode(key: "x", parent: "y", level: 1, title: "x"), GoalNode(key: "y", parent: "x", level: 2, title: "y")
        ]).validate()
    }
    #expect(cycle.contains { $0.message.contains("kring") && $0.location.element == "doel \"x\"" })

    let unknown = problems { try tree([GoalNode(key: "a", parent: "zz", level: 1, title: "a")]).validate() }
    #expect(unknown.count == 1 && unknown[0].message.contains("\"zz\"") && unknown[0].location.field == "parentKey")

    let shallow = problems {
        try tree([GoalNode(key: "a", level: 1, title: "a"), GoalNode(key: "b", parent: "a", level: 1, title: "b")])
            .validate()
    }
    #expect(shallow.count == 1 && shallow[0].location.element == "doel \"b\"" && shallow[0].location.field == "level")

    let dup = problems {
        try tree([GoalNode(key: "a", level: 0, title: "a"), GoalNode(key: "a", level: 0, title: "a2")]).validate()
    }
    #expect(dup.count == 1 && dup[0].message.contains("meer dan één keer"))

    let badLevel = problems { try tree([GoalNode(key: "a", level: 3, title: "a")]).validate() }
    #expect(badLevel.count == 1 && badLevel[0].location.field == "level")

    let badPeriod = problems { try tree([GoalNode(key: "a", level: 0, title: "a", periods: ["2030"])]).validate() }
    #expect(badPeriod.count == 1 && badPeriod[0].location.field == "periods")

    let selfLoop = problems { try tree([GoalNode(key: "s", parent: "s", level: 0, title: "s")]).validate() }
    #expect(selfLoop.contains { $0.message.contains("kring") })
}

// MARK: SMART status

private func target(_ r: [(Double, PlanDate)]) -> SmartTarget { target(.increase, r) }

private func target(
    _ dir: SmartTarget.Direction = .increase, base: Double = 0, goal: Double = 100, _ r: [(Double, PlanDate)]
) -> SmartTarget {
    SmartTarget(
        key: "t", nodeKey: "a", measure: "m", unit: "u", baseline: DatedValue(base, at: d(2025, 1, 1)),
        targetValue: goal, targetDate: d(2025, 4, 11),  // 100 days after 2025-01-01
        direction: dir, realisations: r.map { Realisation(value: $0.0, date: $0.1) })
}

@Test func statusBoundaries() {
    let mid = d(2025, 2, 20)  // day 50 of 100: expected 50
    #expect(d(2025, 1, 1).days(to: d(2025, 4, 11)) == 100)
    #expect(target([]).status() == .noData)
    #expect(target([(45, mid)]).status() == .onTrack)  // 45/50 = 0,90
    #expect(target([(44.9, mid)]).status() == .atRisk)  // 0,898
    #expect(target([(35, mid)]).status() == .atRisk)  // 0,70
    #expect(target([(34.9, mid)]).status() == .offTrack)  // 0,698
    #expect(target([(100, mid)]).status() == .achieved)
    #expect(target([(99, d(2025, 4, 11))]).status() == .offTrack)  // deadline reached, not met
    #expect(target([(0, d(2025, 1, 1))]).status() == .onTrack)  // nothing expected yet
    // decrease: baseline 100 → 0; at day 50 expected 50; 55 is 45/50 = 0,9 of the way
    #expect(target(.decrease, base: 100, goal: 0, [(55, mid)]).status() == .onTrack)
    #expect(target(.decrease, base: 100, goal: 0, [(66, mid)]).status() == .offTrack)  // 34/50 = 0,68
    #expect(target(.decrease, base: 100, goal: 0, [(0, mid)]).status() == .achieved)
    // count adds realisations: 20 + 25 = 45 by day 50 → on track
    #expect(target(.count, [(20, d(2025, 1, 20)), (25, mid)]).status() == .onTrack)
    // asOf ignores later realisations; the rule measures at the latest realisation's date (day 19: expected 19)
    #expect(target(.count, [(20, d(2025, 1, 20)), (25, mid)]).status(asOf: d(2025, 2, 1)) == .onTrack)  // 20/19
    #expect(target(.count, [(12, d(2025, 1, 20)), (33, mid)]).status(asOf: d(2025, 2, 1)) == .offTrack)  // 12/19 = 0,63
    #expect(target(.count, [(12, d(2025, 1, 20)), (33, mid)]).status() == .onTrack)  // 45/50
    #expect(SmartTarget.Status.atRisk.label == "risico" && SmartTarget.Status.noData.label == "geen gegevens")
}

@Test func rollUpTakesWorstWithData() {
    var plan = tree([
        GoalNode(key: "a", level: 0, title: "a"), GoalNode(key: "b", parent: "a", level: 1, title: "b"),
        GoalNode(key: "c", parent: "a", level: 1, title: "c"), GoalNode(key: "e", parent: "c", level: 2, title: "e")
    ])
    let mid = d(2025, 2, 20)
    var t1 = target([(45, mid)])
    t1.key = "1"
    t1.nodeKey = "b"  // onTrack
    var t2 = target([(40, mid)])
    t2.key = "2"
    t2.nodeKey = "e"  // atRisk (0,8)
    var t3 = target([])
    t3.key = "3"
    t3.nodeKey = "e"  // noData
    var t4 = target([(100, mid)])
    t4.key = "4"
    t4.nodeKey = "b"  // achieved
    plan.targets = [t1, t2, t3, t4]
    #expect(plan.rollUp("b").status == .onTrack)
    #expect(plan.rollUp("c").status == .atRisk)
    let all = plan.rollUp("a")
    #expect(all.status == .atRisk)
    #expect(
        all.counts[.onTrack] == 1 && all.counts[.atRisk] == 1 && all.counts[.noData] == 1 && all.counts[.achieved] == 1
            && all.counts[.offTrack] == 0)
    #expect(plan.rollUp().targetCount == 4)
    plan.targets = [t3]
    #expect(plan.rollUp("a").status == .noData)
    plan.targets = [t4]
    #expect(plan.rollUp("a").status == .achieved)
}

@Test func targetValidation() {
    var plan = tree([GoalNode(key: "a", level: 0, title: "a")])
    var t = target([(10, d(2026, 1, 5))])
    t.measure = " "
    plan.targets = [t]
    var p = problems { try plan.validate() }
    #expect(p.contains { $0.location.field == "measure" })
    #expect(p.contains { $0.location.field == "realisations[0].date" })
    t = target([])
    t.targetDate = nil
    plan.targets = [t]
    p = problems { try plan.validate() }
    #expect(p.count == 1 && p[0].location.field == "targetDate" && p[0].message.contains("ontbreekt"))
    t = target([])
    t.targetDate = d(2024, 12, 31)
    plan.targets = [t]
    p = problems { try plan.validate() }
    #expect(p.contains { $0.message.contains("vóór de datum van de nulmeting") })
    t = target([])
    t.nodeKey = "nope"
    plan.targets = [t]
    p = problems { try plan.validate() }
    #expect(p.count == 1 && p[0].location.field == "nodeKey")
}

// MARK: Money and budget cells

@Test func moneyFormatting() {
    #expect(Money(thousands: 1247).formatted == "€ 1.247.000")
    #expect(Money(cents: 12_123_650).formatted == "€ 121.236,50")
    #expect(Money(thousands: -1069).formatted == "€ -1.069.000")
    #expect(Money(euros: 999).formatted == "€ 999")
    #expect(Money(thousands: -1069).formattedThousands == "-1.069")
    #expect(Money(euros: 1142).percent(of: Money(euros: 2814)) == 41)
    #expect(Money(euros: 1).percent(of: Money(euros: 200)) == 1)  // 0,5 rounds up
    #expect(Money(euros: 1).percent(of: .zero) == nil)
}

@Test func budgetCellParsing() throws {
    let k = Money(thousands: 1)
    #expect(try BudgetCell.parse("1.247", unit: k) == .amount(Money(euros: 1_247_000)))
    #expect(try BudgetCell.parse("1.247,5", unit: k) == .amount(Money(euros: 1_247_500)))
    #expect(try BudgetCell.parse("-1.069", unit: k) == .amount(Money(euros: -1_069_000)))
    #expect(try BudgetCell.parse("−50.000") == .amount(Money(euros: -50_000)))
    #expect(try BudgetCell.parse("€ 121.236") == .amount(Money(euros: 121_236)))
    #expect(try BudgetCell.parse("24.951,37") == .amount(Money(cents: 2_495_137)))
    #expect(try BudgetCell.parse("–") == .empty)
    #expect(try BudgetCell.parse("-") == .empty)
    #expect(try BudgetCell.parse("  ") == .empty)
    #expect(try BudgetCell.parse("PM") == .pm)
    #expect(try BudgetCell.parse("50.000 (gereserveerd)") == .reserved(Money(euros: 50_000)))
    for bad in ["abc", "1.24", "12,", "1,2,3", "1.2345", "€", "12a"] {
        let p = problems { _ = try BudgetCell.parse(bad, at: SourceLocation(line: 4, column: 3, field: "2025")) }
        #expect(
            p.count == 1 && p[0].location.line == 4 && p[0].location.field == "2025" && p[0].message.contains(bad),
            "\(bad)")
    }
}

// MARK: Budget tables

@Test func budgetCheckFlagsLineAndColumn() {
    var table = PlansDemoData.fleverBegrotingPerProgramma2025
    #expect(table.check().isEmpty)
    table.sections[0].lines[0].cells[0] = .amount(Money(thousands: 198))  // A&O provincie 197 → 198
    let found = table.check()
    #expect(found.count == 2)
    #expect(
        found.contains {
            $0.kind == .lineTotal && $0.line == "Subsidie Provincie Flevoland (langlopend)" && $0.computed == 1248
                && $0.stated == 1247
        })
    #expect(
        found.contains {
            $0.kind == .sectionTotal && $0.column == "Begroting 2025 A&O" && $0.computed == 1326 && $0.stated == 1325
        })
    #expect(throws: VitaalError.self) { try table.validate() }
}

@Test func fleverBudget2023to2025AddsUp() throws {
    let t = PlansDemoData.fleverBegroting2023_2025
    let baten = t.columns.indices.map { t.computedTotal(section: "baten", column: $0) }
    let lasten = t.columns.indices.map { t.computedTotal(section: "lasten", column: $0) }
    #expect(baten == [Money(thousands: 2814), Money(thousands: 3156), Money(thousands: 3452)])
    #expect(lasten == [Money(thousands: 2757), Money(thousands: 3156), Money(thousands: 3452)])
    #expect(t.balance(column: 0) == Money(thousands: 57))
    #expect(t.computedTotal(section: "resultaat", column: 0) == Money(thousands: 56))
    // Stated percentages: all within 1 point of half-up rounding; these five differ by exactly 1.
    try t.validate(percentTolerance: 1)
    let pct = t.check(percentTolerance: 0)
    #expect(pct.allSatisfy { $0.kind == .percentage && abs($0.computed - $0.stated) == 1 })
    #expect(
        Set(pct.map { "\($0.line!)|\($0.column)|\($0.computed)|\($0.stated)" }) == [
            "Subsidie Provincie Flevoland (langlopend)|Werkelijk 2023|41|40",
            "Huisvestingskosten|Begroting 2024|2|3",
            "Overige organisatiekosten|Begroting 2024|4|5",
            "Personele lasten|Begroting 2025|75|74"
        ])
}

@Test func fleverBudgetPerProgrammeAddsUp() throws {
    let t = PlansDemoData.fleverBegrotingPerProgramma2025
    try t.validate(percentTolerance: 0)
    let baten = t.columns.indices.map { t.computedTotal(section: "baten", column: $0).cents / 100_000 }
    let lasten = t.columns.indices.map { t.computedTotal(section: "lasten", column: $0).cents / 100_000 }
    #expect(baten == [1325, 577, 1189, 361, 0])
    #expect(lasten == [1325, 577, 1189, 361, 0])
    #expect(t.computedGrandTotal(section: "baten") == Money(thousands: 3452))
    #expect(t.computedGrandTotal(section: "lasten") == Money(thousands: 3452))
    let overhead = t.section("lasten")!.lines.first { $0.category == .overheadToerekening }!
    #expect(t.computedLineTotal(overhead) == .zero && overhead.cells[4].value.formatted == "€ -1.069.000")
    // Programme totals agree with the 2025 column of the overall table.
    #expect(
        PlansDemoData.fleverBegroting2023_2025.computedTotal(section: "baten", column: 2)
            == t.computedGrandTotal(section: "baten"))
}

@Test func krachtigeSamenlevingBudgetsAddUp() throws {
    try PlansDemoData.ksBestedingsoverzicht.validate(percentTolerance: 0)
    try PlansDemoData.ksBestedingsvoorstel.validate(percentTolerance: 0)
    try PlansDemoData.ksPerFinancieringsbron.validate(percentTolerance: 0)
    let wel = PlansDemoData.welBegroting2020_2023
    try wel.validate(percentTolerance: 0)
    let welTotal = wel.columns.indices.reduce(Money.zero) { $0 + wel.computedTotal(section: "lasten", column: $1) }
    #expect(welTotal == Money(euros: 606_254))
    // The reserve table's WEL line for 2020–2023: 280.000 + 195.000 + 45.000 + 40.000 = 560.000.
    let reserve = PlansDemoData.ksBestedingsoverzicht.sections[0].lines.first { $0.key == "wel" }!
    #expect(reserve.cells[1...].reduce(Money.zero) { $0 + $1.value } == Money(euros: 560_000))
    // Sources combined: reserve + coalition = per-source total.
    #expect(PlansDemoData.ksPerFinancieringsbron.computedGrandTotal(section: "lasten") == Money(euros: 2_500_000))
}

@Test func personnel() throws {
    let p = PlansDemoData.fleverPersoneel
    #expect(p[0].fteFormatted == "23,3" && p[1].fteHundredths == 2430)
    #expect(p[0].totalHours == 34_486 && p[1].totalHours == 35_583)
    #expect(p[1].programmeShare == 80 && p[1].indirectShare == 20)
    // source prints 75 %, 25.610/34.486 = 74,26 %
    #expect(p[0].programmeShare == 74 && p[0].statedProgrammeShare == 75)
    let neg = problems {
        _ = try PersonnelFigures(year: 2025, employees: 1, fte: "-1,5", programmeHours: 1, indirectHours: 1)
    }
    #expect(neg.count == 1 && neg[0].location.field == "fte")
    #expect(throws: VitaalError.self) {
        _ = try PersonnelFigures(year: 2025, employees: -1, fte: "1", programmeHours: 1, indirectHours: 1)
    }
}

// MARK: Demo data

@Test func demoPlansAreValid() throws {
    for plan in PlansDemoData.all { try plan.validate() }
    let f = PlansDemoData.fleverJaarplan2025
    #expect(f.roots.map(\.key) == ["VVI.visie", "A&O.visie", "BAS.visie", "PG.doel2025"])
    #expect(f.children(of: "A&O.doel2025").count == 11)
    #expect(f.children(of: "VVI.doel2025").count == 10)
    #expect(f.children(of: "A&O.sd").filter { $0.level == 2 }.count == 5)
    #expect(f.targets.first { $0.key == "VVI.t3" }?.targetValue == 4)
    // Measured targets have no realisations yet; an inspanningsdoel's status is its (example) assessment.
    #expect(f.targets.filter(\.isSmart).allSatisfy { $0.status() == .noData })
    #expect(f.targets.filter { !$0.isSmart }.allSatisfy { $0.status() != .noData && !$0.assessments.isEmpty })
    let ks = PlansDemoData.krachtigeSamenleving2020
    #expect(ks.nodes.filter { $0.level == 1 }.count == 21)  // K1.1–K1.8, K2.1–2, K3.1–4, K4.1–3, K5.1–4 = 8+2+4+3+4
    #expect(ks.roots.count == 5)
    let iza = PlansDemoData.regioplanIZA
    #expect(iza.roots.filter { $0.title.hasPrefix("Bouwsteen") }.count == 8)
    #expect(iza.roots.filter { $0.title.hasPrefix("Fundament") }.count == 6)
}

// MARK: XLSX

private final class Collector: NSObject, XMLParserDelegate {
    var cells: [String: String] = [:]  // ref → text or value
    var current: String?
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "c" {
            current = attributes["r"]
            text = ""
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "c", let c = current {
            cells[c] = text
            current = nil
        }
    }
}

@Test func xlsxColumnNames() {
    #expect(XLSX.columnName(0) == "A" && XLSX.columnName(25) == "Z" && XLSX.columnName(26) == "AA")
    #expect(XLSX.columnName(701) == "ZZ" && XLSX.columnName(702) == "AAA")
    #expect(
        XLSX.reference(row: 0, column: 0) == "A1" && XLSX.reference(row: 1, column: 1) == "B2"
            && XLSX.reference(row: 9, column: 26) == "AA10")
}

@Test func xlsxPartsAreWellFormedAndCellsLand() throws {
    var rows: [[XLSX.Cell]] = [[.text("Regel"), .text("Bedrag & <meer>")], [.text("Provincie"), .amount(1_247_000)]]
    var wide = Array(repeating: XLSX.Cell.empty, count: 27)
    wide[26] = .number(3.5)
    while rows.count < 9 { rows.append([]) }
    rows.append(wide)
    let parts = try XLSX.parts([
        XLSX.Sheet(name: "Begroting", rows: rows), XLSX.Sheet(budget: PlansDemoData.fleverBegrotingPerProgramma2025)
    ])
    #expect(
        parts.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml"
        ])
    for part in parts {
        let parser = XMLParser(data: part.data)
        #expect(parser.parse(), "\(part.path) is not well-formed")
    }
    let sheet1 = parts.first { $0.path == "xl/worksheets/sheet1.xml" }!.data
    let c = Collector()
    let parser = XMLParser(data: sheet1)
    parser.delegate = c
    #expect(parser.parse())
    #expect(c.cells["A1"] == "Regel" && c.cells["B1"] == "Bedrag & <meer>")
    #expect(c.cells["B2"] == "1247000" && c.cells["AA10"] == "3.5")
    let xml = String(decoding: sheet1, as: UTF8.self)
    #expect(xml.contains(#"<c r="A1" t="inlineStr" s="1">"#))  // bold header
    #expect(xml.contains(#"<c r="B2" s="2"><v>1247000</v></c>"#))  // number format #,##0
    #expect(throws: VitaalError.self) { _ = try XLSX.parts([XLSX.Sheet(name: "a/b", rows: [])]) }
    #expect(throws: VitaalError.self) {
        _ = try XLSX.parts([XLSX.Sheet(name: "A", rows: []), XLSX.Sheet(name: "a", rows: [])])
    }
    #expect(throws: VitaalError.self) { _ = try XLSX.parts([]) }
}
