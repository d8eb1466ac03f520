import Foundation

/// Small helpers for writing compact, accessible inline SVG.
public enum SVG {
    /// Escapes text for element content and attribute values (`& < > " '`).
    public static func escape(_ text: String) -> String {
        // Most attribute values (coordinates, colours, classes) need nothing: return them as they are.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A coordinate rounded to one decimal, without a trailing ".0" and never "-0".
    public static func num(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int((v * 10).rounded())
        if tenths == 0 { return "0" }
        let magnitude = tenths.magnitude
        let text = magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)"
        return tenths < 0 ? "-" + text : text
    }

    /// A closed ring as compact path data: "M" at the first point, then relative "l" steps, all in
    /// tenths of a pixel. Steps are taken between rounded positions, so rounding never drifts;
    /// points that round onto the previous one are left out. Empty when fewer than 3 points remain.
    static func ringPath(_ points: [(x: Double, y: Double)]) -> String {
        var tenths: [(Int, Int)] = []
        for p in points {
            let t = (Int((p.x * 10).rounded()), Int((p.y * 10).rounded()))
            if tenths.last.map({ $0 != t }) ?? true { tenths.append(t) }
        }
        if tenths.count > 1, tenths.first! == tenths.last! { tenths.removeLast() }
        guard tenths.count >= 3 else { return "" }
        func text(_ v: Int) -> String {
            let m = v.magnitude
            // 0.5 is written ".5".
            let body = m % 10 == 0 ? "\(m / 10)" : (m < 10 ? ".\(m)" : "\(m / 10).\(m % 10)")
            return v < 0 ? "-" + body : body
        }
        var d = "M" + text(tenths[0].0) + " " + text(tenths[0].1) + "l"
        var previous = tenths[0]
        var first = true
        for t in tenths.dropFirst() {
            for v in [t.0 - previous.0, t.1 - previous.1] {
                let s = text(v)
                // A minus sign separates numbers by itself.
                if !first && !s.hasPrefix("-") { d += " " }
                d += s
                first = false
            }
            previous = t
        }
        return d + "Z"
    }

    /// An opacity or other fraction with up to two decimals ("0.15", "0.3", "1").
    static func fraction(_ v: Double) -> String {
        let hundredths = Int((min(max(v, 0), 1) * 100).rounded())
        if hundredths == 100 { return "1" }
        if hundredths == 0 { return "0" }
        var digits = hundredths < 10 ? "0\(hundredths)" : "\(hundredths)"
        if digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    /// Points "x,y x,y" for polygon/polyline.
    static func points(_ pts: [(Double, Double)]) -> String {
        pts.map { "\(num($0.0)),\(num($0.1))" }.joined(separator: " ")
    }

    /// Estimated width of `text`. There are no font metrics on the server, so this uses the advance
    /// widths of DejaVu Sans (the wide fallback font on Linux; Segoe UI, San Francisco and Roboto are
    /// narrower), so labels laid out with it do not collide in any of them.
    public static func textWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = Int(scalar.value)
            if v >= 32 && v < 127 {
                em += bold ? boldWidths[v - 32] : regularWidths[v - 32]
            } else if (0x300..<0x370).contains(v) {
                continue  // combining accents (é = e + ´) take no room of their own
            } else if v == 0x2026 || v == 0x2014 {
                em += 1.0  // … —
            } else if v == 0x2013 || v == 0x2212 {
                em += 0.5  // – −
            } else {
                em += bold ? 0.72 : 0.65
            }
        }
        return em * fontSize
    }

    /// DejaVu Sans advance widths (em) of ASCII 32…126.
    private static let regularWidths: [Double] = [
        0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
        1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5,
        0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838
    ]
    /// DejaVu Sans Bold advance widths (em) of ASCII 32…126.
    private static let boldWidths: [Double] = [
        0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.38, 0.415, 0.38, 0.365,
        0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.4, 0.4, 0.838, 0.838, 0.838, 0.58,
        1.0, 0.774, 0.762, 0.734, 0.83, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837, 0.85,
        0.733, 0.85, 0.77, 0.72, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.5,
        0.5, 0.675, 0.716, 0.593, 0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
        0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838
    ]

    /// Splits `text` into lines no wider than `maxWidth` (a single long word keeps its own line).
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && textWidth(candidate, fontSize: fontSize) > maxWidth {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` shortened with "…" to fit `maxWidth`.
    public static func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        guard textWidth(text, fontSize: fontSize, bold: bold) > maxWidth else { return text }
        var chars = Array(text)
        while !chars.isEmpty && textWidth(String(chars) + "…", fontSize: fontSize, bold: bold) > maxWidth {
            chars.removeLast()
        }
        return String(chars).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A short, stable id prefix derived from text (FNV-1a), e.g. "vc3f9a1c", so several charts on
    /// one page get distinct ids without the caller choosing them.
    public static func stableID(_ parts: String...) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return "vc" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Marker shapes, so series and categories differ in more than colour.
public enum MarkerShape: String, Sendable, CaseIterable, Codable {
    case circle, square, triangle, diamond, triangleDown, cross

    /// Shape `n`, cycling.
    public static func shape(_ n: Int) -> MarkerShape {
        allCases[((n % allCases.count) + allCases.count) % allCases.count]
    }

    /// The marker as an SVG element centred on (x, y) with "radius" r. `extra` is appended raw
    /// (already-escaped attributes such as stroke).
    func element(x: Double, y: Double, r: Double, fill: String, extra: String = "") -> String {
        let f = " fill=\"\(SVG.escape(fill))\"" + extra
        switch self {
        case .circle:
            return "<circle cx=\"\(SVG.num(x))\" cy=\"\(SVG.num(y))\" r=\"\(SVG.num(r))\"\(f)/>"
        case .square:
            let s = r * 0.9
            return
                "<rect x=\"\(SVG.num(x - s))\" y=\"\(SVG.num(y - s))\" width=\"\(SVG.num(2 * s))\" height=\"\(SVG.num(2 * s))\"\(f)/>"
        case .triangle:
            let s = r * 1.2
            return
                "<path d=\"M\(SVG.num(x)) \(SVG.num(y - s))L\(SVG.num(x + s)) \(SVG.num(y + s * 0.8))H\(SVG.num(x - s))Z\"\(f)/>"
        case .triangleDown:
            let s = r * 1.2
            return
                "<path d=\"M\(SVG.num(x)) \(SVG.num(y + s))L\(SVG.num(x + s)) \(SVG.num(y - s * 0.8))H\(SVG.num(x - s))Z\"\(f)/>"
        case .diamond:
            let s = r * 1.3
            return
                "<path d=\"M\(SVG.num(x)) \(SVG.num(y - s))L\(SVG.num(x + s)) \(SVG.num(y))L\(SVG.num(x)) \(SVG.num(y + s))L\(SVG.num(x - s)) \(SVG.num(y))Z\"\(f)/>"
        case .cross:
            let a = r * 1.1
            let b = r * 0.4
            let d =
                "M\(SVG.num(x - b)) \(SVG.num(y - a))h\(SVG.num(2 * b))v\(SVG.num(a - b))h\(SVG.num(a - b))v\(SVG.num(2 * b))h\(SVG.num(b - a))v\(SVG.num(a - b))h\(SVG.num(-2 * b))v\(SVG.num(b - a))h\(SVG.num(b - a))v\(SVG.num(-2 * b))h\(SVG.num(a - b))Z"
            return "<path d=\"\(d)\"\(f)/>"
        }
    }
}

/// Builds one chart's SVG text. The root element is written last, when the height is known.
struct SVGWriter {
    let id: String
    let title: String
    let desc: String
    private(set) var body = ""
    /// Definitions (patterns) collected while drawing, written before the body.
    private var defs = ""

    static let fontFamily = "system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"

    init(id: String, title: String, desc: String) {
        self.id = id
        self.title = title
        self.desc = desc
    }

    mutating func raw(_ markup: String) { body += markup }
    mutating func def(_ markup: String) { defs += markup }

    /// `<name a="v" …>`; attributes with nil values are left out.
    mutating func open(_ name: String, _ attrs: [(String, String?)] = []) {
        body += "<\(name)\(Self.attributes(attrs))>"
    }
    mutating func close(_ name: String) { body += "</\(name)>" }

    /// A self-closing element, or one with escaped text content.
    mutating func element(_ name: String, _ attrs: [(String, String?)], text: String? = nil) {
        if let text {
            body += "<\(name)\(Self.attributes(attrs))>\(SVG.escape(text))</\(name)>"
        } else {
            body += "<\(name)\(Self.attributes(attrs))/>"
        }
    }

    /// A `<title>` child: the tooltip and accessible name of the enclosing element.
    mutating func tooltip(_ text: String) { body += "<title>\(SVG.escape(text))</title>" }

    /// Text at (x, y); anchor "start" (default, not written), "middle" or "end".
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String? = nil, size: Double? = nil,
        bold: Bool = false, fill: String? = nil, halo: Bool = false, extra: [(String, String?)] = []
    ) {
        var attrs: [(String, String?)] = [("x", SVG.num(x)), ("y", SVG.num(y))]
        if let anchor, anchor != "start" { attrs.append(("text-anchor", anchor)) }
        if let size { attrs.append(("font-size", SVG.num(size))) }
        if bold { attrs.append(("font-weight", "bold")) }
        if let fill { attrs.append(("fill", fill)) }
        if halo {
            attrs += [
                ("stroke", "#fff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")
            ]
        }
        element("text", attrs + extra, text: content)
    }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil
    ) {
        element(
            "line",
            [
                ("x1", SVG.num(x1)), ("y1", SVG.num(y1)), ("x2", SVG.num(x2)), ("y2", SVG.num(y2)),
                ("stroke", stroke), ("stroke-width", width == 1 ? nil : SVG.num(width)), ("stroke-dasharray", dash)
            ])
    }

    mutating func rect(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, extra: [(String, String?)] = []
    ) {
        element(
            "rect",
            [
                ("x", SVG.num(x)), ("y", SVG.num(y)), ("width", SVG.num(max(0, w))), ("height", SVG.num(max(0, h))),
                ("fill", fill)
            ] + extra)
    }

    /// The id of a diagonal hatch pattern over `background`, defined once per chart.
    mutating func hatchPattern(background: String = Palette.missing) -> String {
        let pid = "\(id)-h"
        if !defs.contains(pid) {
            defs +=
                "<pattern id=\"\(pid)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"\(background)\"/><path d=\"M0 0V6\" stroke=\"#999\" stroke-width=\"1.5\"/></pattern>"
        }
        return "url(#\(pid))"
    }

    /// Wraps the caption (if any) under the content and returns the finished SVG.
    mutating func finish(width: Double, height contentHeight: Double, caption: String?) -> String {
        var height = contentHeight
        if let caption, !caption.isEmpty {
            let lines = SVG.wrap(caption, maxWidth: width - 16, fontSize: 11)
            for (n, line) in lines.enumerated() {
                text(line, x: 8, y: height + 12 + Double(n) * 14, size: 11, fill: Palette.muted)
            }
            height += 6 + Double(lines.count) * 14
        }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" width=\"100%\""
        // A picture with links in it (a map whose areas lead to pages) is a group: `img` may not
        // contain focusable elements (axe: nested-interactive), and screen readers would skip the links.
        let role = body.contains("<a ") ? "group" : "img"
        out +=
            " role=\"\(role)\" aria-labelledby=\"\(id)-t \(id)-d\" font-family=\"\(Self.fontFamily)\" font-size=\"12\" fill=\"\(Palette.ink)\">"
        out += "<title id=\"\(id)-t\">\(SVG.escape(title))</title><desc id=\"\(id)-d\">\(SVG.escape(desc))</desc>"
        if !defs.isEmpty { out += "<defs>\(defs)</defs>" }
        return out + body + "</svg>"
    }

    static func attributes(_ attrs: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in attrs {
            guard let value else { continue }
            out += " \(name)=\"\(SVG.escape(value))\""
        }
        return out
    }
}

/// What every chart has besides its data: the text alternative, an optional visible caption
/// (source, date) and an id prefix (derived from the title when not given).
public struct ChartText: Sendable, Hashable {
    /// Accessible name (`<title>`), e.g. "Ervaren gezondheid per gemeente, 2024".
    public var title: String
    /// Longer text alternative (`<desc>`); when nil the chart writes a summary of its data.
    public var description: String?
    /// Visible line(s) under the chart, e.g. "Bron: CBS StatLine, 2024".
    public var caption: String?
    /// Prefix for element ids, unique on the page; default `SVG.stableID(title, …)`.
    public var id: String?

    public init(title: String, description: String? = nil, caption: String? = nil, id: String? = nil) {
        self.title = title
        self.description = description
        self.caption = caption
        self.id = id
    }

    func writer(kind: String, autoDescription: @autoclosure () -> String) -> SVGWriter {
        let desc = description ?? autoDescription()
        return SVGWriter(id: id ?? SVG.stableID(kind, title, desc), title: title, desc: desc)
    }
}
