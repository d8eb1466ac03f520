import AppCore
import Plot
import VitaalDomain

extension ApprovalPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Vaststelling: \(model.title)", status: model.httpStatus,
            breadcrumbs: PlanViews.planCrumbs(key: model.key, title: model.title),
            .unwrap(model.notice.flatMap(model.noticeText)) { UI.notice("success", $0) },
            .unwrap(model.refusal) { UI.notice("error", $0) },
            facts(model),
            .unwrap(model.rejection) { rejection in
                .div(
                    .class("notice notice-warning"), .attribute(named: "role", value: "status"),
                    .p(
                        .strong(
                            .text("Afgewezen of teruggezet door \(rejection.by) op \(DutchDate.dateTime(rejection.at))")
                        )),
                    .p(.text("Reden: \(rejection.reason)")))
            },
            PlanViews.lifecycle(model.status),
            .h2(.text("Wat u nu kunt doen")),
            steps(model, context),
            rule(model),
            .h2(.text("Geschiedenis van de status")),
            history(model))
    }

    static func facts(_ model: Model) -> BodyNode {
        .dl(
            .class("kv"),
            .dt(.text("Organisatie")), .dd(.text(model.organisation)),
            .dt(.text("Status")), .dd(PlanViews.planStatusBadge(model.status)),
            .dt(.text("Ingediend door")), .dd(.text(model.submittedBy ?? "–")),
            .dt(.text("Vastgesteld door")),
            .dd(.text(model.adopted.map { "\($0.by) op \(DutchDate.dateTime($0.at))" } ?? "–")))
    }

    static func steps(_ model: Model, _ context: PageContext) -> BodyNode {
        if model.steps.isEmpty {
            return .group(
                .p(
                    .class("muted"),
                    .text(
                        context.viewer == nil
                            ? "Log in om dit plan in te dienen, vast te stellen of af te wijzen."
                            : "U kunt de status van dit plan nu niet wijzigen.")),
                .unwrap(model.adoptHint) { .p(.class("hint"), .text($0)) })
        }
        return .group(
            .forEach(model.steps) { step in
                step.needsReason ? reasonForm(step, model, context) : button(step, model, context)
            },
            .unwrap(model.adoptHint) { .p(.class("hint"), .text($0)) })
    }

    static func button(_ step: Model.Step, _ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(PlanURL.status(plan: .value(model.key)).path)), .class("card"),
            Layout.csrfField(context), .input(.type(.hidden), .name("status"), .value(step.to.rawValue)),
            .button(.type(.submit), .text(step.label)))
    }

    /// The rejection or withdrawal form: the reason is required and shown again after a refusal.
    static func reasonForm(_ step: Model.Step, _ model: Model, _ context: PageContext) -> BodyNode {
        let error = model.errors["reden"]
        let describedBy = error == nil ? "f-reden-hint" : "f-reden-error f-reden-hint"
        return .form(
            .method(.post), .action(attr(PlanURL.status(plan: .value(model.key)).path)), .class("card"),
            Layout.csrfField(context), .input(.type(.hidden), .name("status"), .value(step.to.rawValue)),
            .div(
                .class(error == nil ? "field" : "field field-error"),
                .label(.for("f-reden"), .text("Reden")),
                .small(
                    .class("hint"), .id("f-reden-hint"),
                    .text(
                        "Verplicht, ten hoogste \(TransitionInput.maxReason) tekens. De reden staat daarna bij het "
                            + "plan en in de geschiedenis.")),
                .unwrap(error) { .p(.class("field-message"), .id("f-reden-error"), .text($0)) },
                .textarea(
                    .id("f-reden"), .name("reden"), .attribute(named: "rows", value: "4"),
                    .attribute(named: "required", value: "required"),
                    .attribute(named: "aria-describedby", value: describedBy),
                    .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                    .text(model.reason))),
            .button(.type(.submit), .class("button-secondary"), .text(step.label)))
    }

    static func rule(_ model: Model) -> BodyNode {
        .p(
            .class("muted"),
            .text(
                "Vier-ogenprincipe: een redacteur van \(model.organisation) dient het plan in; een vaststeller van "
                    + "\(model.steering) of een beheerder stelt het vast of wijst het af met een reden, nooit "
                    + "degene die het indiende. Elke stap komt met gebruiker en tijd in de geschiedenis."))
    }

    static func history(_ model: Model) -> BodyNode {
        if model.history.isEmpty { return .p(.class("muted"), .text("Nog geen statuswijzigingen vastgelegd.")) }
        return UI.table(
            caption: "Statuswijzigingen, nieuwste eerst", headers: ["Tijd", "Door", "Wijziging"],
            rows: model.history.map { row in
                [.text(DutchDate.dateTime(row.at)), .text(row.actor), .text(row.summary)]
            })
    }
}
