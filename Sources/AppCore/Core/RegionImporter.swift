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
        let warning = try checkWithin(features, parentOf: parentOf, existing: existing, fileName: fileName)
        let (created, updated) = try await write(features, parentOf: parentOf, existing: existing, on: db)
        let summary =
            "\(features.count) regio's uit \(fileName ?? "GeoJSON") geïmporteerd: \(created) nieuw, "
            + "\(updated) bijgewerkt." + (warning.map { " " + $0 } ?? "")
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
            guard let kind = RegionKind.from(code: feature.code) else {
                problems.add(
                    "onbekende regiocode \"\(feature.code)\" (verwacht NL.., PV.., GM...., WK......, "
                        + "BU........, een dienstregio GG...., VR.., ZK.., AM.. of GR…)", at: place)
                continue
            }
            let explicitParent = (feature.properties["parent"] ?? feature.properties["parent_code"])
                .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
            // CBS/PDOK wijk layers name the municipality in `gemeentecode`.
            let municipality =
                kind == .wijk
                ? feature.properties["gemeentecode"].map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                    .flatMap { $0.isEmpty ? nil : $0 }
                : nil
            let parentField = explicitParent != nil ? "parent" : (municipality != nil ? "gemeentecode" : "statcode")
            let parentPlace = SourceLocation(file: fileName, field: parentField, element: "feature \(index + 1)")
            var parent = explicitParent ?? municipality ?? RegionKind.impliedParent(of: feature.code)
            if parent == nil, let current = byCode[feature.code] {
                parent = current.$parent.id.flatMap { codeByID[$0] }
            }
            if parent == nil, byCode[feature.code] == nil {
                parent = locatedParent(feature, kind: kind, features: features, existing: existing)
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
                if kind == .wijk && parentField != "parent" {
                    problems.add(
                        "onbekende ouderregio: gemeente \"\(parent)\" van wijk \(feature.code) bestaat niet; "
                            + "importeer eerst de gemeenten of neem ze op in dit bestand", at: parentPlace)
                } else {
                    problems.add("onbekende ouderregio \"\(parent)\" voor \(feature.code)", at: parentPlace)
                }
            } else {
                parentOf[feature.code] = parent
            }
        }
        checkCycles(features, parentOf: parentOf, fileName: fileName, problems: &problems)
        try problems.throwIfAny("Regio's niet geïmporteerd")
        return parentOf
    }

    /// A wijk or buurt must lie within its parent (when both have a boundary). Separately generalised
    /// layers differ a little: up to 200 m is accepted silently, more gives a warning (returned), and
    /// a region whose interior lies outside its parent refuses the file.
    static func checkWithin(
        _ features: [RegionFeature], parentOf: [String: String], existing: [Region], fileName: String?
    ) throws -> String? {
        var outlines: [String: GeoMultiPolygon] = [:]
        for region in existing { if let geometry = region.multiPolygon { outlines[region.code] = geometry } }
        for feature in features { outlines[feature.code] = feature.geometry }
        var problems = ProblemCollector()
        var reaching: [(code: String, km: Double)] = []
        for (index, feature) in features.enumerated() {
            let kind = RegionKind.from(code: feature.code)
            guard kind == .wijk || kind == .buurt, let parent = parentOf[feature.code],
                let outer = outlines[parent]
            else { continue }
            switch Geo.containment(feature.geometry, in: outer) {
            case .within: break
            case .reachesOut(let km): reaching.append((feature.code, km))
            case .outside(let km):
                problems.add(
                    "\(feature.code) (\(feature.name)) ligt buiten \(parent): tot \(Self.km(km)) km erbuiten",
                    at: SourceLocation(file: fileName, field: "geometry", element: "feature \(index + 1)"))
            }
        }
        try problems.throwIfAny("Regio's niet geïmporteerd")
        guard let worst = reaching.max(by: { $0.km < $1.km }) else { return nil }
        return "Let op: \(reaching.count) regio('s) steken meer dan 200 m buiten hun ouderregio (het meest "
            + "\(worst.code), \(Self.km(worst.km)) km); gegeneraliseerde lagen verschillen wat, ze zijn wel "
            + "geïmporteerd."
    }

    static func km(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// The parent of a new province or municipality in a file as CBS/PDOK publish it (without a
    /// `parent` property): a province belongs to the country (NL01), a municipality to the province
    /// whose boundary holds its interior point.
    static func locatedParent(
        _ feature: RegionFeature, kind: RegionKind, features: [RegionFeature], existing: [Region]
    ) -> String? {
        let known = Set(existing.map(\.code) + features.map(\.code))
        switch kind {
        case .provincie: return known.contains("NL01") ? "NL01" : nil
        case .gemeente:
            let point = feature.geometry.labelPoint
            let provinces =
                features.filter { RegionKind.from(code: $0.code) == .provincie }.map { ($0.code, $0.geometry) }
                + existing.filter { $0.regionKind == .provincie }.compactMap { r in r.multiPolygon.map { (r.code, $0) }
                }
            return provinces.first { $0.1.contains(point) }?.0
        default: return nil
        }
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
