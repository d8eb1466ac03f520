import AppCore
import Plot
import VitaalDomain

/// The lever form (a GET what-if: nothing is saved) and the save form (redacteurs).
extension ScenarioPage {
    static func leverForm(_ model: Model) -> BodyNode {
        let form = model.form
        return .form(
            .method(.get), .action(attr(model.version.url.path)), .class("card"),
            .h2(.text("Hefbomen")),
            .p(
                .text(
                    "Pas een of meer hefbomen aan en kies ‘Bereken’. Er wordt niets opgeslagen; de adresregel bevat "
                        + "uw keuzes, zodat u de uitkomst kunt delen.")),
            .div(
                .class("wf-levers"),
                .forEach(WorkforceLevers.catalogue) { leverField($0, form) },
                yearFields(form, baseYear: model.whatIf.saved.baseYear)),
            monitorOption(form),
            .button(.type(.submit), .text("Bereken")),
            .text(" "), .a(.href(attr(model.version.url.path)), .text("Terug naar de opgeslagen waarden")))
    }

    static func leverField<C: HTML.BodyContext>(_ lever: WorkforceLeverDefinition, _ form: WorkforceLeverForm) -> Node<
        C
    > {
        let low = WorkforceLeverForm.display(lever.min * lever.displayFactor)
        let high = WorkforceLeverForm.display(lever.max * lever.displayFactor)
        return UI.field(
            lever.id, label: "\(lever.label) (\(lever.unit))", value: form.raw[lever.id],
            error: form.errors[lever.id], hint: "\(lever.help) Van \(low) tot \(high).",
            attributes: [.attribute(named: "inputmode", value: "decimal")])
    }

    static func yearFields<C: HTML.BodyContext>(_ form: WorkforceLeverForm, baseYear: Int) -> Node<C> {
        let horizon = WorkforceLeverForm.horizonField
        let year = WorkforceLeverForm.yearField
        return .group(
            UI.field(
                horizon, label: "Horizon (laatste jaar)", value: form.raw[horizon], error: form.errors[horizon],
                hint: "Niet vóór het basisjaar \(baseYear).",
                attributes: [.attribute(named: "inputmode", value: "numeric")]),
            UI.field(
                year, label: "Jaar van de samenvatting", value: form.raw[year], error: form.errors[year],
                attributes: [.attribute(named: "inputmode", value: "numeric")]))
    }

    static func monitorOption<C: HTML.BodyContext>(_ form: WorkforceLeverForm) -> Node<C> {
        let field = WorkforceLeverForm.monitorField
        let error = form.errors[field]
        return .div(
            .class(error == nil ? "wf-check" : "wf-check field-error"),
            .unwrap(error) { .p(.class("field-message"), .text($0)) },
            .label(
                .input(.type(.checkbox), .name(field), .value("1"), .checked(form.useMonitor)),
                .text(" Gebruik personeelsbestand, instroom en uitstroom uit de arbeidsmarktmonitor")))
    }

    static func saveForm(_ model: Model, _ context: PageContext) -> BodyNode {
        let save = model.save
        let levers = model.form.queryItems.filter { $0.0 != WorkforceLeverForm.yearField }
        return .form(
            .method(.post), .action(attr(WorkforceURL.save(.value(model.version.id)).path)), .class("card"),
            Layout.csrfField(context),
            .h2(.text("Opslaan")),
            .p(
                .text(
                    model.version.isBase
                        ? "Het basisscenario blijft ongewijzigd: sla uw hefbomen op als een nieuw scenario met een eigen naam."
                        : "Dezelfde naam maakt een nieuwe versie van dit scenario; een andere naam maakt een nieuw scenario."
                )),
            .group(levers.map { item in .input(.type(.hidden), .name(attr(item.0)), .value(attr(item.1))) }),
            .div(
                .class("wf-levers"),
                UI.field("name", label: "Naam", value: save.name, error: save.errors["name"], required: true),
                UI.field("note", label: "Toelichting (wat is er veranderd?)", value: save.note)),
            .button(.type(.submit), .text("Opslaan als scenario")))
    }
}
