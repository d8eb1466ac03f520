import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/api/v1/acute-care/scenarios` (list, create) and `/api/v1/acute-care/scenarios/{id}/coverage`.
/// `{id}` is the scenario's slug (e.g. "groei-2035") or its UUID.
struct AcuteCareAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AcuteCareURL.apiScenarios, use: list)
        routes.get(AcuteCareURL.apiScenario(.key), use: detail)
        routes.get(AcuteCareURL.apiCoverage(.key), use: coverage)
        routes.write(.POST, AcuteCareURL.apiScenarios, access: .role(.redacteur), use: create)
    }

    // MARK: DTOs

    struct ScenarioDTO: Content {
        var id: String
        var uuid: UUID?
        var name: String
        var description: String?
        var isSchematic: Bool
        var organisation: String?
        var changes: ScenarioChanges
        var coverage: String
        var createdAt: Date?
    }

    struct CreateScenarioDTO: Content {
        var name: String
        var description: String?
        var changes: ScenarioChanges
    }

    /// Residents and counts follow the pages' disclosure rule: 1–4 persons are never published
    /// (`null` with `"suppressed": true`), and a suppressed uncovered count also hides the covered
    /// count and the share (they would give it back by subtraction). From 1,000 on residents are
    /// rounded to hundreds, as on the pages.
    struct AreaDTO: Content {
        var name: String
        var population: Double?
        var covered: Double?
        var share: Double?
        var uncovered: Double?
        var suppressed: Bool
        var bands: [BandDTO]
    }
    /// Residents and places in one response-time band.
    struct BandDTO: Content {
        var band: String
        var label: String
        var points: Int
        var population: Double?
    }
    struct ExpectedDTO: Content {
        var busyFraction: Double
        var offeredBusyFraction: Double?
        var isClamped: Bool
        var ambulanceHoursPerYear: Double
        var expectedCovered: Double?
        var share: Double
    }
    struct NextPostDTO: Content {
        var demandPointId: String
        var name: String
        var municipality: String?
        var lat: Double
        var lon: Double
        var gain: Double?
        var expectedCovered: Double?
        var share: Double
        var candidatesConsidered: Int
    }
    struct PointDTO: Content {
        var id: String
        var name: String?
        var municipality: String?
        var population: Double?
        var covered: Bool
        var post: String?
        var minutes: Double?
        var band: String
        var suppressed: Bool
    }
    struct PostDTO: Content {
        var id: String
        var name: String
        var lat: Double
        var lon: Double
        var isSchematic: Bool
        var populationServed: Double?
        var ridesPerYear: Double
        var peakRidesPerHour: Double
        var ambulances: Int
        var suppressed: Bool
    }
    struct ResultDTO: Content {
        var year: Int?
        var normMinutes: Double
        var dispatchMinutes: Double
        var searchCapMinutes: Double
        var population: Double?
        var covered: Double?
        var share: Double?
        var suppressed: Bool
        var municipalities: [AreaDTO]
        var points: [PointDTO]
        var posts: [PostDTO]
        var totalAmbulances: Int
        var ridesPerYear: Double
        var expected: ExpectedDTO
        var nextPost: NextPostDTO?
        var summary: String
        var notes: [String]
    }
    struct CoverageDTO: Content {
        var scenario: ScenarioDTO
        var isSchematic: Bool
        var base: ResultDTO
        var result: ResultDTO
        var coverageDeltaPoints: Double
        var ambulanceDelta: Int
    }

    static func dto(_ r: AcuteCareScenarioRecord) throws -> ScenarioDTO {
        ScenarioDTO(
            id: r.slug, uuid: r.id, name: r.name, description: r.summary, isSchematic: r.isSchematic,
            organisation: r.organisation?.name, changes: try r.changes(),
            coverage: AcuteCareURL.apiCoverage(.value(r.slug)).path, createdAt: r.createdAt)
    }

    static func round(_ x: Double, _ digits: Double = 1e4) -> Double { (x * digits).rounded() / digits }

    /// A count of persons as published: nil for 1–4, rounded to hundreds from 1,000 on.
    static func persons(_ x: Double) -> Double? {
        let r = x.rounded()
        guard r.isFinite else { return nil }
        if r > 0 && r < 5 { return nil }
        return r >= 1000 ? (r / 100).rounded() * 100 : r
    }

    static func dto(_ r: AcuteCareResult, demand: [DemandPoint]) -> ResultDTO {
        let names = Dictionary(demand.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        let area = { (a: AreaCoverage) -> AreaDTO in
            let population = persons(a.population)
            let uncovered = persons(a.uncoveredPopulation)
            let hidden = population == nil || uncovered == nil
            return AreaDTO(
                name: a.name, population: population, covered: hidden ? nil : persons(a.coveredPopulation),
                share: hidden ? nil : round(a.share, 1e3), uncovered: uncovered, suppressed: hidden,
                bands: a.bands.map {
                    BandDTO(
                        band: $0.band.rawValue, label: $0.band.label, points: $0.pointCount,
                        population: persons($0.population))
                })
        }
        let region = area(r.coverage.region)
        return ResultDTO(
            year: r.year, normMinutes: r.normMinutes, dispatchMinutes: r.dispatchMinutes,
            searchCapMinutes: Double(r.coverage.searchCapSeconds) / 60,
            population: region.population, covered: region.covered, share: region.share, suppressed: region.suppressed,
            municipalities: r.coverage.municipalities.map(area),
            points: r.coverage.points.map { p in
                let population = persons(p.population)
                return PointDTO(
                    id: p.id, name: names[p.id], municipality: p.municipality, population: population,
                    covered: p.covered, post: p.nearestPostId,
                    minutes: p.responseSeconds.map { round(Double($0) / 60, 100) }, band: p.band.rawValue,
                    suppressed: population == nil)
            },
            posts: r.posts.map { p in
                let served = persons(p.populationServed)
                return PostDTO(
                    id: p.id, name: p.name, lat: p.location.lat, lon: p.location.lon, isSchematic: p.isSchematic,
                    populationServed: served, ridesPerYear: round(p.capacity.ridesPerYear, 10),
                    peakRidesPerHour: round(p.capacity.peakRidesPerHour), ambulances: p.capacity.ambulancesNeeded,
                    suppressed: served == nil)
            },
            totalAmbulances: r.totalAmbulances, ridesPerYear: r.ridesPerYear.rounded(),
            expected: ExpectedDTO(
                busyFraction: round(r.expected.busyFraction),
                offeredBusyFraction: r.expected.offeredBusyFraction.isFinite
                    ? round(r.expected.offeredBusyFraction) : nil,
                isClamped: r.expected.isClamped, ambulanceHoursPerYear: r.expected.ambulanceHoursPerYear.rounded(),
                expectedCovered: persons(r.expected.expectedCoveredPopulation), share: round(r.expected.share, 1e3)),
            nextPost: r.nextPost.map { n in
                NextPostDTO(
                    demandPointId: n.demandPointId, name: n.name, municipality: n.municipality,
                    lat: round(n.location.lat, 1e5), lon: round(n.location.lon, 1e5), gain: persons(n.gain),
                    expectedCovered: persons(n.expectedCoveredPopulation), share: round(n.share, 1e3),
                    candidatesConsidered: n.candidatesConsidered)
            },
            summary: AcuteCareViews.summarySentence(r, names: names), notes: r.notes)
    }

    // MARK: Handlers

    @Sendable func list(_ req: Request) async throws -> [ScenarioDTO] {
        try await AcuteCareScenarioRecord.query(on: req.db).with(\.$organisation).sort(\.$createdAt).sort(\.$name).all()
            .map(Self.dto)
    }

    static func find(_ req: Request) async throws -> AcuteCareScenarioRecord {
        let id = req.parameters.get("id") ?? ""
        var q = AcuteCareScenarioRecord.query(on: req.db).with(\.$organisation)
        if let uuid = UUID(uuidString: id) { q = q.filter(\.$id == uuid) } else { q = q.filter(\.$slug == id) }
        guard let r = try await q.first() else { throw VitaalError(.notFound, "Onbekend scenario \"\(id)\".") }
        return r
    }

    @Sendable func detail(_ req: Request) async throws -> ScenarioDTO { try Self.dto(try await Self.find(req)) }

    @Sendable func coverage(_ req: Request) async throws -> CoverageDTO {
        let r = try await Self.find(req)
        let e = try AcuteCareService.evaluate(
            try r.changes(), id: r.slug, name: r.name, description: r.summary, isSchematic: r.isSchematic)
        return CoverageDTO(
            scenario: try Self.dto(r), isSchematic: e.result.isSchematic || e.base.isSchematic,
            base: Self.dto(e.base, demand: e.baseDemand), result: Self.dto(e.result, demand: e.scenarioDemand),
            coverageDeltaPoints: Self.round(e.coverageDeltaPoints), ambulanceDelta: e.ambulanceDelta)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let body: CreateScenarioDTO
        do { body = try req.content.decode(CreateScenarioDTO.self) } catch let error as DecodingError {
            throw VitaalError.invalid(
                "ongeldige JSON: \(Self.describe(error))", at: SourceLocation(element: Self.path(error)))
        }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw VitaalError.invalid("naam ontbreekt of is langer dan 200 tekens", at: SourceLocation(field: "name"))
        }
        // Computing it validates everything (positions, norm, reachability of posts); nothing is saved on error.
        _ = try AcuteCareService.evaluate(body.changes, name: name)
        let slug = try await AcuteCareScenarioRecord.uniqueSlug(for: name, on: req.db)
        let record = try AcuteCareScenarioRecord(
            slug: slug, name: name, summary: body.description, changes: body.changes,
            isSchematic: true, organisationID: user.$organisation.id, author: user.email)
        try await req.db.transaction { db in
            try await record.create(on: db)
            try await req.audit(
                on: db, "aangemaakt", entity: "ambulancescenario", id: slug,
                summary: "Scenario \"\(name)\" opgeslagen via de API: \(try body.changes.json())")
        }
        try await record.$organisation.load(on: req.db)
        let response = Response(status: .created)
        try response.content.encode(try Self.dto(record), as: .json)
        response.headers.replaceOrAdd(name: .location, value: AcuteCareURL.apiScenario(.value(slug)).path)
        return response
    }

    static func path(_ e: DecodingError) -> String {
        let ctx: DecodingError.Context?
        switch e {
        case .keyNotFound(let k, let c):
            return "$." + (c.codingPath.map(\.stringValue) + [k.stringValue]).joined(separator: ".")
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): ctx = c
        @unknown default: ctx = nil
        }
        return "$" + (ctx?.codingPath.map { "." + $0.stringValue }.joined() ?? "")
    }

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case .keyNotFound(let k, _): return "veld \"\(k.stringValue)\" ontbreekt"
        case .typeMismatch(let t, _): return "verkeerd type, verwacht \(t)"
        case .valueNotFound(let t, _): return "waarde ontbreekt, verwacht \(t)"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "onbekende fout"
        }
    }
}
