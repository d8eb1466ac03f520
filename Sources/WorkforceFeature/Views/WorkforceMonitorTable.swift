import AppCore
import Plot
import VitaalDomain

/// The labour-market monitor's latest figures next to the model's own, and what the scenario does
/// with them.
enum WorkforceMonitorTable {
    static func section(_ whatIf: WorkforceWhatIf) -> BodyNode {
        let codes = WorkforceMonitorInputs.codes.map { "‘\($0)’" }.joined(separator: ", ")
        if whatIf.monitorValues.isEmpty {
            return .p(
                .text(
                    "De arbeidsmarktmonitor heeft nog geen cijfers voor Flevoland (PV24) bij de indicatoren "
                        + "\(codes). Het scenario rekent met de waarden uit het scenariobestand."))
        }
        let rows = whatIf.monitorValues.values.sorted { $0.code < $1.code }.map { row($0, whatIf) }
        return .group(
            .p(
                .text(
                    "Laatste cijfers voor Flevoland (PV24) uit de arbeidsmarktmonitor. Met de optie bij de hefbomen "
                        + "vervangen ze het personeelsbestand, de instroom en de uitstroom van het scenario.")),
            UI.table(
                caption: "Indicatoren \(codes)",
                headers: [
                    "Indicator", "Periode", "Monitor", "Model \(whatIf.saved.baseYear)", "Status",
                    "Gebruik in dit scenario"
                ],
                rows: rows, numericColumns: [2, 3]))
    }

    static func row(_ value: WorkforceMonitorInputs.Value, _ whatIf: WorkforceWhatIf) -> [BodyNode] {
        let applied = whatIf.monitorApplied.first { $0.input.code == value.code }
        let model = whatIf.monitorComparison.first { $0.input.code == value.code }?.modelValue
        let isRate = value.unit == "%"
        func format(_ number: Double) -> String {
            DutchNumberFormat.format(number, decimals: isRate ? 1 : 0) + (isRate ? " %" : "")
        }
        let notApplied = whatIf.form.useMonitor ? "–" : "Niet toegepast (vink de optie bij de hefbomen aan)"
        return [
            .text("\(value.name) (\(value.code))"), .text(value.period), .text(format(value.value)),
            .text(model.map(format) ?? "–"),
            .group(
                .text(value.status), .if(value.status == "voorbeeld", .group(.text(" "), UI.badge("voorbeelddata")))),
            .text(applied?.effect ?? notApplied)
        ]
    }
}

/// Breadcrumbs of the workforce pages.
enum WorkforceCrumbs {
    static let models: [(String, String)] = [("Home", SiteURL.home.path), ("Modellen", WorkforceURL.models.path)]
    static let list = models + [("Personeelsplanning", WorkforceURL.list.path)]
}

/// The Dutch text of a confirmation code.
enum WorkforceNoticeView {
    static func node(_ notice: WorkforceNotice) -> BodyNode {
        switch notice {
        case .saved: UI.notice("success", "Scenario opgeslagen.")
        case .unchanged:
            UI.notice("info", "Geen wijzigingen ten opzichte van de laatste versie; er is niets opgeslagen.")
        }
    }
}
