import Foundation
import Testing

@testable import VitaalDomain

/// #16: inspanningsdoelen (niet-SMART, assessed qualitatively), archived targets out of the counts,
/// and the rules of plan links.
@Suite struct PlansInspanningAndLinkTests {
    static func day(_ m: Int, _ d: Int) -> PlanDate { PlanDate(2025, m, d)! }

    static func plan(targets: [SmartTarget] = []) -> Plan {
        Plan(
            key: "p", title: "Plan P", owner: "O", version: 1, period: .year(2025), status: .concept,
            levels: ["Doel", "Activiteit"],
            nodes: [
                GoalNode(key: "D", level: 0, title: "Doel D"), GoalNode(key: "A", parent: "D", level: 1, title: "A")
            ],
            targets: targets)
    }

    static func smart(_ key: String, realised: Double?) -> SmartTarget {
        SmartTarget(
            key: key, nodeKey: "A", measure: "Bijeenkomsten", unit: "x", baseline: DatedValue(0, at: day(1, 1)),
            targetValue: 4, targetDate: day(12, 31), direction: .count,
            realisations: realised.map { [Realisation(value: $0, date: day(6, 30))] } ?? [])
    }

    static func effort(_ assessments: [QualitativeAssessment]) -> SmartTarget {
        var t = SmartTarget(
            key: "i", nodeKey: "A", measure: "We streven naar samenwerking", unit: "",
            baseline: DatedValue(0, at: day(1, 1)), targetValue: 0, targetDate: nil, direction: .increase)
        t.isSmart = false
        t.assessments = assessments
        return t
    }

    static func assessment(_ j: QualitativeAssessment.Judgement, _ m: Int, _ d: Int) -> QualitativeAssessment {
        QualitativeAssessment(judgement: j, explanation: "toelichting", date: day(m, d), assessedBy: "a@b.nl")
    }

    @Test func anInspanningsdoelTakesTheStatusOfItsLatestAssessmentNeverAComputedOne() {
        let none = Self.effort([])
        #expect(none.status() == .noData)
        #expect(none.statusLabel() == "nog niet beoordeeld")
        // Realisations would compute "achieved" for a SMART target; an inspanningsdoel ignores them.
        var withRealisation = Self.effort([Self.assessment(.offCourse, 3, 31)])
        withRealisation.realisations = [Realisation(value: 100, date: Self.day(3, 1))]
        #expect(withRealisation.status() == .offTrack)
        let later = Self.effort([Self.assessment(.needsAttention, 9, 30), Self.assessment(.onCourse, 3, 31)])
        #expect(later.status() == .atRisk)
        #expect(later.statusLabel() == "beoordeeld: aandacht nodig")
        #expect(later.status(asOf: Self.day(6, 30)) == .onTrack)
        #expect(later.status(asOf: Self.day(1, 31)) == .noData)
        #expect(Self.effort([Self.assessment(.notYetAssessable, 3, 31)]).status() == .noData)
    }

    @Test func rollUpsCountInspanningsdoelenApartAndLeaveArchivedTargetsOut() {
        var plan = Self.plan(targets: [
            Self.smart("s1", realised: 4), Self.effort([Self.assessment(.needsAttention, 6, 30)])
        ])
        var archived = Self.smart("s2", realised: 0)
        archived.archive = TargetArchive(
            reason: "vervallen", archivedBy: "a@b.nl", archivedAt: Date(timeIntervalSince1970: 0))
        plan.archivedTargets = [archived]
        let rollUp = plan.rollUp()
        #expect(rollUp.targetCount == 2)
        #expect(rollUp.counts[.achieved] == 1)
        #expect(rollUp.counts[.atRisk] == 1)
        #expect(rollUp.counts[.offTrack] == 0)
        #expect(rollUp.qualitativeCount == 1)
        #expect(rollUp.status == .atRisk)
        #expect(plan.rollUp("D").qualitativeCount == 1)
        #expect(plan.copiedToNextYear(newKey: "p2").archivedTargets.isEmpty)
    }

    @Test func anInspanningsdoelNeedsADescriptionButNoStreefwaardeOrStreefdatum() {
        var problems = ProblemCollector()
        let plan = Self.plan()
        Self.effort([]).validate(in: plan, into: &problems)
        #expect(problems.isEmpty)
        var empty = Self.effort([])
        empty.measure = " "
        empty.nodeKey = "X"
        empty.validate(in: plan, into: &problems)
        #expect(problems.problems.map(\.location.field) == ["measure", "nodeKey"])
        #expect(problems.problems[0].message.contains("omschrijving van het inspanningsdoel ontbreekt"))
        // The same target as SMART misses its streefdatum.
        var smart = Self.effort([])
        smart.isSmart = true
        var smartProblems = ProblemCollector()
        smart.validate(in: plan, into: &smartProblems)
        #expect(smartProblems.problems.contains { $0.message == "de streefdatum ontbreekt" })
    }

    @Test func anAssessmentNeedsAJudgementAnExplanationAndADateInThePlanPeriod() {
        var problems = ProblemCollector()
        let ok = QualitativeAssessment.check(
            judgement: "onCourse", explanation: "loopt", date: Self.day(6, 30), period: .year(2025), into: &problems)
        #expect(ok == .onCourse)
        #expect(problems.isEmpty)
        var bad = ProblemCollector()
        let none = QualitativeAssessment.check(
            judgement: "goed", explanation: "  \n ", date: PlanDate(2026, 1, 1), period: .year(2025), into: &bad)
        #expect(none == nil)
        #expect(bad.problems.map(\.location.field) == ["judgement", "explanation", "date"])
        #expect(bad.problems[1].message.contains("toelichting ontbreekt"))
        #expect(bad.problems[2].message.contains("buiten de planperiode"))
        #expect(TargetArchive.reasonProblem(" ")?.message.contains("reden ontbreekt") == true)
        #expect(TargetArchive.reasonProblem("Vervallen na heroverweging") == nil)
    }

    @Test func storedTargetsWithoutTheNewFieldsDecodeAsSmartAndCurrent() throws {
        var target = Self.smart("s1", realised: nil)
        let data = try JSONEncoder().encode(target)
        var json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        json.removeValue(forKey: "isSmart")
        json.removeValue(forKey: "assessments")
        let old = try JSONDecoder().decode(SmartTarget.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old == target)
        target.isSmart = false
        target.assessments = [Self.assessment(.onCourse, 2, 1)]
        #expect(try JSONDecoder().decode(SmartTarget.self, from: JSONEncoder().encode(target)) == target)
    }

    @Test func aPlanLinkGoesToAnExistingGoalOfAnotherPlanAndIsMadeOnce() {
        let from = Self.plan()
        var other = Self.plan()
        other.key = "q"
        other.title = "Plan Q"
        #expect(PlanLink.problems(from: from, fromNode: "A", to: other, toNode: "D", existing: []).isEmpty)
        let own = PlanLink.problems(from: from, fromNode: "A", to: from, toNode: "D", existing: [])
        #expect(own.count == 1)
        #expect(own[0].message.contains("van een ander plan"))
        #expect(own[0].location.field == "goal")
        let existing = [PlanLink(fromPlan: "p", fromNode: "A", toPlan: "q", toNode: "D")]
        let twice = PlanLink.problems(from: from, fromNode: "A", to: other, toNode: "D", existing: existing)
        #expect(twice.map(\.message) == ["dit doel draagt al bij aan \"Doel D\" van Plan Q"])
        #expect(PlanLink.problems(from: from, fromNode: "D", to: other, toNode: "D", existing: existing).isEmpty)
        #expect(
            PlanLink.problems(from: from, fromNode: "A", to: nil, toNode: "", existing: [])[0].message
                == "kies een doel van een ander plan")
        #expect(
            PlanLink.problems(from: from, fromNode: "A", to: other, toNode: "Z", existing: [])[0].message
                .contains("bestaat niet in Plan Q"))
    }

    @Test func theDemoMarksEffortsAsInspanningsdoelenWithExampleAssessmentsAndLinksToTheRegioplan() throws {
        let flever = PlansDemoData.fleverJaarplan2025
        let skills = try #require(flever.targets.first { $0.key == "AO.t4" })
        #expect(!skills.isSmart)
        #expect(skills.sourceText?.contains("We streven ernaar") == true)
        #expect(skills.assessments.allSatisfy { $0.isExample && $0.explanation.hasPrefix("Voorbeelddata") })
        #expect(flever.targets.filter { !$0.isSmart }.map(\.key) == ["AO.t4", "AO.t10"])
        #expect(PlansDemoData.krachtigeSamenleving2020.targets.map(\.key) == ["K4.i1"])
        for plan in PlansDemoData.all { try plan.validate() }
        let plans = Dictionary(uniqueKeysWithValues: PlansDemoData.all.map { ($0.key, $0) })
        for link in PlansDemoData.planLinks {
            let from = try #require(plans[link.fromPlan])
            #expect(
                PlanLink.problems(
                    from: from, fromNode: link.fromNode, to: plans[link.toPlan], toNode: link.toNode,
                    existing: []
                ).isEmpty, "\(link.fromNode) → \(link.toNode)")
            #expect(link.note?.isEmpty == false)
        }
        #expect(PlansDemoData.planLinks.filter { $0.toNode == "B1.doel" }.count == 2)
    }
}
