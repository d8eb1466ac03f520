import Foundation

/// Only paths on this site are allowed as a redirect target after login: a single leading `/`,
/// then only URL path and query characters. Everything a browser could turn into another host
/// (`//host`, `/\\host`, `/<TAB>/host`, control characters, `%2F%2F` tricks after decoding) is refused.
func safeBack(_ back: String?) -> String? {
    guard let back, back.hasPrefix("/"), back.utf8.count <= 2000 else { return nil }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~?=&%+,".utf8)
    guard back.utf8.allSatisfy({ allowed.contains($0) }) else { return nil }
    let pathPart = back.split(separator: "?", maxSplits: 1).first.map(String.init) ?? back
    let decodedPath = pathPart.removingPercentEncoding ?? ""
    guard !back.hasPrefix("//"), !decodedPath.hasPrefix("//"), !decodedPath.contains("\\"),
        !decodedPath.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else { return nil }
    return back
}
