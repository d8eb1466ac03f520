import Foundation
import VitaalDomain

/// Plot 0.14 escapes text nodes but writes attribute values exactly as given
/// (`name="value"`), so a value holding `"` would end the attribute and start markup of its own.
/// Every attribute value that is not a string literal in the code passes through `attr(_:)`;
/// it is the same escaper the SVG renderer uses (`& < > " '`), so there is one rule for all HTML.
/// `AttributeEscapingTests` renders every form helper with hostile values and the route walk
/// checks that no raw `"'><` sequence from a request comes back.
public func attr(_ value: String) -> String { SVG.escape(value) }

/// Web addresses people enter (organisation websites, evidence links): only `http(s)://` with a
/// host, re-serialised by `URLComponents` so that what is stored is what a browser will open.
public enum WebAddress {
    public static func normalised(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.utf8.count <= 2000, !t.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
            let c = URLComponents(string: t), let scheme = c.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = c.host, !host.isEmpty, c.user == nil, c.password == nil, let url = c.url
        else { return nil }
        let s = url.absoluteString
        return s.contains("\"") || s.contains("<") || s.contains(">") ? nil : s
    }
}
