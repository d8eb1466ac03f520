import Foundation
import XCTest

/// HTML snapshot tests (as SwiftPackageIndex-Server does with swift-snapshot-testing, in a few lines
/// of our own): a page rendered from its model with a fixed clock is compared with the file
/// `Tests/AppTests/__Snapshots__/<name>.html`.
///
/// - Record or update: run the test with `VITAAL_RECORD_SNAPSHOTS=1`, look at the file, commit it.
/// - A missing snapshot is recorded and the test fails (so a new snapshot is always looked at);
///   under `CI=true` a missing snapshot only fails.
/// - Before comparing, the HTML is normalised so that diffs are readable and stable: one tag per
///   line, CSRF tokens and UUIDs replaced by placeholders.
func assertSnapshot(_ html: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let normalised = Snapshot.normalise(html)
    let url = Snapshot.directory.appendingPathComponent(name + ".html")
    let environment = ProcessInfo.processInfo.environment
    let record = environment["VITAAL_RECORD_SNAPSHOTS"] == "1"
    guard !record, let recorded = try? String(contentsOf: url, encoding: .utf8) else {
        if environment["CI"] == "true" && !record {
            XCTFail("Snapshot \(name).html ontbreekt (in CI wordt niets opgenomen)", file: file, line: line)
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try normalised.write(to: url, atomically: true, encoding: .utf8)
            XCTFail(
                "Snapshot \(name).html opgenomen: bekijk het bestand en draai de test opnieuw", file: file, line: line)
        } catch {
            XCTFail("Snapshot \(name).html kon niet worden geschreven: \(error)", file: file, line: line)
        }
        return
    }
    guard recorded != normalised else { return }
    let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let new = normalised.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let actual = url.deletingPathExtension().appendingPathExtension("actual.html")
    try? normalised.write(to: actual, atomically: true, encoding: .utf8)
    XCTFail(
        """
        Snapshot \(name).html wijkt af vanaf regel \(first + 1):
          verwacht: \(first < old.count ? String(old[first]) : "(einde)")
          gekregen: \(first < new.count ? String(new[first]) : "(einde)")
        De hele uitvoer staat in \(actual.path).
        """, file: file, line: line)
}

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func normalise(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "><", with: ">\n<")
        text = text.replacingOccurrences(
            of: #"name="csrf" value="[^"]*""#, with: #"name="csrf" value="CSRF""#, options: .regularExpression)
        text = text.replacingOccurrences(
            of: #"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#,
            with: "UUID", options: .regularExpression)
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
