import NIOConcurrencyHelpers
import Vapor
import VitaalDomain

/// The OpenAPI 3 document of `/api/v1`, assembled from the operations that routes register.
public final class OpenAPIRegistry: Sendable {
    private let state = NIOLockedValueBox<(paths: [String: [String: JSONValue]], schemas: [String: JSONValue])>(
        ([:], [:]))

    public init() {}

    /// Adds an operation. `path` uses OpenAPI templating, e.g. `/api/v1/regions/{code}`. `statuses` are the
    /// success statuses the operation answers with (201 for a create), all with `response`; every other
    /// status is `default`, the error body.
    public func add(
        _ method: String, _ path: String, summary: String, tag: String, parameters: [JSONValue] = [],
        requestBody: JSONValue? = nil, response: JSONValue, statuses: [Int] = [200], public isPublic: Bool = true,
        description: String? = nil
    ) {
        var responses: [String: JSONValue] = [
            "default": [
                "description": "Fout",
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]
            ]
        ]
        for status in statuses {
            responses[String(status)] = [
                "description": .string(status == 201 ? "Aangemaakt" : "OK"),
                "content": ["application/json": ["schema": response]]
            ]
        }
        var op: [String: JSONValue] = [
            "summary": .string(summary),
            "tags": [.string(tag)],
            "operationId": .string(Self.operationID(method, path)),
            "responses": .object(responses)
        ]
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if let requestBody {
            op["requestBody"] = ["required": true, "content": ["application/json": ["schema": requestBody]]]
        }
        if let description { op["description"] = .string(description) }
        if !isPublic { op["security"] = [["session": []], ["bearer": []]] }
        state.withLockedValue { $0.paths[path, default: [:]][method.lowercased()] = .object(op) }
    }

    public func schema(_ name: String, _ schema: JSONValue) {
        state.withLockedValue { $0.schemas[name] = schema }
    }

    /// Gives an added operation a request body in other media types than JSON (a CSV upload), each
    /// with its schema, e.g. `[("text/csv", ["type": "string"])]`.
    public func setRequestBody(_ method: String, _ path: String, content: [(String, JSONValue)]) {
        state.withLockedValue { s in
            guard var members = s.paths[path]?[method.lowercased()]?.members else { return }
            members.removeAll { $0.key == "requestBody" }
            let media = JSONValue.object(content.map { ($0.0, JSONValue.object([("schema", $0.1)])) })
            members.append(JSONValue.Member("requestBody", .object([("required", .bool(true)), ("content", media)])))
            s.paths[path]?[method.lowercased()] = .object(members: members)
        }
    }

    /// Gives an added operation's success answer further media types (a CSV variant of a JSON answer),
    /// each with its schema, next to `application/json`.
    public func addResponseContent(_ method: String, _ path: String, status: Int = 200, content: [(String, JSONValue)])
    {
        state.withLockedValue { s in
            guard var members = s.paths[path]?[method.lowercased()]?.members,
                let index = members.firstIndex(where: { $0.key == "responses" }),
                var responses = members[index].value.members,
                let answer = responses.firstIndex(where: { $0.key == String(status) }),
                var answerMembers = responses[answer].value.members,
                let media = answerMembers.firstIndex(where: { $0.key == "content" }),
                var types = answerMembers[media].value.members
            else { return }
            for (type, schema) in content { types.append(JSONValue.Member(type, .object([("schema", schema)]))) }
            answerMembers[media] = JSONValue.Member("content", .object(members: types))
            responses[answer] = JSONValue.Member(String(status), .object(members: answerMembers))
            members[index] = JSONValue.Member("responses", .object(members: responses))
            s.paths[path]?[method.lowercased()] = .object(members: members)
        }
    }

    public static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    public static func array(of item: JSONValue) -> JSONValue { ["type": "array", "items": item] }
    public static func query(
        _ name: String, _ description: String, type: String = "string", required: Bool = false
    ) -> JSONValue {
        [
            "name": .string(name), "in": "query", "required": .bool(required), "description": .string(description),
            "schema": ["type": .string(type)]
        ]
    }
    /// A query parameter with its own schema (ranges, enums, patterns), so that the document says which
    /// values are accepted and which answer 422.
    public static func query(
        _ name: String, _ description: String, schema: JSONValue, required: Bool = false
    ) -> JSONValue {
        [
            "name": .string(name), "in": "query", "required": .bool(required), "description": .string(description),
            "schema": schema
        ]
    }
    /// An integer query parameter accepted within `range` (outside it: 422 naming the parameter).
    public static func query(_ name: String, _ description: String, range: ClosedRange<Int>) -> JSONValue {
        query(
            name, description,
            schema: [
                "type": "integer", "minimum": .number(range.lowerBound),
                "maximum": .number(range.upperBound)
            ])
    }
    /// A string query parameter that takes one of `values` (or is empty: no filter).
    public static func query(_ name: String, _ description: String, oneOf values: [String]) -> JSONValue {
        query(name, description, schema: ["type": "string", "enum": .array(([""] + values).map { .string($0) })])
    }
    public static func pathParameter(_ name: String, _ description: String, type: String = "string") -> JSONValue {
        [
            "name": .string(name), "in": "path", "required": true, "description": .string(description),
            "schema": ["type": .string(type)]
        ]
    }

    static func operationID(_ method: String, _ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "api" && $0 != "v1" }.map { part -> String in
            let p = part.trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
            let words = p.split(whereSeparator: { $0 == "-" || $0 == "_" })
            return words.map(\.capitalisedFirst).joined()
        }
        return method.lowercased() + parts.joined()
    }

    public var document: JSONValue {
        let (paths, schemas) = state.withLockedValue { ($0.paths, $0.schemas) }
        var allSchemas = schemas
        allSchemas["Error"] = [
            "type": "object", "required": ["error"],
            "properties": [
                "error": [
                    "type": "object", "required": ["code", "message", "details"],
                    "properties": [
                        "code": ["type": "string", "example": "not_found"],
                        "message": ["type": "string"],
                        "details": [
                            "type": "array",
                            "items": [
                                "type": "object", "required": ["message"],
                                "properties": [
                                    "message": ["type": "string"], "file": ["type": "string"],
                                    "line": ["type": "integer"],
                                    "column": ["type": "integer"], "field": ["type": "string"],
                                    "element": ["type": "string"]
                                ]
                            ]
                        ]
                    ]
                ]
            ]
        ]
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Vitaal API",
                "version": "1",
                "description":
                    .string(
                        "Open data en modellen van Vitaal Flevoland. "
                            + "Openbare gegevens zijn zonder inloggen beschikbaar; "
                            + "interne gegevens alleen met een sessie (inloggen via /inloggen) of een "
                            + "persoonlijk API-token (Authorization: Bearer vit_…, aan te maken op "
                            + "/account/tokens of met `vitaal token create`). Schrijfverzoeken met een sessie "
                            + "vereisen de header X-CSRF-Token; met een token met bereik schrijven niet."),
                "license": ["name": "EUPL-1.2"]
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "schemas": .object(allSchemas),
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": "vitaal_sessie"],
                    "bearer": [
                        "type": "http", "scheme": "bearer", "bearerFormat": "vit_…",
                        "description":
                            "Persoonlijk API-token. Bereik lezen: alleen GET; bereik schrijven: ook wijzigen."
                    ]
                ]
            ]
        ]
    }
}

extension Application {
    private struct OpenAPIKey: StorageKey { typealias Value = OpenAPIRegistry }
    public var openAPI: OpenAPIRegistry {
        if let r = storage[OpenAPIKey.self] { return r }
        let r = OpenAPIRegistry()
        storage[OpenAPIKey.self] = r
        return r
    }
}
