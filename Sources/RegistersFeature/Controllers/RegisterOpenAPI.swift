import AppCore
import VitaalDomain

/// The registers' part of the OpenAPI document: per register an entry schema made from its field
/// definitions, and its two paths.
enum RegisterOpenAPI {
    typealias Registry = OpenAPIRegistry

    static func register(in document: OpenAPIRegistry) {
        for kind in RegisterKind.allCases {
            let definition = kind.definition
            let name = "Register" + definition.apiName.prefix(1).uppercased() + definition.apiName.dropFirst()
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
}
