import Vapor
import Fluent
import AppCore
import VitaalDomain

/// JSON API of the workforce model: saved scenarios, their projection, and saving a scenario file.
struct WorkforceAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(WorkforceURL.apiScenarios, use: Self.list)
        routes.get(WorkforceURL.apiScenario(.key), use: Self.detail)
        routes.get(WorkforceURL.apiProjection(.key), use: Self.projection)
        routes.get(WorkforceURL.apiScenarioFile(.key), use: Self.file)
        routes.write(.POST, WorkforceURL.apiScenarios, access: .role(.redacteur), body: .collect(maxSize: "5mb"),
                     use: Self.create)
    }

    static func registerOpenAPI(_ r: OpenAPIRegistry) {
        let number: JSONValue = ["type": "number"]
        r.schema("WorkforceScenario", [
            "type": "object", "required": ["id", "name", "version", "base"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "lineage": ["type": "string", "format": "uuid", "description": "Gedeeld door alle versies van één scenario"],
                "name": ["type": "string", "example": "Basisscenario Flevoland"], "version": ["type": "integer"],
                "base": ["type": "boolean", "description": "Het gekalibreerde basisscenario"],
                "example": ["type": "boolean", "description": "Bevat voorbeelddata (aannames)"],
                "organisation": ["type": "string", "nullable": true], "author": ["type": "string", "description": "E-mailadres van de redacteur voor ingelogde gebruikers; anders de naam van de organisatie"], "note": ["type": "string", "nullable": true],
                "baseYear": ["type": "integer"], "horizon": ["type": "integer"],
                "createdAt": ["type": "string", "format": "date-time"], "updatedAt": ["type": "string", "format": "date-time"],
                "projection": ["type": "string"], "page": ["type": "string"],
            ],
        ])
        r.schema("WorkforceFigures", [
            "type": "object", "required": ["supply", "demand", "shortage"],
            "properties": ["supply": number, "demand": number, "shortage": ["type": "number", "description": "vraag − aanbod (personen; negatief = overschot)"],
                           "shortageRate": number, "supplyFTE": number, "demandFTE": number, "shortageFTE": number],
        ])
        r.schema("WorkforceProjection", [
            "type": "object", "required": ["scenarioId", "years"],
            "properties": [
                "scenarioId": ["type": "string"], "scenarioName": ["type": "string"], "id": ["type": "string", "nullable": true],
                "version": ["type": "integer", "nullable": true], "base": ["type": "boolean"], "baseYear": ["type": "integer"], "horizon": ["type": "integer"],
                "unit": ["type": "string", "example": "personen"], "summary": ["type": "string"],
                "years": OpenAPIRegistry.array(of: [
                    "type": "object", "required": ["year", "total", "sectors"],
                    "properties": [
                        "year": ["type": "integer"], "total": OpenAPIRegistry.ref("WorkforceFigures"), "careDemandIndex": number,
                        "sectors": OpenAPIRegistry.array(of: ["type": "object", "required": ["sector", "supply", "demand", "shortage"],
                            "properties": ["sector": ["type": "string"], "name": ["type": "string"], "supply": number, "demand": number,
                                           "shortage": number, "shortageRate": number]]),
                    ],
                ]),
                "uncertainty": ["type": "object", "nullable": true, "description": "Monte Carlo-banden (p5, p50, p95) bij ?runs=N"],
            ],
        ])
        r.add("get", WorkforceURL.apiScenarios.openAPIPath, summary: "Opgeslagen personeelsscenario's (nieuwste versie; basisscenario met base: true)",
              tag: "Personeelsplanning", response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("WorkforceScenario")))
        r.add("get", WorkforceURL.apiScenario(.key).openAPIPath, summary: "Eén scenarioversie met de andere versies",
              tag: "Personeelsplanning", parameters: [OpenAPIRegistry.pathParameter("id", "Id van de scenarioversie")],
              response: OpenAPIRegistry.ref("WorkforceScenario"))
        r.add("get", WorkforceURL.apiProjection(.key).openAPIPath, summary: "Projectie per jaar en sector: aanbod, vraag en tekort (personen) en totalen",
              tag: "Personeelsplanning",
              parameters: [OpenAPIRegistry.pathParameter("id", "Id van de scenarioversie"),
                           OpenAPIRegistry.query("runs", "Aantal Monte Carlo-runs voor onzekerheidsbanden (1–2000; zonder: geen banden); daarbuiten 422", type: "integer"),
                           OpenAPIRegistry.query("year", "Jaar van de samenvatting (basisjaar tot en met de horizon van het scenario; standaard 2032)", type: "integer")],
              response: OpenAPIRegistry.ref("WorkforceProjection"))
        r.add("get", WorkforceURL.apiScenarioFile(.key).openAPIPath, summary: "Het scenariobestand (JSON, formaat in docs/workforce-model.md)",
              tag: "Personeelsplanning", parameters: [OpenAPIRegistry.pathParameter("id", "Id van de scenarioversie")], response: ["type": "object"])
        r.add("post", WorkforceURL.apiScenarios.openAPIPath, summary: "Scenariobestand opslaan (redacteur); zelfde naam = nieuwe versie",
              tag: "Personeelsplanning", requestBody: ["type": "object", "description": "Scenariobestand (JSON)"],
              response: OpenAPIRegistry.ref("WorkforceScenario"), public: false)
    }

    @Sendable static func list(_ req: Request) async throws -> [WorkforceScenarioDTO] {
        let loggedIn = req.user != nil
        return try await WorkforceScenarioStore.latest(on: req.db).map { WorkforceScenarioDTO($0, showAuthor: loggedIn) }
    }

    struct DetailDTO: Content {
        var scenario: WorkforceScenarioDTO
        var versions: [WorkforceScenarioDTO]
    }

    @Sendable static func detail(_ req: Request) async throws -> DetailDTO {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        let versions = try await WorkforceScenarioStore.versions(of: record.lineage, on: req.db)
        let loggedIn = req.user != nil
        return DetailDTO(scenario: .init(record, showAuthor: loggedIn), versions: versions.map { WorkforceScenarioDTO($0, showAuthor: loggedIn) })
    }

    @Sendable static func projection(_ req: Request) async throws -> WorkforceProjectionDTO {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        let scenario = try WorkforceScenarioStore.scenario(of: record)
        let runs = try req.queryInt("runs", in: 1...maxRuns)
        let year = try req.queryInt("year", in: scenario.baseYear...scenario.horizon)
        let computed = try projectionCache.value(for: "\(runs.map(String.init) ?? "-")|" + WorkforceScenarioCodec.encode(scenario)) {
            let projection = try WorkforceEngine.project(scenario)
            let bands = try runs.map { try WorkforceEngine.monteCarlo(scenario, runs: $0, seed: scenario.seed) }
            return ComputedProjection(projection: projection, bands: bands)
        }
        return WorkforceProjectionDTO(projection: computed.projection, record: record, summaryYear: year, uncertainty: computed.bands)
    }

    /// Most Monte Carlo runs one API request may ask for (about a second of CPU on the base scenario).
    static let maxRuns = 2000

    struct ComputedProjection: Sendable {
        var projection: WorkforceProjection
        var bands: WorkforceUncertainty?
    }
    /// Projections by scenario text and runs (LRU, 32 entries): repeated API calls cost nothing.
    static let projectionCache = ResultCache<ComputedProjection>(capacity: 32)

    @Sendable static func file(_ req: Request) async throws -> Response {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: record.scenarioJSON))
    }

    /// Body: a scenario file. Query `name` overrides the file's name; `note` describes the change.
    @Sendable static func create(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw VitaalError.invalid("geen scenariobestand ontvangen (JSON in de body)", at: SourceLocation(file: "body"))
        }
        let scenario = try WorkforceScenarioCodec.decode(data: Data(buffer: buffer), file: "body")
        let name = req.query[String.self, at: "name"] ?? scenario.name
        let result = try await WorkforceScenarioStore.save(scenario, name: name, note: req.query[String.self, at: "note"], isExample: false,
                                                           user: user, actor: user.email, organisationID: user.$organisation.id, on: req.db)
        let record = try await WorkforceScenarioStore.find(result.record.id?.uuidString, on: req.db)
        let response = Response(status: result.created ? .created : .ok)
        try response.content.encode(WorkforceScenarioDTO(record, showAuthor: true), as: .json)
        return response
    }
}
