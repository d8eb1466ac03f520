import AppCore
import Plot
import VitaalDomain

/// Reading, checking and drawing the editors' forms of the social map (organisation, offer,
/// location, contact person, network). Field rules come from `SocialMap.FieldRules` (VitaalDomain),
/// so a form refuses exactly what the HSDS import refuses; this maps their HSDS field names to the
/// form's Dutch input names.
enum EntryForm {
    /// HSDS/domain field name → the form field that shows its problem.
    static let formField: [String: String] = [
        "name": "naam", "alternate_name": "andere-naam", "description": "omschrijving", "url": "website",
        "email": "email", "x_themes": "themas", "x_target_groups": "doelgroepen", "x_municipalities": "gemeenten",
        "title": "rol", "goal": "doel", "fleverRole": "rol-flever",
        "participantsDescription": "omschrijving-deelnemers", "address_1": "adres", "address_2": "adres",
        "city": "plaats", "postal_code": "postcode", "latitude": "breedtegraad", "longitude": "lengtegraad",
        "x_municipality_code": "gemeente", "role": "rol", "memberships": "lid"
    ]

    /// Largest text a form field accepts before it is even parsed (longer posts are cut and then
    /// refused by the length rules).
    static let maxInput = 20_000

    /// The trimmed text of a posted field (empty when absent).
    static func text(_ body: [String: String], _ name: String) -> String {
        String((body[name] ?? "").prefix(maxInput)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Nil for empty text.
    static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// "a, b ,, c" → ["a", "b", "c"]
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The Positive Health dimensions ticked (`dimensie-<key>`).
    static func dimensions(_ body: [String: String]) -> Set<PositiveHealthDimension> {
        Set(PositiveHealthDimension.allCases.filter { body["dimensie-\($0.rawValue)"] != nil })
    }

    /// The municipalities ticked (`gemeente-<code>`), known codes only.
    static func municipalities(_ body: [String: String]) -> Set<String> {
        Set(SocialMap.Municipality.all.map(\.code).filter { body["gemeente-\($0)"] != nil })
    }

    /// The form's problems: the entry's field problems (mapped to form fields) plus `extra`; nil when none.
    static func error(_ fieldProblems: [SocialMap.FieldProblem], extra: ProblemCollector = ProblemCollector())
        -> VitaalError?
    {
        var problems = extra
        for problem in fieldProblems {
            problems.add(problem.message, at: SourceLocation(field: formField[problem.field] ?? problem.field))
        }
        guard !problems.isEmpty else { return nil }
        return VitaalError(
            .invalidInput, "Niet opgeslagen: \(problems.totalCount) fout(en)", problems: problems.problems)
    }

    // MARK: Views

    /// A multi-line text field with label and the field's error message.
    static func textarea(
        _ name: String, label: String, value: String, error: String?, rows: Int = 5, required: Bool = false
    ) -> Node<HTML.FormContext> {
        UI.textarea(name, label: label, value: value, error: error, rows: rows, required: required)
    }

    /// A `<select>` with label and the field's error message.
    static func select(
        _ name: String, label: String, options: [SelectOption], selected: String?, error: String?
    ) -> Node<HTML.FormContext> {
        .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for("f-\(name)"), .text(label)),
            .unwrap(error) { .p(.class("field-message"), .id("f-\(name)-error"), .text($0)) },
            UI.select(name, options: options.map { ($0.value, $0.label) }, selected: selected ?? ""))
    }

    /// A group of checkboxes in a fieldset with a legend, and the group's error message.
    static func checkboxes(
        _ legend: String, _ items: [(name: String, label: String, checked: Bool)], error: String? = nil,
        id: String? = nil
    ) -> Node<HTML.FormContext> {
        .element(
            named: "fieldset",
            nodes: [
                .unwrap(id) { .id("f-\($0)") },
                .if(error != nil, .class("field-error")),
                .if(error != nil, .attribute(named: "aria-describedby", value: "f-\(id ?? "groep")-error")),
                BodyNode.element(named: "legend", text: legend),
                .unwrap(error) { .p(.class("field-message"), .id("f-\(id ?? "groep")-error"), .text($0)) },
                .forEach(items) { SocialMapParts.checkbox($0.name, checked: $0.checked, $0.label) }
            ])
    }

    static func dimensionBoxes(_ selected: Set<PositiveHealthDimension>) -> Node<HTML.FormContext> {
        checkboxes(
            "Dimensies van Positieve Gezondheid",
            PositiveHealthDimension.allCases.map {
                ("dimensie-\($0.rawValue)", $0.label.capitalisedFirst, selected.contains($0))
            })
    }

    static func municipalityBoxes(_ selected: Set<String>, error: String?) -> Node<HTML.FormContext> {
        checkboxes(
            "Gemeenten waar het werkt (niets aangevinkt: heel Flevoland)",
            SocialMap.Municipality.all.map { ("gemeente-\($0.code)", $0.name, selected.contains($0.code)) },
            error: error, id: "gemeenten")
    }

    /// The warning that an entry like this one exists, with links to them and the box to go on.
    static func duplicateWarning(_ duplicates: [SocialMap.Register.PossibleDuplicate]) -> Node<HTML.FormContext> {
        .div(
            .class("notice notice-warning"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text("Bestaat dit al? Er staat al iets vergelijkbaars op de sociale kaart:"))),
            .ul(
                .forEach(duplicates) { duplicate in
                    .li(
                        .a(
                            .href(attr(SocialMapURL.entry(duplicate.id, isOffer: duplicate.isOffer).path)),
                            .text(duplicate.name)),
                        .text(" (\(duplicate.reason))"))
                }),
            .p(.text("Ga naar het bestaande record, of bevestig hieronder dat het om iets anders gaat.")),
            SocialMapParts.checkbox("toch-aanmaken", "Dit is een ander record: toch aanmaken"))
    }
}
