import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Reading HSDS input from disk and writing exports to a folder (used by the CLI and tests).
public enum HSDSFiles {
    /// Name of the HSDS 3.0 JSON file written next to the datapackage.
    public static let jsonFileName = "sociale-kaart.hsds.json"

    /// Reads `path`: a datapackage folder, its `datapackage.json`, or an HSDS 3.x JSON file.
    public static func read(path: String) throws -> SocialMap.HSDS.ImportResult {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw VitaalError.invalid("bestand of map niet gevonden", at: SourceLocation(file: path))
        }
        if isDir.boolValue { return try readDatapackage(folder: URL(fileURLWithPath: path)) }
        let url = URL(fileURLWithPath: path)
        guard let data = fm.contents(atPath: path) else {
            throw VitaalError.invalid("bestand niet leesbaar", at: SourceLocation(file: path))
        }
        if url.lastPathComponent == "datapackage.json" || isDatapackageDescriptor(data) {
            return try readDatapackage(folder: url.deletingLastPathComponent(), descriptorName: url.lastPathComponent)
        }
        return try SocialMap.HSDS.readJSON(data, fileName: url.lastPathComponent)
    }

    static func isDatapackageDescriptor(_ data: Data) -> Bool {
        (try? JSONParser.parse(data, file: "x"))?["resources"]?.array != nil
    }

    /// All files below `folder` (relative paths) go to the domain reader, which follows `resources[].path`.
    static func readDatapackage(
        folder: URL, descriptorName: String = "datapackage.json"
    ) throws -> SocialMap.HSDS.ImportResult {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let rel as String in walker {
                let full = root + "/" + rel
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else {
                    continue
                }
                let lower = rel.lowercased()
                guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else { continue }
                files[rel] = FileManager.default.contents(atPath: full)
            }
        }
        if descriptorName != "datapackage.json", let d = files[descriptorName] { files["datapackage.json"] = d }
        return try SocialMap.HSDS.readDatapackage(files: files)
    }

    /// Imports `path` atomically (see `SocialMapStore.write`); the notes say what was left out (positions
    /// Vitaal cannot place) so the caller can show them. With `maintainerSlug` the package is that
    /// organisation's: when it holds records another organisation maintains, nothing is written and the
    /// error names them, unless `replacingOthers` (a partner's package must not silently overwrite what
    /// another partner keeps up to date).
    public static func importPath(
        _ path: String, on db: any Database, maintainerSlug: String? = nil, replacingOthers: Bool = false,
        actor: String = "cli", user: User? = nil, at now: Date
    ) async throws -> (summary: SocialMapStore.WriteSummary, notes: [Problem]) {
        let read = try read(path: path)
        var maintainer: UUID?
        if let slug = maintainerSlug {
            guard let org = try await Organisation.query(on: db).filter(\.$slug == slug).first() else {
                throw VitaalError.invalid("onbekende organisatie \"\(slug)\"", at: SourceLocation(field: "organisatie"))
            }
            maintainer = org.id
            if !replacingOthers {
                let others = try await SocialMapStore.maintainedByOthers(read.register, than: org, on: db)
                if !others.isEmpty {
                    throw VitaalError.invalid(
                        "Het bestand bevat \(others.count) record(s) die een andere organisatie bijhoudt; er is niets "
                            + "geïmporteerd. Laat ze weg, importeer als die organisatie, of gebruik --ook-van-anderen.",
                        problems: others)
                }
            }
        }
        let summary = try await SocialMapStore.write(
            read.register, on: db, maintainer: maintainer, user: user, actor: actor, action: "import",
            summary: "HSDS-import \(URL(fileURLWithPath: path).lastPathComponent)", at: now)
        return (summary, read.notes)
    }

    /// Writes the stored register to `folder`: the HSDS 2.x datapackage (datapackage.json + CSVs)
    /// and the HSDS 3.0 JSON file. Returns the file names written.
    @discardableResult
    public static func export(
        to folder: String, on db: any Database, options: SocialMap.HSDS.ExportOptions = .public
    ) async throws -> [String] {
        let register = try await SocialMapStore.load(on: db)
        var files = SocialMap.HSDS.exportDatapackage(register, options: options)
        files[jsonFileName] = SocialMap.HSDS.exportJSON(register, options: options)
        let dir = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        }
        return files.keys.sorted()
    }
}
