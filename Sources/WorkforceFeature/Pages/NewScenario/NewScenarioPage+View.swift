import AppCore
import Plot
import Vapor
import VitaalDomain

/// Adding a scenario by pasting a scenario file (redacteurs).
enum NewScenarioPage {
    /// The form's values and the problems of a refused file.
    struct Model: Sendable {
        var text = ""
        var name = ""
        var problems: VitaalError?

        var status: HTTPResponseStatus { problems == nil ? .ok : .unprocessableEntity }
    }

    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Scenariobestand toevoegen", status: model.status, breadcrumbs: WorkforceCrumbs.list,
            .unwrap(model.problems) { UI.problems($0.message + " — er is niets opgeslagen.", $0.problems) },
            .p(
                .text("Plak een scenariobestand (JSON). Het formaat staat op de pagina "),
                .a(.href(WorkforceURL.about.path), .text("Over dit model")),
                .text(
                    "; het basisscenario is een goed begin: download het via de scenariopagina of met ‘vitaal workforce base’. Elke fout "
                        + "wordt gemeld met veld en regel.")),
            .form(
                .method(.post), .action(WorkforceURL.newScenario.path), .class("card"),
                Layout.csrfField(context),
                UI.field("name", label: "Naam (leeg: de naam uit het bestand)", value: model.name),
                .div(
                    .class("field"), .label(.for("f-scenario"), .text("Scenariobestand (JSON)")),
                    .textarea(
                        .id("f-scenario"), .name("scenario"), .attribute(named: "rows", value: "18"),
                        .attribute(named: "cols", value: "80"), .attribute(named: "spellcheck", value: "false"),
                        .text(model.text))),
                .button(.type(.submit), .text("Controleren en opslaan"))))
    }
}
