import AppCore
import Plot

extension BudgetLinePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Begrotingsregel wijzigen",
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle)
                + [("Begroting", PlanURL.budget(plan: .value(model.planKey)).path)],
            .p(.class("lead"), .text("\(model.tableTitle): \(model.lineLabel)")),
            .p(.text("Bedragen zoals in de tabel (\(model.unitLabel)): 1.247 of 1.247,5; – of leeg voor niets; PM.")),
            model.form.summary(),
            .form(
                .method(.post), .action(attr(model.action)), .class("card"),
                Layout.csrfField(context),
                .forEach(model.fields) { model.form.field($0.name, label: $0.label) },
                .button(.type(.submit), .text("Opslaan"))))
    }
}
