import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Evidence files of realisations: reading and checking an upload (`bijlage`), listing them on the
/// target page and the download `GET /plannen/<key>/bijlagen/<id>` (logged-in users only).
struct PlanAttachmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.lezer).get(PlanURL.attachment(plan: .key, attachment: .key), use: download)
    }

    @Sendable func download(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        let notFound = VitaalError(.notFound, "Onbekende bijlage.")
        guard let id = req.parameters.get("attachment").flatMap(UUID.init(uuidString:)),
            let attachment = try await PlanAttachmentRecord.find(id, on: req.db),
            let realisation = try await RealisationRecord.find(attachment.$realisation.id, on: req.db),
            let target = try await TargetRecord.find(realisation.$target.id, on: req.db),
            target.$plan.id == loaded.id
        else { throw notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: PlanAttachments.contentDisposition(attachment.filename))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: attachment.data))
    }
}

/// A checked upload, ready to be stored with its realisation.
struct AttachmentUpload {
    var filename: String
    var contentType: String
    var data: Data
}

extension Application {
    private struct PlanAttachmentLimitKey: StorageKey { typealias Value = Int }
    /// Largest evidence file accepted, in bytes (default `PlanAttachments.maxFileBytes`, 10 MB).
    var planAttachmentLimit: Int {
        get { storage[PlanAttachmentLimitKey.self] ?? PlanAttachments.maxFileBytes }
        set { storage[PlanAttachmentLimitKey.self] = newValue }
    }
}

enum PlanAttachments {
    /// Largest file accepted by default (10 MB); see `Application.planAttachmentLimit`.
    static let maxFileBytes = 10 * 1024 * 1024
    /// Room for the other fields and the multipart framing on top of the file.
    static let formOverhead = 256 * 1024
    /// Largest request body of the realisation form.
    static func maxRequestBytes(_ req: Request) -> Int { req.application.planAttachmentLimit + formOverhead }

    /// Allowed extensions and the content type served for them.
    static let allowedTypes: [(ext: String, contentType: String)] = [
        ("pdf", "application/pdf"), ("png", "image/png"), ("jpg", "image/jpeg"), ("jpeg", "image/jpeg"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("txt", "text/plain; charset=utf-8"), ("csv", "text/csv; charset=utf-8")
    ]
    static let allowedText = "pdf, png, jpg, docx, xlsx, txt of csv"

    private struct Form: Decodable { var bijlage: File? }

    /// Collects the request body (streamed route) within `maxRequestBytes`; a larger body is refused
    /// with a Dutch message naming the field `bijlage`.
    static func collectBody(_ req: Request) async throws {
        let limit = req.application.planAttachmentLimit
        let maxRequestBytes = maxRequestBytes(req)
        let tooLarge = VitaalError.invalid(
            "bijlage: het bestand is groter dan \(sizeText(limit)); kleinere bestanden zijn toegestaan",
            at: SourceLocation(field: "bijlage"))
        let buffer: ByteBuffer?
        do { buffer = try await req.body.collect(max: maxRequestBytes).get() } catch let e as Abort
            where e.status == .payloadTooLarge
        {
            throw tooLarge
        }
        if let buffer, buffer.readableBytes > maxRequestBytes { throw tooLarge }
    }

    /// The file of field `bijlage` in a multipart form, checked (name, extension, size); nil when the
    /// form is URL-encoded or the file input was left empty. Problems go into `problems`.
    static func read(_ req: Request, into problems: inout ProblemCollector) -> AttachmentUpload? {
        guard req.headers.contentType?.type == "multipart" else { return nil }
        let location = SourceLocation(field: "bijlage")
        let file: File?
        do { file = try req.content.decode(Form.self).bijlage } catch {
            problems.add("bijlage: het bestand kon niet worden gelezen", at: location)
            return nil
        }
        guard let file else { return nil }
        let name = safeName(file.filename)
        let size = file.data.readableBytes
        if name.isEmpty && size == 0 { return nil }  // empty file input
        if name.isEmpty {
            problems.add("bijlage: het bestand heeft geen naam", at: location)
            return nil
        }
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        guard let type = allowedTypes.first(where: { $0.ext == ext }) else {
            problems.add(
                "bijlage: bestandstype \(ext.isEmpty ? "zonder extensie" : "\".\(ext)\"") van \"\(name)\" is niet toegestaan; toegestaan zijn \(allowedText)",
                at: location)
            return nil
        }
        if size == 0 {
            problems.add("bijlage: het bestand \"\(name)\" is leeg", at: location)
            return nil
        }
        let limit = req.application.planAttachmentLimit
        if size > limit {
            // Exact bytes when both sizes round to the same text ("10 MB, groter dan 10 MB" would puzzle).
            let sizeShown =
                sizeText(size) == sizeText(limit) ? "\(DutchNumberFormat.format(Double(size))) bytes" : sizeText(size)
            problems.add(
                "bijlage: het bestand \"\(name)\" is \(sizeShown), groter dan de toegestane \(sizeText(limit))",
                at: location)
            return nil
        }
        return AttachmentUpload(filename: name, contentType: type.contentType, data: Data(buffer: file.data))
    }

    /// The last path component (browsers on Windows may send a full path), without control characters
    /// or quotes, at most 200 characters.
    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            String.UnicodeScalarView(
                last.unicodeScalars.filter {
                    !CharacterSet.controlCharacters.contains($0) && $0 != "\"" && $0 != ";"
                }))
        return String(cleaned.trimmingCharacters(in: .whitespaces).prefix(200))
    }

    /// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266).
    static func contentDisposition(_ filename: String) -> String {
        let ascii = String(String.UnicodeScalarView(filename.unicodeScalars.map { $0.isASCII ? $0 : "_" }))
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// "532 bytes", "12,3 kB", "1,5 MB".
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let kb = Double(bytes) / 1024
        if kb < 1024 { return PlanViews.number((kb * 10).rounded() / 10) + " kB" }
        return PlanViews.number((kb / 1024 * 10).rounded() / 10) + " MB"
    }

    /// Attachments (without their data) per realisation id.
    static func list(realisationIDs: [UUID], on db: any Database) async throws -> [UUID: [PlanAttachmentRecord]] {
        guard !realisationIDs.isEmpty else { return [:] }
        let rows = try await PlanAttachmentRecord.query(on: db).filter(\.$realisation.$id ~~ realisationIDs)
            .field(\.$id).field(\.$realisation.$id).field(\.$filename).field(\.$size)
            .sort(\.$filename).all()
        return Dictionary(grouping: rows, by: { $0.$realisation.id })
    }
}
