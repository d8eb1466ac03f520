import AppCore
import Fluent
import Foundation
import VitaalDomain

/// Writing a goal tree changed in the browser over the stored one, and the version history that
/// lets the last change be undone. Every function runs inside the caller's transaction.
enum PlanTreeStore {
    /// Versions kept per plan; older ones are dropped.
    static let keptVersions = 30

    /// Remembers the tree as it is now, before the change `summary`, as the plan's newest version.
    static func remember(_ loaded: LoadedPlan, summary: String, actor: String, on db: any Database) async throws {
        let planID = loaded.id
        let newest = try await PlanTreeVersionRecord.query(on: db).filter(\.$plan.$id == planID)
            .sort(\.$number, .descending).first()
        let snapshot = PlanTreeSnapshot(
            nodes: loaded.plan.nodes,
            targets: loaded.plan.targets.map { target in
                var target = target
                target.realisations = []
                target.assessments = []
                return target
            })
        let version = PlanTreeVersionRecord()
        version.$plan.id = planID
        version.number = (newest?.number ?? 0) + 1
        version.summary = String(summary.prefix(500))
        version.actor = actor
        version.snapshotJSON = JSONText.encode(snapshot)
        try await version.create(on: db)
        let old = version.number - keptVersions
        if old > 0 {
            try await PlanTreeVersionRecord.query(on: db).filter(\.$plan.$id == planID).filter(\.$number <= old)
                .delete()
        }
    }

    /// The plan's newest version (the state before the last change), if any.
    static func newest(_ loaded: LoadedPlan, on db: any Database) async throws -> PlanTreeVersionRecord? {
        try await PlanTreeVersionRecord.query(on: db).filter(\.$plan.$id == loaded.id)
            .sort(\.$number, .descending).first()
    }

    /// The plan's versions, newest first.
    static func versions(_ loaded: LoadedPlan, on db: any Database) async throws -> [PlanTreeVersionRecord] {
        try await PlanTreeVersionRecord.query(on: db).filter(\.$plan.$id == loaded.id)
            .sort(\.$number, .descending).all()
    }

    /// Writes `nodes` and `targets` over the stored tree of `loaded`: nodes and targets that are no
    /// longer there are deleted (with their indicator links), changed ones updated, new ones created
    /// (a new node with its logic model and indicator links), and the order follows `nodes`.
    /// Targets that stay are not touched; their realisations are never deleted here (the callers
    /// refuse to remove a target that has any).
    static func write(nodes: [GoalNode], targets: [SmartTarget], over loaded: LoadedPlan, on db: any Database)
        async throws
    {
        let keep = Set(nodes.map(\.key))
        let goneIDs = loaded.nodes.filter { !keep.contains($0.key) }.compactMap(\.id)
        if !goneIDs.isEmpty {
            try await IndicatorLinkRecord.query(on: db).filter(\.$node.$id ~~ goneIDs).delete()
            try await GoalNodeRecord.query(on: db).filter(\.$id ~~ goneIDs).delete()
        }
        let stored = Dictionary(loaded.nodes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (i, node) in nodes.enumerated() {
            if let record = stored[node.key] {
                let partners = JSONText.encode(node.partners)
                guard
                    record.parentKey != node.parentKey || record.level != node.level || record.title != node.title
                        || record.text != node.text || record.owner != node.owner || record.partnersJSON != partners
                        || record.sortOrder != i
                else { continue }
                record.parentKey = node.parentKey
                record.level = node.level
                record.title = node.title
                record.text = node.text
                record.owner = node.owner
                record.partnersJSON = partners
                record.sortOrder = i
                try await record.save(on: db)
            } else {
                try await create(node, sortOrder: i, planID: loaded.id, on: db)
            }
        }
        let targetKeys = Set(targets.map(\.key))
        // Archived targets are not in the tree's snapshots: an undo leaves them alone.
        let goneTargets = loaded.targets.filter { $0.archivedAt == nil && !targetKeys.contains($0.key) }
            .compactMap(\.id)
        if !goneTargets.isEmpty {
            try await TargetRecord.query(on: db).filter(\.$id ~~ goneTargets).delete()
        }
        let storedTargets = Set(loaded.targets.map(\.key))
        var order = (loaded.targets.map(\.sortOrder).max() ?? 0) + 1
        for target in targets where !storedTargets.contains(target.key) {
            try await PlanStore.makeTarget(target, planID: loaded.id, sortOrder: order).create(on: db)
            order += 1
        }
    }

    static func create(_ node: GoalNode, sortOrder: Int, planID: UUID, on db: any Database) async throws {
        let record = GoalNodeRecord()
        record.$plan.id = planID
        record.key = node.key
        record.parentKey = node.parentKey
        record.level = node.level
        record.title = node.title
        record.text = node.text
        record.owner = node.owner
        record.partnersJSON = JSONText.encode(node.partners)
        record.periodsJSON = JSONText.encode(node.periods)
        record.logicModelJSON = node.logicModel.map { JSONText.encode($0) }
        record.sourceRef = node.sourceRef
        record.isExample = node.isExample
        record.sortOrder = sortOrder
        try await record.create(on: db)
        for link in node.indicators {
            let row = IndicatorLinkRecord()
            row.$node.id = try record.requireID()
            row.indicatorCode = link.indicatorCode
            row.monitoringType = link.monitoringType.rawValue
            row.note = link.note
            try await row.create(on: db)
        }
    }

    /// Targets with stored realisations (monitor values are read, not stored, and do not count).
    static func targetsWithRealisations(_ loaded: LoadedPlan) -> Set<String> {
        Set(loaded.realisations.filter { $0.value.contains { $0.id != nil } }.map(\.key))
    }
}
