import Vapor
import Fluent
import AppCore
import Plot
import VitaalDomain

/// Soft data next to the figures: editors write stories (verhalen) and link them to indicators and
/// regions; they appear on the indicator and region pages. A story belongs to the organisation of
/// the editor who wrote it: editors change only their own organisation's stories, beheerders all
/// (the demo stories have no organisation, so only a beheerder changes those).
struct MonitorStoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get("monitor", "verhalen", use: list)
        editors.get("monitor", "verhalen", "nieuw", use: newForm)
        editors.get("monitor", "verhalen", ":id", use: editForm)
        routes.write(.POST, "monitor", "verhalen", access: .role(.redacteur), use: create)
        routes.write(.POST, "monitor", "verhalen", ":id", access: .role(.redacteur), use: update)
        routes.write(.POST, "monitor", "verhalen", ":id", "verwijderen", access: .role(.redacteur), use: delete)
    }

    static let crumbs: [(String, String)] = [("Home", "/"), ("Monitor", "/monitor"), ("Verhalen", "/monitor/verhalen")]
    static let maxTitle = 200, maxText = 5_000, maxShort = 500

    // MARK: Pages

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let stories = try await Story.query(on: req.db).all().sorted(by: MonitorLookup.storyOrder)
        let organisations = Dictionary(try await Organisation.query(on: req.db).all().compactMap { o in o.id.map { ($0, o.name) } },
                                       uniquingKeysWith: { a, _ in a })
        let rows: [[BodyNode]] = stories.map { s in
            [user.mayWrite(organisationID: s.organisationID) ? .a(.href(attr("/monitor/verhalen/\(s.id!.uuidString)")), .text(s.title)) : .text(s.title),
             .text(s.organisationID.flatMap { organisations[$0] } ?? "–"),
             .text(s.date.map(MonitorText.date) ?? "–"),
             s.isExample ? UI.badge("voorbeelddata") : .text("")]
        }
        return SitePage("Verhalen", breadcrumbs: [("Home", "/"), ("Monitor", "/monitor")],
            .unwrap(req.query[String.self, at: "melding"]) { UI.notice("success", $0) },
            .p(.class("lead"), .text("Verhalen zijn de zachte gegevens naast de cijfers: ervaringen, signalen en citaten uit de praktijk. Ze staan op de pagina's van de indicatoren en regio's waaraan ze gekoppeld zijn.")),
            .p(.a(.class("button"), .href("/monitor/verhalen/nieuw"), .text("Nieuw verhaal"))),
            UI.table(caption: "\(rows.count) verhalen (u wijzigt de verhalen van uw eigen organisatie)", headers: ["Titel", "Organisatie", "Datum", ""], rows: rows))
    }

    @Sendable func newForm(_ req: Request) async throws -> SitePage {
        _ = try req.requireRole(.redacteur)
        return try await formPage(req, story: nil, indicators: [], regions: [])
    }

    @Sendable func editForm(_ req: Request) async throws -> SitePage {
        let story = try await Self.loadForChange(req)
        let id = try story.requireID()
        let indicators = try await StoryIndicator.query(on: req.db).filter(\.$story.$id == id).all().map(\.indicatorCode)
        let regions = try await StoryRegion.query(on: req.db).filter(\.$story.$id == id).all().map(\.regionCode)
        return try await formPage(req, story: story, indicators: Set(indicators), regions: Set(regions))
    }

    func formPage(_ req: Request, story: Story?, indicators: Set<String>, regions: Set<String>) async throws -> SitePage {
        let allIndicators = try await Indicator.query(on: req.db).sort(\.$name).all()
        let allRegions = try await Region.query(on: req.db).all().filter { $0.code == "NL01" || $0.code == "PV24" || $0.code.hasPrefix("GM") }
            .sorted { ($0.code.hasPrefix("GM") ? 1 : 0, $0.name) < ($1.code.hasPrefix("GM") ? 1 : 0, $1.name) }
        let duplicateNames = Set(Dictionary(grouping: allIndicators, by: \.name).filter { $0.value.count > 1 }.keys)
        let action = story.map { "/monitor/verhalen/\($0.id!.uuidString)" } ?? "/monitor/verhalen"
        func checkbox<C: HTML.BodyContext>(_ name: String, _ label: String, checked: Bool) -> Node<C> {
            .label(.input(.type(.checkbox), .name(attr(name)), .value("on"), .checked(checked)), .span(.text(label)))
        }
        func textarea<C: HTML.BodyContext>(_ name: String, _ label: String, _ value: String, rows: Int) -> Node<C> {
            .div(.class("field"), .label(.for(attr("f-\(name)")), .text(label)),
                 .textarea(.id(attr("f-\(name)")), .name(attr(name)), .attribute(named: "rows", value: "\(rows)"), .text(value)))
        }
        func fieldset<C: HTML.BodyContext>(_ legend: String, _ boxes: [Node<C>]) -> Node<C> {
            .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text(legend)]), .div(.class("checks"), .group(boxes))])
        }
        return SitePage(story == nil ? "Nieuw verhaal" : "Verhaal bewerken", breadcrumbs: Self.crumbs,
            .if(story?.isExample == true, UI.notice("warning", "Dit is een verzonnen voorbeeldverhaal (voorbeelddata).")),
            .form(.method(.post), .action(attr(action)), .class("card"),
                Layout.csrfField(req),
                UI.field("title", label: "Titel", value: story?.title ?? "", required: true),
                textarea("text", "Verhaal", story?.text ?? "", rows: 6),
                UI.field("quote", label: "Citaat (optioneel)", value: story?.quote ?? ""),
                UI.field("personRole", label: "Wie zegt het (rol, geen naam)", value: story?.personRole ?? "",
                         hint: "bijv. mantelzorger, wijkverpleegkundige. Verhalen zijn openbaar: geen namen of andere persoonsgegevens."),
                UI.field("source", label: "Bron", value: story?.source ?? ""),
                UI.field("date", label: "Datum", type: .date, value: story?.date.map(Self.isoDate) ?? ""),
                fieldset("Indicatoren", allIndicators.map { checkbox("ind_\($0.code)", duplicateNames.contains($0.name) ? "\($0.name) (\($0.code))" : $0.name, checked: indicators.contains($0.code)) }),
                fieldset("Regio's", allRegions.map { checkbox("reg_\($0.code)", $0.name, checked: regions.contains($0.code)) }),
                .button(.type(.submit), .text("Opslaan"))),
            .unwrap(story) { s in
                .form(.method(.post), .action(attr("/monitor/verhalen/\(s.id!.uuidString)/verwijderen")), .class("no-print"),
                      Layout.csrfField(req), .button(.type(.submit), .class("button-secondary"), .text("Verhaal verwijderen")))
            })
    }

    // MARK: Writes

    @Sendable func create(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let input = try await Self.readInput(req)
        let story = Story(title: "", text: "", source: nil, date: nil, quote: nil, personRole: nil, isExample: false)
        story.organisationID = user.$organisation.id
        return try await Self.save(story, input, action: "aangemaakt", req)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let story = try await Self.loadForChange(req)
        return try await Self.save(story, try await Self.readInput(req), action: "gewijzigd", req)
    }

    /// Writes the story with its links and the audit entry in one transaction.
    static func save(_ story: Story, _ input: Input, action: String, _ req: Request) async throws -> Response {
        story.title = input.title; story.text = input.text; story.source = input.source; story.date = input.date
        story.quote = input.quote; story.personRole = input.personRole
        try await req.db.transaction { db in
            try await story.save(on: db)
            try await saveLinks(story, input, on: db)
            try await req.audit(on: db, action, entity: "verhaal", id: story.id?.uuidString, summary: "Verhaal \"\(story.title)\"")
        }
        return req.redirect(to: "/monitor/verhalen?melding=Verhaal%20opgeslagen.", redirectType: .normal)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let story = try await Self.loadForChange(req)
        let id = try story.requireID()
        try await req.db.transaction { db in
            try await StoryIndicator.query(on: db).filter(\.$story.$id == id).delete()
            try await StoryRegion.query(on: db).filter(\.$story.$id == id).delete()
            try await story.delete(on: db)
            try await req.audit(on: db, "verwijderd", entity: "verhaal", id: id.uuidString, summary: "Verhaal \"\(story.title)\"")
        }
        return req.redirect(to: "/monitor/verhalen?melding=Verhaal%20verwijderd.", redirectType: .normal)
    }

    // MARK: Input

    struct Input {
        var title: String, text: String, source: String?, date: Date?, quote: String?, personRole: String?
        var indicators: [String], regions: [String]
    }

    /// The story of the `:id` parameter, when the user may change it (404 unknown, 403 other organisation).
    static func loadForChange(_ req: Request) async throws -> Story {
        let user = try req.requireRole(.redacteur)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let story = try await Story.find(id, on: req.db) else {
            throw VitaalError(.notFound, "Onbekend verhaal.")
        }
        guard user.mayWrite(organisationID: story.organisationID) else {
            throw VitaalError(.forbidden, "U mag alleen verhalen van uw eigen organisatie wijzigen.")
        }
        return story
    }

    /// The fields of a urlencoded form, decoded once (trimmed; a repeated field keeps its last value).
    /// `Request.formText` decodes the whole body on every call, and the story form has one checkbox
    /// per indicator and region.
    static func formFields(_ req: Request) -> [String: String]? {
        guard req.headers.contentType == .urlEncodedForm, let body = req.body.string else { return nil }
        func decode(_ s: Substring) -> String {
            let plus = s.replacingOccurrences(of: "+", with: " ")
            return (plus.removingPercentEncoding ?? plus).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var out: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return out
    }

    static func readInput(_ req: Request) async throws -> Input {
        let fields = formFields(req)
        let text: (String) -> String = { name in fields.map { $0[name] ?? "" } ?? req.formText(name) }
        let optional: (String) -> String? = { name in let t = text(name); return t.isEmpty ? nil : t }
        var problems = ProblemCollector()
        let title = text("title"), body = text("text")
        if title.isEmpty { problems.add("de titel ontbreekt", at: SourceLocation(field: "title")) }
        if title.count > maxTitle { problems.add("de titel is langer dan \(maxTitle) tekens", at: SourceLocation(field: "title")) }
        if body.isEmpty { problems.add("het verhaal ontbreekt", at: SourceLocation(field: "text")) }
        if body.count > maxText { problems.add("het verhaal is langer dan \(maxText) tekens (nu \(body.count))", at: SourceLocation(field: "text")) }
        for name in ["quote", "personRole", "source"] where text(name).count > maxShort {
            problems.add("ten hoogste \(maxShort) tekens", at: SourceLocation(field: name))
        }
        var date: Date?
        if let raw = optional("date") {
            date = parseDate(raw)
            if date == nil { problems.add("\"\(raw)\" is geen datum (jjjj-mm-dd)", at: SourceLocation(field: "date")) }
        }
        let indicators = try await Indicator.query(on: req.db).all().map(\.code).filter { text("ind_\($0)") == "on" }
        let regions = try await Region.query(on: req.db).all().map(\.code).filter { text("reg_\($0)") == "on" }
        if indicators.isEmpty && regions.isEmpty {
            problems.add("koppel het verhaal aan ten minste één indicator of regio, anders staat het nergens", at: SourceLocation(field: "indicators"))
        }
        try problems.throwIfAny("Verhaal niet opgeslagen")
        return Input(title: title, text: body, source: optional("source"), date: date, quote: optional("quote"),
                     personRole: optional("personRole"), indicators: indicators, regions: regions)
    }

    static func saveLinks(_ story: Story, _ input: Input, on db: any Database) async throws {
        let id = try story.requireID()
        try await StoryIndicator.query(on: db).filter(\.$story.$id == id).delete()
        try await StoryRegion.query(on: db).filter(\.$story.$id == id).delete()
        for code in input.indicators { try await StoryIndicator(storyID: id, indicatorCode: code).create(on: db) }
        for code in input.regions { try await StoryRegion(storyID: id, regionCode: code).create(on: db) }
    }

    static var calendar: Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        return cal
    }

    /// "2025-03-14" → noon of that day in Amsterdam (so the day never shifts with the time zone).
    static func parseDate(_ raw: String) -> Date? {
        let parts = raw.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1900...2100).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == parts[2] else { return nil }
        return date
    }

    static func isoDate(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
