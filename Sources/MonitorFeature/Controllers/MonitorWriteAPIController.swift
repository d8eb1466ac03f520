import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The monitor's write API (JSON under `/api/v1`, #15): create, change and delete indicators, import
/// a catalogue, and import values — the same pipelines as the command line and the upload page.
/// Redacteur or higher (session with CSRF token, or a write token); a redacteur writes only the
/// indicators (and values) of their own organisation, a beheerder all.
struct MonitorWriteAPIController: RouteCollection {
    /// Largest JSON body of one indicator.
    static let maxIndicatorBody = 1 << 20
    /// Largest catalogue (CSV or JSON) and value CSV sent in one request; bigger value files go
    /// through the streamed upload page or the command line.
    static let maxCatalogueBody = 16 << 20
    static let maxDataBody = 64 << 20

    func boot(routes: any RoutesBuilder) throws {
        let small = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: Self.maxIndicatorBody))
        routes.write(.POST, MonitorURL.apiIndicators, access: .role(.redacteur), body: small, use: create)
        routes.write(.PUT, MonitorURL.apiIndicator(.key), access: .role(.redacteur), body: small, use: update)
        routes.write(.DELETE, MonitorURL.apiIndicator(.key), access: .role(.redacteur), use: delete)
        routes.write(
            .POST, MonitorURL.apiIndicatorsImport, access: .role(.redacteur),
            body: .collect(maxSize: ByteCount(value: Self.maxCatalogueBody)), use: importCatalogue)
        routes.write(
            .POST, MonitorURL.apiData, access: .role(.redacteur),
            body: .collect(maxSize: ByteCount(value: Self.maxDataBody)), use: importData)
    }

    // MARK: Indicators

    @Sendable func create(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let entry = try Self.entry(req, path: nil)
        try await Self.requireOwner(entry, user: user, on: req.db)
        if try await Indicator.query(on: req.db).filter(\.$code == entry.draft.code).first() != nil {
            throw VitaalError(
                .conflict, "Indicator \(MonitorText.echo(entry.draft.code)) bestaat al; wijzig hem met PUT.",
                problems: [Problem("de code bestaat al", at: entry.location("code"))])
        }
        return try await save(entry, renaming: nil, user: user, status: .created, req)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let code = req.parameters.get("code") ?? ""
        if code == Self.importSegment { return Self.onlyPost(req) }
        let stored = try await Self.stored(code, user: user, on: req.db)
        let entry = try Self.entry(req, path: stored.code)
        try await Self.requireOwner(entry, user: user, on: req.db)
        return try await save(entry, renaming: stored.code, user: user, status: .ok, req)
    }

    func save(_ entry: CatalogueEntry, renaming: String?, user: User, status: HTTPStatus, _ req: Request)
        async throws -> Response
    {
        let file = CatalogueFile(fileName: "body", entries: [entry], monitors: nil)
        let (_, written) = try await IndicatorCatalogueIO.run(
            file, user: user, actor: user.email, usage: req.application.indicatorUsage, now: req.now,
            renaming: renaming, on: req.db)
        guard let indicator = written.first else { throw VitaalError(.internal, "Indicator niet opgeslagen.") }
        let owner = try await indicator.$owner.get(on: req.db)?.slug
        return Self.json(IndicatorCatalogueIO.json(indicator, ownerSlug: owner), status: status)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let code = req.parameters.get("code") ?? ""
        if code == Self.importSegment { return Self.onlyPost(req) }
        let indicator = try await Self.stored(code, user: user, on: req.db)
        var uses: [String] = []
        let values = try await DataValue.query(on: req.db).filter(\.$indicatorCode == indicator.code).count()
        if values > 0 { uses.append("er zijn \(values) waarde(n) opgeslagen") }
        for other in try await Indicator.query(on: req.db).filter(\.$formula != nil).all() where other.code != code {
            if let f = other.formula.flatMap({ try? DerivedFormula.parse($0) }), f.inputs.contains(indicator.code) {
                uses.append("de formule van indicator \(other.code) gebruikt hem")
            }
        }
        for other in try await Indicator.query(on: req.db).filter(\.$replacesCode == indicator.code).all() {
            uses.append("indicator \(other.code) vervangt hem")
        }
        uses += try await req.application.indicatorUsage.users(of: indicator.code, on: req.db)
        guard uses.isEmpty else {
            throw VitaalError(
                .conflict,
                "Indicator \(indicator.code) kan niet worden verwijderd: " + uses.joined(separator: "; ")
                    + ". Zet de status op vervallen om hem te laten rusten.",
                problems: uses.map { Problem($0, at: SourceLocation(field: "code")) })
        }
        let id = try indicator.requireID()
        let wasPublic = indicator.isPublic
        try await req.db.transaction { db in
            try await MonitorItem.query(on: db).filter(\.$indicator.$id == id).delete()
            try await StoryIndicator.query(on: db).filter(\.$indicatorCode == indicator.code).delete()
            try await IndicatorRevision.query(on: db).filter(\.$indicatorCode == indicator.code).delete()
            try await indicator.delete(on: db)
            try await req.audit(
                on: db, "verwijderd", entity: "indicator", id: indicator.code,
                summary: "Indicator \"\(indicator.name)\" verwijderd")
            try await DataVersion.bump(on: db, publicData: wasPublic, at: req.now)
        }
        return Self.json(
            .object([("code", .string(indicator.code)), ("deleted", .bool(true))]), status: .ok)
    }

    // MARK: Imports

    @Sendable func importCatalogue(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let data = Self.body(req)
        guard !data.isEmpty else {
            throw VitaalError.invalid(
                "de body is leeg: stuur een CSV of JSON-catalogus", at: SourceLocation(file: "body"))
        }
        let name = try Self.fileName(req, default: "catalogus")
        let file = try IndicatorCatalogueIO.parse(data, fileName: name)
        let (outcome, _) = try await IndicatorCatalogueIO.run(
            file, user: user, actor: user.email, usage: req.application.indicatorUsage, now: req.now, on: req.db)
        return Self.json(
            .object([
                ("created", .array(outcome.created.map { .string($0) })),
                ("updated", .array(outcome.updated.map { .string($0) })),
                ("unchanged", .number(outcome.unchanged)), ("monitors", .number(outcome.monitors)),
                ("message", .string("\(name): \(outcome.message)"))
            ]), status: .ok)
    }

    /// `POST /api/v1/data`: a long or StatLine CSV as the body (`?replace=true` replaces stored
    /// values), through `DataImporter` like the upload page, one import at a time.
    @Sendable func importData(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let data = Self.body(req)
        let name = try Self.fileName(req, default: "data.csv")
        let replace: Bool
        switch req.query[String.self, at: "replace"] ?? "" {
        case "", "false": replace = false
        case "true": replace = true
        default:
            throw VitaalError.invalid("replace moet true of false zijn", at: SourceLocation(field: "replace"))
        }
        let db = req.application.monitorImportDB
        let outcome: ImportOutcome
        do {
            // The history page shows this import while it runs, as it does an upload's.
            outcome = try await ImportLocking.withLock(actor: user.email, at: req.now, on: db) { lock in
                try await DataImporter.run(
                    .data(data, name: name), replace: replace, user: user, actor: user.email,
                    clock: req.application.clock, on: db, reporter: req.application.importProgressReporter(lock: lock))
            }
        } catch var error as VitaalError
            where error.kind == .invalidInput && !error.problems.isEmpty
            && error.problems.allSatisfy({ $0.message.hasPrefix(ImportScope.refusalPrefix) })
        {
            // Only values of other organisations' indicators: a matter of rights, not of the file.
            error.kind = .forbidden
            throw error
        }
        return Self.json(
            .object([
                ("batch", .string(outcome.batchID.uuidString)), ("values", .number(outcome.summary.values)),
                ("inserted", .number(outcome.inserted)), ("replaced", .number(outcome.replaced)),
                ("missing", .number(outcome.summary.missing)), ("message", .string(outcome.message))
            ]), status: .created)
    }

    // MARK: Helpers

    /// `/api/v1/indicators/import` is the catalogue import (POST only), never an indicator's address
    /// (the router hands PUT and DELETE on it to the `{code}` routes).
    static let importSegment = "import"

    static func onlyPost(_ req: Request) -> Response {
        let message = "Methode \(req.method.rawValue) is hier niet toegestaan; wel: POST."
        let response = json(
            .object([
                (
                    "error",
                    .object([
                        ("code", .string("method_not_allowed")), ("message", .string(message)), ("details", .array([]))
                    ])
                )
            ]), status: .methodNotAllowed)
        response.headers.replaceOrAdd(name: .allow, value: "POST")
        return response
    }

    static func body(_ req: Request) -> Data {
        guard var buffer = req.body.data else { return Data() }
        return buffer.readData(length: buffer.readableBytes) ?? Data()
    }

    /// `?name=` (the file name used in messages): at most 40 letters, digits and `_.,-` (else 422).
    static func fileName(_ req: Request, default fallback: String) throws -> String {
        guard let name = req.query[String.self, at: "name"], !name.isEmpty else { return fallback }
        guard name.count <= 40, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.,-".contains($0)) })
        else {
            throw VitaalError.invalid(
                "name mag alleen letters, cijfers en _ . , - bevatten (hoogstens 40 tekens)",
                at: SourceLocation(field: "name"))
        }
        return name
    }

    /// The indicator of the body; the path's code when the body has none.
    static func entry(_ req: Request, path code: String?) throws -> CatalogueEntry {
        let data = body(req)
        guard !data.isEmpty else {
            throw VitaalError.invalid("de body is leeg: stuur een indicator als JSON-object", at: SourceLocation())
        }
        let node = try JSONParser.parse(data, file: nil)
        var problems = ProblemCollector()
        let parsed = IndicatorCatalogueIO.jsonEntry(node, path: "$", file: nil, problems: &problems)
        try problems.throwIfAny("Indicator niet opgeslagen")
        guard var entry = parsed else { throw VitaalError(.internal, "Indicator niet opgeslagen.") }
        if let code, node["code"] == nil { entry.draft.code = code }
        return entry
    }

    /// An indicator the user may change (404 unknown, 403 another organisation's).
    static func stored(_ code: String, user: User, on db: any Database) async throws -> Indicator {
        guard let indicator = try await Indicator.query(on: db).filter(\.$code == code).first() else {
            throw VitaalError(.notFound, "Onbekende indicator \(MonitorText.echo(code)).")
        }
        guard user.mayWrite(organisationID: indicator.$owner.id) else {
            throw VitaalError(
                .forbidden, "U mag alleen indicatoren van uw eigen organisatie wijzigen (indicator \(indicator.code)).")
        }
        return indicator
    }

    /// A redacteur may give an indicator only their own organisation as owner (403 otherwise).
    static func requireOwner(_ entry: CatalogueEntry, user: User, on db: any Database) async throws {
        let owner = try await Organisation.query(on: db).filter(\.$slug == entry.owner).first()
        if entry.owner.isEmpty || owner != nil, !user.mayWrite(organisationID: owner?.id) {
            throw VitaalError(
                .forbidden, "U kunt alleen indicatoren van uw eigen organisatie beheren.",
                problems: [Problem("eigenaar van een andere organisatie", at: entry.location("owner"))])
        }
    }

    static func json(_ node: JSONNode, status: HTTPStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: JSONWriter.text(node)))
    }
}
