import AppCore
import Fluent
import Vapor
import VitaalDomain

// The indicator catalogue in and out of Vitaal (`vitaal import|export indicators FILE`,
// `POST /api/v1/indicators/import`, and one indicator through `POST/PUT /api/v1/indicators`):
// a CSV with one row per indicator, or a JSON document with the indicators, the monitors, their
// themes and the indicators in them. Formats in docs/import-formats.md. Reading is parse → check
// (every problem at once, with file, line, column and field) → write in one transaction: all or
// nothing.

/// One indicator as read from a file or an API body: every field as text (the catalogue form's
/// `IndicatorDraft`) plus owner and formula, and where each field stands in the input.
struct CatalogueEntry: Sendable {
    var draft = IndicatorDraft()
    /// Owner organisation's slug ("" = no owner).
    var owner = ""
    /// Formula of a derived indicator ("" = stored values).
    var formula = ""
    /// Where the entry starts (CSV line or JSON object).
    var place = SourceLocation()
    /// Where each field stands, by `IndicatorDraft` field name ("code", "normValue", …, "owner", "formula").
    var places: [String: SourceLocation] = [:]

    func location(_ field: String) -> SourceLocation {
        places[field] ?? SourceLocation(file: place.file, line: place.line, field: field)
    }
}

/// A monitor of a JSON catalogue, with its themes and items in order.
struct CatalogueMonitor: Sendable {
    struct Theme: Sendable {
        var code: String
        var name: String
        var description: String
        var retired: Bool
        var indicators: [(code: String, place: SourceLocation)]
        var place: SourceLocation
    }
    var slug: String
    var name: String
    var description: String
    var retired: Bool
    var themes: [Theme]
    /// Indicators without a theme.
    var indicators: [(code: String, place: SourceLocation)]
    var place: SourceLocation
}

/// A parsed catalogue file: indicators, and (JSON only) monitors.
struct CatalogueFile: Sendable {
    var fileName: String
    var entries: [CatalogueEntry]
    /// nil: the file says nothing about monitors (a CSV), so they stay as they are.
    var monitors: [CatalogueMonitor]?
}

/// What an import did.
struct CatalogueOutcome: Sendable {
    var created: [String]
    var updated: [String]
    var unchanged: Int
    var monitors: Int
    var message: String {
        var text =
            "\(created.count) indicator(en) aangemaakt, \(updated.count) gewijzigd, \(unchanged) ongewijzigd"
        if monitors > 0 { text += "; \(monitors) monitor(s) bijgewerkt" }
        return text + "."
    }
}

enum IndicatorCatalogueIO {
    /// CSV columns in order, with the `IndicatorDraft` field each fills.
    static let columns: [(name: String, field: String)] = [
        ("code", "code"), ("name", "name"), ("description", "description"), ("unit", "unit"),
        ("decimals", "decimals"), ("polarity", "polarity"), ("level", "level"), ("source", "source"),
        ("licence", "licence"), ("is_count", "isCount"), ("norm_comparison", "normComparison"),
        ("norm_value", "normValue"), ("norm_source", "normSource"), ("range_min", "rangeMin"),
        ("range_max", "rangeMax"), ("visibility", "visibility"), ("owner", "owner"), ("status", "status"),
        ("replaces", "replacesCode"), ("formula", "formula")
    ]
    /// The JSON member of each `IndicatorDraft` field (nested ones with a dot).
    static let jsonNames: [String: String] = [
        "code": "code", "name": "name", "description": "description", "unit": "unit", "decimals": "decimals",
        "polarity": "polarity", "level": "level", "source": "source", "licence": "licence", "isCount": "isCount",
        "normComparison": "norm.comparison", "normValue": "norm.value", "normSource": "norm.source",
        "rangeMin": "validRange.min", "rangeMax": "validRange.max", "visibility": "visibility", "owner": "owner",
        "status": "status", "replacesCode": "replaces", "formula": "formula"
    ]
    static let formatName = "vitaal-indicatorcatalogus"
    static let maxMonitors = 200
    static let maxEntries = 10_000

    // MARK: Reading

    /// A CSV (one row per indicator) or a JSON catalogue, told apart by the first non-blank byte.
    static func parse(_ data: Data, fileName: String) throws -> CatalogueFile {
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
            ? try parseJSON(data, fileName: fileName) : try parseCSV(data, fileName: fileName)
    }

    static func parseCSV(_ data: Data, fileName: String) throws -> CatalogueFile {
        guard !data.isEmpty else {
            throw VitaalError.invalid("het bestand is leeg", at: SourceLocation(file: fileName))
        }
        let table = try CSVTable.parse(data: data, fileName: fileName)
        var problems = ProblemCollector()
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            let key = CSVTable.normalizedHeader(name)
            guard columns.contains(where: { $0.name == key }) else {
                problems.add(
                    "onbekende kolom \"\(BoundedNumber.short(name))\"; bekende kolommen: "
                        + columns.map(\.name).joined(separator: ", "),
                    at: SourceLocation(file: fileName, line: table.headerLine, column: i + 1, field: name))
                continue
            }
            if index[key] != nil {
                problems.add(
                    "de kolom \"\(key)\" staat er twee keer in",
                    at: SourceLocation(file: fileName, line: table.headerLine, column: i + 1, field: key))
            }
            index[key] = i
        }
        for required in ["code", "name", "unit", "polarity", "source"] where index[required] == nil {
            problems.add(
                "de verplichte kolom \"\(required)\" ontbreekt",
                at: SourceLocation(file: fileName, line: table.headerLine, field: required))
        }
        try problems.throwIfAny("import van \(fileName) afgebroken, er is niets opgeslagen")
        guard table.rows.count <= maxEntries else {
            throw VitaalError.invalid(
                "het bestand heeft \(table.rows.count) regels; hoogstens \(maxEntries)",
                at: SourceLocation(file: fileName))
        }
        var entries: [CatalogueEntry] = []
        for row in table.rows {
            var entry = CatalogueEntry()
            entry.place = SourceLocation(file: fileName, line: row.line)
            if row.count != table.header.count {
                problems.add(
                    "de regel heeft \(row.count) velden, de kopregel \(table.header.count)",
                    at: SourceLocation(file: fileName, line: row.line))
                continue
            }
            var texts: [String: String] = [:]
            for (name, field) in columns {
                guard let i = index[name] else { continue }
                texts[field] = row[i].trimmingCharacters(in: .whitespaces)
                entry.places[field] = SourceLocation(file: fileName, line: row.line, column: i + 1, field: name)
            }
            fill(&entry, texts: texts, problems: &problems)
            entries.append(entry)
        }
        try problems.throwIfAny("import van \(fileName) afgebroken, er is niets opgeslagen")
        return CatalogueFile(fileName: fileName, entries: entries, monitors: nil)
    }

    /// Fills an entry from field texts (defaults for empty optional fields), adding a problem for a
    /// yes/no field that is neither.
    static func fill(_ entry: inout CatalogueEntry, texts: [String: String], problems: inout ProblemCollector) {
        func text(_ field: String) -> String { texts[field] ?? "" }
        var d = IndicatorDraft()
        d.code = text("code")
        d.name = text("name")
        d.description = text("description")
        d.unit = text("unit")
        d.decimals = text("decimals").isEmpty ? "0" : text("decimals")
        d.polarity = text("polarity")
        d.level = text("level").isEmpty ? IndicatorLevel.outcome.rawValue : text("level")
        d.source = text("source")
        d.licence = text("licence")
        d.normComparison = text("normComparison")
        d.normValue = text("normValue")
        d.normSource = text("normSource")
        d.rangeMin = text("rangeMin")
        d.rangeMax = text("rangeMax")
        d.visibility = text("visibility").isEmpty ? Visibility.public.rawValue : text("visibility")
        d.status = text("status").isEmpty ? IndicatorStatus.actief.rawValue : text("status")
        d.replacesCode = text("replacesCode")
        switch text("isCount").lowercased() {
        case "", "nee", "false", "0", "no": d.isCount = false
        case "ja", "true", "1", "yes": d.isCount = true
        default:
            problems.add(
                "\"\(BoundedNumber.short(text("isCount")))\" is geen ja of nee", at: entry.location("isCount"))
        }
        entry.draft = d
        entry.owner = text("owner")
        entry.formula = text("formula")
    }

    static func parseJSON(_ data: Data, fileName: String) throws -> CatalogueFile {
        let root = try JSONParser.parse(data, file: fileName)
        var problems = ProblemCollector()
        func fail(_ message: String, _ node: JSONNode, _ path: String) {
            problems.add(message, at: node.location(file: fileName, element: path))
        }
        guard root.isObject else {
            throw VitaalError.invalid(
                "de catalogus moet een object zijn met \"indicators\" (en eventueel \"monitors\"), niet \(root.kindName)",
                at: root.location(file: fileName))
        }
        for member in root.members ?? []
        where !["format", "version", "indicators", "monitors"].contains(member.key) {
            fail("onbekend veld \"\(BoundedNumber.short(member.key))\"", member.value, "$.\(member.key)")
        }
        if let format = root["format"], format.string != formatName {
            fail("\"format\" moet \"\(formatName)\" zijn", format, "$.format")
        }
        if let version = root["version"], version.int != 1 {
            fail("alleen \"version\": 1 wordt gelezen", version, "$.version")
        }
        var entries: [CatalogueEntry] = []
        if let list = root["indicators"] {
            if let items = list.array {
                for (n, item) in items.prefix(maxEntries).enumerated() {
                    if let entry = jsonEntry(item, path: "$.indicators[\(n)]", file: fileName, problems: &problems) {
                        entries.append(entry)
                    }
                }
                if items.count > maxEntries { fail("hoogstens \(maxEntries) indicatoren", list, "$.indicators") }
            } else {
                fail("\"indicators\" moet een lijst zijn, niet \(list.kindName)", list, "$.indicators")
            }
        } else {
            problems.add("het veld \"indicators\" ontbreekt", at: root.location(file: fileName, field: "indicators"))
        }
        var monitors: [CatalogueMonitor]?
        if let list = root["monitors"] {
            if let items = list.array, items.count <= maxMonitors {
                monitors = items.enumerated().compactMap { n, item in
                    jsonMonitor(item, path: "$.monitors[\(n)]", file: fileName, problems: &problems)
                }
            } else {
                fail("\"monitors\" moet een lijst van hoogstens \(maxMonitors) monitors zijn", list, "$.monitors")
            }
        }
        try problems.throwIfAny("import van \(fileName) afgebroken, er is niets opgeslagen")
        return CatalogueFile(fileName: fileName, entries: entries, monitors: monitors)
    }

    /// One indicator object (also the body of `POST/PUT /api/v1/indicators`).
    static func jsonEntry(_ node: JSONNode, path: String, file: String?, problems: inout ProblemCollector)
        -> CatalogueEntry?
    {
        guard node.isObject else {
            problems.add(
                "een indicator moet een object zijn, niet \(node.kindName)",
                at: node.location(file: file, element: path))
            return nil
        }
        var entry = CatalogueEntry()
        entry.place = node.location(file: file, element: path)
        var texts: [String: String] = [:]
        let known = Set(jsonNames.values.map { String($0.split(separator: ".")[0]) })
        for member in node.members ?? [] where !known.contains(member.key) {
            problems.add(
                "onbekend veld \"\(BoundedNumber.short(member.key))\"",
                at: member.value.location(file: file, field: member.key, element: "\(path).\(member.key)"))
        }
        for group in ["norm", "validRange"] {
            guard let inner = node[group], !inner.isNull else { continue }
            guard inner.isObject else {
                problems.add(
                    "\"\(group)\" moet een object of null zijn, niet \(inner.kindName)",
                    at: inner.location(file: file, field: group, element: "\(path).\(group)"))
                continue
            }
            let allowed = group == "norm" ? ["comparison", "value", "source"] : ["min", "max"]
            // A norm names its comparison and value (a norm without them is written as null).
            for key in group == "norm" ? ["comparison", "value"] : []
            where inner[key] == nil || inner[key]?.isNull == true {
                problems.add(
                    "het veld \"\(key)\" van de norm ontbreekt (of geef \"norm\": null)",
                    at: inner.location(file: file, field: "norm.\(key)", element: "\(path).norm"))
            }
            for member in inner.members ?? [] where !allowed.contains(member.key) {
                problems.add(
                    "onbekend veld \"\(BoundedNumber.short(member.key))\"",
                    at: member.value.location(file: file, field: "\(group).\(member.key)"))
            }
        }
        for (field, name) in jsonNames {
            let parts = name.split(separator: ".").map(String.init)
            var value: JSONNode? = node[parts[0]]
            if parts.count == 2 { value = value.flatMap { $0.isObject ? $0[parts[1]] : nil } }
            let at = (value ?? node).location(file: file, field: name, element: "\(path).\(name)")
            entry.places[field] = at
            guard let value, !value.isNull else { continue }
            let numeric = ["decimals", "normValue", "rangeMin", "rangeMax"].contains(field)
            switch value.value {
            case .string(let s) where !numeric: texts[field] = s.trimmingCharacters(in: .whitespaces)
            case .number(let n) where numeric: texts[field] = n
            case .bool(let b) where field == "isCount": texts[field] = b ? "ja" : "nee"
            default:
                let wanted = field == "isCount" ? "true of false" : numeric ? "een getal" : "een tekst"
                problems.add("verwacht \(wanted), maar \(value.kindName) gevonden", at: at)
            }
        }
        fill(&entry, texts: texts, problems: &problems)
        return entry
    }

    static func jsonMonitor(_ node: JSONNode, path: String, file: String, problems: inout ProblemCollector)
        -> CatalogueMonitor?
    {
        func string(_ n: JSONNode, _ key: String, _ p: String, required: Bool) -> String {
            guard let v = n[key], !v.isNull else {
                if required {
                    problems.add("het veld \"\(key)\" ontbreekt", at: n.location(file: file, field: key, element: p))
                }
                return ""
            }
            guard let s = v.string else {
                problems.add(
                    "verwacht een tekst, maar \(v.kindName) gevonden",
                    at: v.location(file: file, field: key, element: "\(p).\(key)"))
                return ""
            }
            return s.trimmingCharacters(in: .whitespaces)
        }
        func bool(_ n: JSONNode, _ key: String, _ p: String) -> Bool {
            guard let v = n[key], !v.isNull else { return false }
            guard let b = v.bool else {
                problems.add(
                    "verwacht true of false, maar \(v.kindName) gevonden",
                    at: v.location(file: file, field: key, element: "\(p).\(key)"))
                return false
            }
            return b
        }
        func codes(_ n: JSONNode, _ p: String) -> [(code: String, place: SourceLocation)] {
            guard let v = n["indicators"], !v.isNull else { return [] }
            guard let items = v.array else {
                problems.add(
                    "\"indicators\" moet een lijst van indicatorcodes zijn",
                    at: v.location(file: file, field: "indicators", element: "\(p).indicators"))
                return []
            }
            return items.enumerated().compactMap { i, item in
                let at = item.location(file: file, field: "indicators", element: "\(p).indicators[\(i)]")
                guard let code = item.string else {
                    problems.add("verwacht een indicatorcode, maar \(item.kindName) gevonden", at: at)
                    return nil
                }
                return (code, at)
            }
        }
        func unknownFields(_ n: JSONNode, _ allowed: [String], _ p: String) {
            for member in n.members ?? [] where !allowed.contains(member.key) {
                problems.add(
                    "onbekend veld \"\(BoundedNumber.short(member.key))\"",
                    at: member.value.location(file: file, field: member.key, element: "\(p).\(member.key)"))
            }
        }
        guard node.isObject else {
            problems.add(
                "een monitor moet een object zijn, niet \(node.kindName)", at: node.location(file: file, element: path))
            return nil
        }
        unknownFields(node, ["slug", "name", "description", "retired", "themes", "indicators"], path)
        var themes: [CatalogueMonitor.Theme] = []
        if let list = node["themes"], !list.isNull {
            if let items = list.array {
                for (i, item) in items.enumerated() {
                    let p = "\(path).themes[\(i)]"
                    guard item.isObject else {
                        problems.add(
                            "een thema moet een object zijn, niet \(item.kindName)",
                            at: item.location(file: file, element: p))
                        continue
                    }
                    unknownFields(item, ["code", "name", "description", "retired", "indicators"], p)
                    if let n = item["name"]?.string, n.trimmingCharacters(in: .whitespaces).isEmpty {
                        problems.add(
                            "de naam van het thema is leeg", at: item.location(file: file, field: "name", element: p))
                    }
                    themes.append(
                        .init(
                            code: string(item, "code", p, required: true),
                            name: string(item, "name", p, required: true),
                            description: string(item, "description", p, required: false),
                            retired: bool(item, "retired", p),
                            indicators: codes(item, p), place: item.location(file: file, element: p)))
                }
            } else {
                problems.add(
                    "\"themes\" moet een lijst zijn", at: list.location(file: file, field: "themes", element: path))
            }
        }
        return CatalogueMonitor(
            slug: string(node, "slug", path, required: true), name: string(node, "name", path, required: true),
            description: string(node, "description", path, required: false), retired: bool(node, "retired", path),
            themes: themes, indicators: codes(node, path), place: node.location(file: file, element: path))
    }

    // MARK: Checking and writing

    /// A checked indicator, ready to be written.
    struct Checked {
        var entry: CatalogueEntry
        var valid: IndicatorDraft.Valid
        var owner: Organisation?
        var formula: DerivedFormula?
        var existing: Indicator?
    }

    static func isValidSlug(_ s: String) -> Bool {
        (2...64).contains(s.utf8.count)
            && s.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
            }
    }

    /// Checks a whole file against the database; every problem at once. `user` nil: the command line
    /// (may write everything). `renaming`: an update through the API of the indicator with this code
    /// (the entry's code may differ when no values exist yet).
    static func check(
        _ file: CatalogueFile, user: User?, usage: IndicatorUsage, renaming: String? = nil, on db: any Database
    ) async throws -> [Checked] {
        var problems = ProblemCollector()
        var forbidden = ProblemCollector()
        let stored = try await Indicator.query(on: db).all()
        let byCode = Dictionary(stored.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let organisations = try await Organisation.query(on: db).all()
        let orgBySlug = Dictionary(organisations.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let orgByID = Dictionary(
            organisations.compactMap { o in o.id.map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        let fileCodes = Set(file.entries.map(\.draft.code))
        var allCodes = Set(stored.map(\.code)).union(fileCodes)
        if let renaming, !fileCodes.contains(renaming) { allCodes.remove(renaming) }
        var firstLine: [String: SourceLocation] = [:]
        var checked: [Checked] = []
        for entry in file.entries {
            let code = entry.draft.code
            if let earlier = firstLine[code] {
                problems.add(
                    "de code \"\(code)\" staat twee keer in het bestand (ook op \(earlier))",
                    at: entry.location("code"))
                continue
            }
            firstLine[code] = entry.location("code")
            var valid: IndicatorDraft.Valid?
            do {
                valid = try entry.draft.validated(knownCodes: allCodes.subtracting([code]))
            } catch {
                for problem in error.problems {
                    let field = problem.location.field ?? "code"
                    problems.add(problem.message, at: entry.location(field))
                }
            }
            let existing = byCode[renaming ?? code]
            // The owner: an organisation slug; a redacteur writes only their own organisation's indicators.
            let owner = orgBySlug[entry.owner]
            if !entry.owner.isEmpty && owner == nil {
                problems.add(
                    "onbekende organisatie \"\(BoundedNumber.short(entry.owner))\"", at: entry.location("owner"))
            } else if let user {
                if let existing, !user.mayWrite(organisationID: existing.$owner.id) {
                    let name = existing.$owner.id.flatMap { orgByID[$0]?.name } ?? "geen organisatie"
                    forbidden.add(
                        "u mag indicator \(existing.code) niet wijzigen: die is van \(name) (alleen redacteuren van die "
                            + "organisatie en beheerders)", at: entry.location("code"))
                } else if !user.mayWrite(organisationID: owner?.id) {
                    forbidden.add(
                        "u kunt alleen indicatoren van uw eigen organisatie beheren", at: entry.location("owner"))
                }
            }
            if let renaming, code != renaming, byCode[code] != nil {
                problems.add("de code \"\(code)\" bestaat al; kies een andere code", at: entry.location("code"))
            }
            var formula: DerivedFormula?
            if !entry.formula.isEmpty {
                do {
                    formula = try DerivedFormula.parse(entry.formula, at: entry.location("formula"))
                } catch {
                    for problem in error.problems { problems.add(problem.message, at: problem.location) }
                }
            }
            if let existing {
                let hasValues = try await DataValue.query(on: db).filter(\.$indicatorCode == existing.code).count() > 0
                if hasValues, !entry.formula.isEmpty {
                    problems.add(
                        "indicator \(existing.code) heeft al opgeslagen waarden en kan geen berekende indicator worden",
                        at: entry.location("formula"))
                }
                if code != existing.code {
                    if hasValues {
                        problems.add(
                            "de code kan niet meer veranderen: er zijn al waarden voor \(existing.code). Maak een "
                                + "nieuwe indicator die deze vervangt.", at: entry.location("code"))
                    } else {
                        for use in try await usage.users(of: existing.code, on: db) {
                            problems.add("de code wordt nog gebruikt: \(use)", at: entry.location("code"))
                        }
                        for other in stored where other.code != existing.code {
                            if let f = other.formula.flatMap({ try? DerivedFormula.parse($0) }),
                                f.inputs.contains(existing.code)
                            {
                                problems.add(
                                    "de code wordt nog gebruikt in de formule van \(other.code)",
                                    at: entry.location("code"))
                            }
                        }
                    }
                }
                if entry.draft.status == IndicatorStatus.vervallen.rawValue, existing.status != entry.draft.status {
                    for use in try await usage.users(of: existing.code, on: db) {
                        problems.add(
                            "de indicator kan niet vervallen: \(use) gebruikt hem", at: entry.location("status"))
                    }
                }
            }
            if let valid {
                checked.append(Checked(entry: entry, valid: valid, owner: owner, formula: formula, existing: existing))
            }
        }
        // Formulas over the catalogue as it will be: inputs exist, no cycles, units stated.
        var entries: [String: DerivedCatalogue.Entry] = [:]
        for ind in stored where ind.code != renaming {
            entries[ind.code] = .init(
                code: ind.code, unit: ind.unit, formula: ind.formula.flatMap { try? DerivedFormula.parse($0) })
        }
        for c in checked {
            entries[c.valid.definition.code] = .init(
                code: c.valid.definition.code, unit: c.valid.definition.unit, formula: c.formula)
        }
        let places = Dictionary(checked.map { ($0.valid.definition.code, $0.entry.location("formula")) }) { a, _ in a }
        for finding in DerivedCatalogue.check(Array(entries.values)) {
            guard let place = places[finding.code] else { continue }
            problems.add(finding.message, at: place)
        }
        if let monitors = file.monitors {
            if let user, user.role != .beheerder {
                forbidden.add(
                    "alleen een beheerder mag monitors en thema's importeren",
                    at: SourceLocation(file: file.fileName, field: "monitors"))
            }
            var slugs = Set<String>()
            for m in monitors {
                if !isValidSlug(m.slug) {
                    problems.add(
                        "de slug \"\(BoundedNumber.short(m.slug))\" moet 2 tot 64 tekens a-z, 0-9, - of _ zijn",
                        at: with(m.place, field: "slug"))
                } else if !slugs.insert(m.slug).inserted {
                    problems.add(
                        "de monitor \"\(m.slug)\" staat twee keer in het bestand", at: with(m.place, field: "slug"))
                }
                if m.name.isEmpty { problems.add("de naam ontbreekt", at: with(m.place, field: "name")) }
                var themeCodes = Set<String>()
                var inMonitor = Set<String>()
                for t in m.themes {
                    if t.code.isEmpty || t.code.count > 64 {
                        problems.add("de themacode moet 1 tot 64 tekens zijn", at: with(t.place, field: "code"))
                    } else if !themeCodes.insert(t.code).inserted {
                        problems.add(
                            "het thema \"\(t.code)\" staat twee keer in monitor \(m.slug)",
                            at: with(t.place, field: "code"))
                    }
                }
                for (code, place) in m.themes.flatMap(\.indicators) + m.indicators {
                    if entries[code] == nil {
                        problems.add("onbekende indicator \"\(BoundedNumber.short(code))\"", at: place)
                    } else if !inMonitor.insert(code).inserted {
                        problems.add("indicator \(code) staat twee keer in monitor \(m.slug)", at: place)
                    }
                }
            }
        }
        if !forbidden.isEmpty {
            throw VitaalError(
                .forbidden,
                "U mag dit niet wijzigen, er is niets opgeslagen: " + (forbidden.problems.first?.message ?? ""),
                problems: forbidden.problems)
        }
        try problems.throwIfAny("import van \(file.fileName) afgebroken, er is niets opgeslagen")
        return checked
    }

    static func with(_ place: SourceLocation, field: String) -> SourceLocation {
        var p = place
        p.field = field
        return p
    }

    /// The fields compared for the version history: the definition, owner, status, "vervangt" link
    /// and formula (owner by name, as the catalogue pages write it).
    static func revisionFields(_ indicator: Indicator, owner: Organisation?) -> [(field: String, text: String)] {
        indicator.definition.revisionFields + [
            ("owner", owner?.name ?? ""), ("status", indicator.status), ("replaces", indicator.replacesCode ?? ""),
            ("formula", indicator.formula ?? "")
        ]
    }

    /// Checks and writes a catalogue in one transaction (nothing is written on any problem).
    static func run(
        _ file: CatalogueFile, user: User?, actor: String, usage: IndicatorUsage, now: Date,
        renaming: String? = nil, on db: any Database
    ) async throws -> (CatalogueOutcome, [Indicator]) {
        let checked = try await check(file, user: user, usage: usage, renaming: renaming, on: db)
        let organisations = try await Organisation.query(on: db).all()
        let orgByID = Dictionary(
            organisations.compactMap { o in o.id.map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        return try await db.transaction { tx in
            var outcome = CatalogueOutcome(created: [], updated: [], unchanged: 0, monitors: 0)
            var written: [Indicator] = []
            var publicChanged = false
            for c in checked {
                let indicator = c.existing ?? Indicator()
                let old = c.existing.map { revisionFields($0, owner: $0.$owner.id.flatMap { orgByID[$0] }) } ?? []
                let oldCode = c.existing?.code
                let wasPublic = c.existing?.isPublic ?? false
                indicator.code = c.valid.definition.code
                indicator.apply(c.valid.definition)
                indicator.status = c.valid.status.rawValue
                indicator.replacesCode = c.valid.replacesCode
                indicator.formula = c.formula?.description
                indicator.$owner.id = c.owner?.id
                let changes = IndicatorChange.diff(old: old, new: revisionFields(indicator, owner: c.owner))
                written.append(indicator)
                guard !changes.isEmpty else {
                    outcome.unchanged += 1
                    continue
                }
                try await indicator.save(on: tx)
                if let oldCode, oldCode != indicator.code {
                    try await renameLinks(from: oldCode, to: indicator.code, on: tx)
                }
                try await IndicatorRevision(
                    indicatorCode: indicator.code, actor: actor, changedAt: now, changes: IndicatorChange.json(changes)
                ).create(on: tx)
                if c.existing == nil {
                    outcome.created.append(indicator.code)
                } else {
                    outcome.updated.append(indicator.code)
                }
                publicChanged = publicChanged || wasPublic || indicator.isPublic
            }
            if let monitors = file.monitors {
                try await writeMonitors(monitors, now: now, on: tx)
                outcome.monitors = monitors.count
                publicChanged = publicChanged || !monitors.isEmpty
            }
            if !outcome.created.isEmpty || !outcome.updated.isEmpty || outcome.monitors > 0 {
                try await Audit.record(
                    on: tx, user: user, actor: actor, action: "import", entity: "indicatorcatalogus",
                    entityID: file.fileName, summary: "\(file.fileName): \(outcome.message)", at: now)
                try await DataVersion.bump(on: tx, publicData: publicChanged, at: now)
            }
            return (outcome, written)
        }
    }

    /// Monitors as the file has them: found by slug (or created), their themes by code, their items
    /// replaced by the file's, all in the file's order. Themes the file does not name keep their
    /// place but lose their items.
    static func writeMonitors(_ monitors: [CatalogueMonitor], now: Date, on db: any Database) async throws {
        let indicators = try await Indicator.query(on: db).all()
        let idByCode = Dictionary(
            indicators.compactMap { i in i.id.map { (i.code, $0) } }, uniquingKeysWith: { a, _ in a })
        let existingCount = try await Monitor.query(on: db).count()
        for (n, spec) in monitors.enumerated() {
            let monitor =
                try await Monitor.query(on: db).filter(\.$slug == spec.slug).first()
                ?? Monitor(slug: spec.slug, name: spec.name, summary: spec.description, sortOrder: existingCount + n)
            monitor.name = spec.name
            monitor.summary = spec.description
            monitor.retiredAt = spec.retired ? (monitor.retiredAt ?? now) : nil
            try await monitor.save(on: db)
            let monitorID = try monitor.requireID()
            let themes = try await MonitorTheme.query(on: db).filter(\.$monitor.$id == monitorID).all()
            try await MonitorItem.query(on: db).filter(\.$monitor.$id == monitorID).delete()
            var order = 0
            for (t, themeSpec) in spec.themes.enumerated() {
                let theme =
                    themes.first { $0.code == themeSpec.code }
                    ?? MonitorTheme(
                        monitorID: monitorID, code: themeSpec.code, name: themeSpec.name,
                        summary: themeSpec.description, sortOrder: t)
                theme.name = themeSpec.name
                theme.summary = themeSpec.description
                theme.sortOrder = t
                theme.retiredAt = themeSpec.retired ? (theme.retiredAt ?? now) : nil
                try await theme.save(on: db)
                for (code, _) in themeSpec.indicators {
                    guard let id = idByCode[code] else { continue }
                    try await MonitorItem(monitorID: monitorID, themeID: theme.id, indicatorID: id, sortOrder: order)
                        .create(on: db)
                    order += 1
                }
            }
            // Themes not in the file follow those that are, in their old order.
            for (t, theme) in themes.filter({ old in !spec.themes.contains { $0.code == old.code } })
                .sorted(by: { $0.sortOrder < $1.sortOrder }).enumerated()
            {
                theme.sortOrder = spec.themes.count + t
                try await theme.save(on: db)
            }
            for (code, _) in spec.indicators {
                guard let id = idByCode[code] else { continue }
                try await MonitorItem(monitorID: monitorID, themeID: nil, indicatorID: id, sortOrder: order).create(
                    on: db)
                order += 1
            }
        }
    }

    /// A code changed before any value existed: the links by code follow it.
    static func renameLinks(from old: String, to new: String, on db: any Database) async throws {
        try await IndicatorRevision.query(on: db).filter(\.$indicatorCode == old).set(\.$indicatorCode, to: new)
            .update()
        try await StoryIndicator.query(on: db).filter(\.$indicatorCode == old).set(\.$indicatorCode, to: new).update()
        try await Indicator.query(on: db).filter(\.$replacesCode == old).set(\.$replacesCode, to: new).update()
    }

    // MARK: Export

    /// The CSV fields of one indicator, in `columns` order.
    static func csvFields(_ i: Indicator, ownerSlug: String) -> [String] {
        let d = i.definition
        var texts = Dictionary(d.revisionFields.map { ($0.field, $0.text) }, uniquingKeysWith: { a, _ in a })
        texts["owner"] = ownerSlug
        texts["status"] = i.status
        texts["replaces"] = i.replacesCode ?? ""
        texts["formula"] = i.formula ?? ""
        return columns.map { texts[$0.name] ?? "" }
    }

    /// All indicators as CSV (`;`-separated, UTF-8 without BOM, LF), sorted by code.
    static func exportCSV(on db: any Database) async throws -> Data {
        let (indicators, slugs) = try await catalogue(on: db)
        var writer = CSVWriter(separator: .semicolon, includeBOM: false, lineEnding: "\n", neutraliseFormulas: false)
        writer.append(columns.map(\.name))
        for i in indicators { writer.append(csvFields(i, ownerSlug: i.$owner.id.flatMap { slugs[$0] } ?? "")) }
        return writer.data
    }

    static func catalogue(on db: any Database) async throws -> ([Indicator], [UUID: String]) {
        let indicators = try await Indicator.query(on: db).all().sorted { $0.code < $1.code }
        let slugs = Dictionary(
            try await Organisation.query(on: db).all().compactMap { o in o.id.map { ($0, o.slug) } },
            uniquingKeysWith: { a, _ in a })
        return (indicators, slugs)
    }

    /// One indicator as JSON (the catalogue's and the API's shape).
    static func json(_ i: Indicator, ownerSlug: String?) -> JSONNode {
        let d = i.definition
        func optional(_ s: String?) -> JSONNode { s.map { JSONNode.string($0) } ?? .null }
        let norm: JSONNode =
            d.norm.map {
                .object([
                    ("comparison", .string($0.comparison.rawValue)), ("value", .number($0.value)),
                    ("source", .string($0.source))
                ])
            } ?? .null
        let range: JSONNode =
            d.validRange.map { r in
                .object([
                    ("min", r.min.map { JSONNode.number($0) } ?? .null),
                    ("max", r.max.map { JSONNode.number($0) } ?? .null)
                ])
            } ?? .null
        return .object([
            ("code", .string(d.code)), ("name", .string(d.name)), ("description", .string(d.description)),
            ("unit", .string(d.unit)), ("decimals", .number(d.decimals)), ("polarity", .string(d.polarity.rawValue)),
            ("level", .string(d.level.rawValue)), ("source", .string(d.source)), ("licence", .string(d.licence)),
            ("isCount", .bool(d.isCount)), ("norm", norm), ("validRange", range),
            ("visibility", .string(d.visibility.rawValue)), ("owner", optional(ownerSlug)),
            ("status", .string(i.status)), ("replaces", optional(i.replacesCode)), ("formula", optional(i.formula))
        ])
    }

    /// The whole catalogue as JSON: indicators (by code), monitors in their order with their themes
    /// and items. Pretty-printed, members in a fixed order, so equal catalogues give equal bytes.
    static func exportJSON(on db: any Database) async throws -> Data {
        let (indicators, slugs) = try await catalogue(on: db)
        let codeByID = Dictionary(
            indicators.compactMap { i in i.id.map { ($0, i.code) } }, uniquingKeysWith: { a, _ in a })
        var monitors: [JSONNode] = []
        for m in try await Monitor.query(on: db).sort(\.$sortOrder).sort(\.$slug).all() {
            let id = try m.requireID()
            let themes = try await MonitorTheme.query(on: db).filter(\.$monitor.$id == id).sort(\.$sortOrder)
                .sort(\.$code).all()
            let items = try await MonitorItem.query(on: db).filter(\.$monitor.$id == id).sort(\.$sortOrder).all()
            func codes(_ theme: UUID?) -> JSONNode {
                .array(
                    items.filter { $0.$theme.id == theme }.compactMap { codeByID[$0.$indicator.id] }.map { .string($0) }
                )
            }
            monitors.append(
                .object([
                    ("slug", .string(m.slug)), ("name", .string(m.name)), ("description", .string(m.summary)),
                    ("retired", .bool(m.retiredAt != nil)),
                    (
                        "themes",
                        .array(
                            themes.map { t in
                                .object([
                                    ("code", .string(t.code)), ("name", .string(t.name)),
                                    ("description", .string(t.summary)), ("retired", .bool(t.retiredAt != nil)),
                                    ("indicators", codes(t.id))
                                ])
                            })
                    ),
                    ("indicators", codes(nil))
                ]))
        }
        let root = JSONNode.object([
            ("format", .string(formatName)), ("version", .number(1)),
            ("indicators", .array(indicators.map { json($0, ownerSlug: $0.$owner.id.flatMap { slugs[$0] }) })),
            ("monitors", .array(monitors))
        ])
        var data = JSONWriter.data(root, style: .pretty)
        data.append(0x0A)
        return data
    }
}
