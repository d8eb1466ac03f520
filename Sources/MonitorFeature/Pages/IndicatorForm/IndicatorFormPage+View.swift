import AppCore
import Plot
import VitaalDomain

extension IndicatorFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.title, status: model.status,
            breadcrumbs: MonitorURL.crumbs + [("Indicatoren", MonitorURL.catalogue.path)],
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(attr(model.action.path)), .class("card mon-form"),
                Layout.csrfField(context),
                identity(model),
                measurement(model),
                normAndRange(model),
                catalogue(model),
                .button(.type(.submit), .text("Opslaan"))))
    }

    /// Code, name and definition.
    static func identity<C: HTML.BodyContext>(_ model: Model) -> Node<C> {
        let draft = model.draft
        return fieldset(
            "Indicator",
            model.codeLocked
                ? .group(
                    .input(.type(.hidden), .name("code"), .value(attr(draft.code))),
                    .div(
                        .class("field"), .p(.strong(.text("Code: ")), .code(.text(draft.code))),
                        .small(
                            .class("hint"),
                            .text(
                                "De code verandert niet meer: er zijn al waarden. Een nieuwe naam of definitie "
                                    + "met een andere code is een nieuwe indicator die deze vervangt."))))
                : UI.field(
                    "code", label: "Code", value: draft.code, error: model.error(for: "code"), required: true,
                    hint: "2 tot 64 tekens: kleine letters, cijfers en _ (bijv. ggd_eenzaamheid_ernstig)"),
            UI.field("name", label: "Naam", value: draft.name, error: model.error(for: "name"), required: true),
            UI.textarea(
                "description", label: "Definitie", value: draft.description, error: model.error(for: "description")),
            UI.field("source", label: "Bron", value: draft.source, error: model.error(for: "source"), required: true),
            UI.field("licence", label: "Licentie", value: draft.licence, error: model.error(for: "licence")))
    }

    /// Unit, decimals, polarity, level and whether it counts people.
    static func measurement<C: HTML.BodyContext>(_ model: Model) -> Node<C> {
        let draft = model.draft
        return fieldset(
            "Meting",
            UI.field(
                "unit", label: "Eenheid", value: draft.unit, error: model.error(for: "unit"), required: true,
                hint: "zoals achter de waarde: %, aantal, per 1.000 inwoners, weken"),
            UI.field(
                "decimals", label: "Decimalen (0 tot en met 6)", type: .number, value: draft.decimals,
                error: model.error(for: "decimals"), required: true),
            select(
                "polarity", "Richting", Polarity.allCases.map { ($0.rawValue, $0.dutchLabel) }, draft.polarity,
                error: model.error(for: "polarity")),
            select(
                "level", "Niveau", IndicatorLevel.allCases.map { ($0.rawValue, $0.dutchLabel) }, draft.level,
                error: model.error(for: "level")),
            checkbox(
                "isCount", "Aantal personen of gevallen (waarden onder 5 openbaar als ‘<5’)", checked: draft.isCount))
    }

    /// Norm and valid range.
    static func normAndRange<C: HTML.BodyContext>(_ model: Model) -> Node<C> {
        let draft = model.draft
        return fieldset(
            "Norm en geldig bereik",
            select(
                "normComparison", "Norm: vergelijking",
                [("", "geen norm"), ("≥", "≥ (ten minste)"), ("≤", "≤ (ten hoogste)")],
                draft.normComparison, error: model.error(for: "normComparison")),
            UI.field("normValue", label: "Norm: waarde", value: draft.normValue, error: model.error(for: "normValue")),
            UI.field(
                "normSource", label: "Bron van de norm", value: draft.normSource, error: model.error(for: "normSource")),
            UI.field(
                "rangeMin", label: "Geldig bereik: ondergrens", value: draft.rangeMin,
                error: model.error(for: "rangeMin"), hint: "waarden buiten het bereik weigert de import"),
            UI.field(
                "rangeMax", label: "Geldig bereik: bovengrens", value: draft.rangeMax,
                error: model.error(for: "rangeMax")))
    }

    /// Visibility, owner, status and the "vervangt" link.
    static func catalogue<C: HTML.BodyContext>(_ model: Model) -> Node<C> {
        let draft = model.draft
        let owners =
            (model.mayHaveNoOwner ? [("", "geen (alleen beheerders)")] : [])
            + model.owners.map { ($0.value, $0.label) }
        return fieldset(
            "Catalogus",
            select(
                "visibility", "Zichtbaarheid", [("public", "openbaar"), ("internal", "intern (alleen ingelogd)")],
                draft.visibility, error: model.error(for: "visibility")),
            select("owner", "Eigenaar", owners, model.owner, error: model.error(for: "owner")),
            select(
                "status", "Status", IndicatorStatus.allCases.map { ($0.rawValue, $0.dutchLabel) }, draft.status,
                error: model.error(for: "status"),
                hint: "Een concept is nog niet openbaar; een vervallen indicator houdt zijn waarden."),
            select(
                "replacesCode", "Vervangt", [("", "geen")] + model.replaceable.map { ($0.value, $0.label) },
                draft.replacesCode, error: model.error(for: "replacesCode")))
    }

    static func fieldset<C: HTML.BodyContext>(_ legend: String, _ nodes: Node<C>...) -> Node<C> {
        .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text(legend)])] + nodes)
    }

    static func select<C: HTML.BodyContext>(
        _ name: String, _ label: String, _ options: [(value: String, label: String)], _ selected: String,
        error: String?, hint: String? = nil
    ) -> Node<C> {
        .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for(attr("f-\(name)")), .text(label)),
            .unwrap(hint) { .small(.class("hint"), .text($0)) },
            .unwrap(error) { .p(.class("field-message"), .id(attr("f-\(name)-error")), .text($0)) },
            UI.select(name, options: options, selected: selected))
    }

    static func checkbox<C: HTML.BodyContext>(_ name: String, _ label: String, checked: Bool) -> Node<C> {
        .div(
            .class("field checks"),
            .label(
                .input(.type(.checkbox), .id(attr("f-\(name)")), .name(attr(name)), .value("on"), .checked(checked)),
                .span(.text(label))))
    }

}
