import AppCore
import Foundation
import VitaalDomain

/// The version history of a concept plan's goal tree (`/plannen/<key>/versies`): every change made
/// in the browser, newest first, and the button that undoes the newest.
enum TreeHistoryPage {
    struct Row {
        var number: Int
        var date: String
        var actor: String
        var summary: String
        var nodes: Int
    }

    struct Model {
        var planKey: String
        var planTitle: String
        var undoAction: String
        var rows: [Row]

        init(_ loaded: LoadedPlan, versions: [PlanTreeVersionRecord]) {
            planKey = loaded.key
            planTitle = loaded.plan.title
            undoAction = PlanURL.undoTree(plan: .value(loaded.key)).path
            rows = versions.map { version in
                Row(
                    number: version.number,
                    date: version.createdAt.map { DutchDate.dateTime($0) } ?? "",
                    actor: version.actor, summary: version.summary, nodes: version.snapshot?.nodes.count ?? 0)
            }
        }
    }
}
