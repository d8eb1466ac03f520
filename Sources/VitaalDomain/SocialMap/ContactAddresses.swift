import Foundation

extension SocialMap {
    /// A web address as the social map stores and links it: `http://` or `https://`, a host with a
    /// dot, no user or password, no white space, quotes, angle brackets or backslashes, at most
    /// 2,000 characters; re-serialised by `URLComponents`. Nil for anything else (`javascript:`,
    /// `//evil`, `https://x"><y`). Used by the web editor, the HSDS import and the pages (a stored
    /// value that fails is shown as text, never as a link).
    public static func webAddress(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.utf8.count <= 2000,
            !t.unicodeScalars.contains(where: {
                $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`{}|^".unicodeScalars.contains($0)
            }),
            let c = URLComponents(string: t), let scheme = c.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = c.host, host.contains("."), !host.hasPrefix("."), !host.hasSuffix("."),
            c.user == nil, c.password == nil, let out = c.string, out.lowercased().hasPrefix(scheme + "://")
        else { return nil }
        return out
    }

    /// A simple e-mail address: one `@`, a local part of letters, digits and `.!#$%&*+/=?_~-`
    /// (at most 64), a domain of letters, digits, dots and hyphens with a dot inside, at most 254 in all.
    public static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&*+/=?_~-")
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        return !local.isEmpty && local.count <= 64 && local.allSatisfy(localAllowed.contains)
            && domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
            && domain.allSatisfy(domainAllowed.contains)
    }
}
