import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// A goal of another plan at the other end of a plan link (#16), as a page or the API shows it.
struct LinkedGoal {
    /// The link's id (for removing it).
    var id: UUID
    var planKey: String
    var planTitle: String
    var planStatus: PlanStatus
    var organisation: String
    var nodeKey: String
    var nodeTitle: String
    var levelName: String
    var note: String?

    var isPublished: Bool { [.vastgesteld, .afgesloten].contains(planStatus) }
    var pageLink: String { PlanURL.node(plan: .value(planKey), node: .value(nodeKey)).path }
}

/// Loading plan links: which goals of other plans a plan's goals contribute to, and which goals of
/// other plans contribute to them. Anonymous visitors only see links whose other plan is published.
enum PlanLinkStore {
    /// Copies the links of plan `oldID`'s goals to the goals with the same key in plan `newID` (kopiëren naar
    /// volgend jaar): next year's goals go on contributing where this year's did, and the owner removes what
    /// no longer holds. A link between two goals of the copied plan points at the copy's goals. Links of other
    /// plans to this plan's goals stay where they are: making them is the other plans' owners' call.
    /// Returns the number of links made.
    @discardableResult
    static func copyLinks(fromPlan oldID: UUID, toPlan newID: UUID, createdBy: String, on db: any Database)
        async throws -> Int
    {
        let oldNodes = try await GoalNodeRecord.query(on: db).filter(\.$plan.$id == oldID).all()
        let newNodes = try await GoalNodeRecord.query(on: db).filter(\.$plan.$id == newID).all()
        let keyOfOld = Dictionary(uniqueKeysWithValues: oldNodes.compactMap { n in n.id.map { ($0, n.key) } })
        let newByKey = Dictionary(
            newNodes.compactMap { n in n.id.map { (n.key, $0) } }, uniquingKeysWith: { a, _ in a })
        guard !keyOfOld.isEmpty else { return 0 }
        let links = try await PlanLinkRecord.query(on: db).filter(\.$from.$id ~~ Array(keyOfOld.keys)).all()
        var made = 0
        for link in links {
            guard let fromKey = keyOfOld[link.$from.id], let from = newByKey[fromKey] else { continue }
            let to = keyOfOld[link.$to.id].flatMap { newByKey[$0] } ?? link.$to.id
            let copy = PlanLinkRecord()
            copy.$from.id = from
            copy.$to.id = to
            copy.note = link.note
            copy.createdBy = createdBy
            try await copy.create(on: db)
            made += 1
        }
        return made
    }

    /// (contributes to, contributors), each by the own goal's key, in the other plans' title order.
    static func load(nodes: [GoalNodeRecord], audience: MonitorAudience, on db: any Database) async throws
        -> (contributesTo: [String: [LinkedGoal]], contributors: [String: [LinkedGoal]])
    {
        let ids = nodes.compactMap(\.id)
        guard !ids.isEmpty else { return ([:], [:]) }
        let keyByID = Dictionary(nodes.compactMap { n in n.id.map { ($0, n.key) } }, uniquingKeysWith: { a, _ in a })
        let outgoing = try await PlanLinkRecord.query(on: db).filter(\.$from.$id ~~ ids).all()
        let incoming = try await PlanLinkRecord.query(on: db).filter(\.$to.$id ~~ ids).all()
        let otherIDs = Set(outgoing.map(\.$to.id) + incoming.map(\.$from.id))
        let others =
            otherIDs.isEmpty
            ? []
            : try await GoalNodeRecord.query(on: db).filter(\.$id ~~ Array(otherIDs))
                .with(\.$plan) { $0.with(\.$organisation) }.all()
        let otherByID = Dictionary(others.compactMap { n in n.id.map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
        func linked(_ link: PlanLinkRecord, other id: UUID) -> LinkedGoal? {
            guard let node = otherByID[id], let linkID = link.id else { return nil }
            let plan = node.plan
            let levels = plan.levels
            let goal = LinkedGoal(
                id: linkID, planKey: plan.key, planTitle: plan.title, planStatus: plan.planStatus,
                organisation: plan.organisation.name, nodeKey: node.key, nodeTitle: node.title,
                levelName: levels.indices.contains(node.level) ? levels[node.level] : "Niveau \(node.level)",
                note: link.note)
            return audience == .public && !goal.isPublished ? nil : goal
        }
        var contributesTo: [String: [LinkedGoal]] = [:]
        for link in outgoing {
            guard let own = keyByID[link.$from.id], let goal = linked(link, other: link.$to.id) else { continue }
            contributesTo[own, default: []].append(goal)
        }
        var contributors: [String: [LinkedGoal]] = [:]
        for link in incoming {
            guard let own = keyByID[link.$to.id], let goal = linked(link, other: link.$from.id) else { continue }
            contributors[own, default: []].append(goal)
        }
        let order: (LinkedGoal, LinkedGoal) -> Bool = { ($0.planTitle, $0.nodeKey) < ($1.planTitle, $1.nodeKey) }
        return (contributesTo.mapValues { $0.sorted(by: order) }, contributors.mapValues { $0.sorted(by: order) })
    }
}
