import Foundation
import VitaalDomain

/// A saved scenario with a visitor's lever form applied (levers, horizon, monitor inputs). An
/// invalid form leaves the saved scenario in place, with the form's errors to show.
public struct WorkforceWhatIf: Sendable {
    public var saved: WorkforceScenario
    public var form: WorkforceLeverForm
    /// The scenario the page computes: the saved one with the form applied when it is valid.
    public var scenario: WorkforceScenario
    /// Monitor figures that replaced the scenario's own (when the form asks for them).
    public var monitorApplied: [WorkforceMonitorInputs.Applied] = []
    /// The monitor's latest figures (empty when the monitor has none).
    public var monitorValues: [String: WorkforceMonitorInputs.Value]
    /// The model's own figures next to the monitor's, also when they are not applied.
    public var monitorComparison: [WorkforceMonitorInputs.Applied]

    /// The field names a lever form may send (what-if query or posted form).
    public static let fields =
        WorkforceLevers.ids + [
            WorkforceLeverForm.horizonField, WorkforceLeverForm.yearField,
            WorkforceLeverForm.monitorField, "name", "note", "vergelijk"
        ]

    public init(
        saved: WorkforceScenario, input: [String: String], monitorValues: [String: WorkforceMonitorInputs.Value]
    ) {
        self.saved = saved
        self.monitorValues = monitorValues
        form = WorkforceLeverForm(scenario: saved, input: input)
        scenario = saved
        monitorComparison = (try? WorkforceMonitorInputs.apply(monitorValues, to: saved))?.1 ?? []
        guard form.isValid else { return }
        scenario = form.apply(to: saved)
        do {
            try WorkforceScenarioCodec.validate(scenario)
            if form.useMonitor { try applyMonitor() }
        } catch let error as VitaalError {
            form.errors["scenario"] = error.problems.map(\.description).joined(separator: "; ")
        } catch {
            form.errors["scenario"] = String(describing: error)
        }
        if !form.isValid { scenario = saved }
    }

    private mutating func applyMonitor() throws {
        guard !monitorValues.isEmpty else {
            let codes = WorkforceMonitorInputs.codes.joined(separator: ", ")
            form.errors[WorkforceLeverForm.monitorField] =
                "de arbeidsmarktmonitor heeft (nog) geen cijfers voor \(codes)"
            return
        }
        (scenario, monitorApplied) = try WorkforceMonitorInputs.apply(monitorValues, to: scenario)
    }

    /// The form's errors as problems, by field name.
    public var problems: [Problem] {
        form.errors.sorted { $0.key < $1.key }.map { Problem($0.value, at: SourceLocation(field: $0.key)) }
    }
}
