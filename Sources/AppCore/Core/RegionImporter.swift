import Fluent
import Vapor
import VitaalDomain

/// Imports region boundaries from GeoJSON (PDOK/CBS layout) atomically: the whole file or nothing.
public enum RegionImporter {
    /// The years `--jaar` accepts.
    public static let years = 1900...2100

    /// Validates and writes; returns a Dutch summary. Throws `VitaalError` naming each bad feature.
    ///
    /// Without `year` each region's current boundary is replaced (a region new to Vitaal then has
    /// no history: its boundary is used for every year). With `year` each feature becomes the
    /// boundary version valid from that year (`BoundaryHistory.place`): the open version closes the
    /// year before, a version starting that year is replaced, and a year inside closed history is
    /// refused for the whole file.
    ///
    /// `complete` (`--volledig`, only with `year`): the file holds every region of its kinds for that
    /// year, so a code of those kinds that is missing from it ends the year before (a merger: the
    /// merged municipality's code stops, the new or absorbing one continues).
    public static func importGeoJSON(
        _ data: Data, fileName: String?, year: Int? = nil, complete: Bool = false, on db: any Database, user: User?,
        actor: String?, now: Date
    ) async throws -> String {
        if let year, !years.contains(year) {
            throw VitaalError.invalid(
                "jaar \(year) valt buiten \(years.lowerBound)–\(years.upperBound)",
                at: SourceLocation(file: fileName, field: "--jaar"))
        }
        if complete, year == nil {
            throw VitaalError.invalid(
                "--volledig kan alleen samen met --jaar: de codes die ontbreken, eindigen het jaar ervoor",
                at: SourceLocation(file: fileName, field: "--volledig"))
        }
        let features = try GeoJSONRegions.parse(data, file: fileName)
        if features.isEmpty {
            throw VitaalError.invalid("de FeatureCollection bevat geen features", at: SourceLocation(file: fileName))
        }
        return try await db.transaction { db in
            try await apply(
                features, fileName: fileName, year: year, complete: complete, on: db, user: user, actor: actor,
                now: now)
        }
    }

    static func apply(
        _ features: [RegionFeature], fileName: String?, year: Int?, complete: Bool = false, on db: any Database,
        user: User?, actor: String?, now: Date
    ) async throws -> String {
        let existing = try await Region.query(on: db).all()
        let parentOf = try parents(of: features, fileName: fileName, existing: existing)
        let rows = Dictionary(grouping: try await RegionVersion.query(on: db).all(), by: { $0.$region.id })
        let warning = try checkWithin(
            features, parentOf: parentOf, existing: existing, versions: year.map { (year: $0, rows: rows) },
            fileName: fileName)
        let changes =
            try year.map { try planVersions(features, year: $0, existing: existing, rows: rows, fileName: fileName) }
            ?? [:]
        let ended =
            try year.map { complete ? try endMissing(features, year: $0, existing: existing, rows: rows) : [] } ?? []
        let (created, updated) = try await write(
            features, parentOf: parentOf, existing: existing, rows: rows, changes: changes, on: db)
        for item in ended {
            for row in item.versions where row.id == nil { try await row.create(on: db) }
            item.open.validTo = (year ?? 0) - 1
            try await item.open.save(on: db)
        }
        let versions = year.map { year in
            let replaced = changes.values.filter { if case .replace = $0.placement { true } else { false } }.count
            return " Grensversies vanaf \(year): \(changes.count - replaced) nieuw, \(replaced) vervangen."
                + (ended.isEmpty
                    ? ""
                    : " Beëindigd na \(year - 1): "
                        + ended.map { "\($0.region.code) (\($0.region.name))" }.joined(separator: ", ") + ".")
        }
        let summary =
            "\(features.count) regio's uit \(fileName ?? "GeoJSON") geïmporteerd: \(created) nieuw, "
            + "\(updated) bijgewerkt." + (versions ?? "") + (warning.map { " " + $0 } ?? "")
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
    /// a region whose interior lies outside its parent refuses the file. With `--jaar` a parent is
    /// taken as it was in that year (its version of the year, else the nearest).
    static func checkWithin(
        _ features: [RegionFeature], parentOf: [String: String], existing: [Region],
        versions: (year: Int, rows: [UUID: [RegionVersion]])? = nil, fileName: String?
    ) throws -> String? {
        var outlines: [String: GeoMultiPolygon] = [:]
        for region in existing {
            var geometry = region.multiPolygon
            if let versions, let list = region.id.flatMap({ versions.rows[$0] }), !list.isEmpty {
                switch BoundaryHistory.version(for: versions.year, in: list.map(\.years)) {
                case .exact(let index), .nearest(let index): geometry = list[index].multiPolygon
                case .none: geometry = nil
                }
            }
            if let geometry { outlines[region.code] = geometry }
        }
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

    /// What an import with `--jaar` does to one code's boundary versions.
    struct VersionChange {
        var placement: BoundaryHistory.Placement
        /// The code's versions before the import (a region without recorded versions has one,
        /// valid in every year, made from its stored boundary and not yet saved).
        var rows: [RegionVersion]
        /// The new or replaced version is the latest one: the region's current name and boundary.
        var becomesCurrent: Bool
    }

    /// With `--volledig`: the regions of the file's kinds that the file does not name, with the open
    /// version that ends the year before `year` (and every version of the code, to save those that
    /// exist only in memory). A missing code whose boundary starts in `year` or later is a mistake.
    static func endMissing(
        _ features: [RegionFeature], year: Int, existing: [Region], rows: [UUID: [RegionVersion]]
    ) throws -> [(region: Region, open: RegionVersion, versions: [RegionVersion])] {
        let named = Set(features.map(\.code))
        let kinds = Set(features.compactMap { RegionKind.from(code: $0.code)?.rawValue })
        var problems = ProblemCollector()
        var ended: [(region: Region, open: RegionVersion, versions: [RegionVersion])] = []
        for region in existing.sorted(by: { $0.code < $1.code })
        where !named.contains(region.code) && kinds.contains(region.kind) {
            let versions = storedVersions(of: region, rows: rows)
            guard let open = versions.first(where: { $0.years.validTo == nil }) else { continue }
            if let from = open.years.validFrom, from >= year {
                problems.add(
                    "\(region.code) (\(region.name)) ontbreekt in dit bestand van \(year), maar heeft een grens "
                        + "vanaf \(from): een volledig bestand van \(year) moet deze code bevatten",
                    at: SourceLocation(field: "--volledig", element: region.code))
                continue
            }
            ended.append((region, open, versions))
        }
        try problems.throwIfAny("Regio's niet geïmporteerd")
        return ended
    }

    /// A region's boundary versions; one without recorded versions has one, valid in every year, made
    /// from its stored boundary (not yet saved).
    static func storedVersions(of region: Region, rows: [UUID: [RegionVersion]]) -> [RegionVersion] {
        guard let id = region.id else { return [] }
        if let stored = rows[id], !stored.isEmpty { return stored }
        guard region.geometry != nil else { return [] }
        return [
            RegionVersion(
                regionID: id, years: BoundaryVersion(validFrom: nil, validTo: nil), name: region.name,
                geometry: region.geometry, schematic: region.geometrySchematic)
        ]
    }

    /// Where each feature's version goes; every overlap of the file at once, nothing written.
    static func planVersions(
        _ features: [RegionFeature], year: Int, existing: [Region], rows: [UUID: [RegionVersion]], fileName: String?
    ) throws -> [String: VersionChange] {
        let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var problems = ProblemCollector()
        var changes: [String: VersionChange] = [:]
        for (index, feature) in features.enumerated() {
            let element = "feature \(index + 1)"
            // CBS/PDOK files name their year in `jaar`; a file of another year is a mistake.
            if let stated = feature.properties["jaar"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                stated != year
            {
                problems.add(
                    "\(feature.code) is een grens van \(stated) (eigenschap jaar), maar geïmporteerd met --jaar \(year)",
                    at: SourceLocation(file: fileName, field: "jaar", element: element))
                continue
            }
            let region = byCode[feature.code]
            let versions = region.map { storedVersions(of: $0, rows: rows) } ?? []
            switch BoundaryHistory.place(from: year, among: versions.map(\.years), newCode: region == nil) {
            case .failure(let overlap):
                problems.add(
                    "\(feature.code) (\(feature.name)): een grensversie vanaf \(year) overlapt de grensversie "
                        + "\(overlap.version.yearsLabel) van deze code"
                        + (overlap.version.validFrom.map { "; met --jaar \($0) vervangt u die versie" } ?? ""),
                    at: SourceLocation(file: fileName, field: "statcode", element: element))
            case .success(let placement):
                let latest = versions.map { $0.validFrom ?? .min }.max() ?? .min
                let current: Bool
                switch placement {
                case .replace(let i): current = (versions[i].validFrom ?? .min) == latest
                case .add(let years, _): current = (years.validFrom ?? .min) > latest
                }
                changes[feature.code] = VersionChange(placement: placement, rows: versions, becomesCurrent: current)
            }
        }
        try problems.throwIfAny("Regio's niet geïmporteerd")
        return changes
    }

    /// Creates or updates every region and its versions, then links parents (a parent may come
    /// later in the file).
    static func write(
        _ features: [RegionFeature], parentOf: [String: String], existing: [Region], rows: [UUID: [RegionVersion]],
        changes: [String: VersionChange], on db: any Database
    ) async throws -> (created: Int, updated: Int) {
        var byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.code, $0) })
        var created = 0
        var updated = 0
        for feature in features {
            let region: Region
            let change = changes[feature.code]
            let isCurrent = change?.becomesCurrent ?? true
            if let current = byCode[feature.code] {
                region = current
                updated += 1
                if !feature.name.isEmpty, isCurrent { region.name = feature.name }
            } else {
                let kind = RegionKind.from(code: feature.code) ?? .groep
                let name = feature.name.isEmpty ? feature.code : feature.name
                region = Region(code: feature.code, name: name, kind: kind, parentID: nil)
                created += 1
            }
            if isCurrent || region.id == nil {
                try region.setGeometry(feature.geometry, schematic: feature.isSchematic)
            }
            try await region.save(on: db)
            byCode[feature.code] = region
            if let change {
                try await writeVersion(change, feature: feature, region: region, on: db)
            } else if let id = region.id,
                let current = rows[id]?.max(by: { ($0.validFrom ?? .min) < ($1.validFrom ?? .min) })
            {
                // Without --jaar the current boundary is replaced: its version row follows.
                current.name = region.name
                current.geometry = region.geometry
                current.geometrySchematic = region.geometrySchematic
                try await current.save(on: db)
            }
        }
        for feature in features {
            guard let parent = parentOf[feature.code], let region = byCode[feature.code] else { continue }
            region.$parent.id = byCode[parent]?.id
            try await region.save(on: db)
        }
        return (created, updated)
    }

    static func writeVersion(
        _ change: VersionChange, feature: RegionFeature, region: Region, on db: any Database
    ) async throws {
        let id = try region.requireID()
        for row in change.rows where row.id == nil { try await row.create(on: db) }
        let name = feature.name.isEmpty ? region.name : feature.name
        let geometry = try String(decoding: JSONEncoder().encode(feature.geometry), as: UTF8.self)
        switch change.placement {
        case .replace(let index):
            let row = change.rows[index]
            row.name = name
            row.geometry = geometry
            row.geometrySchematic = feature.isSchematic
            try await row.save(on: db)
        case .add(let years, let closing):
            if let closing, let from = years.validFrom {
                change.rows[closing].validTo = from - 1
                try await change.rows[closing].save(on: db)
            }
            try await RegionVersion(
                regionID: id, years: years, name: name, geometry: geometry, schematic: feature.isSchematic
            ).create(on: db)
        }
    }
}
