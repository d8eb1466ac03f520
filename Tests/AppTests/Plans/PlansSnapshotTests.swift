import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// HTML snapshots of one page of every kind in plans and steering, rendered from page models with
/// the fixed clock (`Fixtures.now`) and a page context without an application request.
final class PlansSnapshotTests: XCTestCase {
    func testPlanPageWithItsGoalTree() async throws {
        try await Fixtures.withPlans { app in
            let loaded = try await Fixtures.loadedPlan(app)
            let context = Fixtures.context(
                viewer: Fixtures.editor(of: loaded),
                path: PlanURL.plan(.value(loaded.key)).path, csrfToken: "token")
            let model = PlanPage.Model(loaded, viewer: context.viewer, notice: PlanNotice.statusChanged.rawValue)
            assertSnapshot(Layout.document(page: PlanPage.view(model, context), context: context), named: "Plans/plan")
        }
    }

    func testProgressReport() async throws {
        try await Fixtures.withPlans { app in
            let loaded = try await PlanStore.load(key: Fixtures.fleverPlan, audience: .public, on: app.db)
            let context = Fixtures.context(path: PlanURL.report(plan: .value(loaded.key)).path)
            let model = await ReportPage.Model.load(
                loaded, kind: .voortgang, viewer: nil, now: Fixtures.now,
                forPDF: false, pdfAvailable: false, on: app.db)
            XCTAssertTrue(model.lead.contains("2025-12-01"), "the report is dated by the given clock")
            assertSnapshot(
                Layout.document(page: ReportPage.view(model, context), context: context),
                named: "Plans/report")
        }
    }

    func testBudgetLineFormWithErrors() async throws {
        try await Fixtures.withPlans { app in
            let loaded = try await Fixtures.loadedPlan(app)
            let (record, table) = try XCTUnwrap(loaded.budgetTables.first.flatMap { loaded.budgetTable($0.key) })
            let line = try XCTUnwrap(table.sections.first?.lines.first)
            var model = try BudgetLinePage.Model(loaded, table: table, record: record, lineKey: line.key)
            let field = try XCTUnwrap(model.fields.first).name
            var values = model.form.values
            values[field] = "veel"
            let refused = VitaalError.invalid(
                "Begrotingsregel niet opgeslagen: 1 fout(en)",
                problems: [
                    Problem("\"veel\" is geen bedrag", at: SourceLocation(field: field))
                ])
            model.form = PlanForm(values: values, refused: refused)
            let context = Fixtures.context(viewer: Fixtures.editor(of: loaded), path: model.action, csrfToken: "token")
            let html = Layout.document(page: BudgetLinePage.view(model, context), context: context)
            XCTAssertTrue(html.contains("aria-invalid=\"true\""))
            assertSnapshot(html, named: "Plans/budget-line-form-errors")
        }
    }

    /// Every page kind renders from its model alone; links go through `PlanURL`.
    func testTargetBudgetDashboardAndNodePagesRenderFromTheirModels() async throws {
        try await Fixtures.withPlans { app in
            let loaded = try await Fixtures.loadedPlan(app)
            let context = Fixtures.context(viewer: Fixtures.editor(of: loaded), csrfToken: "token")
            let target = try XCTUnwrap(loaded.plan.targets.first)
            let targetModel = try await TargetPage.Model.load(
                loaded, targetKey: target.key, viewer: context.viewer, csrfToken: "token", attachmentLimit: 1024,
                notice: PlanNotice.realisationSaved.rawValue, on: app.db)
            let targetPage = Layout.document(page: TargetPage.view(targetModel, context), context: context)
            XCTAssertTrue(targetPage.contains("Realisatie opgeslagen"))
            XCTAssertTrue(
                targetPage.contains(
                    PlanURL.realisations(
                        plan: .value(loaded.key),
                        target: .value(target.key)
                    ).path))
            let budget = Layout.document(
                page: BudgetPage.view(
                    BudgetPage.Model(loaded, viewer: context.viewer),
                    context),
                context: context)
            XCTAssertTrue(budget.contains(PlanURL.personnel(plan: .value(loaded.key)).path))
            let dashboard = try await DashboardPage.Model.load(on: app.db)
            XCTAssertEqual(dashboard.plans.count, 3)
            let node = try XCTUnwrap(loaded.plan.nodes.first)
            let nodeModel = try await NodeEditPage.Model.load(
                loaded, node: node, viewer: context.viewer, notice: "onbekend", on: app.db)
            XCTAssertNil(nodeModel.notice, "an unknown notice code shows nothing")
            let list = try await PlanListPage.Model.load(viewer: nil, on: app.db)
            XCTAssertTrue(list.rows.allSatisfy { $0.status == .vastgesteld || $0.status == .afgesloten })
        }
    }
}
