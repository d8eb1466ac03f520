import AppCore
import Fluent
import Vapor
import VitaalDomain

/// JSON API of the workforce model: saved scenarios, their projection, and saving a scenario file.
struct WorkforceAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(WorkforceURL.apiScenarios, use: Self.list)
        routes.get(WorkforceURL.apiScenario(.key), use: Self.detail)
        routes.get(WorkforceURL.apiProjection(.key), use: Self.projection)
        routes.get(WorkforceURL.apiScenarioFile(.key), use: Self.file)
        routes.write(
            .POST, WorkforceURL.apiScenarios, access: .role(.redacteur), body: .collect(maxSize: "5mb"),
            use: Self.create)
    }

    @Sendable static func list(_ req: Request) async throws -> [WorkforceScenarioDTO] {
        let loggedIn = req.user != nil
        return try await WorkforceScenarioStore.latest(on: req.db).map {
            WorkforceScenarioDTO($0, showAuthor: loggedIn)
        }
    }

    struct DetailDTO: Content {
        var scenario: WorkforceScenarioDTO
        var versions: [WorkforceScenarioDTO]
    }

    @Sendable static func detail(_ req: Request) async throws -> DetailDTO {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        let versions = try await WorkforceScenarioStore.versions(of: record.lineage, on: req.db)
        let loggedIn = req.user != nil
        return DetailDTO(
            scenario: .init(record, showAuthor: loggedIn),
            versions: versions.map { WorkforceScenarioDTO($0, showAuthor: loggedIn) })
    }

    @Sendable static func projection(_ req: Request) async throws -> WorkforceProjectionDTO {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        let scenario = try WorkforceScenarioStore.scenario(of: record)
        let runs = try req.queryInt("runs", in: 1...maxRuns)
        let year = try req.queryInt("year", in: scenario.baseYear...scenario.horizon)
        let computed = try projectionCache.value(
            for: "\(runs.map(String.init) ?? "-")|" + WorkforceScenarioCodec.encode(scenario)
        ) {
            let projection = try WorkforceEngine.project(scenario)
            let bands = try runs.map { try WorkforceEngine.monteCarlo(scenario, runs: $0, seed: scenario.seed) }
            return ComputedProjection(projection: projection, bands: bands)
        }
        return WorkforceProjectionDTO(
            projection: computed.projection, record: record, summaryYear: year, uncertainty: computed.bands)
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
            throw VitaalError.invalid(
                "geen scenariobestand ontvangen (JSON in de body)", at: SourceLocation(file: "body"))
        }
        let scenario = try WorkforceScenarioCodec.decode(data: Data(buffer: buffer), file: "body")
        let name = req.query[String.self, at: "name"] ?? scenario.name
        let result = try await WorkforceScenarioStore.save(
            scenario, name: name, note: req.query[String.self, at: "note"], isExample: false,
            user: user, actor: user.email, organisationID: user.$organisation.id, on: req.db)
        let record = try await WorkforceScenarioStore.find(result.record.id?.uuidString, on: req.db)
        let response = Response(status: result.created ? .created : .ok)
        try response.content.encode(WorkforceScenarioDTO(record, showAuthor: true), as: .json)
        return response
    }
}
