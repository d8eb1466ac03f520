import Foundation

/// Colours for every Vitaal chart and map. Categorical colours are the Okabe–Ito set, which people
/// with the common forms of colour blindness can tell apart; the sequential ramp (ColorBrewer
/// YlGnBu) runs from light to dark so it also reads in greyscale print. Charts never rely on colour
/// alone: series also differ in marker shape, highlighted items in weight, classes in lightness.
public enum Palette {
    /// Okabe–Ito, ordered for contrast on white (yellow left out: too light for lines).
    public static let categorical = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// Categorical colour `n`, cycling.
    public static func color(_ n: Int) -> String {
        categorical[((n % categorical.count) + categorical.count) % categorical.count]
    }

    /// Five-step sequential ramp, light (low) to dark (high).
    public static let sequential5 = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]

    /// `count` colours (1…5) spread over the sequential ramp, light to dark.
    public static func sequential(_ count: Int) -> [String] {
        switch count {
        case ...0: return []
        case 1: return [sequential5[2]]
        case 2: return [sequential5[1], sequential5[3]]
        case 3: return [sequential5[0], sequential5[2], sequential5[4]]
        case 4: return [sequential5[0], sequential5[1], sequential5[3], sequential5[4]]
        default: return sequential5
        }
    }

    /// Text colour (ink or white) with the higher contrast on `fill` (a "#rrggbb" colour).
    public static func textColor(on fill: String) -> String {
        guard let l = luminance(fill) else { return ink }
        // Contrast with white: 1.05 / (l + 0.05); with ink (luminance ≈ 0.01): (l + 0.05) / 0.06.
        return 1.05 / (l + 0.05) > (l + 0.05) / 0.06 ? "#ffffff" : ink
    }

    /// WCAG relative luminance of "#rrggbb", or nil for other notations.
    static func luminance(_ hex: String) -> Double? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let v = Int(digits, radix: 16) else { return nil }
        func channel(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.039_28 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
    }

    /// Main text and strong lines.
    public static let ink = "#1a1a1a"
    /// Secondary text (7:1 contrast on white).
    public static let muted = "#555555"
    /// Axes and outlines.
    public static let axis = "#888888"
    /// Grid lines.
    public static let grid = "#e3e3e3"
    /// Bars that are not highlighted.
    public static let neutral = "#9bb7cf"
    /// The highlighted bar or series.
    public static let highlight = "#0072B2"
    /// Reference and norm lines, bridges, vulnerable nodes.
    public static let accent = "#D55E00"
    /// Regions without data (drawn hatched on this grey).
    public static let missing = "#eeeeee"
}
