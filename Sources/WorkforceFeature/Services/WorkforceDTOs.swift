import Vapor
import VitaalDomain

/// Supply, demand and shortage of one segment in one year (persons; FTE alongside).
public struct WorkforceFiguresDTO: Content, Sendable, Equatable {
    public var supply: Double
    public var demand: Double
    /// demand − supply (negative: surplus).
    public var shortage: Double
    /// shortage ÷ demand.
    public var shortageRate: Double
    public var supplyFTE: Double
    public var demandFTE: Double
    public var shortageFTE: Double

    init(_ f: WorkforceFigures) {
        supply = f.supplyPersons
        demand = f.demandPersons
        shortage = f.shortagePersons
        shortageRate = f.shortageRate
        supplyFTE = f.supplyFTE
        demandFTE = f.demandFTE
        shortageFTE = f.shortageFTE
    }
}

public struct WorkforceSectorFiguresDTO: Content, Sendable, Equatable {
    public var sector: String
    public var name: String
    public var supply: Double
    public var demand: Double
    public var shortage: Double
    public var shortageRate: Double
    init(_ s: WorkforceSegment) {
        sector = s.id
        name = s.name
        supply = s.figures.supplyPersons
        demand = s.figures.demandPersons
        shortage = s.figures.shortagePersons
        shortageRate = s.figures.shortageRate
    }
}

public struct WorkforceProjectionYearDTO: Content, Sendable, Equatable {
    public var year: Int
    /// Totals for the whole region.
    public var total: WorkforceFiguresDTO
    public var sectors: [WorkforceSectorFiguresDTO]
    /// Care demand relative to the base year (1.34 = +34 %).
    public var careDemandIndex: Double
}

public struct WorkforceBandDTO: Content, Sendable, Equatable {
    public var year: Int
    public var shortageP5: Double, shortageP50: Double, shortageP95: Double
    public var supplyP5: Double, supplyP95: Double, demandP5: Double, demandP95: Double
}

/// The projection as the API (`/api/v1/workforce/scenarios/{id}/projection`) and the CLI
/// (`vitaal workforce project FILE --json`) return it.
public struct WorkforceProjectionDTO: Content, Sendable, Equatable {
    public var scenarioId: String
    public var scenarioName: String
    /// Database id of the saved version (nil for a file).
    public var id: UUID?
    public var version: Int?
    public var base: Bool
    public var baseYear: Int
    public var horizon: Int
    public var unit: String
    public var summary: String
    public var years: [WorkforceProjectionYearDTO]
    /// Monte Carlo bands (only when asked for).
    public var uncertainty: Uncertainty?

    public struct Uncertainty: Content, Sendable, Equatable {
        public var runs: Int
        public var seed: UInt64
        public var years: [WorkforceBandDTO]
    }

    public init(
        projection p: WorkforceProjection, record: WorkforceScenarioRecord? = nil, summaryYear: Int? = nil,
        uncertainty u: WorkforceUncertainty? = nil
    ) {
        scenarioId = p.scenarioId
        scenarioName = p.scenarioName
        id = record?.id
        version = record?.version
        base = record?.isBase ?? false
        baseYear = p.baseYear
        horizon = p.horizon
        unit = "personen"
        let y = summaryYear ?? min(max(2032, p.baseYear), p.horizon)
        summary = WorkforceSummary.text(p, year: y)
        years = p.years.map { y in
            WorkforceProjectionYearDTO(
                year: y.year, total: .init(y.total), sectors: y.sectors.map(WorkforceSectorFiguresDTO.init),
                careDemandIndex: y.careDemandIndex)
        }
        uncertainty = u.map { u in
            Uncertainty(
                runs: u.runs, seed: u.seed,
                years: u.years.map {
                    WorkforceBandDTO(
                        year: $0.year, shortageP5: $0.shortagePersons.p5, shortageP50: $0.shortagePersons.p50,
                        shortageP95: $0.shortagePersons.p95,
                        supplyP5: $0.supplyPersons.p5, supplyP95: $0.supplyPersons.p95, demandP5: $0.demandPersons.p5,
                        demandP95: $0.demandPersons.p95)
                })
        }
    }

    /// Pretty JSON with sorted keys (CLI and file downloads).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// A saved scenario in the list.
public struct WorkforceScenarioDTO: Content, Sendable {
    public var id: UUID
    public var lineage: UUID
    public var name: String
    public var version: Int
    public var base: Bool
    /// Contains invented example figures (voorbeelddata).
    public var example: Bool
    public var organisation: String?
    /// The editor's e-mail address for logged-in users; for anonymous visitors the organisation's name.
    public var author: String
    public var note: String?
    public var baseYear: Int?
    public var horizon: Int?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var projection: String
    public var page: String

    /// `showAuthor`: the request is from a logged-in user (see `author`).
    init(_ r: WorkforceScenarioRecord, showAuthor: Bool) {
        id = r.id!
        lineage = r.lineage
        name = r.name
        version = r.version
        base = r.isBase
        example = r.isExample
        organisation = r.$organisation.value??.slug
        author = showAuthor ? r.author : Self.publicAuthor(r)
        note = r.note
        let s = try? WorkforceScenarioStore.scenario(of: r)
        baseYear = s?.baseYear
        horizon = s?.horizon
        createdAt = r.createdAt
        updatedAt = r.updatedAt
        projection = WorkforceURL.apiProjection(.value(r.id!.uuidString)).path
        page = WorkforceURL.scenario(.value(r.id!.uuidString)).path
    }

    /// What anonymous visitors see as the author of a version: the organisation, never an e-mail address.
    static func publicAuthor(_ r: WorkforceScenarioRecord) -> String {
        (r.$organisation.value ?? nil)?.name ?? "onbekende organisatie"
    }
}
