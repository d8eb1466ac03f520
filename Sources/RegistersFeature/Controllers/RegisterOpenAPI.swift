import AppCore
import VitaalDomain

/// The registers' part of the OpenAPI document: per register an entry schema made from its field
/// definitions, its two read paths and its write paths (`RegisterWriteAPIController`), whose
/// request schemas are made from the same definitions.
enum RegisterOpenAPI {
    typealias Registry = OpenAPIRegistry

    static func register(in document: OpenAPIRegistry) {
        for kind in RegisterKind.allCases {
            let definition = kind.definition
            let name = "Register" + definition.apiName.capitalisedFirst
            document.schema(name, schema(definition))
            var parameters: [JSONValue] = [Registry.query("q", "Zoekwoorden (alle moeten voorkomen)")]
            if let path = definition.statusPath {
                parameters.append(Registry.query("status", "Alleen records met deze status", oneOf: path.names))
            }
            for field in definition.filterFields {
                if case .choice(let options) = field.kind {
                    parameters.append(Registry.query(field.formName, field.label, oneOf: options))
                }
            }
            for field in definition.exactFilterKeys.compactMap(definition.field) {
                parameters.append(Registry.query(field.formName, "\(field.label): precies deze waarde"))
            }
            // The signals' entries are internal; their public part is the summary below.
            let isPublic = definition.entriesArePublic
            document.add(
                "GET", RegisterURL.apiList(kind).openAPIPath, summary: "\(definition.title): alle records",
                tag: "Registers", parameters: parameters, response: Registry.array(of: Registry.ref(name)),
                public: isPublic,
                description: isPublic
                    ? "Zonder inloggen alleen de openbare velden; met een sessie of token ook de interne velden."
                    : "Alleen met een sessie of token; zonder inloggen is er alleen het overzicht per thema en regio.")
            document.add(
                "GET", RegisterURL.apiEntry(kind, .key).openAPIPath, summary: "\(definition.title): één record",
                tag: "Registers", parameters: [Registry.pathParameter("key", "De sleutel van het record")],
                response: Registry.ref(name), public: isPublic)
            registerWrites(kind, answer: name, in: document)
        }
        document.schema("SignalSummary", signalSummarySchema)
        document.add(
            "GET", RegisterURL.apiSignalSummary.openAPIPath, summary: "Signalen: aantallen per thema en per regio",
            tag: "Registers", response: Registry.ref("SignalSummary"),
            description:
                "Openbaar overzicht zonder tekst of persoonsgegevens. Aantallen onder 5 zijn afgeschermd (null), "
                + "en zo nodig nog één, zodat een afgeschermd aantal niet uit het totaal is terug te rekenen.")
    }

    static var signalSummarySchema: JSONValue {
        let count: JSONValue = [
            "type": "object",
            "required": ["code", "label", "count", "suppressed"],
            "properties": [
                "code": ["type": "string"],
                "label": ["type": "string"],
                "count": ["type": "integer", "minimum": 0, "nullable": true],
                "suppressed": [
                    "type": "string", "nullable": true,
                    "description": "primary (onder 5) of secondary (zodat niet terug te rekenen); null als getoond"
                ]
            ]
        ]
        return [
            "type": "object",
            "required": ["themes", "regions", "total"],
            "properties": ["themes": Registry.array(of: count), "regions": Registry.array(of: count), "total": count]
        ]
    }

    static func schema(_ definition: RegisterDefinition) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for field in definition.fields {
            var property: [(String, JSONValue)]
            switch field.kind {
            case .text, .longText, .region: property = [("type", "string")]
            case .references: property = [("type", "string")]
            case .date: property = [("type", "string"), ("format", "date")]
            case .amount, .year: property = [("type", "integer"), ("minimum", 0)]
            case .choice(let options): property = [("type", "string"), ("enum", .array(options.map { .string($0) }))]
            }
            property.append(
                ("description", .string(field.label + (field.isPublic ? "" : " (intern: alleen na inloggen)"))))
            properties.append((field.key, .object(property)))
            if field.key == definition.importedDateKey {
                let description =
                    "Waar \(field.label.lowercased()) vandaan komt: importHistory (de laatste import door de monitor "
                    + "van een indicator die deze bron gebruikt) of typed (ingevoerd, voor bronnen die de monitor niet "
                    + "importeert); alleen als er een datum is"
                let origin: JSONValue = [
                    "type": "string", "enum": ["importHistory", "typed"], "description": .string(description)
                ]
                properties.append((RegisterEntryDTO.originKey(field.key), origin))
            }
        }
        let required = definition.fields.filter(\.isRequired).map { JSONValue.string($0.key) }
        var values: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        if !required.isEmpty { values.append(("required", .array(required))) }
        return [
            "type": "object",
            "required": ["key", "status", "organisation", "isExample", "version", "updatedAt", "values"],
            "properties": [
                "key": ["type": "string"],
                "status": ["type": "string", "nullable": true],
                "organisation": ["type": "string", "nullable": true],
                "isExample": ["type": "boolean"],
                "version": ["type": "integer", "minimum": 1],
                "updatedAt": ["type": "string", "format": "date-time"],
                "values": .object(values)
            ]
        ]
    }

    // MARK: Writes

    static func registerWrites(_ kind: RegisterKind, answer: String, in document: OpenAPIRegistry) {
        let definition = kind.definition
        let name = "Register" + definition.apiName.capitalisedFirst
        document.schema(name + "Create", createSchema(definition))
        document.schema(name + "Replace", replaceSchema(definition))
        let rights =
            "Redacteur of beheerder (sessie met X-CSRF-Token, of een token met bereik schrijven). Een redacteur "
            + "schrijft alleen records van de eigen organisatie; anders 403. Dezelfde regels als het formulier; "
            + "fouten: 400 of 422 met per veld de fout (`details[].field`, bijvoorbeeld `values.region`), 401 "
            + "zonder inloggen, 403 zonder schrijfrecht, 413 bij een body groter dan "
            + "\(RegisterWriteAPIController.maxBody / 1024) kB; bij een fout wordt niets opgeslagen."
        let key = Registry.pathParameter("key", "De sleutel van het record")
        var create =
            rights + " Antwoord 201 met het record zoals de lees-API het toont en een Location-header. De sleutel "
            + "wordt gemaakt uit \(definition.field(definition.titleKey)?.label.lowercased() ?? "de titel"). Zonder "
            + "organisation is de eigenaar de eigen organisatie (slug of naam; een beheerder kan elke kiezen)."
        if definition.field("deadline") != nil {
            create += " Een deadline in het verleden wordt opgeslagen (het formulier vraagt dan eerst een bevestiging)."
        }
        document.add(
            "POST", RegisterURL.apiList(kind).openAPIPath, summary: "\(definition.title): nieuw record",
            tag: "Registers (schrijven)", requestBody: Registry.ref(name + "Create"), response: Registry.ref(answer),
            statuses: [201], public: false, description: create)
        document.add(
            "PUT", RegisterURL.apiEntry(kind, .key).openAPIPath, summary: "\(definition.title): record wijzigen",
            tag: "Registers (schrijven)", parameters: [key], requestBody: Registry.ref(name + "Replace"),
            response: Registry.ref(answer), public: false,
            description: rights
                + " Vervangt alle velden (een veld dat ontbreekt of null is, wordt leeg); de status verandert "
                + "alleen via …/status. version is de versie die u las: is die intussen veranderd, dan 409 en "
                + "blijft het record zoals het was. 404 als het record niet bestaat.")
        guard let path = definition.statusPath else { return }
        document.schema(name + "StatusChange", statusSchema(definition, path))
        var needs = definition.statusFields.compactMap { item in
            definition.field(item.key).map { "‘\(item.status)’ vraagt \($0.key) (\($0.label.lowercased()))" }
        }.joined(separator: "; ")
        if !needs.isEmpty { needs = " " + needs + "." }
        document.add(
            "POST", RegisterWriteAPIController.statusPath(kind), summary: "\(definition.title): status wijzigen",
            tag: "Registers (schrijven)", parameters: [key], requestBody: Registry.ref(name + "StatusChange"),
            response: Registry.ref(answer), public: false,
            description: rights
                + " Volgorde: \(path.names.joined(separator: " → ")). Een stap vooruit mag; een stap overslaan of "
                + "terug vraagt een reason (anders 422).\(needs) version is de versie die u las (anders 409).")
    }

    /// One field as written: its type and bounds as `RegisterWriteAPIController` reads them; an
    /// optional field may be null (left empty).
    static func inputSchema(_ field: RegisterField) -> JSONValue {
        var property: [(String, JSONValue)]
        switch field.kind {
        case .text, .longText, .region, .references:
            property = [("type", "string"), ("maxLength", .number(field.maxLength))]
            if field.isRequired { property.append(("minLength", 1)) }
        case .date:
            property = [("type", "string"), ("format", "date"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
        case .amount: property = [("type", "integer"), ("minimum", 0), ("maximum", .number(RegisterInput.maxAmount))]
        case .year: property = [("type", "integer"), ("minimum", 1900), ("maximum", 2100)]
        case .choice(let options):
            // A nullable enum lists null among its values (OpenAPI 3.0.3), or null would be refused.
            let values = options.map { JSONValue.string($0) } + (field.isRequired ? [] : [.null])
            property = [("type", "string"), ("enum", .array(values))]
        }
        if !field.isRequired { property.append(("nullable", true)) }
        property.append(("description", .string(field.label + (field.hint.map { ": \($0)" } ?? ""))))
        return .object(property)
    }

    static func valuesSchema(_ definition: RegisterDefinition) -> JSONValue {
        let required = definition.fields.filter(\.isRequired).map { JSONValue.string($0.key) }
        var values: [(String, JSONValue)] = [
            ("type", "object"), ("additionalProperties", false),
            ("properties", .object(definition.fields.map { ($0.key, inputSchema($0)) }))
        ]
        if !required.isEmpty { values.append(("required", .array(required))) }
        return .object(values)
    }

    static let versionSchema: JSONValue = [
        "type": "integer", "minimum": 1, "description": "De versie die u las (version in de lees-API)"
    ]

    static func createSchema(_ definition: RegisterDefinition) -> JSONValue {
        var properties: [(String, JSONValue)] = [
            ("values", valuesSchema(definition)),
            (
                "organisation",
                [
                    "type": "string", "minLength": 1, "maxLength": 200,
                    "description": "Slug of naam van de eigenaar-organisatie; standaard de eigen"
                ]
            )
        ]
        if let path = definition.statusPath {
            properties.append(
                (
                    "status",
                    [
                        "type": "string", "nullable": true, "enum": .array(path.names.map { .string($0) } + [.null]),
                        "description": "De eerste status (elke is toegestaan); null: niet vermeld"
                    ]
                ))
        }
        return [
            "type": "object", "additionalProperties": false, "required": ["values"],
            "properties": .object(properties)
        ]
    }

    static func replaceSchema(_ definition: RegisterDefinition) -> JSONValue {
        [
            "type": "object", "additionalProperties": false, "required": ["values", "version"],
            "properties": ["values": valuesSchema(definition), "version": versionSchema]
        ]
    }

    static func statusSchema(_ definition: RegisterDefinition, _ path: StatusPath) -> JSONValue {
        var properties: [(String, JSONValue)] = [
            ("status", ["type": "string", "enum": .array(path.names.map { .string($0) })]),
            (
                "reason",
                [
                    "type": "string", "nullable": true, "maxLength": .number(RegisterChecks.maxReason),
                    "description": "Nodig voor een stap die overslaat of teruggaat"
                ]
            ),
            ("version", versionSchema)
        ]
        for item in definition.statusFields {
            guard let field = definition.field(item.key) else { continue }
            properties.append(
                (
                    field.key,
                    [
                        "type": "string", "nullable": true, "maxLength": .number(field.maxLength),
                        "description": .string("\(field.label); nodig voor ‘\(item.status)’")
                    ]
                ))
        }
        return [
            "type": "object", "additionalProperties": false, "required": ["status", "version"],
            "properties": .object(properties)
        ]
    }
}
