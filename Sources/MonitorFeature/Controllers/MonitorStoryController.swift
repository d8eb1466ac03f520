import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Soft data next to the figures: editors write stories (verhalen) and link them to indicators and
/// regions; they appear on the indicator and region pages. A story belongs to the organisation of
/// the editor who wrote it: editors change only their own organisation's stories, beheerders all
/// (the demo stories have no organisation, so only a beheerder changes those).
struct MonitorStoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get(MonitorURL.stories, use: list)
        editors.get(MonitorURL.storyNew, use: newForm)
        editors.get(MonitorURL.story(.key), use: editForm)
        routes.write(.POST, MonitorURL.stories, access: .role(.redacteur), use: create)
        routes.write(.POST, MonitorURL.story(.key), access: .role(.redacteur), use: update)
        routes.write(.POST, MonitorURL.storyDelete(.key), access: .role(.redacteur), use: delete)
    }

    // MARK: Pages

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let model = try await StoryListPage.Model.load(
            notice: req.query[String.self, at: "melding"],
            viewer: user.viewer, on: req.db)
        return StoryListPage.view(model, req.pageContext)
    }

    @Sendable func newForm(_ req: Request) async throws -> SitePage {
        _ = try req.requireRole(.redacteur)
        let model = try await StoryFormPage.Model.load(story: nil, form: .init(), on: req.db)
        return StoryFormPage.view(model, req.formContext)
    }

    @Sendable func editForm(_ req: Request) async throws -> SitePage {
        let story = try await Self.loadForChange(req)
        let id = try story.requireID()
        let indicators = try await StoryIndicator.query(on: req.db).filter(\.$story.$id == id).all()
            .map(\.indicatorCode)
        let regions = try await StoryRegion.query(on: req.db).filter(\.$story.$id == id).all().map(\.regionCode)
        let form = StoryFormPage.Form(story, indicators: Set(indicators), regions: Set(regions))
        let model = try await StoryFormPage.Model.load(story: story, form: form, on: req.db)
        return StoryFormPage.view(model, req.formContext)
    }

    // MARK: Writes

    @Sendable func create(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let story = Story(
            title: "", text: "", source: nil, date: nil, quote: nil, personRole: nil, isExample: false,
            createdAt: req.now)
        story.organisationID = user.$organisation.id
        return try await Self.save(story, isNew: true, req)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let story = try await Self.loadForChange(req)
        return try await Self.save(story, isNew: false, req)
    }

    /// Writes the story with its links and the audit entry in one transaction; a form with problems
    /// comes back with them, and nothing is written.
    static func save(_ story: Story, isNew: Bool, _ req: Request) async throws -> Response {
        let form = try await readForm(req)
        let input: StoryFormPage.Form.Input
        do {
            input = try form.validated()
        } catch let error as VitaalError {
            let model = try await StoryFormPage.Model.load(
                story: isNew ? nil : story, form: form, error: error,
                on: req.db)
            return StoryFormPage.view(model, req.formContext).render(for: req)
        }
        story.title = input.title
        story.text = input.text
        story.source = input.source
        story.date = input.date
        story.quote = input.quote
        story.personRole = input.personRole
        try await req.db.transaction { db in
            try await story.save(on: db)
            try await saveLinks(story, input, on: db)
            try await req.audit(
                on: db, isNew ? "aangemaakt" : "gewijzigd", entity: "verhaal", id: story.id?.uuidString,
                summary: "Verhaal \"\(story.title)\"")
        }
        return req.redirect(to: MonitorURL.stories, notice: StoryListPage.Notice.saved.rawValue)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let story = try await Self.loadForChange(req)
        let id = try story.requireID()
        try await req.db.transaction { db in
            try await StoryIndicator.query(on: db).filter(\.$story.$id == id).delete()
            try await StoryRegion.query(on: db).filter(\.$story.$id == id).delete()
            try await story.delete(on: db)
            try await req.audit(
                on: db, "verwijderd", entity: "verhaal", id: id.uuidString,
                summary: "Verhaal \"\(story.title)\"")
        }
        return req.redirect(to: MonitorURL.stories, notice: StoryListPage.Notice.deleted.rawValue)
    }

    // MARK: Input

    /// The story of the `:id` parameter, when the user may change it (404 unknown, 403 other organisation).
    static func loadForChange(_ req: Request) async throws -> Story {
        let user = try req.requireRole(.redacteur)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let story = try await Story.find(id, on: req.db)
        else {
            throw VitaalError(.notFound, "Onbekend verhaal.")
        }
        guard user.mayWrite(organisationID: story.organisationID) else {
            throw VitaalError(.forbidden, "U mag alleen verhalen van uw eigen organisatie wijzigen.")
        }
        return story
    }

    /// The posted form, with a box per known indicator and region.
    static func readForm(_ req: Request) async throws -> StoryFormPage.Form {
        let fields = formFields(req)
        let indicatorCodes = try await Indicator.query(on: req.db).all().map(\.code)
        let regionCodes = try await Region.query(on: req.db).all().map(\.code)
        return StoryFormPage.Form(
            field: { name in fields.map { $0[name] ?? "" } ?? req.formText(name) },
            indicatorCodes: indicatorCodes, regionCodes: regionCodes)
    }

    /// The fields of a urlencoded form, decoded once (trimmed; a repeated field keeps its last value).
    /// `Request.formText` decodes the whole body on every call, and the story form has one checkbox
    /// per indicator and region.
    static func formFields(_ req: Request) -> [String: String]? {
        guard req.headers.contentType == .urlEncodedForm, let body = req.body.string else { return nil }
        func decode(_ text: Substring) -> String {
            let plus = text.replacingOccurrences(of: "+", with: " ")
            return (plus.removingPercentEncoding ?? plus).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    static func saveLinks(_ story: Story, _ input: StoryFormPage.Form.Input, on db: any Database) async throws {
        let id = try story.requireID()
        try await StoryIndicator.query(on: db).filter(\.$story.$id == id).delete()
        try await StoryRegion.query(on: db).filter(\.$story.$id == id).delete()
        for code in input.indicators { try await StoryIndicator(storyID: id, indicatorCode: code).create(on: db) }
        for code in input.regions { try await StoryRegion(storyID: id, regionCode: code).create(on: db) }
    }
}
