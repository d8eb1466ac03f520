import AppCore
import Plot

extension StoryListPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Verhalen", breadcrumbs: MonitorURL.crumbs,
            .unwrap(model.notice) { UI.notice("success", $0.text) },
            .p(
                .class("lead"),
                .text(
                    "Verhalen zijn de zachte gegevens naast de cijfers: ervaringen, signalen en "
                        + "citaten uit de praktijk. Ze staan op de pagina's van de indicatoren en regio's waaraan ze gekoppeld zijn."
                )),
            .p(.a(.class("button"), .href(MonitorURL.storyNew.path), .text("Nieuw verhaal"))),
            UI.table(
                caption: "\(model.rows.count) verhalen (u wijzigt de verhalen van uw eigen organisatie)",
                headers: ["Titel", "Organisatie", "Datum", ""], rows: model.rows.map(row)))
    }

    static func row(_ row: Model.Row) -> [BodyNode] {
        [
            row.editID.map { .a(.href(attr(MonitorURL.story(.value($0)).path)), .text(row.title)) } ?? .text(row.title),
            .text(row.organisation),
            .text(row.date),
            row.isExample ? UI.badge("voorbeelddata") : .text("")
        ]
    }
}
