import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// Pages: the "Modellen" index, the scenario list, the scenario page (levers, what-if, results,
/// saving), adding a scenario file and the comparison. Report and downloads: `WorkforceDownloadController`.
struct WorkforcePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(WorkforceURL.models, use: modelsIndex)
        routes.get(WorkforceURL.list, use: list)
        routes.get(WorkforceURL.compare, use: compare)
        routes.get(WorkforceURL.about, use: about)
        routes.grouped(RoleGuardMiddleware(.redacteur)).get(WorkforceURL.newScenario, use: newForm)
        routes.write(
            .POST, WorkforceURL.newScenario, access: .role(.redacteur), body: .collect(maxSize: "5mb"),
            use: createFromFile)
        routes.get(WorkforceURL.scenario(.key), use: scenarioPage)
        routes.write(.POST, WorkforceURL.save(.key), access: .role(.redacteur), use: save)
    }

    @Sendable func modelsIndex(_ req: Request) async throws -> SitePage {
        ModelsIndexPage.view(req.pageContext)
    }

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let model = try await ScenarioListPage.Model.load(viewer: req.pageContext.viewer, on: req.db)
        return ScenarioListPage.view(model, req.pageContext)
    }

    @Sendable func about(_ req: Request) async throws -> SitePage {
        AboutPage.view(try AboutPage.Model(), req.pageContext)
    }

    @Sendable func compare(_ req: Request) async throws -> SitePage {
        let ids = [req.query[String.self, at: "a"], req.query[String.self, at: "b"]]
        let model = try await ComparePage.Model.load(ids: ids, on: req.db)
        return ComparePage.view(model, req.pageContext)
    }

    @Sendable func scenarioPage(_ req: Request) async throws -> SitePage {
        let input = Self.input(req, posted: false)
        let (record, whatIf) = try await Self.whatIf(req, input: input)
        let version = WorkforceScenarioVersion(record)
        let model = try await ScenarioPage.Model.load(
            record: record, whatIf: whatIf, compareID: input["vergelijk"], save: .init(for: version),
            notice: WorkforceNotice(code: req.query[String.self, at: "melding"]), on: req.db)
        return ScenarioPage.view(model, req.pageContext)
    }

    /// Saves the levers as a new scenario or a new version; a refused save shows the page again (422).
    @Sendable func save(_ req: Request) async throws -> Response {
        let posted = Self.input(req, posted: true)
        let (record, whatIf) = try await Self.whatIf(req, input: posted)
        let name = (posted["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = name.isEmpty ? ["name": "geef het scenario een naam"] : [:]
        if whatIf.form.isValid && errors.isEmpty {
            let user = try req.requireRole(.redacteur)
            do {
                let result = try await WorkforceScenarioStore.save(
                    whatIf.scenario, name: name, note: posted["note"], isExample: record.isExample, user: user,
                    actor: user.email, organisationID: user.$organisation.id, on: req.db)
                return Self.redirect(req, to: result)
            } catch let error as VitaalError where error.kind == .invalidInput {
                for problem in error.problems {
                    errors[problem.location.field ?? "scenario", default: ""] += problem.message
                }
            }
        }
        let save = ScenarioPage.SaveForm(for: WorkforceScenarioVersion(record), posted: posted, errors: errors)
        let model = try await ScenarioPage.Model.load(
            record: record, whatIf: whatIf, compareID: posted["vergelijk"],
            save: save, notice: nil, on: req.db)
        return ScenarioPage.view(model, req.pageContext).render(for: req)
    }

    @Sendable func newForm(_ req: Request) async throws -> SitePage {
        NewScenarioPage.view(.init(), req.formContext)
    }

    @Sendable func createFromFile(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        var model = NewScenarioPage.Model(
            text: (try? req.content.get(String.self, at: "scenario")) ?? "",
            name: ((try? req.content.get(String.self, at: "name")) ?? "")
                .trimmingCharacters(in: .whitespaces))
        do {
            let scenario = try Self.decodeFile(model.text)
            let result = try await WorkforceScenarioStore.save(
                scenario, name: model.name.isEmpty ? scenario.name : model.name, note: "Toegevoegd als scenariobestand",
                isExample: false, user: user, actor: user.email, organisationID: user.$organisation.id, on: req.db)
            return Self.redirect(req, to: result)
        } catch let error as VitaalError where error.kind == .invalidInput {
            model.problems = error
            return NewScenarioPage.view(model, req.formContext).render(for: req)
        }
    }

    // MARK: Shared steps

    static func decodeFile(_ text: String) throws -> WorkforceScenario {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw VitaalError.invalid("plak een scenariobestand", at: SourceLocation(field: "scenario"))
        }
        return try WorkforceScenarioCodec.decode(text, file: "scenariobestand")
    }

    /// To the saved version, with the notice "saved" or "nothing changed".
    static func redirect(_ req: Request, to result: WorkforceScenarioStore.SaveResult) -> Response {
        req.redirect(
            to: WorkforceURL.scenario(.value(result.record.id?.uuidString ?? "")),
            notice: WorkforceNotice.after(created: result.created).rawValue)
    }

    /// The lever form's values from the query (what-if) or the posted form.
    static func input(_ req: Request, posted: Bool) -> [String: String] {
        var values: [String: String] = [:]
        for key in WorkforceWhatIf.fields {
            let value = posted ? (try? req.content.get(String.self, at: key)) : req.query[String.self, at: key]
            if let value { values[key] = value }
        }
        return values
    }

    /// The scenario of the route's `id` with the form applied. Logged-in readers get the monitor's
    /// internal figures too.
    static func whatIf(_ req: Request, input: [String: String]) async throws -> (
        WorkforceScenarioRecord, WorkforceWhatIf
    ) {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        let saved = try WorkforceScenarioStore.scenario(of: record)
        let audience: MonitorAudience = req.user == nil ? .public : .internal
        let values =
            (try? await WorkforceMonitorInputs.fetch(baseYear: saved.baseYear, audience: audience, on: req.db)) ?? [:]
        return (record, WorkforceWhatIf(saved: saved, input: input, monitorValues: values))
    }
}
