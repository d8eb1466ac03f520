import AppCore
import Plot

extension IndicatorPage {
    /// "Berekend: (A gedeeld door B) × 1.000" and the formula with a link to each input the reader
    /// may see.
    static func formulaNote(_ note: DerivedValues.Note?) -> BodyNode {
        guard let note else { return .empty }
        return .div(
            .class("card mon-formula"),
            .p(.strong(.text("Berekend: ")), .text(note.text)),
            .p(
                .text("Formule: "), .code(.text(note.formula)), .text(". Invoer: "),
                .forEach(Array(note.inputs.enumerated())) { index, input in
                    .group(
                        .if(index > 0, .text(", ")),
                        input.path.map { path in BodyNode.a(.href(path), .text(input.name)) }
                            ?? .text(input.name))
                },
                .text(
                    ". De waarden worden bij het lezen berekend uit de waarden van de invoer voor dezelfde regio en "
                        + "periode; voorbeelddata of voorlopige invoer geeft een uitkomst met dezelfde status.")))
    }
}
