import AppCore
import Plot
import VitaalDomain

extension RegistersPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Registers",
            description:
                "De lijsten die de documenten bijhouden: fondsen, toezeggingen en moties, begrippen, signalen, "
                + "bronnen en ontbrekende gegevens.",
            .p(
                .class("lead"),
                .text(
                    "De lijsten die de plannen en de Staten bijhouden, als registers met zoeken, filters, export en "
                        + "een geschiedenis van elke wijziging.")),
            .ul(
                .class("reg-index"),
                .forEach(model.rows) { row in
                    .li(
                        .h2(.a(.href(attr(RegisterURL.list(row.kind).path)), .text(row.kind.definition.title))),
                        .p(.text(row.kind.definition.summary)),
                        .p(.class("muted"), .text(countText(row))))
                })
        )
    }

    static func countText(_ row: Model.Row) -> String {
        let records = row.count == 1 ? "1 vermelding" : "\(row.count) vermeldingen"
        guard let open = row.open else { return records }
        return "\(records), waarvan \(open) nog niet afgerond"
    }
}
