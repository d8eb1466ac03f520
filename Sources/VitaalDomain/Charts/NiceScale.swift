import Foundation

/// Axis ticks on round numbers (steps of 1, 2 or 5 × 10ⁿ) covering a data range.
public struct NiceScale: Sendable, Hashable {
    public var min: Double
    public var max: Double
    public var step: Double
    /// Decimals needed to show every tick exactly.
    public var decimals: Int { DutchNumberFormat.decimals(forStep: step) }

    /// The tick values from `min` to `max` inclusive.
    public var ticks: [Double] {
        let count = Int(((max - min) / step).rounded())
        return (0...Swift.max(0, count)).map { clean(min + Double($0) * step) }
    }

    /// A scale whose ends are multiples of the step, containing `lower…upper`, with at most
    /// `maxTicks` ticks (at least 2). An empty range is widened around its value.
    public init(lower: Double, upper: Double, maxTicks: Int = 6) {
        var lo = Swift.min(lower, upper)
        var hi = Swift.max(lower, upper)
        if !lo.isFinite || !hi.isFinite {
            lo = 0
            hi = 1
        }
        if hi - lo < 1e-12 {
            // One value: 0 shows as 0…1, anything else ±10% around it.
            if lo == 0 {
                hi = 1
            } else {
                let pad = abs(lo) * 0.1
                lo -= pad
                hi += pad
            }
        }
        let intervals = Double(Swift.max(1, maxTicks - 1))
        var step = Self.niceStep((hi - lo) / intervals)
        // The rounded ends may need one more interval than allowed; then take the next step up.
        while ((hi / step).rounded(.up) - (lo / step).rounded(.down)) > intervals + 1e-9 {
            step = Self.niceStep(step * 1.000_001)
        }
        self.step = step
        self.min = (lo / step).rounded(.down) * step
        self.max = (hi / step).rounded(.up) * step
        self.min = clean(self.min)
        self.max = clean(self.max)
    }

    /// Smallest of 1, 2, 5 × 10ⁿ that is ≥ `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let exponent = floor(log10(raw))
        let base = pow(10, exponent)
        let fraction = raw / base
        let nice: Double = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10
        return nice * base
    }

    /// Removes floating-point dust such as 0.30000000000000004.
    private func clean(_ v: Double) -> Double {
        let d = Double(DutchNumberFormat.decimals(forStep: step) + 2)
        let f = pow(10, d)
        let r = (v * f).rounded() / f
        return r == 0 ? 0 : r
    }

    /// Fraction 0…1 of `value` along the scale.
    public func fraction(_ value: Double) -> Double { max == min ? 0 : (value - min) / (max - min) }
}
