import AppCore
import Fluent
import VitaalDomain

/// The province's contributions across plans (`/plannen/bijdragen`, #16): per funding source and year
/// the budgeted and actual amounts of the "Subsidie provincie" lines of every plan the viewer may see
/// (`ProvinceContributions` has the rule), with totals per year and source and, per cell, the plans
/// it comes from. Also the source of the CSV download and the JSON API.
enum ContributionsPage {
    struct Model {
        var contributions: ProvinceContributions
        /// Whether concept and submitted plans are included (logged-in readers).
        var includesUnpublished: Bool

        /// The plans the viewer may see: published ones for everyone, all of them for logged-in readers
        /// (the rule of `PlanAccess.requireVisible`). Only the province's lines are read.
        static func load(viewer: PageContext.Viewer?, on db: any Database) async throws -> Self {
            let includesUnpublished = PlanAccess.seesUnpublished(viewer)
            let plans = try await PlanStore.all(on: db).filter {
                includesUnpublished || PlanAccess.isPublished($0.planStatus)
            }
            let planIDs = plans.compactMap(\.id)
            let tables =
                planIDs.isEmpty
                ? []
                : try await BudgetTableRecord.query(on: db).filter(\.$plan.$id ~~ planIDs).sort(\.$sortOrder).all()
            let tableIDs = tables.compactMap(\.id)
            let entries =
                tableIDs.isEmpty
                ? []
                : try await BudgetEntryRecord.query(on: db).filter(\.$table.$id ~~ tableIDs)
                    .filter(\.$category == ProvinceContributions.category.rawValue).sort(\.$sortOrder).all()
            let entriesByTable = Dictionary(grouping: entries, by: { $0.$table.id })
            let tablesByPlan = Dictionary(grouping: tables, by: { $0.$plan.id })
            let budgets = plans.map { plan in
                let records = tablesByPlan[plan.id!] ?? []
                var actuals: [String: [String: [String: Money]]] = [:]
                for record in records {
                    for entry in entriesByTable[record.id!] ?? [] {
                        guard let cents = entry.actualCents else { continue }
                        actuals[record.key, default: [:]][entry.lineKey, default: [:]][entry.columnKey] = Money(
                            cents: cents)
                    }
                }
                return ProvinceContributions.PlanBudgets(
                    key: plan.key, title: plan.title, organisation: plan.organisation.name,
                    tables: records.map { PlanStore.budgetTable(from: $0, entries: entriesByTable[$0.id!] ?? []) },
                    actuals: actuals)
            }
            return Self(contributions: ProvinceContributions(budgets), includesUnpublished: includesUnpublished)
        }

        /// The anchor of the plans behind one cell.
        func anchor(source: String, year: Int) -> String {
            "herkomst-\(contributions.sources.firstIndex(of: source) ?? 0)-\(year)"
        }

        /// The CSV: one row per plan, source and year, amounts in euros as the budget CSV writes them.
        static let csvHeaders = [
            "Financieringsbron", "Jaar", "Plan", "Plantitel", "Organisatie", "Begroot (euro)", "Werkelijk (euro)",
            "Tabel begroot", "Tabel werkelijk"
        ]

        var csvRows: [[String]] {
            contributions.entries.map { entry in
                [
                    entry.source, "\(entry.year)", entry.planKey, entry.planTitle, entry.organisation,
                    entry.budget.map(PlanDownloadController.euros) ?? "",
                    entry.actual.map(PlanDownloadController.euros) ?? "", entry.budgetTable ?? "",
                    entry.actualTable ?? ""
                ]
            }
        }
    }
}

extension PlanAccess {
    /// Published plans (vastgesteld, afgesloten) are public.
    static func isPublished(_ status: PlanStatus) -> Bool { [.vastgesteld, .afgesloten].contains(status) }

    /// Logged-in readers (lezer and up) also see concept and submitted plans (see `requireVisible`).
    static func seesUnpublished(_ viewer: PageContext.Viewer?) -> Bool {
        guard let viewer else { return false }
        return viewer.role >= .lezer
    }
}
