import Fluent
import Vapor
import VitaalDomain

/// Imports region boundaries from GeoJSON (PDOK/CBS layout) atomically: the whole file or nothing.
public enum RegionImporter {
    /// Validates and writes; returns a Dutch summary. Throws `VitaalError` naming each bad feature.
    public static func importGeoJSON(
        _ data: Data, fileName: String?, on db: any Database, user: User?, actor: String?,
        now: Date
    ) async throws -> String {
        let features = try GeoJSONRegions.parse(data, file: fileName)
        if features.isEmpty {
            throw VitaalError.invalid("de FeatureCollection bevat geen features", at: SourceLocation(file: fileName))
        }
        return try await db.transaction { db in
            try await apply(features, fileName: fileName, on: db, user: user, actor: actor, now: now)
        }
    }

    static func apply(
        _ features: [RegionFeature], fileName: String?, on db: any Database, user: User?, actor: String?,
        now: Date
    ) async throws -> String {
        let existing = try await Region.query(on: db).all()
        let parentOf = try parents(of: features, fileName: fileName, existing: existing)
        let (created, updated) = try await write(features, parentOf: parentOf, existing: existing, on: db)
        let summary =
            "\(features.count) regio's uit \(fileName ?? "GeoJSON") geïmporteerd: \(created) nieuw, "
            + "\(updated) bijgewerkt."
        try await Audit.record(
            on: db, user: user, actor: actor, action: "import", entity: "regio", summary: summary,
            at: now)
        return summary
    }

    /// The parent code of every region after the import; every problem of the file at once.
    static func parents(
        of features: [RegionFeature], fileName: String?,
        existing: [Region]
    ) throws -> [String: String] {
        let byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.code, $0) })
        let codeByID = Dictionary(
            uniqueKeysWithValues: existing.compactMap { region in
                region.id.map { ($0, region.code) }
            })
        var parentOf: [String: String] = [:]
        for region in existing {
            if let parent = region.$parent.id.flatMap({ codeByID[$0] }) { parentOf[region.code] = parent }
        }
        let fileCodes = Set(features.map(\.code))
        var problems = ProblemCollector()
        for (index, feature) in features.enumerated() {
            let place = SourceLocation(file: fileName, field: "statcode", element: "feature \(index + 1)")
            let parentPlace = SourceLocation(file: fileName, field: "parent", element: "feature \(index + 1)")
            guard let kind = RegionKind.from(code: feature.code) else {
                problems.add(
                    "onbekende regiocode \"\(feature.code)\" (verwacht NL.., PV.., GM...., WK......, "
                        + "BU........ of GR…)", at: place)
                continue
            }
            let explicitParent = (feature.properties["parent"] ?? feature.properties["parent_code"])
                .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            var parent = explicitParent.flatMap { $0.isEmpty ? nil : $0 } ?? RegionKind.impliedParent(of: feature.code)
            if parent == nil, let current = byCode[feature.code] {
                parent = current.$parent.id.flatMap { codeByID[$0] }
            }
            if parent == nil, kind == .gemeente || kind == .provincie, byCode[feature.code] == nil {
                problems.add(
                    "nieuwe regio \(feature.code) zonder ouderregio: geef de eigenschap \"parent\" (bv. PV24)",
                    at: place)
                continue
            }
            guard let parent else { continue }
            if parent == feature.code {
                problems.add("regio \(feature.code) kan niet onder zichzelf vallen", at: parentPlace)
            } else if byCode[parent] == nil && !fileCodes.contains(parent) {
                problems.add("onbekende ouderregio \"\(parent)\" voor \(feature.code)", at: parentPlace)
            } else {
                parentOf[feature.code] = parent
            }
        }
        checkCycles(features, parentOf: parentOf, fileName: fileName, problems: &problems)
        try problems.throwIfAny("Regio's niet geïmporteerd")
        return parentOf
    }

    /// No region may end up (indirectly) under itself.
    static func checkCycles(
        _ features: [RegionFeature], parentOf: [String: String], fileName: String?,
        problems: inout ProblemCollector
    ) {
        for (index, feature) in features.enumerated() {
            var seen: Set<String> = [feature.code]
            var current = parentOf[feature.code]
            while let code = current {
                if seen.contains(code) {
                    problems.add(
                        "cyclus in de regioboom: \(feature.code) valt (indirect) onder zichzelf via \(code)",
                        at: SourceLocation(file: fileName, field: "parent", element: "feature \(index + 1)"))
                    break
                }
                seen.insert(code)
                current = parentOf[code]
            }
        }
    }

    /// Creates or updates every region, then links parents (a parent may come later in the file).
    static func write(
        _ features: [RegionFeature], parentOf: [String: String], existing: [Region],
        on db: any Database
    ) async throws -> (created: Int, updated: Int) {
        var byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.code, $0) })
        var created = 0
        var updated = 0
        for feature in features {
            let region: Region
            if let current = byCode[feature.code] {
                region = current
                updated += 1
                if !feature.name.isEmpty { region.name = feature.name }
            } else {
                let kind = RegionKind.from(code: feature.code) ?? .groep
                let name = feature.name.isEmpty ? feature.code : feature.name
                region = Region(code: feature.code, name: name, kind: kind, parentID: nil)
                created += 1
            }
            try region.setGeometry(feature.geometry, schematic: feature.isSchematic)
            try await region.save(on: db)
            byCode[feature.code] = region
        }
        for feature in features {
            guard let parent = parentOf[feature.code], let region = byCode[feature.code] else { continue }
            region.$parent.id = byCode[parent]?.id
            try await region.save(on: db)
        }
        return (created, updated)
    }
}
