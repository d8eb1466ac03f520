import AppCore
import Plot
import VitaalDomain

extension TargetPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.measure, breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .unwrap(model.notice) { UI.notice("success", $0) },
            .if(model.isExample, UI.badge("voorbeelddata")),
            facts(model),
            .unwrap(model.editLink) {
                .p(.class("no-print"), .a(.href(attr($0)), .text("Doelstelling bewerken of verwijderen")))
            },
            .h2(.text("Doorwerking naar doelen en plan")),
            UI.table(
                caption: nil, headers: ["Niveau", "Doel", "Status"],
                rows: model.chain.map { row in
                    [
                        .text(row.level), row.link.map { .a(.href(attr($0)), .text(row.title)) } ?? .text(row.title),
                        PlanViews.rollUpNode(row.rollUp)
                    ]
                }),
            model.isSmart
                ? .group(.h2(.text("Realisaties")), realisations(model.realisations), PlanViews.statusRule)
                : assessments(model),
            .unwrap(model.form) { realisationForm($0, context) },
            .unwrap(model.assessmentForm) { assessmentForm($0, context) })
    }

    static func facts(_ model: Model) -> BodyNode {
        .dl(
            .class("kv"),
            .if(
                !model.isSmart,
                .group(.dt(.text("Soort")), .dd(UI.badge("inspanningsdoel"), .text(" niet-SMART")))),
            .dt(.text("Status")), .dd(PlanViews.status(model.status, label: model.isSmart ? nil : model.statusText)),
            .dt(.text("Doel")), .dd(.text(model.node)),
            .dt(.text("Nulmeting")), .dd(.text(model.baseline)),
            .dt(.text("Streefwaarde")), .dd(.text(model.goal)),
            .dt(.text("Stand")), .dd(.text(model.current)),
            .dt(.text("Bron van realisaties")), .dd(.text(model.source)),
            .unwrap(model.responsible) { .group(.dt(.text("Verantwoordelijk")), .dd(.text($0))) },
            .unwrap(model.sourceText) { .group(.dt(.text("Tekst in het plan")), .dd(.text($0))) })
    }

    /// The assessments of an inspanningsdoel, newest first, and how its status is set.
    static func assessments(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Beoordelingen")),
            .p(
                .class("muted"),
                .text(
                    "Een inspanningsdoel heeft geen streefwaarde. Per rapportagemoment beoordeelt de "
                        + "verantwoordelijke de voortgang met een toelichting; de status is de laatste beoordeling.")),
            model.assessments.isEmpty
                ? .p(.class("muted"), .text("Nog geen beoordeling."))
                : UI.table(
                    caption: nil, headers: ["Peildatum", "Periode", "Beoordeling", "Toelichting", "Door"],
                    rows: model.assessments.map { row in
                        [
                            .text(row.date), .text(row.period),
                            PlanViews.status(row.judgement.status, label: row.judgement.label),
                            .group(.text(row.explanation), PlanViews.exampleBadge(row.isExample)),
                            row.assessedBy.isEmpty
                                ? .span(.class("muted"), .text("zichtbaar na inloggen")) : .text(row.assessedBy)
                        ]
                    }))
    }

    static func assessmentForm(_ form: AssessmentForm, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(form.action)), .class("card no-print"),
            .h2(.text("Beoordeling toevoegen")),
            form.form.summary(),
            Layout.csrfField(context),
            PlanFormViews.select("judgement", label: "Beoordeling", options: form.judgements, form: form.form),
            form.form.field(
                "date", label: "Peildatum", type: .date, required: true, hint: "binnen de planperiode \(form.period)"),
            form.form.field("period", label: "Rapportagemoment", hint: "bijv. 2025-T2 of voortgangsrapportage"),
            PlanFormViews.textarea(
                "explanation", label: "Toelichting (verplicht)", form: form.form,
                hint: "Waarop berust de beoordeling? Wat is gedaan, wat staat nog open?"),
            .button(.type(.submit), .text("Beoordeling opslaan")))
    }

    static func realisations(_ rows: [Model.Realisation]) -> BodyNode {
        if rows.isEmpty { return .p(.class("muted"), .text("Nog geen realisaties.")) }
        return UI.table(
            caption: nil, headers: ["Datum", "Periode", "Waarde", "Onderbouwing"],
            rows: rows.map { row in
                [.text(row.date), .text(row.period), .text(row.value), evidence(row)]
            }, numericColumns: [2])
    }

    static func evidence(_ row: Model.Realisation) -> BodyNode {
        .group(
            row.evidence.map { .text($0) } ?? .span(.class("muted"), .text("zichtbaar na inloggen")),
            .unwrap(row.evidenceLink) { .group(.text(" "), .a(.href(attr($0)), .text("bewijsstuk"))) },
            .forEach(row.attachments) { file in
                .span(
                    .class("plan-attachment"), .text(" "), .a(.href(attr(file.link)), .text(file.filename)),
                    .span(.class("muted"), .text(" (\(file.size))")))
            },
            PlanViews.exampleBadge(row.isExample),
            .unwrap(row.editLink) {
                .group(.text(" "), .a(.class("no-print"), .href(attr($0)), .text("Corrigeren of verwijderen")))
            })
    }

    static func realisationForm(_ form: RealisationForm, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(form.action)), .enctype(.multipartData), .class("card no-print"),
            .h2(.text("Realisatie invoeren")),
            form.form.summary(),
            Layout.csrfField(context),
            form.form.field(
                "value", label: form.counts ? "Aantal in deze periode" : "Gemeten waarde", required: true,
                hint: form.counts ? "Bij tellingen worden de realisaties opgeteld." : nil),
            form.form.field(
                "date", label: "Datum", type: .date, required: true,
                hint: "binnen de planperiode \(form.period)"),
            form.form.field("period", label: "Periode", hint: "bijv. 2025-K2"),
            form.form.field("evidence", label: "Onderbouwing"),
            form.form.field("evidenceLink", label: "Link naar bewijsstuk", type: .url),
            attachmentField(form),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func attachmentField<C: HTML.BodyContext>(_ form: RealisationForm) -> Node<C> {
        .div(
            .class("field"), .label(.for("f-bijlage"), .text("Bijlage (optioneel)")),
            .small(
                .class("hint"), .id("f-bijlage-hint"),
                .text(
                    "\(PlanAttachments.allowedText), hoogstens \(form.attachmentLimit); alleen zichtbaar voor "
                        + "ingelogde gebruikers")),
            .unwrap(form.form.errors["bijlage"]) { .p(.class("field-message"), .id("f-bijlage-error"), .text($0)) },
            .input(
                .type(.file), .id("f-bijlage"), .name("bijlage"),
                .attribute(
                    named: "aria-describedby",
                    value: "f-bijlage-hint"),
                .attribute(
                    named: "accept",
                    value: PlanAttachments.allowedTypes.map { ".\($0.ext)" }.joined(separator: ","))))
    }
}
