import AppCore
import MonitorFeature
import Plot
import VitaalDomain

extension RegisterEntryPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.stored.title,
            status: model.statusForm.problems.isEmpty ? .ok : .unprocessableEntity,
            breadcrumbs: [RegisterParts.breadcrumb, (model.definition.title, RegisterURL.list(model.kind).path)],
            .unwrap(model.notice) { UI.notice("success", $0.text) },
            .if(
                model.stored.entry.isExample,
                .p(UI.badge("voorbeelddata"), .text(" Deze vermelding is verzonnen om de demo te vullen."))),
            details(model),
            .if(
                model.canEdit,
                .p(
                    .a(
                        .class("button button-secondary"),
                        .href(attr(RegisterURL.edit(model.kind, .value(model.stored.entry.key)).path)),
                        .text("Bewerken")))),
            statusSection(model, context),
            indicators(model),
            otherMeanings(model),
            history(model)
        )
    }

    static func details(_ model: Model) -> BodyNode {
        .dl(
            .class("reg-details"),
            .if(
                model.definition.statusPath != nil,
                .group(.dt(.text("Status")), .dd(RegisterParts.statusBadge(model.stored.entry.status)))),
            .forEach(model.fields) { field in
                let value = RegisterParts.display(
                    model.stored.entry.values[field.key], field, regionNames: model.regionNames)
                return .group(
                    .dt(.text(field.label), .if(!field.isPublic, .span(.class("reg-internal"), .text(" (intern)")))),
                    .dd(
                        .class(field.kind == .longText ? "reg-long" : ""),
                        fieldValue(model, field, display: value)))
            },
            .dt(.text("Organisatie")), .dd(.text(model.stored.organisationName ?? "–")),
            .dt(.text("Versie")),
            .dd(.text("\(model.stored.version), laatst gewijzigd \(DutchDate.dateTime(model.stored.updatedAt))")))
    }

    static func statusSection(_ model: Model, _ context: PageContext) -> BodyNode {
        guard let path = model.definition.statusPath, model.canEdit else { return .empty }
        let form = model.statusForm
        let errors = form.errors
        let statusFields = model.definition.statusFields.compactMap { model.definition.field($0.key) }
        return .section(
            .h2(.text("Status wijzigen")),
            .if(
                !form.problems.isEmpty,
                UI.problems("Status niet gewijzigd: \(form.problems.count) fout(en)", form.problems)),
            .p(
                .class("muted"),
                .text(
                    "Een stap vooruit kan zonder meer; een stap overslaan of terug kan alleen met een reden.")),
            .form(
                .method(.post), .action(attr(RegisterURL.status(model.kind, .value(model.stored.entry.key)).path)),
                Layout.csrfField(context),
                .div(
                    .class(errors["status"] == nil ? "field" : "field field-error"),
                    .label(.for("f-status"), .text("Nieuwe status")),
                    .unwrap(errors["status"]) { .p(.class("field-message"), .id("f-status-error"), .text($0)) },
                    UI.select(
                        "status", options: path.names.map { ($0, $0) },
                        selected: form.status.isEmpty ? nextStatus(path, model.stored.entry.status) : form.status)),
                UI.textarea(
                    "reden", label: "Reden of toelichting", value: form.reason, error: errors["reden"],
                    hint: "Verplicht bij een stap die iets overslaat of teruggaat", rows: 2),
                .forEach(statusFields) { field in
                    let value = form.fields[field.formName] ?? model.stored.entry.values[field.key] ?? ""
                    let hint =
                        "Verplicht om ‘\(model.definition.statusFields.first { $0.key == field.key }?.status ?? "")’ te kiezen"
                    return field.kind == .longText
                        ? UI.textarea(
                            field.formName, label: field.label, value: value, error: errors[field.formName], hint: hint,
                            rows: 3)
                        : UI.field(
                            field.formName, label: field.label, value: value, error: errors[field.formName], hint: hint)
                },
                .button(.type(.submit), .text("Status wijzigen"))))
    }

    /// A field's value: references as links to their items' pages, a source's last import with
    /// where it comes from, other values as text.
    static func fieldValue(_ model: Model, _ field: RegisterField, display value: String) -> BodyNode {
        if case .references = field.kind {
            let shown = model.links.shown(model.stored, field)
            return shown.isEmpty ? .text("–") : references(shown)
        }
        guard !value.isEmpty else { return .text("–") }
        if field.key == model.definition.importedDateKey {
            return .group(
                .text(value + " "),
                .span(
                    .class("muted"),
                    .text(model.stored.importedDate ? "(volgens de importgeschiedenis van de monitor)" : "(ingevoerd)"))
            )
        }
        return .text(value)
    }

    /// Each referred item as a link with its title (and plan), e.g. "Kennis delen (Jaarplan Flever
    /// 2025)"; a reference to an item that no longer exists as its text, marked.
    static func references(_ shown: [RegisterReferences.Shown]) -> BodyNode {
        .ul(
            .class("reg-references"),
            .forEach(shown) { item in
                switch item {
                case .target(let target):
                    .li(
                        .a(.href(attr(target.path)), .text(target.title)),
                        .text(target.context.map { " (\($0))" } ?? ""),
                        .text(" "), .code(.text(target.reference)))
                case .unknown(let text):
                    .li(.code(.text(text)), .text(" "), .span(.class("muted"), .text("(bestaat niet meer)")))
                }
            })
    }

    /// A data source's indicators in the monitor.
    static func indicators(_ model: Model) -> BodyNode {
        guard model.kind == .sources else { return .empty }
        return .section(
            .h2(.text("Indicatoren die deze bron gebruiken")),
            model.indicators.isEmpty
                ? .p(
                    .class("muted"),
                    .text("Geen indicator in de monitor noemt dit tabelnummer of is aan deze bron gekoppeld."))
                : .ul(
                    .forEach(model.indicators) { indicator in
                        .li(
                            .a(.href(attr(MonitorURL.indicator(.value(indicator.code)).path)), .text(indicator.name)),
                            .text(" ("), .code(.text(indicator.code)), .text(")"))
                    }))
    }

    static func nextStatus(_ path: StatusPath, _ current: String?) -> String {
        guard let current, let rank = path.rank(of: current) else { return path.names.first ?? "" }
        return path.steps.first { $0.rank == rank + 1 }?.name ?? current
    }

    static func otherMeanings(_ model: Model) -> BodyNode {
        guard !model.otherMeanings.isEmpty else { return .empty }
        return .section(
            .h2(.text("Andere betekenissen van \(model.stored.entry.values["term"] ?? "")")),
            .ul(
                .forEach(model.otherMeanings) { other in
                    .li(
                        .a(
                            .href(attr(RegisterURL.entry(model.kind, .value(other.entry.key)).path)),
                            .text(other.entry.values["meaning"] ?? other.entry.key)),
                        .text(other.entry.values["sourceDocument"].map { " (\($0))" } ?? ""))
                }))
    }

    static func history(_ model: Model) -> BodyNode {
        var headers = ["Versie", "Wanneer"]
        let showsActor = model.versions.contains { $0.actor != nil }
        if showsActor { headers.append("Door") }
        headers += ["Status", "Gewijzigde velden", "Toelichting"]
        return .section(
            .h2(.text("Versies")),
            UI.table(
                caption: "Geschiedenis van deze vermelding", headers: headers,
                rows: model.versions.map { row in
                    var cells: [BodyNode] = [.text(String(row.version)), .text(DutchDate.dateTime(row.at))]
                    if showsActor { cells.append(.text(row.actor ?? "")) }
                    cells += [
                        .text(RegisterParts.statusLabel(row.status)),
                        .text(row.changed.isEmpty ? "–" : row.changed.joined(separator: ", ")),
                        .text(row.note ?? "")
                    ]
                    return cells
                }, numericColumns: [0]))
    }
}
