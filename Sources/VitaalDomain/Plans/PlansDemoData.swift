import Foundation

/// Demo plans transcribed from the source documents in `shared/seeds` (public records). Every
/// node and figure carries its source line (`sourceRef`); anything not from a source has
/// `isExample == true`.
public enum PlansDemoData {
    /// All demo plans: Flever year plan 2025, Contourenschets Krachtige Samenleving, Regioplan IZA.
    public static var all: [Plan] { [fleverJaarplan2025, krachtigeSamenleving2020, regioplanIZA] }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> PlanDate { PlanDate(y, m, d)! }

    /// A count target as the Flever plan writes them: baseline 0 on 2025-01-01, target on 2025-12-31.
    static func count2025(
        _ key: String, node: String, measure: String, unit: String, target: Double,
        responsible: String, ref: String, text: String, direction: SmartTarget.Direction = .count
    ) -> SmartTarget {
        SmartTarget(
            key: key, nodeKey: node, measure: measure, unit: unit, baseline: DatedValue(0, at: date(2025, 1, 1)),
            targetValue: target, targetDate: date(2025, 12, 31), direction: direction, source: .manual,
            responsible: responsible, sourceText: "\(text) (\(ref))")
    }
}
