import AppCore
import Fluent
import Foundation
import VitaalDomain

/// The goal tree and targets of a concept plan before one change in the browser (the version
/// history; the newest one is restored by "laatste wijziging ongedaan maken").
final class PlanTreeVersionRecord: Model, @unchecked Sendable {
    static let schema = "plan_tree_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    /// 1, 2, 3 … per plan; the highest is the newest.
    @Field(key: "number") var number: Int
    /// The change that followed this state, e.g. "Doel \"Wonen\" verwijderd".
    @Field(key: "summary") var summary: String
    @Field(key: "actor") var actor: String
    /// JSON of `PlanTreeSnapshot`.
    @Field(key: "snapshot") var snapshotJSON: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var snapshot: PlanTreeSnapshot? { JSONText.decodeOptional(PlanTreeSnapshot.self, snapshotJSON) }
}

/// A goal tree with its nodes (logic models and indicator links included) and the plan's targets
/// (their realisations are not part of it: they stay where they are).
struct PlanTreeSnapshot: Codable {
    var nodes: [GoalNode]
    var targets: [SmartTarget]
}
