import AppCore
import Plot

/// The `<select>` of the catalogue pages. Unlike `UI.select` it keeps an option's empty value
/// (`<option value>` for "alle", "geen", "zonder thema"): without it a browser posts the option's text.
enum CatalogueSelect {
    static func select<C: HTML.BodyContext>(
        _ name: String, options: [(value: String, label: String)], selected: String?
    ) -> Node<C> {
        .element(
            named: "select",
            nodes: [
                .attribute(named: "id", value: attr("f-\(name)")), .attribute(named: "name", value: attr(name))
            ]
                + options.map { option in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: attr(option.value), ignoreIfValueIsEmpty: false),
                            option.value == selected ? .attribute(named: "selected", value: "selected") : .empty,
                            .text(option.label)
                        ])
                })
    }
}
