import AppCore
import Plot
import VitaalDomain

/// "Archiveren?": what archiving an entry takes with it, or why it cannot be archived yet, and the
/// button that does it. Archived entries vanish from the public pages, the map, the API and the
/// export; they stay in the database.
enum ArchivePage {
    struct Model: Sendable {
        var title: String
        var back: SocialMapURL
        var action: SocialMapURL
        /// What is archived with it ("Aanbod: …").
        var consequences: [String]
        /// Why it cannot be archived (the networks it takes part in); nil when it can.
        var refusal: String?
    }

    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "\(model.title) archiveren", status: model.refusal == nil ? .ok : .conflict,
            breadcrumbs: [SocialMapParts.breadcrumb, (model.title, model.back.path)],
            .unwrap(model.refusal) { UI.notice("error", $0) },
            .if(
                model.refusal == nil,
                .group(
                    .p(
                        .text(
                            "Na het archiveren staat dit niet meer op de sociale kaart, de kaart, in de open data "
                                + "en de export. Het blijft bewaard in de database en het logboek.")),
                    .if(
                        !model.consequences.isEmpty,
                        .group(
                            .p(.text("Mee gearchiveerd worden:")),
                            .ul(.forEach(model.consequences) { .li(.text($0)) }))),
                    .form(
                        .method(.post), .action(attr(model.action.path)), Layout.csrfField(context),
                        .button(.type(.submit), .class("button"), .text("Archiveren"))))),
            .p(.a(.href(attr(model.back.path)), .text("Terug")))
        )
    }
}
