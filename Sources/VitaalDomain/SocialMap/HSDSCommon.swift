import Foundation

extension SocialMap {
    /// A table of an HSDS datapackage whose rows belong to no record of the register (HSDS 2.0's
    /// `meta_table_descriptions`, tables Vitaal does not know): kept whole, cells as read, for the round trip.
    public struct HSDSTable: Sendable, Hashable {
        /// The resource name; exported as `<name>.csv`.
        public var name: String
        public var columns: [String]
        public var rows: [[ExtraField]]
        public init(name: String, columns: [String], rows: [[ExtraField]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }

        /// The table as one JSON object (`name`, `columns`, `rows` as objects in cell order), for storage.
        public var jsonText: String {
            JSONWriter.text(
                .object([
                    ("name", .string(name)), ("columns", .array(columns.map { .string($0) })),
                    (
                        "rows",
                        .array(rows.map { row in .object(members: row.map { JSONNode.Member($0.key, $0.value) }) })
                    )
                ]))
        }

        /// Reads `jsonText` back.
        public init(jsonText: String) throws(VitaalError) {
            let node = try JSONParser.parse(Data(jsonText.utf8), file: "hsds-table")
            guard let name = node["name"]?.string, let columns = node["columns"]?.array?.compactMap(\.string),
                let rows = node["rows"]?.array?.map({ ($0.members ?? []).map { ExtraField($0.key, $0.value) } })
            else {
                throw VitaalError.invalid("geen HSDS-tabel", at: SourceLocation(file: "hsds-table"))
            }
            self.init(name: name, columns: columns, rows: rows)
        }
    }

    /// Open Referral Human Services Data Specification (HSDS) import and export.
    /// Tabular: HSDS 2.x datapackage (`datapackage.json` + CSVs). JSON: HSDS 3.0 objects.
    /// Mapping, accepted shapes and Vitaal's extension columns (`x_…`) are described in docs/social-map.md.
    public enum HSDS {
        /// A register read from HSDS input, with notes about what was left out without refusing the file
        /// (each a message with its place in the file, like a problem that does not stop the import).
        public struct ImportResult: Sendable {
            public var register: SocialMap.Register
            public var notes: [Problem]
        }

        /// Vitaal's own taxonomies; terms in these vocabularies become `Tags`.
        public enum Vocabulary {
            public static let positiveHealth = "positieve-gezondheid"
            public static let theme = "vitaal-thema"
            public static let targetGroup = "vitaal-doelgroep"
            public static let municipality = "cbs-gemeente"
            public static let all = [positiveHealth, theme, targetGroup, municipality]
        }

        public struct ExportOptions: Sendable {
            /// Include contact persons' names, e-mail addresses and phones (internal exports only).
            public var includeInternalContactData: Bool
            public init(includeInternalContactData: Bool = false) {
                self.includeInternalContactData = includeInternalContactData
            }
            public static let `public` = ExportOptions()
            public static let `internal` = ExportOptions(includeInternalContactData: true)
        }

        /// Lower-case ASCII slug for term ids ("Kunst & cultuur" → "kunst-cultuur").
        static func slug(_ text: String) -> String {
            let folded = text.folding(
                options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            var out = ""
            var dash = false
            for ch in folded.unicodeScalars {
                if CharacterSet.alphanumerics.contains(ch) && ch.isASCII {
                    out.unicodeScalars.append(ch)
                    dash = false
                } else if !dash && !out.isEmpty {
                    out += "-"
                    dash = true
                }
            }
            while out.hasSuffix("-") { out.removeLast() }
            return out.isEmpty ? "x" : out
        }

        /// The taxonomy terms that stand for `tags`, sorted by id.
        static func terms(for tags: Tags) -> [TaxonomyTerm] {
            var t: [TaxonomyTerm] = []
            t += tags.dimensions.map {
                TaxonomyTerm(id: "pg-\($0.rawValue)", name: $0.label, vocabulary: Vocabulary.positiveHealth)
            }
            t += tags.themes.map { TaxonomyTerm(id: "thema-\(slug($0))", name: $0, vocabulary: Vocabulary.theme) }
            t += tags.targetGroups.map {
                TaxonomyTerm(id: "doelgroep-\(slug($0))", name: $0, vocabulary: Vocabulary.targetGroup)
            }
            t += tags.municipalityCodes.map {
                TaxonomyTerm(
                    id: "gemeente-\($0)", name: Municipality.byCode($0)?.name ?? $0, vocabulary: Vocabulary.municipality
                )
            }
            return t.sorted { $0.id < $1.id }
        }

        /// Built-in terms a file may reference by id without defining them (`pg-…`, `gemeente-GM….`).
        static func builtInTerm(id: String) -> TaxonomyTerm? {
            if id.hasPrefix("pg-"), let d = PositiveHealthDimension(rawValue: String(id.dropFirst(3))) {
                return TaxonomyTerm(id: id, name: d.label, vocabulary: Vocabulary.positiveHealth)
            }
            if id.hasPrefix("gemeente-"), let m = Municipality.byCode(String(id.dropFirst(9))) {
                return TaxonomyTerm(id: id, name: m.name, vocabulary: Vocabulary.municipality)
            }
            return nil
        }

        /// Accumulates tags from terms.
        struct TagBuilder {
            var themes: [String] = [], dimensions: [PositiveHealthDimension] = [], targets: [String] = [],
                municipalities: [String] = []
            var foreign: [String] = []
            /// Adds `term`; returns a Dutch reason when the term is in a Vitaal vocabulary but unknown.
            mutating func add(_ term: TaxonomyTerm) -> String? {
                switch term.vocabulary {
                case Vocabulary.positiveHealth?:
                    let key = term.id.hasPrefix("pg-") ? String(term.id.dropFirst(3)) : term.name
                    guard let d = PositiveHealthDimension(key: key) ?? PositiveHealthDimension(key: term.name) else {
                        return
                            "onbekende term \"\(term.name)\" in taxonomie \(Vocabulary.positiveHealth) "
                            + "(bekend: \(PositiveHealthDimension.allCases.map(\.label).joined(separator: ", ")))"
                    }
                    dimensions.append(d)
                case Vocabulary.theme?: themes.append(term.name)
                case Vocabulary.targetGroup?: targets.append(term.name)
                case Vocabulary.municipality?:
                    let code = term.id.hasPrefix("gemeente-") ? String(term.id.dropFirst(9)) : term.name
                    if Municipality.byCode(code) != nil || HSDS.isMunicipalityCode(code) {
                        municipalities.append(code)
                    } else if let m = Municipality.all.first(where: { $0.name.lowercased() == term.name.lowercased() })
                    {
                        municipalities.append(m.code)
                    } else {
                        return
                            "onbekende gemeente \"\(term.name)\" in taxonomie \(Vocabulary.municipality) "
                            + "(verwacht een CBS-code GM….)"
                    }
                default: foreign.append(term.id)
                }
                return nil
            }
            var tags: Tags {
                Tags(themes: themes, dimensions: dimensions, targetGroups: targets, municipalityCodes: municipalities)
            }
        }

        static func isMunicipalityCode(_ s: String) -> Bool {
            s.count == 6 && s.hasPrefix("GM") && s.dropFirst(2).allSatisfy(\.isASCII)
                && s.dropFirst(2).allSatisfy(\.isNumber)
        }

        /// Stable number text (Swift's shortest round-trip representation).
        static func number(_ d: Double) -> String { "\(d)" }

        /// One input record (a CSV row or a JSON object) with its place in the file.
        struct Record {
            var pairs: [JSONNode.Member]
            var place: SourceLocation
            func at(_ field: String) -> SourceLocation {
                var l = place
                l.field = field
                return l
            }
            func raw(_ key: String) -> JSONNode? { pairs.first { $0.key == key }?.value }
            func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }
            /// Fields not in `known`, in their original order.
            func extras(known: Set<String>) -> [ExtraField] {
                pairs.filter { !known.contains($0.key) }.map { ExtraField($0.key, $0.value) }
            }
        }

        /// Typed field access that records problems instead of stopping at the first one.
        struct Reader {
            var problems = ProblemCollector()
            /// What the import left out without refusing the file (see `coordinates`), with where.
            var notes: [Problem] = []

            mutating func text(_ r: Record, _ key: String, required: Bool = false) -> String? {
                switch r.raw(key)?.value {
                case .string(let s)?:
                    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                    if t.isEmpty {
                        if required { problems.add("verplicht veld ontbreekt", at: r.at(key)) }
                        return nil
                    }
                    return s
                case .number(let n)?: return n
                case .bool(let b)?: return b ? "true" : "false"
                case .array?, .object?:
                    problems.add("tekst verwacht, geen lijst of object", at: r.at(key))
                    return nil
                case .null?, nil:
                    if required { problems.add("verplicht veld ontbreekt", at: r.at(key)) }
                    return nil
                }
            }
            mutating func double(_ r: Record, _ key: String) -> Double? {
                guard let t = text(r, key) else { return nil }
                guard let d = Double(t.trimmingCharacters(in: .whitespaces)), d.isFinite else {
                    problems.add("\"\(t)\" is geen getal (gebruik een punt als decimaalteken)", at: r.at(key))
                    return nil
                }
                return d
            }
            mutating func int(_ r: Record, _ key: String) -> Int? {
                guard let t = text(r, key) else { return nil }
                guard let i = Int(t.trimmingCharacters(in: .whitespaces)) else {
                    problems.add("\"\(t)\" is geen geheel getal", at: r.at(key))
                    return nil
                }
                return i
            }
            mutating func bool(_ r: Record, _ key: String) -> Bool {
                guard let t = text(r, key) else { return false }
                switch t.lowercased() {
                case "true": return true
                case "false": return false
                default:
                    problems.add("\"\(t)\" is geen ja/nee-waarde (true of false)", at: r.at(key))
                    return false
                }
            }
            mutating func day(_ r: Record, _ key: String) -> Day? {
                guard let t = text(r, key) else { return nil }
                guard let d = Day(iso: t) else {
                    problems.add("\"\(t)\" is geen datum (jjjj-mm-dd)", at: r.at(key))
                    return nil
                }
                return d
            }
            mutating func url(_ r: Record, _ key: String) -> String? {
                guard let t = text(r, key) else { return nil }
                guard let address = SocialMap.webAddress(t) else {
                    problems.add(FieldRules.webAddressProblem(t) ?? "", at: r.at(key))
                    return nil
                }
                return address
            }
            mutating func email(_ r: Record, _ key: String) -> String? {
                guard let t = text(r, key) else { return nil }
                if let problem = FieldRules.emailProblem(t) {
                    problems.add(problem, at: r.at(key))
                    return nil
                }
                return t
            }
            mutating func coordinates(_ r: Record) -> (Double?, Double?) {
                let lat = double(r, "latitude")
                let lon = double(r, "longitude")
                let latGiven =
                    r.raw("latitude").map { ($0.text ?? "").trimmingCharacters(in: .whitespaces) != "" } ?? false
                let lonGiven =
                    r.raw("longitude").map { ($0.text ?? "").trimmingCharacters(in: .whitespaces) != "" } ?? false
                if (latGiven && lat == nil) || (lonGiven && lon == nil) { return (nil, nil) }
                guard let problem = SocialMap.coordinateProblem(latitude: lat, longitude: lon) else {
                    return (lat, lon)
                }
                // A position Vitaal cannot draw on its map of the Netherlands does not make the file unusable:
                // Open Referral's own samples have addresses in the United States and a latitude of 100. The
                // location is kept without a position and the import says so. Only the mistakes a Dutch file
                // makes are refused: one half of a pair missing, or latitude and longitude swapped.
                if let lat, let lon, !SocialMap.isSwappedDutchPosition(latitude: lat, longitude: lon) {
                    notes.append(
                        Problem(
                            "\(problem.message); locatie zonder kaartpositie opgenomen", at: r.at(problem.field)))
                    return (nil, nil)
                }
                problems.add(problem.message, at: r.at(problem.field))
                return (nil, nil)
            }
            mutating func municipalityCode(_ r: Record, _ key: String) -> String? {
                guard let t = text(r, key) else { return nil }
                guard HSDS.isMunicipalityCode(t) else {
                    problems.add("\"\(t)\" is geen CBS-gemeentecode (GM + 4 cijfers)", at: r.at(key))
                    return nil
                }
                return t
            }
            mutating func kind(_ r: Record) -> OfferKind {
                guard let t = text(r, "x_kind") else { return .service }
                guard let k = OfferKind(rawValue: t) else {
                    problems.add(
                        "onbekend soort aanbod \"\(t)\" "
                            + "(bekend: \(OfferKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                        at: r.at("x_kind"))
                    return .service
                }
                return k
            }
        }

        /// Keeps the first place each id was seen, and reports duplicates.
        struct IDRegistry {
            /// In nested JSON the same record may appear at several places (a phone under its contact, its
            /// service and its location, as in the specification's examples): a repeat with the same id and
            /// the same fields is that record again, not a duplicate. In a table, a repeated id is always one.
            var sameRecordMayRepeat = false
            var seen: [String: (place: SourceLocation, fields: [String: String])] = [:]

            /// True when `id` is new; false (with a problem if it is a real duplicate) when seen before.
            mutating func add(_ id: String?, _ r: Record, _ reader: inout Reader) -> Bool {
                guard let id else { return false }
                let fields = sameRecordMayRepeat ? Self.scalarFields(r) : [:]
                if let first = seen[id] {
                    if sameRecordMayRepeat {
                        if first.fields == fields { return false }
                        let differing = Set(first.fields.keys).union(fields.keys)
                            .filter { first.fields[$0] != fields[$0] }.sorted()
                        reader.problems.add(
                            "id \"\(id)\" komt eerder voor met andere gegevens (eerder: \(first.place); "
                                + "verschil in \(differing.joined(separator: ", ")))",
                            at: r.at("id"))
                        return false
                    }
                    reader.problems.add(
                        "id \"\(id)\" komt meer dan eens voor (eerder: \(first.place))", at: r.at("id"))
                    return false
                }
                seen[id] = (r.place, fields)
                return true
            }
            func contains(_ id: String) -> Bool { seen[id] != nil }

            /// The record's own fields (not its nested lists and objects), as compact JSON text.
            static func scalarFields(_ r: Record) -> [String: String] {
                var fields: [String: String] = [:]
                for m in r.pairs where m.value.array == nil && m.value.members == nil {
                    fields[m.key] = JSONWriter.text(m.value)
                }
                return fields
            }
        }

        static func throwIfAny(_ reader: Reader, _ summary: String) throws(VitaalError) {
            let p = reader.problems
            guard !p.isEmpty else { return }
            let more =
                p.totalCount > p.problems.count ? " (eerste \(p.problems.count) van \(p.totalCount) getoond)" : ""
            throw VitaalError(.invalidInput, "\(summary): \(p.totalCount) fout(en)\(more)", problems: p.problems)
        }

        /// Normalises list order so exports are deterministic.
        static func sorted(_ r: Register) -> Register {
            var r = r
            r.organisations.sort { $0.id < $1.id }
            r.services.sort { $0.id < $1.id }
            r.locations.sort { $0.id < $1.id }
            r.phones.sort { $0.id < $1.id }
            r.contacts.sort { $0.id < $1.id }
            r.taxonomyTerms.sort { $0.id < $1.id }
            for i in r.services.indices {
                r.services[i].locationIDs = Array(Set(r.services[i].locationIDs)).sorted()
                r.services[i].otherTaxonomyTermIDs = Array(Set(r.services[i].otherTaxonomyTermIDs)).sorted()
            }
            return r
        }
    }
}
