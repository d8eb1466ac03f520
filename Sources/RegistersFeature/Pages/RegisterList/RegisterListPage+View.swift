import AppCore
import Plot
import VitaalDomain

extension RegisterListPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        if let summary = model.signalSummary { return publicSummary(model, summary) }
        return SitePage(
            model.definition.title, breadcrumbs: [RegisterParts.breadcrumb],
            description: model.definition.summary,
            .p(.class("lead"), .text(model.definition.summary)),
            .unwrap(model.notice) { UI.notice("success", $0.text) },
            actions(model),
            search(model),
            overviews(model),
            .h2(.text(resultsHeading(model))),
            table(model),
            .if(
                !model.showsInternal,
                .p(.class("muted"), .text("Interne velden (zoals eigenaar en bedragen) ziet u na inloggen.")))
        )
    }

    static func resultsHeading(_ model: Model) -> String {
        model.rows.count == model.total
            ? "Alle \(model.total) vermeldingen" : "\(model.rows.count) van \(model.total) vermeldingen"
    }

    static func query(_ model: Model) -> [(String, String?)] {
        [("q", model.filter.text), ("status", model.filter.status)]
            + model.definition.filterFields.map { ($0.formName, model.filter.choices[$0.key]) }
            + model.definition.exactFilterKeys.compactMap(model.definition.field).map {
                ($0.formName, model.filter.exact[$0.key])
            }
    }

    static func actions(_ model: Model) -> BodyNode {
        .div(
            .class("reg-actions"),
            .if(
                model.canCreate,
                .a(
                    .class("button"), .href(RegisterURL.new(model.kind).path),
                    .text(RegisterParts.newTitle(model.definition)))),
            .a(
                .class("button button-secondary"),
                .href(attr(RegisterURL.exportCSV(model.kind).path(query: query(model)))), .text("Download CSV")),
            .a(
                .class("button button-secondary"),
                .href(attr(RegisterURL.exportXLSX(model.kind).path(query: query(model)))), .text("Download Excel")),
            .a(
                .class("button button-secondary"), .href(attr(RegisterURL.apiList(model.kind).path)),
                .text("JSON (API)")))
    }

    static func search(_ model: Model) -> BodyNode {
        .form(
            .class("reg-search"), .method(.get), .action(attr(RegisterURL.list(model.kind).path)),
            .attribute(named: "role", value: "search"),
            UI.field("q", label: "Zoeken", type: .search, value: model.filter.text),
            .unwrap(model.definition.statusPath) { path in
                .div(
                    .class("field"), .label(.for("f-status"), .text("Status")),
                    UI.select(
                        "status", options: [("", "Alle")] + path.names.map { ($0, $0) },
                        selected: model.filter.status ?? ""))
            },
            .forEach(model.definition.filterFields) { field in
                .div(
                    .class("field"), .label(.for("f-\(field.formName)"), .text(field.label)),
                    UI.select(
                        field.formName, options: [("", "Alle")] + choiceOptions(field),
                        selected: model.filter.choices[field.key] ?? ""))
            },
            .button(.type(.submit), .text("Zoeken")))
    }

    static func choiceOptions(_ field: RegisterField) -> [(value: String, label: String)] {
        if case .choice(let options) = field.kind { return options.map { ($0, $0) } }
        return []
    }

    static func overviews(_ model: Model) -> BodyNode {
        switch model.kind {
        case .funds: return .group(pipeline(model), deadlines(model), totals(model))
        case .terms: return meanings(model)
        case .signals: return pipeline(model)
        case .sources: return dataGaps(model)
        case .commitments, .dataGaps: return .empty
        }
    }

    /// The data gaps belong with the catalogue: what the sources do not give.
    static func dataGaps(_ model: Model) -> BodyNode {
        .p(
            .text("Gegevens die de documenten missen staan in "),
            .a(.href(RegisterURL.list(.dataGaps).path), .text(RegisterDefinitions.dataGaps.title)),
            .text(" (\(model.dataGapCount) \(model.dataGapCount == 1 ? "vermelding" : "vermeldingen"))."))
    }

    /// What anonymous visitors see of the signals: counts per theme and per region, small counts
    /// hidden by the monitor's disclosure control.
    static func publicSummary(_ model: Model, _ summary: SignalSummary.Table) -> SitePage {
        let rows = { (counts: [SignalSummary.Count]) -> [[BodyNode]] in
            counts.map { [.text($0.label), .text($0.text)] } + [[.text(summary.total.label), .text(summary.total.text)]]
        }
        return SitePage(
            model.definition.title, breadcrumbs: [RegisterParts.breadcrumb], description: model.definition.summary,
            .p(.class("lead"), .text(model.definition.summary)),
            .p(
                .text(
                    "Signalen komen uit gesprekken en casussen. Daarom tonen we hier alleen hoeveel signalen er per "
                        + "thema en per regio zijn, zonder tekst of persoonsgegevens. Aantallen onder de 5 staan als "
                        + "‘<5’; zo nodig is nog een aantal ‘\(Disclosure.secondaryText)’, zodat een klein aantal niet uit "
                        + "het totaal is terug te rekenen. Na inloggen ziet u de signalen zelf.")),
            .div(
                .class("grid-2"),
                UI.table(
                    caption: "Signalen per thema", headers: ["Thema", "Aantal"], rows: rows(summary.themes),
                    numericColumns: [1]),
                UI.table(
                    caption: "Signalen per regio", headers: ["Regio", "Aantal"], rows: rows(summary.regions),
                    numericColumns: [1])),
            .p(.a(.href(RegisterURL.apiSignalSummary.path), .text("Deze aantallen als JSON (API)"))))
    }

    static func pipeline(_ model: Model) -> BodyNode {
        .section(
            .h2(.text("Pijplijn per status")),
            .ol(
                .class("reg-pipeline"),
                .forEach(model.pipeline) { column in
                    .li(
                        .a(
                            .href(attr(RegisterURL.list(model.kind).path(query: [("status", column.status)]))),
                            .span(.class("reg-pipeline-count"), .text(String(column.count))),
                            .span(.text(" " + RegisterParts.statusLabel(column.status.isEmpty ? nil : column.status)))))
                }))
    }

    static func deadlines(_ model: Model) -> BodyNode {
        let deadline = model.definition.field("deadline")
        return .section(
            .h2(.text("Deadlines in de komende 90 dagen")),
            model.deadlines.isEmpty
                ? .p(.text("Geen deadlines met een datum in de komende 90 dagen."))
                : .ul(
                    .forEach(model.deadlines) { row in
                        .li(
                            .text(deadline.map { RegisterParts.display(row.entry.values["deadline"], $0) } ?? ""),
                            .text(": "),
                            .a(.href(attr(RegisterURL.entry(model.kind, .value(row.entry.key)).path)), .text(row.title))
                        )
                    }))
    }

    static func totals(_ model: Model) -> BodyNode {
        guard model.showsInternal else { return .empty }
        let amount = { (value: Int) in "€ " + DutchNumberFormat.format(Double(value)) }
        return .section(
            .h2(.text("Aangevraagd en toegekend per jaar")),
            model.totals.isEmpty
                ? .p(.text("Nog geen regelingen met een jaar."))
                : UI.table(
                    caption: "Bedragen per jaar (intern)", headers: ["Jaar", "Regelingen", "Aangevraagd", "Toegekend"],
                    rows: model.totals.map {
                        [
                            .text(String($0.year)), .text(String($0.entries)), .text(amount($0.requested)),
                            .text(amount($0.granted))
                        ]
                    }, numericColumns: [1, 2, 3]))
    }

    static func meanings(_ model: Model) -> BodyNode {
        guard !model.multipleMeanings.isEmpty else { return .empty }
        let width = model.multipleMeanings.map(\.entries.count).max() ?? 2
        return .section(
            .h2(.text("Afkortingen met meer dan één betekenis")),
            UI.table(
                caption: "Betekenissen naast elkaar",
                headers: ["Afkorting"] + (1...width).map { "Betekenis \($0)" },
                rows: model.multipleMeanings.map { group in
                    [.text(group.term)]
                        + (0..<width).map { index -> BodyNode in
                            guard index < group.entries.count else { return .empty }
                            let row = group.entries[index]
                            return .a(
                                .href(attr(RegisterURL.entry(model.kind, .value(row.entry.key)).path)),
                                .text(row.entry.values["meaning"] ?? ""))
                        }
                }))
    }

    static func table(_ model: Model) -> BodyNode {
        let columns = model.definition.listKeys.compactMap { key in model.fields.first { $0.key == key } }
        let titleField = model.definition.field(model.definition.titleKey)
        let hasStatus = model.definition.statusPath != nil
        var headers = [titleField?.label ?? "Naam"]
        if hasStatus { headers.append("Status") }
        headers += columns.map(\.label) + (model.kind == .sources ? ["Indicatoren"] : []) + ["Organisatie"]
        guard !model.rows.isEmpty else { return .p(.text("Geen vermeldingen gevonden.")) }
        return UI.table(
            caption: model.definition.title, headers: headers,
            rows: model.rows.map { row in
                var cells: [BodyNode] = [
                    .group(
                        .a(.href(attr(RegisterURL.entry(model.kind, .value(row.entry.key)).path)), .text(row.title)),
                        RegisterParts.exampleBadge(row.entry.isExample))
                ]
                if hasStatus { cells.append(RegisterParts.statusBadge(row.entry.status)) }
                cells += columns.map { field in
                    let value = RegisterParts.display(
                        row.entry.values[field.key], field, regionNames: model.regionNames)
                    // A source's last import: from the monitor's import history, or typed in.
                    guard field.key == model.definition.importedDateKey, !value.isEmpty else { return .text(value) }
                    return .group(
                        .text(value + " "), .span(.class("muted"), .text(row.importedDate ? "(import)" : "(ingevoerd)"))
                    )
                }
                if model.kind == .sources { cells.append(.text(String(model.indicatorCounts[row.entry.key] ?? 0))) }
                cells.append(.text(row.organisationName ?? ""))
                return cells
            })
    }
}
