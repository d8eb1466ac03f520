import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Loads the demo plans of `PlansDemoData` (Flever year plan 2025, Contourenschets Krachtige
/// Samenleving 2020, Regioplan IZA Flevoland). Idempotent: a plan whose key exists is skipped.
public enum PlansDemoLoader {
    /// Example realisations (not from a source; marked "voorbeelddata" on every page) so the status
    /// rule and the dashboard have something to show: (target key, value, date).
    static let exampleRealisations: [(String, Double, PlanDate)] = [
        ("VVI.t3", 1, PlanDate(2025, 3, 31)!), ("VVI.t3", 1, PlanDate(2025, 6, 30)!),  // 2 of 4 by mid-year: op koers
        ("VVI.t4", 1, PlanDate(2025, 5, 31)!),  // 1 of 3 by end of May: risico
        ("VVI.t6", 4, PlanDate(2025, 6, 30)!),  // 4 of 6 by mid-year: op koers
        ("AO.t1", 1, PlanDate(2025, 6, 30)!),  // 1 of 4 by mid-year: achter
        ("AO.t2", 1, PlanDate(2025, 3, 15)!), ("AO.t2", 2, PlanDate(2025, 6, 15)!)  // 3 of 3: behaald
    ]

    public static func load(on db: any Database, now: Date, log: @escaping @Sendable (String) -> Void) async throws {
        for var plan in PlansDemoData.all {
            if try await PlanRecord.query(on: db).filter(\.$key == plan.key).first() != nil {
                log("Plan \"\(plan.title)\" bestaat al; overgeslagen.")
                continue
            }
            let slug = PlanStore.organisationSlug(forOwner: plan.owner)
            guard let organisation = try await Organisation.query(on: db).filter(\.$slug == slug).first() else {
                log("Organisatie \(slug) ontbreekt; plan \"\(plan.title)\" overgeslagen.")
                continue
            }
            var examples: Set<String> = []
            if plan.key == "flever-jaarplan-2025" {
                for (key, value, date) in exampleRealisations {
                    guard let i = plan.targets.firstIndex(where: { $0.key == key }) else { continue }
                    plan.targets[i].realisations.append(
                        Realisation(
                            period: "\(date.year)-K\((date.month - 1) / 3 + 1)", value: value, date: date,
                            evidence: "Voorbeelddata: verzonnen realisatie om de statusregel te tonen."))
                    examples.insert(key)
                }
                // The year plan names "vraagstukken rondom instroom en behoud" as the A&O goal for 2025 (its "Doelenboom"):
                // linked to the monitor's labour-market indicators (interpretation).
                if let i = plan.nodes.firstIndex(where: { $0.key == "A&O.doel2025" }) {
                    plan.nodes[i].indicators = [
                        IndicatorLink(
                            "az_instroom", .outcome,
                            note: "Instroom (koppeling bij het Doel 2025 van A&O, interpretatie)"),
                        IndicatorLink(
                            "az_behoud_eerste_jaar", .outcome,
                            note: "Behoud (koppeling bij het Doel 2025 van A&O, interpretatie)")
                    ]
                }
            }
            if plan.key == "regioplan-iza-flevoland" {
                // Chapter 7's own examples map onto monitor indicators of the transformation monitor.
                for (node, link) in [
                    (
                        "B4.doel",
                        IndicatorLink(
                            "tz_welzijn_op_recept", .output,
                            note: "Voorbeeld uit hoofdstuk 7: deelnemers Welzijn op Recept")
                    ),
                    (
                        "B2.doel",
                        IndicatorLink(
                            "tz_ggz_wachttijd", .outcome, note: "Voorbeeld uit hoofdstuk 7: wachtlijsten in de GGZ")
                    )
                ] {
                    if let i = plan.nodes.firstIndex(where: { $0.key == node }) { plan.nodes[i].indicators = [link] }
                }
            }
            try plan.validate()
            let frozen = plan
            let exampleKeys = examples
            try await db.transaction { db in
                try await PlanStore.create(
                    frozen, organisationID: organisation.id!, exampleRealisationTargets: exampleKeys, createdBy: "demo",
                    on: db)
                try await Audit.record(
                    on: db, user: nil, actor: "systeem", action: "demo", entity: "plan", entityID: frozen.key,
                    summary: "Demoplan \"\(frozen.title)\" geladen", at: now)
            }
            log(
                "Plan \"\(plan.title)\" geladen: \(plan.nodes.count) doelen, \(plan.targets.count) doelstellingen, \(plan.budgets.count) begrotingstabellen."
            )
        }
        try await loadLinks(on: db, log: log)
    }

    /// The demo's plan links (`PlansDemoData.planLinks`) between goals of plans that are loaded; a link
    /// that exists already is skipped.
    static func loadLinks(on db: any Database, log: @escaping @Sendable (String) -> Void) async throws {
        var count = 0
        for link in PlansDemoData.planLinks {
            guard let from = try await node(plan: link.fromPlan, key: link.fromNode, on: db),
                let to = try await node(plan: link.toPlan, key: link.toNode, on: db)
            else {
                log("Plankoppeling \(link.fromPlan)/\(link.fromNode) → \(link.toPlan)/\(link.toNode) overgeslagen.")
                continue
            }
            let exists = try await PlanLinkRecord.query(on: db).filter(\.$from.$id == from.requireID())
                .filter(\.$to.$id == to.requireID()).first()
            guard exists == nil else { continue }
            let record = PlanLinkRecord()
            record.$from.id = try from.requireID()
            record.$to.id = try to.requireID()
            record.note = link.note
            record.createdBy = "demo"
            try await record.create(on: db)
            count += 1
        }
        if count > 0 { log("\(count) plankoppelingen geladen.") }
    }

    static func node(plan key: String, key nodeKey: String, on db: any Database) async throws -> GoalNodeRecord? {
        guard let plan = try await PlanRecord.query(on: db).filter(\.$key == key).first() else { return nil }
        return try await GoalNodeRecord.query(on: db).filter(\.$plan.$id == plan.requireID())
            .filter(\.$key == nodeKey).first()
    }
}
