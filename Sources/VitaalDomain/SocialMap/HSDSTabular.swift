import Foundation

extension SocialMap.HSDS {
    /// Column layout of each exported table: known columns first, then extra columns in first-seen order.
    static let orgColumns = [
        "id", "name", "alternate_name", "description", "email", "url", "year_incorporated", "x_last_checked",
        "x_is_example"
    ]
    static let serviceColumns = [
        "id", "organization_id", "name", "alternate_name", "description", "url", "email", "status", "x_kind",
        "x_last_checked", "x_is_example"
    ]
    static let locationColumns = [
        "id", "organization_id", "name", "description", "latitude", "longitude", "x_municipality_code",
        "x_position_is_approximate"
    ]
    static let salColumns = ["id", "service_id", "location_id"]
    static let phoneColumns = [
        "id", "location_id", "service_id", "organization_id", "contact_id", "number", "type", "description"
    ]
    static let addressColumns = [
        "id", "location_id", "address_1", "address_2", "city", "state_province", "postal_code", "country"
    ]
    static let contactColumns = ["id", "organization_id", "service_id", "name", "title", "email"]
    static let taxonomyColumns = ["id", "name", "parent_id", "vocabulary"]
    static let serviceTaxonomyColumns = ["id", "service_id", "taxonomy_id"]
    static let orgTaxonomyColumns = ["id", "organization_id", "taxonomy_id"]

    /// One HSDS table: the file stem Vitaal writes (plural, as the files of Open Referral's published
    /// packages are named), the resource `name` of the HSDS 2.0 `datapackage.json` (singular) and other
    /// names seen in the wild.
    struct TableName: Sendable {
        let file: String
        let singular: String
        let aliases: [String]
        init(_ file: String, _ singular: String, _ aliases: [String] = []) {
            self.file = file
            self.singular = singular
            self.aliases = aliases
        }
        /// "organizations" / "organization" for messages.
        var bothForms: String { file == singular ? "\"\(file)\"" : "\"\(file)\" / \"\(singular)\"" }
        func matches(_ name: String) -> Bool {
            let n = name.lowercased()
            return n == file || n == singular || aliases.contains(n)
        }
    }

    /// Every table of HSDS 2.0 plus Vitaal's `organizations_taxonomy`. The first ten are read into the
    /// register's records; the others are kept as rows of their owner record (see `ChildTable`).
    static let tableNames: [TableName] =
        [
            TableName("organizations", "organization"), TableName("services", "service"),
            TableName("locations", "location"),
            TableName("services_at_location", "service_at_location", ["services_at_locations"]),
            TableName("phones", "phone"), TableName("physical_addresses", "physical_address"),
            TableName("contacts", "contact"), TableName("taxonomy", "taxonomy", ["taxonomy_terms", "taxonomy_term"]),
            TableName("services_taxonomy", "service_taxonomy"),
            TableName("organizations_taxonomy", "organization_taxonomy")
        ] + childTables.map(\.name)

    /// The table a datapackage resource stands for: by its `name` (plural, singular or alias), else by
    /// the file name of its `path` without `.csv`.
    static func tableName(resource name: String?, path: String?) -> TableName? {
        if let name, let t = tableNames.first(where: { $0.matches(name) }) { return t }
        guard let path else { return nil }
        var stem = String(path.split(separator: "/").last ?? "")
        if stem.lowercased().hasSuffix(".csv") { stem.removeLast(4) }
        return tableNames.first { $0.matches(stem) }
    }

    /// The resource `name` an exported table gets in `datapackage.json`: the HSDS 2.0 (singular) name for
    /// HSDS tables, as the specification's own datapackage names them; other tables keep their name.
    static func resourceName(table file: String) -> String {
        tableNames.first { $0.file == file }?.singular ?? file
    }

    // MARK: Export

    typealias Table = (name: String, columns: [String], rows: [[String: String]])
    typealias Cells = [(String, String)]

    /// HSDS 2.x tabular datapackage: file name → bytes (`datapackage.json` plus one CSV per
    /// resource; comma-separated, LF line ends, no BOM). Deterministic.
    public static func exportDatapackage(
        _ register: SocialMap.Register, options: ExportOptions = .public
    ) -> [String: Data] {
        // A child table is written only when it has rows (it has no records of its own).
        let childRows = childRowTables(sorted(register)).filter { !$0.rows.isEmpty }
        let tables =
            recordTables(sorted(register), options: options) + taxonomyTables(sorted(register)) + childRows
            + register.otherHSDSTables.map { ($0.name, $0.columns, $0.rows.map(cells)) }
        var files: [String: Data] = [:]
        for t in tables {
            var w = CSVWriter(separator: .comma, includeBOM: false, lineEnding: "\n", neutraliseFormulas: false)
            w.append(t.columns)
            for row in t.rows { w.append(t.columns.map { row[$0] ?? "" }) }
            files["\(t.name).csv"] = w.data
        }
        files["datapackage.json"] = Data((JSONWriter.text(descriptor(tables), style: .pretty) + "\n").utf8)
        return files
    }

    /// Known columns first, then extra columns in first-seen order.
    static func table(_ name: String, _ known: [String], _ rows: [Cells]) -> Table {
        var columns = known
        for row in rows { for (k, _) in row where !columns.contains(k) { columns.append(k) } }
        return (name, columns, rows.map { Dictionary($0, uniquingKeysWith: { a, _ in a }) })
    }

    /// The known cells of a record followed by its extra fields (as text).
    static func row(_ known: [(String, String?)], _ extra: [SocialMap.ExtraField]) -> Cells {
        let extras = extra.filter { !isChildRows($0) }.map { ($0.key, $0.value.text ?? "") }
            .filter { e in !known.contains { $0.0 == e.0 } }
        return known.map { ($0.0, $0.1 ?? "") } + extras
    }

    static func bool(_ b: Bool) -> String { b ? "true" : "false" }

    /// A kept row as cells (values as text).
    static func cells(_ row: [SocialMap.ExtraField]) -> [String: String] {
        Dictionary(row.map { ($0.key, $0.value.text ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// The rows of every child table, gathered from the records' `extra`, with the owner column filled
    /// when a row (e.g. from HSDS 3 JSON) leaves it out. Rows sorted by owner kind, owner and id.
    static func childRowTables(_ r: SocialMap.Register) -> [Table] {
        childTables.map { child in
            var rows: [Cells] = []
            func collect(_ extra: [SocialMap.ExtraField], ownerID: String, kind: OwnerKind) {
                guard let items = extra.first(where: { $0.key == child.name.file })?.value.array else { return }
                let ownerColumn = child.owners.first { $0.kind == kind || $0.kind == .anyRecord }?.column
                for item in items {
                    var cells: Cells = (item.members ?? []).map { ($0.key, $0.value.text ?? "") }
                    if let ownerColumn, !cells.contains(where: { $0.0 == ownerColumn && !$0.1.isEmpty }) {
                        cells.removeAll { $0.0 == ownerColumn }
                        cells.append((ownerColumn, ownerID))
                    }
                    rows.append(cells)
                }
            }
            for o in r.organisations { collect(o.extra, ownerID: o.id, kind: .organisation) }
            for s in r.services { collect(s.extra, ownerID: s.id, kind: .service) }
            for l in r.locations { collect(l.extra, ownerID: l.id, kind: .location) }
            return table(child.name.file, child.columns, rows)
        }
    }

    /// One table per kind of record; contact persons' names, e-mail addresses and phones only when internal.
    static func recordTables(_ r: SocialMap.Register, options: ExportOptions) -> [Table] {
        let internalData = options.includeInternalContactData
        let phones = r.phones.filter { internalData || $0.contactID == nil }
        return [
            table("organizations", orgColumns, r.organisations.map(organisationRow)),
            table("services", serviceColumns, r.services.map(serviceRow)),
            table("locations", locationColumns, r.locations.map(locationRow)),
            table(
                "services_at_location", salColumns,
                r.services.flatMap { s in
                    s.locationIDs.map { lid in
                        guard let kept = keptServiceAtLocation(s, lid) else {
                            return [("id", "\(s.id)@\(lid)"), ("service_id", s.id), ("location_id", lid)]
                        }
                        return [("service_id", s.id)] + kept.map { ($0.key, $0.value.text ?? "") }
                    }
                }),
            table("phones", phoneColumns, phones.map(phoneRow)),
            table(
                "physical_addresses", addressColumns,
                r.locations.compactMap { l in
                    l.address.map { addressRow($0, locationID: l.id) }
                }),
            table("contacts", contactColumns, r.contacts.map { contactRow($0, internalData: internalData) })
        ]
    }

    static func organisationRow(_ o: SocialMap.Organisation) -> Cells {
        row(
            [
                ("id", o.id), ("name", o.name), ("alternate_name", o.alternateName), ("description", o.description),
                ("email", o.email), ("url", o.url), ("year_incorporated", o.yearIncorporated.map(String.init)),
                ("x_last_checked", o.lastChecked?.iso), ("x_is_example", bool(o.isExample))
            ], o.extra)
    }

    static func serviceRow(_ s: SocialMap.Service) -> Cells {
        row(
            [
                ("id", s.id), ("organization_id", s.organisationID), ("name", s.name),
                ("alternate_name", s.alternateName),
                ("description", s.description), ("url", s.url), ("email", s.email), ("status", s.status),
                ("x_kind", s.kind.rawValue), ("x_last_checked", s.lastChecked?.iso), ("x_is_example", bool(s.isExample))
            ],
            s.extra)
    }

    static func locationRow(_ l: SocialMap.Location) -> Cells {
        row(
            [
                ("id", l.id), ("organization_id", l.organisationID), ("name", l.name), ("description", l.description),
                ("latitude", l.latitude.map(number)), ("longitude", l.longitude.map(number)),
                ("x_municipality_code", l.municipalityCode),
                ("x_position_is_approximate", bool(l.positionIsApproximate))
            ], l.extra)
    }

    static func phoneRow(_ p: SocialMap.Phone) -> Cells {
        row(
            [
                ("id", p.id), ("location_id", p.locationID), ("service_id", p.serviceID),
                ("organization_id", p.organisationID), ("contact_id", p.contactID), ("number", p.number),
                ("type", p.type), ("description", p.description)
            ], p.extra)
    }

    static func addressRow(_ a: SocialMap.PhysicalAddress, locationID: String) -> Cells {
        row(
            [
                ("id", a.id), ("location_id", locationID), ("address_1", a.address1), ("address_2", a.address2),
                ("city", a.city), ("state_province", a.stateProvince), ("postal_code", a.postalCode),
                ("country", a.country)
            ], a.extra)
    }

    static func contactRow(_ c: SocialMap.ContactPerson, internalData: Bool) -> Cells {
        row(
            [
                ("id", c.id), ("organization_id", c.organisationID), ("service_id", c.serviceID),
                ("name", internalData ? c.name : nil), ("title", c.role), ("email", internalData ? c.email : nil)
            ],
            c.extra)
    }

    /// The taxonomy (foreign terms and the terms of Vitaal's tags) and its two link tables.
    static func taxonomyTables(_ r: SocialMap.Register) -> [Table] {
        var terms: [String: SocialMap.TaxonomyTerm] = [:]
        for t in r.taxonomyTerms { terms[t.id] = t }
        for o in r.organisations { for t in Self.terms(for: o.tags) { terms[t.id] = t } }
        for s in r.services { for t in Self.terms(for: s.tags) { terms[t.id] = t } }
        return [
            table(
                "taxonomy", taxonomyColumns,
                terms.values.sorted { $0.id < $1.id }.map { t in
                    row(
                        [("id", t.id), ("name", t.name), ("parent_id", t.parentID), ("vocabulary", t.vocabulary)],
                        t.extra)
                }),
            table(
                "services_taxonomy", serviceTaxonomyColumns,
                r.services.flatMap { s in
                    (Self.terms(for: s.tags).map(\.id) + s.otherTaxonomyTermIDs).sorted().map {
                        [("id", "\(s.id)/\($0)"), ("service_id", s.id), ("taxonomy_id", $0)]
                    }
                }),
            table(
                "organizations_taxonomy", orgTaxonomyColumns,
                r.organisations.flatMap { o in
                    Self.terms(for: o.tags).map(\.id).map {
                        [("id", "\(o.id)/\($0)"), ("organization_id", o.id), ("taxonomy_id", $0)]
                    }
                })
        ]
    }

    /// `datapackage.json`: one tabular resource per table, with the type of each column.
    static func descriptor(_ tables: [Table]) -> JSONNode {
        func type(_ c: String) -> String {
            if ["latitude", "longitude"].contains(c) { return "number" }
            if c == "year_incorporated" { return "integer" }
            if c.hasPrefix("x_is_") || c == "x_position_is_approximate" { return "boolean" }
            return c == "x_last_checked" ? "date" : "string"
        }
        let resources: [JSONNode] = tables.map { t in
            let fields: [JSONNode] = t.columns.map { ["name": .string($0), "type": .string(type($0))] }
            return [
                "name": .string(resourceName(table: t.name)), "path": .string("\(t.name).csv"),
                "profile": "tabular-data-resource",
                "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": ["fields": .array(fields)]
            ]
        }
        return [
            "name": "vitaal-sociale-kaart", "profile": "tabular-data-package",
            "title": "Sociale kaart Flevoland (Vitaal, HSDS)", "resources": .array(resources)
        ]
    }

    // MARK: Import

    /// Reads an HSDS 2.x tabular datapackage. `files` maps paths relative to the package folder
    /// (as in `datapackage.json`'s `resources[].path`) to their bytes. `organizations` and
    /// `services` are required; other resources are optional. Unknown columns are kept per record.
    /// Positions Vitaal cannot place are left out with a note (see `Reader.coordinates`).
    public static func readDatapackage(files: [String: Data]) throws(VitaalError) -> ImportResult {
        let resources = try resourcePaths(files)
        var importer = TabularImporter(files: files, paths: resources.paths, unknownTables: resources.unknownTables)
        try importer.readAll()
        try throwIfAny(importer.reader, "HSDS-datapakket bevat fouten")
        return ImportResult(register: sorted(importer.register), notes: importer.reader.notes)
    }

    /// The register of `readDatapackage`, without its notes.
    public static func importDatapackage(files: [String: Data]) throws(VitaalError) -> SocialMap.Register {
        try readDatapackage(files: files).register
    }

    /// Table file stem (`organizations`, …) → file path, from `datapackage.json`; resources of no HSDS
    /// table go to `unknownTables` (kept for the round trip) under their own name.
    static func resourcePaths(
        _ files: [String: Data]
    ) throws(VitaalError) -> (paths: [String: String], unknownTables: [(name: String, path: String)]) {
        let descriptorFile = "datapackage.json"
        guard let pkgData = files[descriptorFile] else {
            throw VitaalError.invalid("datapackage.json ontbreekt", at: SourceLocation(file: descriptorFile))
        }
        let pkg = try JSONParser.parse(pkgData, file: descriptorFile)
        guard let resList = pkg["resources"]?.array else {
            throw VitaalError.invalid(
                "lijst \"resources\" ontbreekt", at: SourceLocation(file: descriptorFile, field: "resources"))
        }
        var reader = Reader()
        var paths: [String: String] = [:]
        var unknown: [(name: String, path: String)] = []
        for (i, res) in resList.enumerated() {
            let place = "resources[\(i)]"
            let name = res["name"]?.string
            guard let path = res["path"]?.string else {
                reader.problems.add(
                    "resource \(name.map { "\"\($0)\" " } ?? "")zonder \"path\"",
                    at: SourceLocation(file: descriptorFile, field: "path", element: place))
                continue
            }
            guard files[path] != nil else {
                reader.problems.add(
                    "bestand \(path) ontbreekt", at: SourceLocation(file: descriptorFile, field: "path", element: place)
                )
                continue
            }
            guard let table = tableName(resource: name, path: path) else {
                unknown.append((name ?? path, path))
                continue
            }
            if let earlier = paths[table.file] {
                reader.problems.add(
                    "resource \(table.bothForms) komt twee keer voor (ook \(earlier))",
                    at: SourceLocation(file: descriptorFile, field: "name", element: place))
                continue
            }
            paths[table.file] = path
        }
        for required in tableNames.prefix(2) where paths[required.file] == nil && reader.problems.isEmpty {
            reader.problems.add(
                "resource \(required.bothForms) ontbreekt (gezocht op \"name\" en op \"path\" \(required.file).csv)",
                at: SourceLocation(file: descriptorFile, field: "resources"))
        }
        try throwIfAny(reader, "datapackage.json bevat fouten")
        return (paths, unknown)
    }

    /// Reads the CSV resources of a datapackage into a register, table by table.
    struct TabularImporter {
        let files: [String: Data]
        let paths: [String: String]
        /// Resources of no HSDS table: (resource name, path), kept whole for the round trip.
        let unknownTables: [(name: String, path: String)]
        var reader = Reader()
        var register = SocialMap.Register()
        var orgIDs = IDRegistry(), serviceIDs = IDRegistry(), locationIDs = IDRegistry(), phoneIDs = IDRegistry()
        var contactIDs = IDRegistry(), termIDs = IDRegistry(), addressIDs = IDRegistry()
        var terms: [String: SocialMap.TaxonomyTerm] = [:]
        /// Service id → its `services_at_location` rows that carry more than the link (see `serviceLocations`).
        var keptServiceAtLocations: [String: [JSONNode]] = [:]

        init(files: [String: Data], paths: [String: String], unknownTables: [(name: String, path: String)] = []) {
            self.files = files
            self.paths = paths
            self.unknownTables = unknownTables
        }

        mutating func readAll() throws(VitaalError) {
            // Taxonomy first: terms are needed to read the link tables.
            try readTaxonomy()
            let orgTags = try tagLinks("organizations_taxonomy", ownerField: "organization_id")
            let serviceTags = try tagLinks("services_taxonomy", ownerField: "service_id")
            try readOrganisations(orgTags)
            try readLocations()
            try readServices(serviceTags, locationsOfService: try serviceLocations())
            try checkLinkTables()
            try readContacts()
            try readPhones()
            try readAddresses()
            try readChildTables()
        }

        /// The rows of table `name` as records (each cell a string), none when the resource is absent.
        func records(_ name: String) throws(VitaalError) -> [Record] {
            guard let path = paths[name] else { return [] }
            return try records(path: path)
        }

        func table(path: String) throws(VitaalError) -> CSVTable? {
            guard let data = files[path] else { return nil }
            do { return try CSVTable.parse(data: data, fileName: path, separator: .comma) } catch let e as VitaalError {
                throw e
            } catch {
                throw VitaalError.invalid("onleesbaar CSV-bestand: \(error)", at: SourceLocation(file: path))
            }
        }

        /// The column names of the CSV file at `path` (a byte-order mark removed).
        func header(path: String) throws(VitaalError) -> [String] {
            guard var header = try table(path: path)?.header else { return [] }
            if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
            return header
        }

        func records(path: String) throws(VitaalError) -> [Record] {
            guard let table = try table(path: path) else { return [] }
            let header = try header(path: path)
            return table.rows.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }.map { row in
                Record(
                    pairs: header.enumerated().map { (i, h) in JSONNode.Member(h, .string(row.field(i) ?? "")) },
                    place: SourceLocation(file: path, line: row.line))
            }
        }

        mutating func readTaxonomy() throws(VitaalError) {
            for t in try records("taxonomy") {
                let id = reader.text(t, "id", required: true)
                let name = reader.text(t, "name", required: true)
                guard termIDs.add(id, t, &reader), let id, let name else { continue }
                let term = SocialMap.TaxonomyTerm(
                    id: id, name: name, parentID: reader.text(t, "parent_id"),
                    vocabulary: reader.text(t, "vocabulary"),
                    extra: t.extras(known: Set(taxonomyColumns)))
                var probe = TagBuilder()
                if let reason = probe.add(term) {
                    reader.problems.add(reason, at: t.at("name"))
                    continue
                }
                terms[id] = term
                if !Vocabulary.all.contains(term.vocabulary ?? "") { register.taxonomyTerms.append(term) }
            }
            // A parent outside the file is a term of the external taxonomy (HSDS 2.0 names it in
            // `parent_name`, as Open Referral's sample package does); without that name it is an error.
            for t in register.taxonomyTerms {
                guard let p = t.parentID, terms[p] == nil else { continue }
                let parentName = t.extra.first { $0.key == "parent_name" }?.value.string ?? ""
                if !parentName.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                reader.problems.add(
                    "verwijst naar onbekende bovenliggende term \"\(p)\" (geef parent_name als die in een externe "
                        + "taxonomie staat)",
                    at: SourceLocation(file: paths["taxonomy"], field: "parent_id", element: "term \(t.id)"))
            }
        }

        /// The tags of each owner from a link table.
        mutating func tagLinks(_ name: String, ownerField: String) throws(VitaalError) -> [String: TagBuilder] {
            var out: [String: TagBuilder] = [:]
            for l in try records(name) {
                guard let owner = reader.text(l, ownerField, required: true),
                    let tid = reader.text(l, "taxonomy_id", required: true)
                else { continue }
                guard let term = terms[tid] ?? builtInTerm(id: tid) else {
                    reader.problems.add("onbekende taxonomieterm \"\(tid)\"", at: l.at("taxonomy_id"))
                    continue
                }
                if let reason = out[owner, default: TagBuilder()].add(term) {
                    reader.problems.add(reason, at: l.at("taxonomy_id"))
                }
            }
            return out
        }

        mutating func readOrganisations(_ orgTags: [String: TagBuilder]) throws(VitaalError) {
            for o in try records("organizations") {
                let id = reader.text(o, "id", required: true)
                let name = reader.text(o, "name", required: true)
                guard orgIDs.add(id, o, &reader), let id, let name else { continue }
                register.organisations.append(
                    SocialMap.Organisation(
                        id: id, name: name, alternateName: reader.text(o, "alternate_name"),
                        description: reader.text(o, "description"),
                        email: reader.email(o, "email"), url: reader.url(o, "url"),
                        yearIncorporated: reader.int(o, "year_incorporated"),
                        tags: orgTags[id]?.tags ?? SocialMap.Tags(), lastChecked: reader.day(o, "x_last_checked"),
                        isExample: reader.bool(o, "x_is_example"), extra: o.extras(known: Set(orgColumns))))
            }
        }

        mutating func readLocations() throws(VitaalError) {
            for l in try records("locations") {
                let id = reader.text(l, "id", required: true)
                guard locationIDs.add(id, l, &reader), let id else { continue }
                let orgID = reader.text(l, "organization_id")
                if let orgID, !orgIDs.contains(orgID) {
                    reader.problems.add("verwijst naar onbekende organisatie \"\(orgID)\"", at: l.at("organization_id"))
                }
                let (lat, lon) = reader.coordinates(l)
                register.locations.append(
                    SocialMap.Location(
                        id: id, organisationID: orgID, name: reader.text(l, "name"),
                        description: reader.text(l, "description"),
                        latitude: lat, longitude: lon,
                        positionIsApproximate: reader.bool(l, "x_position_is_approximate"),
                        municipalityCode: reader.municipalityCode(l, "x_municipality_code"),
                        extra: l.extras(known: Set(locationColumns))))
            }
        }

        /// Service id → location ids, from `services_at_location` (unknown locations reported). A row with
        /// its own id (not `service@location`) or more columns is kept whole in `keptServiceAtLocations`.
        mutating func serviceLocations() throws(VitaalError) -> [String: [String]] {
            var locationsOfService: [String: [String]] = [:]
            for sal in try records("services_at_location") {
                guard let sid = reader.text(sal, "service_id", required: true),
                    let lid = reader.text(sal, "location_id", required: true)
                else { continue }
                if !locationIDs.contains(lid) {
                    reader.problems.add("verwijst naar onbekende locatie \"\(lid)\"", at: sal.at("location_id"))
                    continue
                }
                locationsOfService[sid, default: []].append(lid)
                let kept = sal.pairs.filter { $0.key != "service_id" && ($0.value.string ?? "") != "" }
                if HSDS.keepsServiceAtLocation(kept, serviceID: sid, locationID: lid) {
                    keptServiceAtLocations[sid, default: []].append(.object(members: kept))
                }
            }
            return locationsOfService
        }

        mutating func readServices(
            _ serviceTags: [String: TagBuilder],
            locationsOfService: [String: [String]]
        ) throws(VitaalError) {
            for s in try records("services") {
                let id = reader.text(s, "id", required: true)
                let name = reader.text(s, "name", required: true)
                let orgID = reader.text(s, "organization_id", required: true)
                guard serviceIDs.add(id, s, &reader), let id, let name, let orgID else { continue }
                if !orgIDs.contains(orgID) {
                    reader.problems.add("verwijst naar onbekende organisatie \"\(orgID)\"", at: s.at("organization_id"))
                }
                let tb = serviceTags[id] ?? TagBuilder()
                register.services.append(
                    SocialMap.Service(
                        id: id, organisationID: orgID, name: name, kind: reader.kind(s),
                        alternateName: reader.text(s, "alternate_name"),
                        description: reader.text(s, "description"), url: reader.url(s, "url"),
                        email: reader.email(s, "email"),
                        status: reader.text(s, "status"), locationIDs: locationsOfService[id] ?? [], tags: tb.tags,
                        otherTaxonomyTermIDs: tb.foreign, lastChecked: reader.day(s, "x_last_checked"),
                        isExample: reader.bool(s, "x_is_example"),
                        extra: s.extras(known: Set(serviceColumns))
                            + HSDS.keptServiceAtLocationsField(keptServiceAtLocations[id] ?? [])))
            }
        }

        /// Link tables may only name known services and organisations.
        mutating func checkLinkTables() throws(VitaalError) {
            for (table, field, registry, what) in [
                ("services_at_location", "service_id", serviceIDs, "dienst"),
                ("services_taxonomy", "service_id", serviceIDs, "dienst"),
                ("organizations_taxonomy", "organization_id", orgIDs, "organisatie")
            ] {
                for l in try records(table) {
                    if let id = reader.text(l, field), !registry.contains(id) {
                        reader.problems.add("verwijst naar onbekende \(what) \"\(id)\"", at: l.at(field))
                    }
                }
            }
        }

        mutating func readContacts() throws(VitaalError) {
            for c in try records("contacts") {
                let id = reader.text(c, "id", required: true)
                let role = reader.text(c, "title", required: true)
                guard contactIDs.add(id, c, &reader), let id, let role else { continue }
                let oid = reader.text(c, "organization_id")
                let sid = reader.text(c, "service_id")
                if let oid, !orgIDs.contains(oid) {
                    reader.problems.add("verwijst naar onbekende organisatie \"\(oid)\"", at: c.at("organization_id"))
                }
                if let sid, !serviceIDs.contains(sid) {
                    reader.problems.add("verwijst naar onbekende dienst \"\(sid)\"", at: c.at("service_id"))
                }
                register.contacts.append(
                    SocialMap.ContactPerson(
                        id: id, organisationID: oid, serviceID: sid, role: role, name: reader.text(c, "name"),
                        email: reader.email(c, "email"), extra: c.extras(known: Set(contactColumns))))
            }
        }

        mutating func readPhones() throws(VitaalError) {
            for p in try records("phones") {
                let id = reader.text(p, "id", required: true)
                let number = reader.text(p, "number", required: true)
                guard phoneIDs.add(id, p, &reader), let id, let number else { continue }
                let ph = SocialMap.Phone(
                    id: id, number: number, organisationID: reader.text(p, "organization_id"),
                    serviceID: reader.text(p, "service_id"), locationID: reader.text(p, "location_id"),
                    contactID: reader.text(p, "contact_id"), type: reader.text(p, "type"),
                    description: reader.text(p, "description"), extra: p.extras(known: Set(phoneColumns)))
                let owners = [
                    (ph.organisationID, orgIDs, "organization_id", "organisatie"),
                    (ph.serviceID, serviceIDs, "service_id", "dienst"),
                    (ph.locationID, locationIDs, "location_id", "locatie"),
                    (ph.contactID, contactIDs, "contact_id", "contactpersoon")
                ]
                for (value, registry, field, what) in owners {
                    if let value, !registry.contains(value) {
                        reader.problems.add("verwijst naar onbekende \(what) \"\(value)\"", at: p.at(field))
                    }
                }
                register.phones.append(ph)
            }
        }

        mutating func readAddresses() throws(VitaalError) {
            for a in try records("physical_addresses") {
                let id = reader.text(a, "id", required: true)
                let lid = reader.text(a, "location_id", required: true)
                guard addressIDs.add(id, a, &reader), let id, let lid else { continue }
                guard let idx = register.locations.firstIndex(where: { $0.id == lid }) else {
                    reader.problems.add("verwijst naar onbekende locatie \"\(lid)\"", at: a.at("location_id"))
                    continue
                }
                if register.locations[idx].address != nil {
                    reader.problems.add(
                        "meer dan één bezoekadres per locatie wordt niet ondersteund", at: a.at("location_id"))
                    continue
                }
                register.locations[idx].address = SocialMap.PhysicalAddress(
                    id: id, address1: reader.text(a, "address_1"), address2: reader.text(a, "address_2"),
                    city: reader.text(a, "city"), stateProvince: reader.text(a, "state_province"),
                    postalCode: reader.text(a, "postal_code"), country: reader.text(a, "country"),
                    extra: a.extras(known: Set(addressColumns)))
            }
        }
    }
}

// MARK: - HSDS 2.0 tables Vitaal does not model

extension SocialMap.HSDS {
    /// Which record a row of a `ChildTable` belongs to.
    enum OwnerKind: Sendable { case organisation, service, location, anyRecord }

    /// An HSDS 2.0 table Vitaal does not model. Its rows travel with their owner record as a list of
    /// objects under the table's file stem in the owner's `extra` (as HSDS 3 nests them), so they
    /// survive the database and every export. `owners` are tried in order; the first filled one wins.
    struct ChildTable: Sendable {
        let name: TableName
        /// The HSDS 2.0 column set (written first, in this order).
        let columns: [String]
        let owners: [(column: String, kind: OwnerKind)]
    }

    /// The HSDS 2.0 tables and columns of the specification's `datapackage.json` (v2.0.1) that are kept as rows.
    static let childTables: [ChildTable] = [
        ChildTable(
            name: TableName("programs", "program"), columns: ["id", "organization_id", "name", "alternate_name"],
            owners: [("organization_id", .organisation)]),
        ChildTable(
            name: TableName("postal_addresses", "postal_address"),
            columns: [
                "id", "location_id", "attention", "address_1", "address_2", "address_3", "address_4", "city",
                "region", "state_province", "postal_code", "country"
            ], owners: [("location_id", .location)]),
        ChildTable(
            name: TableName("regular_schedules", "regular_schedule"),
            columns: ["id", "service_id", "location_id", "service_at_location_id", "weekday", "opens_at", "closes_at"],
            owners: [("service_id", .service), ("location_id", .location)]),
        ChildTable(
            name: TableName("holiday_schedules", "holiday_schedule"),
            columns: [
                "id", "service_id", "location_id", "service_at_location_id", "closed", "opens_at", "closes_at",
                "start_date", "end_date"
            ], owners: [("service_id", .service), ("location_id", .location)]),
        ChildTable(
            name: TableName("funding", "funding"), columns: ["id", "organization_id", "service_id", "source"],
            owners: [("service_id", .service), ("organization_id", .organisation)]),
        ChildTable(
            name: TableName("eligibility", "eligibility"), columns: ["id", "service_id", "eligibility"],
            owners: [("service_id", .service)]),
        ChildTable(
            name: TableName("service_areas", "service_area"),
            columns: ["id", "service_id", "service_area", "description"],
            owners: [("service_id", .service)]),
        ChildTable(
            name: TableName("required_documents", "required_document"), columns: ["id", "service_id", "document"],
            owners: [("service_id", .service)]),
        ChildTable(
            name: TableName("payments_accepted", "payment_accepted"), columns: ["id", "service_id", "payment"],
            owners: [("service_id", .service)]),
        ChildTable(
            name: TableName("languages", "language"), columns: ["id", "service_id", "location_id", "language"],
            owners: [("service_id", .service), ("location_id", .location)]),
        ChildTable(
            name: TableName("accessibility_for_disabilities", "accessibility_for_disabilities"),
            columns: ["id", "location_id", "accessibility", "details"], owners: [("location_id", .location)]),
        ChildTable(
            name: TableName("metadata", "metadata"),
            columns: [
                "id", "resource_id", "last_action_date", "last_action_type", "field_name", "previous_value",
                "replacement_value", "updated_by"
            ], owners: [("resource_id", .anyRecord)]),
        ChildTable(
            name: TableName("meta_table_descriptions", "meta_table_description"),
            columns: ["id", "name", "language", "character_set"], owners: [])
    ]

    static let childTableNames = Set(childTables.map(\.name.file))
    /// A location's addresses other than its physical one (HSDS 3: `addresses[]` with another `address_type`).
    static let postalAddressesKey = "postal_addresses"

    /// True for an extra field that holds the rows of a child table (written as a table, not a column).
    static func isChildRows(_ e: SocialMap.ExtraField) -> Bool {
        (childTableNames.contains(e.key) || e.key == keptServiceAtLocationsKey) && e.value.array != nil
    }

    /// Key in a service's `extra` of the `service_at_location` records that carry more than the link
    /// (their own id, a description, HSDS 3 contacts, phones, schedules …): kept whole, without `service_id`
    /// and the nested `location`, and written back in both formats.
    static let keptServiceAtLocationsKey = "services_at_location"

    /// A service-at-location (its fields without `service_id`) is kept when it is more than the link Vitaal
    /// would write itself (`service@location`).
    static func keepsServiceAtLocation(_ fields: [JSONNode.Member], serviceID: String, locationID: String) -> Bool {
        fields.contains { m in
            switch m.key {
            case "location_id": false
            case "id": m.value.string != "\(serviceID)@\(locationID)"
            default: true
            }
        }
    }

    static func keptServiceAtLocationsField(_ kept: [JSONNode]) -> [SocialMap.ExtraField] {
        kept.isEmpty ? [] : [SocialMap.ExtraField(keptServiceAtLocationsKey, .array(kept))]
    }

    /// The kept fields of the service-at-location of `s` at `locationID`, `id` and `location_id` first.
    static func keptServiceAtLocation(_ s: SocialMap.Service, _ locationID: String) -> [JSONNode.Member]? {
        let kept = s.extra.first { $0.key == keptServiceAtLocationsKey }?.value.array ?? []
        guard let members = kept.first(where: { $0["location_id"]?.string == locationID })?.members else {
            return nil
        }
        let id = members.first { $0.key == "id" }?.value ?? .string("\(s.id)@\(locationID)")
        return [JSONNode.Member("id", id), JSONNode.Member("location_id", .string(locationID))]
            + members.filter { $0.key != "id" && $0.key != "location_id" }
    }
}

extension SocialMap.HSDS.TabularImporter {
    typealias HSDS = SocialMap.HSDS

    /// Reads every child table and every unknown table after the records they refer to.
    mutating func readChildTables() throws(VitaalError) {
        for table in HSDS.childTables {
            var ids = HSDS.IDRegistry()
            for row in try records(table.name.file) {
                let id = reader.text(row, "id", required: true)
                guard ids.add(id, row, &reader), id != nil else { continue }
                let object = JSONNode.object(members: row.pairs.filter { ($0.value.string ?? "") != "" })
                attach(object, of: table, row: row)
            }
        }
        for (name, path) in unknownTables {
            let rows = try records(path: path)
            register.otherHSDSTables.append(
                SocialMap.HSDSTable(
                    name: name, columns: try header(path: path),
                    rows: rows.map { $0.pairs.map { SocialMap.ExtraField($0.key, $0.value) } }))
        }
        for i in register.organisations.indices {
            register.organisations[i].extra = sortedRows(register.organisations[i].extra)
        }
        for i in register.services.indices { register.services[i].extra = sortedRows(register.services[i].extra) }
        for i in register.locations.indices { register.locations[i].extra = sortedRows(register.locations[i].extra) }
    }

    /// Child rows sorted by id, so the order of the file does not matter for the round trip.
    func sortedRows(_ extra: [SocialMap.ExtraField]) -> [SocialMap.ExtraField] {
        extra.map { e in
            guard HSDS.isChildRows(e), let rows = e.value.array else { return e }
            return SocialMap.ExtraField(
                e.key, .array(rows.sorted { ($0["id"]?.string ?? "") < ($1["id"]?.string ?? "") }))
        }
    }

    /// Puts `object` under its owner (the first filled owner column); an owner id that is not in the
    /// package is an error, a row without owner of an ownerless table is kept for the whole package.
    mutating func attach(_ object: JSONNode, of table: HSDS.ChildTable, row: HSDS.Record) {
        for (column, kind) in table.owners {
            guard let ownerID = reader.text(row, column) else { continue }
            if add(object, table.name.file, ownerID: ownerID, kind: kind) { return }
            if kind != .anyRecord {
                let what = kind == .service ? "dienst" : kind == .location ? "locatie" : "organisatie"
                reader.problems.add("verwijst naar onbekende \(what) \"\(ownerID)\"", at: row.at(column))
                return
            }
            break
        }
        if let first = table.owners.first, first.kind != .anyRecord {
            reader.problems.add("verplicht veld ontbreekt", at: row.at(first.column))
            return
        }
        if let index = register.otherHSDSTables.firstIndex(where: { $0.name == table.name.file }) {
            register.otherHSDSTables[index].rows.append(row.pairs.map { SocialMap.ExtraField($0.key, $0.value) })
        } else {
            register.otherHSDSTables.append(
                SocialMap.HSDSTable(
                    name: table.name.file, columns: row.pairs.map(\.key),
                    rows: [row.pairs.map { SocialMap.ExtraField($0.key, $0.value) }]))
        }
    }

    /// Appends `object` to the rows of `table` in the owner's `extra`; false when there is no such owner.
    mutating func add(_ object: JSONNode, _ table: String, ownerID: String, kind: HSDS.OwnerKind) -> Bool {
        func append(_ extra: inout [SocialMap.ExtraField]) {
            if let i = extra.firstIndex(where: { $0.key == table }), let rows = extra[i].value.array {
                extra[i].value = .array(rows + [object])
            } else {
                extra.append(SocialMap.ExtraField(table, .array([object])))
            }
        }
        if kind == .service || kind == .anyRecord, let i = register.services.firstIndex(where: { $0.id == ownerID }) {
            append(&register.services[i].extra)
            return true
        }
        if kind == .location || kind == .anyRecord, let i = register.locations.firstIndex(where: { $0.id == ownerID }) {
            append(&register.locations[i].extra)
            return true
        }
        if kind == .organisation || kind == .anyRecord,
            let i = register.organisations.firstIndex(where: { $0.id == ownerID })
        {
            append(&register.organisations[i].extra)
            return true
        }
        return false
    }
}
