import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The printable report and the downloads of a scenario (with the visitor's levers when valid).
struct WorkforceDownloadController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(WorkforceURL.report(.key), use: report)
        routes.get(WorkforceURL.downloadCSV(.key), use: downloadCSV)
        routes.get(WorkforceURL.downloadXLSX(.key), use: downloadXLSX)
        routes.get(WorkforceURL.scenarioFile(.key), use: downloadScenario)
    }

    @Sendable func report(_ req: Request) async throws -> SitePage {
        let (version, whatIf) = try await Self.validWhatIf(req)
        let model = try ReportPage.Model(version: version, whatIf: whatIf)
        return ReportPage.view(model, req.pageContext)
    }

    @Sendable func downloadCSV(_ req: Request) async throws -> Response {
        let (version, whatIf) = try await Self.validWhatIf(req)
        let projection = try WorkforceEngine.project(whatIf.scenario)
        let name = WorkforceExport.fileName(version, changed: whatIf.form.changesScenario, "csv")
        return Download.csv(name, headers: WorkforceExport.csvHeaders, rows: WorkforceExport.csvRows(projection))
    }

    @Sendable func downloadXLSX(_ req: Request) async throws -> Response {
        let (version, whatIf) = try await Self.validWhatIf(req)
        let results = try WorkforceResults.cached(scenario: whatIf.scenario, year: whatIf.form.year)
        let changed = whatIf.form.changesScenario
        return try Download.xlsx(
            WorkforceExport.fileName(version, changed: changed, "xlsx"),
            sheets: WorkforceExport.sheets(version, changed: changed, results))
    }

    @Sendable func downloadScenario(_ req: Request) async throws -> Response {
        let (version, whatIf) = try await Self.validWhatIf(req)
        return Download.file(
            WorkforceExport.fileName(version, changed: whatIf.form.changesScenario, "json"),
            contentType: "application/json; charset=utf-8",
            data: Data(WorkforceScenarioCodec.encode(whatIf.scenario).utf8))
    }

    /// The scenario with the query's levers; invalid levers are refused (422) with every problem.
    static func validWhatIf(_ req: Request) async throws -> (WorkforceScenarioVersion, WorkforceWhatIf) {
        let (record, whatIf) = try await WorkforcePageController.whatIf(
            req, input: WorkforcePageController.input(req, posted: false))
        guard whatIf.form.isValid else {
            throw VitaalError.invalid("ongeldige hefboomwaarden", problems: whatIf.problems)
        }
        return (WorkforceScenarioVersion(record), whatIf)
    }
}
