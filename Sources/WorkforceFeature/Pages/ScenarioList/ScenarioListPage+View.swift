import AppCore
import Plot
import VitaalDomain

extension ScenarioListPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Personeelsplanning zorg en welzijn", breadcrumbs: WorkforceCrumbs.models,
            .p(
                .class("lead"),
                .text(
                    "Hoeveel zorg- en welzijnsmedewerkers heeft Flevoland nodig en hoeveel zijn er beschikbaar? Het model "
                        + "rekent per jaar tot 2040 met instroom, doorstroom, behoud en uitstroom van personeel en met de "
                        + "zorgvraag die door vergrijzing groeit.")),
            .p(
                .text(
                    "Open het basisscenario, verschuif een hefboom en kies ‘Bereken’ om het effect te zien. Redacteuren "
                        + "kunnen een eigen scenario opslaan; elke wijziging wordt een nieuwe versie.")),
            table(model),
            .if(model.rows.count >= 2, WorkforceCompareForm.node(model.compareOptions, selected: [])),
            .if(
                model.canWrite,
                .p(
                    .a(
                        .class("button button-secondary"), .href(WorkforceURL.newScenario.path),
                        .text("Scenariobestand toevoegen")))),
            .p(
                .class("muted"),
                .text("Het model, het bestandsformaat en de kalibratie staan op de pagina "),
                .a(.href(WorkforceURL.about.path), .text("Over dit model")),
                .text(". API: \(WorkforceURL.apiScenarios.path)."))
        )
    }

    static func table(_ model: Model) -> BodyNode {
        UI.table(
            caption: "\(model.rows.count) scenario's (nieuwste versie)",
            headers: ["Scenario", "Versie", "Organisatie", "Tekort (personen)", "Jaar", "Opgeslagen"],
            rows: model.rows.map(row), numericColumns: [3])
    }

    static func row(_ row: Model.Row) -> [BodyNode] {
        let version = row.version
        let shortage = row.year.map {
            "\(WorkforceViews.n($0.total.shortagePersons)) (\(WorkforceViews.pct($0.total.shortageRate)))"
        }
        return [
            .group(
                .a(.href(attr(version.url.path)), .text(version.name)),
                .if(version.isBase, .group(.text(" "), UI.badge("basisscenario", kind: "internal"))),
                .if(version.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
            .text("v\(version.version)"),
            .text(version.organisationName ?? "–"),
            .text(shortage ?? "–"),
            .text(row.year.map { String($0.year) } ?? "–"),
            .text(version.createdAt.map(DutchDate.dateTime) ?? "–")
        ]
    }
}

/// The form that picks two scenarios to compare (list and comparison pages).
enum WorkforceCompareForm {
    static func node(_ versions: [WorkforceScenarioVersion], selected: [String]) -> BodyNode {
        let options = versions.map { (value: $0.id, label: "\($0.name) (v\($0.version))") }
        return .form(
            .method(.get), .action(WorkforceURL.compare.path), .class("card"),
            .h2(.text("Scenario's vergelijken")),
            .div(
                .class("wf-levers"),
                .div(
                    .class("field"), .label(.for("f-a"), .text("Scenario A")),
                    UI.select("a", options: options, selected: selected.first ?? options.first?.value)),
                .div(
                    .class("field"), .label(.for("f-b"), .text("Scenario B")),
                    UI.select(
                        "b", options: options,
                        selected: selected.dropFirst().first ?? options.dropFirst().first?.value))),
            .button(.type(.submit), .text("Vergelijk")))
    }
}
