import Vapor
import Fluent
import VitaalDomain

/// Imports region boundaries from GeoJSON (PDOK/CBS layout) atomically: the whole file or nothing.
public enum RegionImporter {
    /// Validates and writes; returns a Dutch summary. Throws `VitaalError` naming each bad feature.
    public static func importGeoJSON(_ data: Data, fileName: String?, on db: any Database, user: User?, actor: String?,
                                     now: Date) async throws -> String {
        let features = try GeoJSONRegions.parse(data, file: fileName)
        if features.isEmpty {
            throw VitaalError.invalid("de FeatureCollection bevat geen features", at: SourceLocation(file: fileName))
        }
        return try await db.transaction { db in
            try await apply(features, fileName: fileName, on: db, user: user, actor: actor, now: now)
        }
    }

    static func apply(_ features: [RegionFeature], fileName: String?, on db: any Database, user: User?, actor: String?,
                      now: Date) async throws -> String {
        let existing = try await Region.query(on: db).all()
        var byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.code, $0) })
        let codeByID = Dictionary(uniqueKeysWithValues: existing.map { ($0.id!, $0.code) })
        // parent code of every region after the import, to check references and cycles
        var parentOf: [String: String] = [:]
        for r in existing { if let p = r.$parent.id.flatMap({ codeByID[$0] }) { parentOf[r.code] = p } }
        let fileCodes = Set(features.map(\.code))

        var problems = ProblemCollector()
        for (i, f) in features.enumerated() {
            let place = SourceLocation(file: fileName, field: "statcode", element: "feature \(i + 1)")
            guard let kind = RegionKind.from(code: f.code) else {
                problems.add("onbekende regiocode \"\(f.code)\" (verwacht NL.., PV.., GM...., WK......, BU........ of GR…)", at: place)
                continue
            }
            let explicitParent = (f.properties["parent"] ?? f.properties["parent_code"]).map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            var parent = explicitParent.flatMap { $0.isEmpty ? nil : $0 } ?? RegionKind.impliedParent(of: f.code)
            if parent == nil, let current = byCode[f.code] { parent = current.$parent.id.flatMap { codeByID[$0] } }
            if parent == nil, kind == .gemeente || kind == .provincie, byCode[f.code] == nil {
                problems.add("nieuwe regio \(f.code) zonder ouderregio: geef de eigenschap \"parent\" (bv. PV24)", at: place)
                continue
            }
            if let parent {
                if parent == f.code {
                    problems.add("regio \(f.code) kan niet onder zichzelf vallen", at: SourceLocation(file: fileName, field: "parent", element: "feature \(i + 1)"))
                    continue
                }
                if byCode[parent] == nil && !fileCodes.contains(parent) {
                    problems.add("onbekende ouderregio \"\(parent)\" voor \(f.code)", at: SourceLocation(file: fileName, field: "parent", element: "feature \(i + 1)"))
                    continue
                }
                parentOf[f.code] = parent
            }
        }
        // Cycle check over the resulting tree.
        for (i, f) in features.enumerated() {
            var seen: Set<String> = [f.code]
            var current = parentOf[f.code]
            while let c = current {
                if seen.contains(c) {
                    problems.add("cyclus in de regioboom: \(f.code) valt (indirect) onder zichzelf via \(c)",
                                 at: SourceLocation(file: fileName, field: "parent", element: "feature \(i + 1)"))
                    break
                }
                seen.insert(c); current = parentOf[c]
            }
        }
        try problems.throwIfAny("Regio's niet geïmporteerd")

        // Write: first create/update all regions, then link parents (parents may come later in the file).
        var created = 0, updated = 0
        for f in features {
            let region: Region
            if let r = byCode[f.code] {
                region = r; updated += 1
                if !f.name.isEmpty { region.name = f.name }
            } else {
                region = Region(code: f.code, name: f.name.isEmpty ? f.code : f.name, kind: RegionKind.from(code: f.code)!, parentID: nil)
                created += 1
            }
            try region.setGeometry(f.geometry, schematic: f.isSchematic)
            try await region.save(on: db)
            byCode[f.code] = region
        }
        for f in features {
            guard let parent = parentOf[f.code], let region = byCode[f.code] else { continue }
            region.$parent.id = byCode[parent]?.id
            try await region.save(on: db)
        }
        let summary = "\(features.count) regio's uit \(fileName ?? "GeoJSON") geïmporteerd: \(created) nieuw, \(updated) bijgewerkt."
        try await Audit.record(on: db, user: user, actor: actor, action: "import", entity: "regio", summary: summary, at: now)
        return summary
    }
}
