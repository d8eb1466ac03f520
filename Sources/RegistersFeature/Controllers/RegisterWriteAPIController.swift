import AppCore
import Fluent
import Foundation
import Vapor
import VitaalDomain

/// Writing the registers through the JSON API (#18): create an entry, replace its fields, change
/// its status — with the forms' rules (`RegisterChecks`) and the store's transaction (entry,
/// version and audit entry together). Redacteur or higher (session with X-CSRF-Token, or a token
/// with scope schrijven); a redacteur writes only their own organisation's entries, a beheerder all.
///
/// The body is read strictly before any rule runs: a JSON object with only the documented members,
/// texts as strings, amounts and years as integers, dates as `yyyy-mm-dd`, choices as one of their
/// values; anything else is a 422 naming the member. Problems are reported at the member's name
/// (`values.region`, `reason`), as the monitor's write API does.
struct RegisterWriteAPIController: RouteCollection {
    /// Largest body: a whole entry is a few kilobytes (every long text at most 4,000 characters).
    static let maxBody = 256 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let body = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: Self.maxBody))
        for kind in RegisterKind.allCases {
            routes.write(.POST, RegisterURL.apiList(kind), access: .role(.redacteur), body: body, use: create)
                .userInfo["register"] = kind
            routes.write(.PUT, RegisterURL.apiEntry(kind, .key), access: .role(.redacteur), body: body, use: replace)
                .userInfo["register"] = kind
            if kind.definition.statusPath != nil {
                routes.write(.POST, Self.statusRoute(kind), access: .role(.redacteur), body: body, use: changeStatus)
                    .userInfo["register"] = kind
            }
        }
    }

    /// `/api/v1/<register>/{key}/status`.
    static func statusRoute(_ kind: RegisterKind) -> [PathComponent] {
        RegisterURL.apiEntry(kind, .key).pathComponents + ["status"]
    }

    static func statusPath(_ kind: RegisterKind) -> String {
        RegisterURL.apiEntry(kind, .key).openAPIPath + "/status"
    }

    // MARK: Handlers

    @Sendable func create(_ req: Request) async throws -> Response {
        let kind = try RegisterRequest.kind(req)
        let user = try req.requireRole(.redacteur)
        let node = try Self.object(req)
        var reader = BodyReader(kind)
        reader.refuseUnknown(
            node, allowed: ["values", "organisation"] + (kind.definition.statusPath != nil ? ["status"] : []))
        var texts = reader.values(node["values"])
        if let path = kind.definition.statusPath, let status = reader.choice(node["status"], "status", path.names) {
            texts["status"] = status
        }
        let organisation = reader.text(node["organisation"], "organisation", maxLength: 200, nullable: false)
        try reader.throwIfAny()
        let organisationID = try await Self.organisation(organisation, user: user, on: req.db)
        let checked = try await RegisterChecks.entry(
            kind, texts: texts, key: nil, regions: try await RegisterStore.regions(on: req.db),
            pastDeadlineConfirmed: true, req: req)
        try reader.throwIfAny(checked.problems)
        let key = try await RegisterStore.newKey(
            kind, title: checked.values[kind.definition.titleKey] ?? "", on: req.db)
        try await RegisterStore.create(
            kind, key: key, status: checked.status, values: checked.values, organisationID: organisationID, user: user,
            at: req.now, on: req.db)
        return try await Self.answer(kind, key: key, status: .created, req)
    }

    @Sendable func replace(_ req: Request) async throws -> Response {
        let (stored, user) = try await Self.writable(req)
        let node = try Self.object(req)
        var reader = BodyReader(stored.kind)
        reader.refuseUnknown(node, allowed: ["values", "version"])
        let texts = reader.values(node["values"])
        let version = reader.version(node["version"])
        try reader.throwIfAny()
        guard version == stored.version else { throw RegisterStore.staleVersion }
        let checked = try await RegisterChecks.entry(
            stored.kind, texts: texts, key: stored.entry.key, regions: try await RegisterStore.regions(on: req.db),
            pastDeadlineConfirmed: true, req: req)
        try reader.throwIfAny(checked.problems)
        try await RegisterStore.update(
            stored, status: stored.entry.status, values: checked.values, user: user, action: "gewijzigd",
            note: "gewijzigd", at: req.now, on: req.db)
        return try await Self.answer(stored.kind, key: stored.entry.key, status: .ok, req)
    }

    @Sendable func changeStatus(_ req: Request) async throws -> Response {
        let (stored, user) = try await Self.writable(req)
        let definition = stored.kind.definition
        guard let path = definition.statusPath else { throw VitaalError(.notFound, "Dit register heeft geen status.") }
        let node = try Self.object(req)
        var reader = BodyReader(stored.kind)
        let statusFields = definition.statusFields.compactMap { definition.field($0.key) }
        reader.refuseUnknown(node, allowed: ["status", "reason", "version"] + statusFields.map(\.key))
        let status = reader.choice(node["status"], "status", path.names, nullable: false)
        let reason = reader.text(node["reason"], "reason", maxLength: RegisterChecks.maxReason) ?? ""
        var fields: [String: String] = [:]
        for field in statusFields {
            fields[field.formName] = reader.text(node[field.key], field.key, maxLength: field.maxLength)
        }
        let version = reader.version(node["version"])
        try reader.throwIfAny()
        guard version == stored.version else { throw RegisterStore.staleVersion }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let (values, problems) = RegisterChecks.statusChange(
            stored, to: status ?? "", reason: trimmed,
            fields: fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        try reader.throwIfAny(problems, statusChange: true)
        try await RegisterStore.update(
            stored, status: status, values: values, user: user, action: "status gewijzigd",
            note: trimmed.isEmpty ? nil : trimmed, at: req.now, on: req.db)
        return try await Self.answer(stored.kind, key: stored.entry.key, status: .ok, req)
    }

    // MARK: Helpers

    /// The route's entry and the user, refused when the user may not write it (404 unknown, 403
    /// another organisation's).
    static func writable(_ req: Request) async throws -> (RegisterStore.Stored, User) {
        let kind = try RegisterRequest.kind(req)
        try req.requireRole(.redacteur)
        let stored = try await RegisterStore.find(kind, key: try RegisterRequest.key(req), on: req.db)
        return (stored, try req.requireWrite(organisationID: stored.organisationID))
    }

    /// The body as a JSON object (413 when larger than `maxBody`; 422 when empty, not JSON or not
    /// an object). The size is checked here too: a body that arrived whole is not checked by the
    /// route's collect limit.
    static func object(_ req: Request) throws -> JSONNode {
        if let size = req.body.data?.readableBytes, size > maxBody {
            throw Abort(
                .payloadTooLarge, reason: "De body is groter dan \(maxBody / 1024) kB; stuur één record per verzoek.")
        }
        guard var buffer = req.body.data, buffer.readableBytes > 0,
            let data = buffer.readData(length: buffer.readableBytes)
        else {
            throw VitaalError.invalid("de body is leeg: stuur een JSON-object", at: SourceLocation(element: "$"))
        }
        let node = try JSONParser.parse(data, file: nil)
        guard node.isObject else {
            throw VitaalError.invalid(
                "de body moet een JSON-object zijn, niet \(node.kindName)", at: node.location(file: nil, element: "$"))
        }
        return node
    }

    /// The owning organisation of a new entry: the one named (slug or name), else the user's own.
    /// Unknown: 422; another organisation's for a redacteur: 403.
    static func organisation(_ name: String?, user: User, on db: any Database) async throws -> UUID? {
        guard let name else { return user.$organisation.id }
        var found = try await Organisation.query(on: db).filter(\.$slug == name).first()
        if found == nil { found = try await Organisation.query(on: db).filter(\.$name == name).first() }
        guard let organisation = found else {
            throw VitaalError.invalid(
                "organisatie ‘\(BoundedNumber.short(name))’ bestaat niet (gebruik de slug of de naam)",
                at: SourceLocation(field: "organisation"))
        }
        guard user.mayWrite(organisationID: organisation.id) else {
            throw VitaalError(
                .forbidden, "U kunt alleen records van uw eigen organisatie aanmaken.",
                problems: [Problem("organisatie van een andere organisatie", at: SourceLocation(field: "organisation"))]
            )
        }
        return organisation.id
    }

    /// The entry as the read API shows it to the writer (201 with its address for a new entry).
    static func answer(_ kind: RegisterKind, key: String, status: HTTPStatus, _ req: Request) async throws -> Response {
        let viewer = req.user?.viewer
        let links = try await RegisterLinks.load(kind, loggedIn: viewer != nil, app: req.application, on: req.db)
        let stored = links.visible(try await RegisterStore.find(kind, key: key, on: req.db))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if status == .created {
            headers.replaceOrAdd(name: .location, value: RegisterURL.apiEntry(kind, .value(key)).path)
        }
        return try await RegisterEntryDTO(stored, fields: RegisterVisibility.fields(kind, viewer: viewer))
            .encodeResponse(status: status, headers: headers, for: req)
    }
}

/// Reads a write body's members by their types, collecting a problem per wrong member.
struct BodyReader {
    let kind: RegisterKind
    var problems = ProblemCollector()

    init(_ kind: RegisterKind) { self.kind = kind }

    var definition: RegisterDefinition { kind.definition }

    mutating func refuseUnknown(_ node: JSONNode, allowed: [String], prefix: String = "") {
        for member in node.members ?? [] where !allowed.contains(member.key) {
            let name = prefix + member.key
            problems.add(
                "onbekend veld \"\(BoundedNumber.short(name))\"; toegestaan: \(allowed.joined(separator: ", "))",
                at: member.value.location(file: nil, field: name, element: "$.\(name)"))
        }
    }

    /// `values`: the fields as form texts by form name (`RegisterInput.read` reads them as a form's).
    mutating func values(_ node: JSONNode?) -> [String: String] {
        guard let node else {
            problems.add("het veld \"values\" ontbreekt", at: SourceLocation(field: "values", element: "$"))
            return [:]
        }
        guard node.isObject else {
            problems.add(
                "\"values\" moet een object zijn, niet \(node.kindName)",
                at: node.location(file: nil, field: "values", element: "$.values"))
            return [:]
        }
        refuseUnknown(node, allowed: definition.fields.map(\.key), prefix: "values.")
        var texts: [String: String] = [:]
        for field in definition.fields {
            let name = "values.\(field.key)"
            guard let value = node[field.key], !value.isNull else { continue }
            let at = value.location(file: nil, field: name, element: "$.\(name)")
            switch field.kind {
            case .amount, .year:
                guard let number = value.numberText.flatMap({ Int($0) }) else {
                    problems.add("\(field.label) moet een geheel getal zijn, niet \(value.kindName)", at: at)
                    continue
                }
                texts[field.formName] = String(number)
            case .choice(let options):
                texts[field.formName] = choice(value, name, options, label: field.label)
            case .date:
                guard let text = string(value, name, label: field.label, maxLength: 10) else { continue }
                guard Self.isDate(text) else {
                    problems.add("\(field.label): \"\(BoundedNumber.short(text))\" is geen datum (jjjj-mm-dd)", at: at)
                    continue
                }
                texts[field.formName] = text
            case .text, .longText, .region, .references:
                texts[field.formName] = string(value, name, label: field.label, maxLength: field.maxLength)
            }
        }
        return texts
    }

    /// An optional text member (absent or null: nil).
    mutating func text(_ node: JSONNode?, _ name: String, maxLength: Int, nullable: Bool = true) -> String? {
        guard let node else { return nil }
        if node.isNull, nullable { return nil }
        return string(node, name, label: name, maxLength: maxLength)
    }

    /// A member that must be one of `options` exactly; nil when absent or null (and `nullable`).
    mutating func choice(
        _ node: JSONNode?, _ name: String, _ options: [String], label: String? = nil, nullable: Bool = true
    ) -> String? {
        guard let node, !(node.isNull && nullable) else {
            if !nullable {
                problems.add("het veld \"\(name)\" ontbreekt", at: SourceLocation(field: name, element: "$"))
            }
            return nil
        }
        guard let text = string(node, name, label: label ?? name, maxLength: 300) else { return nil }
        guard options.contains(text) else {
            problems.add(
                "\(label ?? name): \"\(BoundedNumber.short(text))\" bestaat niet; kies uit \(options.joined(separator: ", "))",
                at: node.location(file: nil, field: name, element: "$.\(name)"))
            return nil
        }
        return text
    }

    /// `version`: the version the client read, an integer from 1.
    mutating func version(_ node: JSONNode?) -> Int? {
        guard let node else {
            problems.add(
                "het veld \"version\" ontbreekt: stuur de versie die u las",
                at: SourceLocation(field: "version", element: "$"))
            return nil
        }
        guard let version = node.numberText.flatMap({ Int($0) }), version >= 1 else {
            problems.add(
                "version moet een geheel getal vanaf 1 zijn (de versie die u las)",
                at: node.location(file: nil, field: "version", element: "$.version"))
            return nil
        }
        return version
    }

    private mutating func string(_ node: JSONNode, _ name: String, label: String, maxLength: Int) -> String? {
        let at = node.location(file: nil, field: name, element: "$.\(name)")
        guard let text = node.string else {
            problems.add("\(label) moet tekst zijn, niet \(node.kindName)", at: at)
            return nil
        }
        // Counted as the OpenAPI document counts (code points), before any trimming.
        guard text.unicodeScalars.count <= maxLength else {
            problems.add("\(label): ten hoogste \(maxLength) tekens (nu \(text.unicodeScalars.count))", at: at)
            return nil
        }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        else {
            problems.add("\(label) bevat een stuurteken", at: at)
            return nil
        }
        return text
    }

    /// `yyyy-mm-dd` as written (whether the day exists is `RegisterInput.read`'s check).
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
    }

    /// Throws the collected problems (422).
    func throwIfAny() throws {
        try problems.throwIfAny("\(definition.singular.capitalisedFirst) niet opgeslagen")
    }

    /// Throws the rules' problems (422), each renamed from its form field to its member
    /// (`regio` → `values.region`; a status change's `reden` → `reason`, its fields by key).
    func throwIfAny(_ found: [Problem], statusChange: Bool = false) throws {
        guard !found.isEmpty else { return }
        var renamed = ProblemCollector()
        for problem in found {
            var location = problem.location
            if let name = location.field {
                if name == "reden" {
                    location.field = "reason"
                } else if let field = definition.fields.first(where: { $0.formName == name }) {
                    location.field = statusChange ? field.key : "values.\(field.key)"
                }
            }
            renamed.add(problem.message, at: location)
        }
        try renamed.throwIfAny("\(definition.singular.capitalisedFirst) niet opgeslagen")
    }
}
