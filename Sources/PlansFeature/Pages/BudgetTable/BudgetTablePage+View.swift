import AppCore
import Plot
import VitaalDomain

extension BudgetTablePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let table = model.table
        return SitePage(
            "Begrotingstabel: \(table.title)", status: model.status,
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle)
                + [("Begroting", PlanURL.budget(plan: .value(model.planKey)).path)],
            .unwrap(model.noticeText) { UI.notice("success", $0) },
            .if(
                !model.editsStructure,
                UI.notice(
                    "info",
                    "Dit plan is geen concept meer: regels en kolommen liggen vast. Werkelijke bedragen vult u in "
                        + "via ‘Bedragen’ bij een regel.")),
            BudgetTableView.view(
                table, actuals: model.actuals,
                editLink: { line in
                    PlanURL.budgetLine(plan: .value(model.planKey), table: .value(table.key), line: .value(line)).path
                }),
            .h2(.text("Regels")),
            items(model.lines, kind: "regel", model, context),
            .if(model.editsStructure, lineForm(model, context)),
            .h2(.text("Kolommen")),
            items(model.columns, kind: "kolom", model, context),
            .if(model.editsStructure, columnForm(model, context)),
            .if(model.editsStructure, removeTable(model, context)))
    }

    static func items(_ items: [Model.Item], kind: String, _ model: Model, _ context: PageContext) -> BodyNode {
        if items.isEmpty { return .p(.class("muted"), .text("Nog geen \(kind == "regel" ? "regels" : "kolommen").")) }
        return UI.table(
            caption: kind == "regel" ? "Regels van \(model.table.title)" : "Kolommen van \(model.table.title)",
            headers: model.editsStructure ? ["Naam", "Soort", "Verwijderen"] : ["Naam", "Soort"],
            rows: items.map { item in
                var row: [BodyNode] = [.text(item.label), .text(item.detail)]
                if model.editsStructure {
                    row.append(
                        .form(
                            .class("inline"), .method(.post), .action(attr(item.removeAction)),
                            Layout.csrfField(context),
                            .button(
                                .type(.submit), .class("button-secondary"),
                                .attribute(named: "aria-label", value: attr("\(item.label) verwijderen")),
                                .text("Verwijderen"))))
                }
                return row
            })
    }

    static func lineForm(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.lineForm
        return .form(
            .method(.post),
            .action(attr(PlanURL.budgetLines(plan: .value(model.planKey), table: .value(model.table.key)).path)),
            .class("card"),
            .h3(.text("Regel toevoegen")),
            form.summary(),
            Layout.csrfField(context),
            BudgetForms.select("regel.sectie", label: "Onderdeel", options: model.sections, form: form),
            form.field(
                "regel.label", label: "Omschrijving", required: true,
                hint: "bijv. ‘Subsidie provincie’ of ‘Personele lasten’; ten hoogste \(BudgetLimits.labelLength) tekens"
            ),
            BudgetForms.select("regel.categorie", label: "Categorie", options: model.categories, form: form),
            .button(.type(.submit), .text("Regel toevoegen")))
    }

    static func columnForm(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.columnForm
        return .form(
            .method(.post),
            .action(attr(PlanURL.budgetColumns(plan: .value(model.planKey), table: .value(model.table.key)).path)),
            .class("card"),
            .h3(.text("Kolom toevoegen")),
            form.summary(),
            Layout.csrfField(context),
            form.field("kolom.label", label: "Kolomnaam", required: true, hint: "bijv. ‘Begroting 2027’"),
            form.field("kolom.jaar", label: "Jaar", required: true),
            form.field(
                "kolom.programma", label: "Programma (optioneel)",
                hint: "bijv. ‘A&O’; ten hoogste \(BudgetLimits.programmeLength) tekens"),
            .button(.type(.submit), .text("Kolom toevoegen")))
    }

    static func removeTable(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post),
            .action(
                attr(PlanURL.budgetTableRemove(plan: .value(model.planKey), table: .value(model.table.key)).path)),
            .class("card"),
            .h3(.text("Tabel verwijderen")),
            .p(.text("Verwijdert de tabel met al haar regels, bedragen en werkelijke bedragen.")),
            Layout.csrfField(context),
            .button(.type(.submit), .class("button-secondary"), .text("Tabel verwijderen")))
    }
}

/// Form parts of the budget pages.
enum BudgetForms {
    /// A labelled `<select>` with the field's error next to it.
    static func select<C: HTML.BodyContext>(
        _ name: String, label: String, options: [(value: String, label: String)], form: PlanForm
    ) -> Node<C> {
        let error = form.errors[name]
        return .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for(attr("f-\(name)")), .text(label)),
            .unwrap(error) { .p(.class("field-message"), .id(attr("f-\(name)-error")), .text($0)) },
            UI.select(name, options: options, selected: form[name]))
    }
}
