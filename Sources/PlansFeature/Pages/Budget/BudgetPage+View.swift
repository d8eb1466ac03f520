import AppCore
import Plot
import VitaalDomain

extension BudgetPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Begroting: \(model.title)", status: model.tableForm?.message == nil ? .ok : .unprocessableEntity,
            breadcrumbs: PlanViews.planCrumbs(key: model.key, title: model.title),
            .p(
                .a(.href(attr(PlanURL.budgetCSV(plan: .value(model.key)).path)), .text("Begroting (CSV)")),
                .text(" · "),
                .a(.href(attr(PlanURL.budgetXLSX(plan: .value(model.key)).path)), .text("Begroting (Excel)"))),
            .if(model.tables.isEmpty, .p(.class("muted"), .text("Dit plan heeft geen begroting."))),
            .forEach(model.tables) { table($0) },
            .unwrap(model.tableForm) { tableForm(model, form: $0, context) },
            .h2(.text("Personeel")),
            .forEach(model.personnelProblems) { UI.notice("warning", $0) },
            model.personnel.isEmpty
                ? .p(.class("muted"), .text("Geen personeelsgegevens."))
                : BudgetViews.personnel(model.personnel),
            .unwrap(model.personnelYear) { personnelForm(key: model.key, year: $0, context) })
    }

    static func table(_ table: Model.Table) -> BodyNode {
        let budget = table.table
        return .group(
            .h2(.text(budget.title)),
            .unwrap(budget.sourceRef) { .p(.class("muted"), .text("Bron: \($0)")) },
            BudgetTableView.view(budget, actuals: table.actuals, editLink: table.editLink),
            BudgetViews.check(budget),
            .if(!budget.notes.isEmpty, .ul(.class("muted"), .forEach(budget.notes) { .li(.text($0)) })),
            .unwrap(table.structureLink) {
                .p(.class("no-print"), .a(.href(attr($0)), .text("Regels en kolommen van \(budget.title) bewerken")))
            },
            .if(table.hasBudgetColumns, BudgetComparisonView.view(table.comparison, table: budget)))
    }

    /// The form to add a budget table (#16): title, unit, the first column's year and programme.
    static func tableForm(_ model: Model, form: PlanForm, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(PlanURL.budgetTables(plan: .value(model.key)).path)), .class("card no-print"),
            .h3(.text("Begrotingstabel toevoegen")),
            form.summary(),
            Layout.csrfField(context),
            form.field(
                "titel", label: "Titel", required: true,
                hint: "bijv. ‘Begroting programma Gezond Leven’; ten hoogste \(BudgetLimits.titleLength) tekens"),
            BudgetForms.select(
                "eenheid", label: "Eenheid", options: [("euro", "euro"), ("duizend", "duizend euro")], form: form),
            form.field("jaar", label: "Jaar van de eerste kolom", required: true),
            form.field(
                "programma", label: "Programma (optioneel)",
                hint: "bijv. ‘A&O’; ten hoogste \(BudgetLimits.programmeLength) tekens"),
            .p(
                .class("hint"),
                .text(
                    "De tabel krijgt de onderdelen Baten en Lasten en één kolom; regels en meer kolommen voegt u "
                        + "daarna toe.")),
            .button(.type(.submit), .text("Tabel toevoegen")))
    }

    static func personnelForm(key: String, year: Int, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(PlanURL.personnel(plan: .value(key)).path)), .class("card no-print"),
            .h3(.text("Personeelsgegevens invoeren of bijwerken")),
            Layout.csrfField(context),
            UI.field("year", label: "Jaar", value: "\(year)", required: true),
            UI.field("employees", label: "Medewerkers", required: true),
            UI.field("fte", label: "FTE", required: true, hint: "bijv. 23,3"),
            UI.field("programmeHours", label: "Programma-uren", required: true),
            UI.field("indirectHours", label: "Indirecte uren", required: true),
            .button(.type(.submit), .text("Opslaan")))
    }
}
