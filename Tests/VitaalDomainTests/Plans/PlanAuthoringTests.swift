import Testing

@testable import VitaalDomain

/// Plans written in the browser: templates, bounded texts and periods, generated keys, moves that
/// would make a cycle, deletion with or without the children, and the structure of an existing plan.
@Suite struct PlanAuthoringTests {
    static func tree() -> Plan {
        var plan = Plan(
            key: "p", title: "Jaarplan 2026", owner: "Gemeente", period: .year(2026),
            levels: PlanTemplate.fleverJaarplan.levels(year: 2026))
        plan.nodes = [
            GoalNode(key: "D1", level: 0, title: "Visie"),
            GoalNode(key: "D1.1", parent: "D1", level: 1, title: "Strategisch"),
            GoalNode(key: "D1.1.1", parent: "D1.1", level: 2, title: "Tactisch"),
            GoalNode(key: "D1.1.1.1", parent: "D1.1.1", level: 3, title: "Doel"),
            GoalNode(key: "D1.2", parent: "D1", level: 1, title: "Tweede strategisch")
        ]
        plan.targets = [
            SmartTarget(
                key: "D1.1.1.1.t1", nodeKey: "D1.1.1.1", measure: "Bijeenkomsten", unit: "",
                baseline: DatedValue(0, at: PlanDate(2026, 1, 1)!), targetValue: 4,
                targetDate: PlanDate(2026, 12, 31)!, direction: .count, source: .manual,
                realisations: [Realisation(value: 1, date: PlanDate(2026, 3, 1)!)])
        ]
        return plan
    }

    @Test func templatesGiveTheSourceDocumentsLevelsAndTheYear() {
        #expect(
            PlanTemplate.fleverJaarplan.levels(year: 2027) == [
                "Visie", "Strategisch doel", "Tactisch doel", "Doel 2027", "Activiteit"
            ])
        #expect(PlanTemplate.regioplanIZA.levels(year: 2026) == ["Bouwsteen / Fundament", "Doel", "Actie"])
        #expect(PlanTemplate.contourenschets.periodColumns == ["≤2020", "2021-2025", "≥2026"])
        #expect(PlanTemplate.eigen.levels(year: 2026).isEmpty)
    }

    @Test func titlesPeriodsAndLevelsAreChecked() {
        var problems = ProblemCollector()
        PlanAuthoring.checkText("  ", label: "Titel", field: "title", max: 200, into: &problems)
        PlanAuthoring.checkText(
            String(repeating: "x", count: 201), label: "Titel", field: "t2", max: 200, into: &problems)
        PlanAuthoring.checkPeriod(start: PlanDate(2026, 12, 31)!, end: PlanDate(2026, 1, 1)!, into: &problems)
        PlanAuthoring.checkLevels([], into: &problems)
        #expect(problems.problems.map(\.location.field) == ["title", "t2", "periodEnd", "levels"])
        #expect(problems.problems[0].message == "Titel ontbreekt")
        #expect(problems.problems[1].message == "Titel: ten hoogste 200 tekens (nu 201)")
        #expect(problems.problems[2].message.contains("eindigt (01-01-2026) vóór ze begint (31-12-2026)"))

        var levels = ProblemCollector()
        PlanAuthoring.checkLevels(PlanAuthoring.levelNames("Doel\n\n  Actie \nDoel"), into: &levels)
        PlanAuthoring.checkLevels((1...9).map { "N\($0)" }, into: &levels)
        #expect(
            levels.problems.map(\.message) == [
                "elk niveau heeft een eigen naam (een naam komt twee keer voor)", "ten hoogste 8 niveaus (nu 9)"
            ])
        var fine = ProblemCollector()
        PlanAuthoring.checkPeriod(start: PlanDate(2026, 1, 1)!, end: PlanDate(2026, 1, 1)!, into: &fine)
        PlanAuthoring.checkLevels(["Doel", "Actie"], into: &fine)
        #expect(fine.isEmpty)
    }

    @Test func planKeysAreSlugsThatAvoidTakenAndReservedKeys() {
        #expect(PlanAuthoring.planKey(slug: "jaarplan-2026", taken: []) == "jaarplan-2026")
        #expect(
            PlanAuthoring.planKey(slug: "jaarplan-2026", taken: ["jaarplan-2026", "jaarplan-2026-2"])
                == "jaarplan-2026-3")
        #expect(PlanAuthoring.planKey(slug: "nieuw", taken: []) == "plan-nieuw")
        #expect(PlanAuthoring.planKey(slug: "", taken: ["plan"]) == "plan-2")
        #expect(PlanAuthoring.planKey(slug: String(repeating: "a", count: 90), taken: []).count == 60)
    }

    @Test func addedNodesGetStableGeneratedKeysAndAreChecked() throws {
        let plan = Self.tree()
        #expect(plan.nextNodeKey(under: nil) == "D2")
        #expect(plan.nextNodeKey(under: "D1") == "D1.3")
        let (added, key) = try plan.addingNode(
            under: "D1.2", level: 2, NodeFields(title: "  Nieuw  ", partners: ["A", " "]))
        #expect(key == "D1.2.1")
        #expect(added.node(key)?.title == "Nieuw")
        #expect(added.node(key)?.partners == ["A"])
        // Keys stay: after deleting D1.2.1 a new child does not reuse a key that is still taken.
        let again = try added.addingNode(under: "D1.2", level: 2, NodeFields(title: "Tweede")).key
        #expect(again == "D1.2.2")

        #expect(throws: VitaalError.self) { try plan.addingNode(under: "D1.2", level: 1, NodeFields(title: "x")) }
        do {
            _ = try plan.addingNode(under: "GEEN", level: 9, NodeFields(title: ""))
            Issue.record("accepted")
        } catch let error as VitaalError {
            #expect(Set(error.problems.compactMap(\.location.field)) == ["title", "parent", "level"])
        }
        #expect(plan.childLevel(under: "D1.1.1.1") == 4)
        var deepest = plan
        deepest.nodes.append(GoalNode(key: "A", parent: "D1.1.1.1", level: 4, title: "Activiteit"))
        #expect(deepest.childLevel(under: "A") == nil)
    }

    @Test func aNodeCannotMoveUnderItselfOrItsDescendants() throws {
        let plan = Self.tree()
        for parent in ["D1.1", "D1.1.1", "D1.1.1.1"] {
            do {
                _ = try plan.moving("D1.1", under: parent, level: 1)
                Issue.record("moved under \(parent)")
            } catch let error as VitaalError {
                #expect(error.kind == .invalidInput)
                #expect(error.problems.first?.location.field == "parent")
                #expect(error.problems.first?.message.contains("kan niet onder") == true)
            }
        }
        // A move that leaves a child not deeper than its parent names the level.
        #expect(throws: VitaalError.self) { try plan.moving("D1.1.1", under: "D1.2", level: 1) }
        let moved = try plan.moving("D1.1.1", under: "D1.2", level: 2)
        #expect(moved.node("D1.1.1")?.parentKey == "D1.2")
        #expect(moved.subtreeKeys(of: "D1.2") == ["D1.2", "D1.1.1", "D1.1.1.1"])
        #expect(moved.nodes.count == plan.nodes.count)
        let edited = try plan.editingNode("D1.2", NodeFields(title: "Anders"), parent: "D1", level: 1)
        #expect(edited.node("D1.2")?.title == "Anders")
        #expect(throws: VitaalError.self) {
            try plan.editingNode("D1", NodeFields(title: "Visie"), parent: "D1.2", level: 0)
        }
    }

    @Test func reorderingSwapsSiblingsOnly() {
        let plan = Self.tree()
        let down = plan.reordering("D1.1", by: 1)
        #expect(down.children(of: "D1").map(\.key) == ["D1.2", "D1.1"])
        #expect(down.reordering("D1.1", by: 1) == down, "the last stays last")
        #expect(plan.reordering("D1", by: -1) == plan)
    }

    @Test func deletingTakesTheSubtreeOrMovesChildrenUp() {
        let plan = Self.tree()
        let all = plan.removal(of: "D1.1", keepChildren: false)
        #expect(all.nodes == ["D1.1", "D1.1.1", "D1.1.1.1"])
        #expect(all.targets == ["D1.1.1.1.t1"])
        #expect(all.targetsWithRealisations == ["D1.1.1.1.t1"])
        let kept = plan.removal(of: "D1.1", keepChildren: true)
        #expect(kept.nodes == ["D1.1"])
        #expect(kept.movedUp == ["D1.1.1"])
        #expect(kept.targets.isEmpty)
        let after = plan.removing("D1.1", keepChildren: true)
        #expect(after.node("D1.1.1")?.parentKey == "D1")
        #expect(after.problems().isEmpty, "the tree stays valid: \(after.problems().problems)")
        let gone = plan.removing("D1.1", keepChildren: false)
        #expect(gone.nodes.map(\.key) == ["D1", "D1.2"])
        #expect(gone.targets.isEmpty)
    }

    @Test func structureCopyKeepsTreeAndTargetsWithoutRealisations() {
        let plan = Self.tree()
        let period = PlanPeriod(start: PlanDate(2027, 1, 1)!, end: PlanDate(2027, 12, 31)!)
        let copy = plan.structureCopy(key: "q", title: "Jaarplan 2027", owner: "Ander", period: period)
        #expect(copy.key == "q")
        #expect(copy.status == .concept)
        #expect(copy.version == 1)
        #expect(copy.levels[3] == "Doel 2027")
        #expect(copy.nodes.map(\.key) == plan.nodes.map(\.key))
        #expect(copy.targets.map(\.realisations) == [[]])
        #expect(copy.targets[0].targetDate == PlanDate(2027, 12, 31))
        #expect(copy.targets[0].baseline.date == PlanDate(2027, 1, 1))
        #expect(copy.budgets.isEmpty && copy.personnel.isEmpty)
        #expect(copy.problems().isEmpty)
    }

    @Test func nodeFieldsAreBounded() {
        var problems = ProblemCollector()
        NodeFields(
            title: String(repeating: "t", count: 301), text: String(repeating: "x", count: 4001),
            owner: String(repeating: "o", count: 121), partners: (1...31).map { "P\($0)" }
        ).check(into: &problems)
        #expect(problems.problems.map(\.location.field) == ["title", "text", "owner", "partners"])
        #expect(NodeFields.partners("GGD, , Flever ,") == ["GGD", "Flever"])
        #expect(NodeFields(title: "x", owner: "  ").owner == nil)
    }
}
