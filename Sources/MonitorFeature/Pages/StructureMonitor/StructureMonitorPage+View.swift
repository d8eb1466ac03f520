import AppCore
import Plot

extension StructureMonitorPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.name, status: model.status,
            breadcrumbs: MonitorURL.crumbs + [("Monitors en thema's", MonitorURL.structure.path)],
            .unwrap(model.notice) { UI.notice("success", $0.text) },
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .if(
                model.isRetired,
                UI.notice("warning", "Deze monitor is vervallen: hij staat niet in de openbare lijsten.")),
            .p(
                .a(.href(attr(MonitorURL.monitor(.value(model.slug)).path)), .text("Bekijk de monitor")),
                .text(" · "), .a(.href(MonitorURL.catalogue.path), .text("Indicatorencatalogus"))),
            .group(model.themes.map { theme($0, model, context) }),
            .if(
                !model.loose.isEmpty,
                .group(.h2(.text("Zonder thema")), items(model.loose, caption: "Indicatoren zonder thema", context))),
            addIndicator(model, context),
            .if(model.isBeheerder, .group(newTheme(model, context), editMonitor(model, context))))
    }

    static func theme(_ theme: Model.Theme, _ model: Model, _ context: PageContext) -> BodyNode {
        .section(
            .class("card mon-theme"),
            .h2(.text(theme.name), .text(" "), .if(theme.isRetired, UI.badge("vervallen", kind: "retired"))),
            .p(.class("muted"), .text(theme.summary.isEmpty ? "Thema \(theme.code)" : theme.summary)),
            .if(
                model.isBeheerder,
                .group(
                    StructureButtons.group(
                        move: .structureThemeMove(.value(theme.id)), retire: .structureThemeRetire(.value(theme.id)),
                        isFirst: theme.isFirst, isLast: theme.isLast, isRetired: theme.isRetired,
                        label: "thema \(theme.name)", context),
                    editTheme(theme, context))),
            theme.items.isEmpty
                ? .p(.class("muted"), .text("Nog geen indicatoren in dit thema."))
                : items(theme.items, caption: "Indicatoren in thema \(theme.name)", context))
    }

    static func items(_ items: [Model.Item], caption: String, _ context: PageContext) -> BodyNode {
        UI.table(
            caption: caption, headers: ["Indicator", "Code", ""],
            rows: items.map { item in
                [
                    .a(.href(attr(MonitorURL.indicator(.value(item.code)).path)), .text(item.name)),
                    .code(.text(item.code)),
                    item.canChange
                        ? .div(
                            .class("mon-buttons no-print"),
                            StructureButtons.group(
                                move: .structureItemMove(.value(item.id)), retire: nil, isFirst: item.isFirst,
                                isLast: item.isLast, isRetired: false, label: item.name, context),
                            StructureButtons.button(
                                .structureItemDelete(.value(item.id)), name: nil, value: "", text: "Uit monitor halen",
                                label: item.name, context))
                        : .text("")
                ]
            })
    }

    static func editTheme(_ theme: Model.Theme, _ context: PageContext) -> BodyNode {
        .details(
            .summary(.text("Thema bewerken")),
            .form(
                .method(.post), .action(attr(MonitorURL.structureTheme(.value(theme.id)).path)), .class("mon-form"),
                Layout.csrfField(context),
                field("themeName", id: "f-themeName-\(theme.id)", label: "Naam", value: theme.name),
                field("themeSummary", id: "f-themeSummary-\(theme.id)", label: "Omschrijving", value: theme.summary),
                .button(.type(.submit), .text("Thema opslaan"))))
    }

    static func addIndicator(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(MonitorURL.structureItemNew(.value(model.slug)).path)),
            .class("card mon-form"),
            Layout.csrfField(context),
            .h2(.text("Indicator toevoegen")),
            model.addable.isEmpty
                ? .p(.class("muted"), .text("U heeft geen indicatoren om toe te voegen."))
                : .group(
                    select("indicator", "Indicator", model.addable, error: model.error(for: "indicator")),
                    select("theme", "Thema", model.themeOptions, error: model.error(for: "theme")),
                    .p(
                        .class("hint"),
                        .text("Staat de indicator al in deze monitor, dan gaat hij naar het gekozen thema.")),
                    .button(.type(.submit), .text("Toevoegen"))))
    }

    static func newTheme(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(MonitorURL.structureThemeNew(.value(model.slug)).path)),
            .class("card mon-form"),
            Layout.csrfField(context),
            .h2(.text("Nieuw thema")),
            UI.field(
                "themeCode", label: "Code", value: model.forms.themeCode, error: model.error(for: "themeCode"),
                required: true, hint: "kleine letters, cijfers en _, uniek binnen de monitor"),
            UI.field(
                "themeName", label: "Naam", value: model.forms.themeName, error: model.error(for: "themeName"),
                required: true),
            UI.field(
                "themeSummary", label: "Omschrijving", value: model.forms.themeSummary,
                error: model.error(for: "themeSummary")),
            .button(.type(.submit), .text("Thema aanmaken")))
    }

    static func editMonitor(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(MonitorURL.structureMonitor(.value(model.slug)).path)),
            .class("card mon-form"),
            Layout.csrfField(context),
            .h2(.text("Monitor bewerken")),
            UI.field("name", label: "Naam", value: model.forms.name, error: model.error(for: "name"), required: true),
            UI.field("summary", label: "Omschrijving", value: model.forms.summary, error: model.error(for: "summary")),
            .button(.type(.submit), .text("Monitor opslaan")))
    }

    static func select<C: HTML.BodyContext>(_ name: String, _ label: String, _ options: [Model.Option], error: String?)
        -> Node<C>
    {
        .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for(attr("f-\(name)")), .text(label)),
            .unwrap(error) { .p(.class("field-message"), .text($0)) },
            UI.select(name, options: options.map { ($0.value, $0.label) }, selected: nil))
    }

    /// A text field with its own id (the page has one edit form per theme).
    static func field<C: HTML.BodyContext>(_ name: String, id: String, label: String, value: String) -> Node<C> {
        .div(
            .class("field"), .label(.for(attr(id)), .text(label)),
            .input(.type(.text), .id(attr(id)), .name(attr(name)), .value(attr(value))))
    }
}
