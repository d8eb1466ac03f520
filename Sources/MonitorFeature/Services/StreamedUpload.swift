import AppCore
import Foundation
import Vapor
import VitaalDomain

/// A multipart/form-data request body read as a stream: the one large file part goes straight
/// into a temporary file (never held in memory), the small parts (checkboxes, a mapping file,
/// the CSRF field) are kept in memory up to a small limit each.
///
/// Use it on routes registered with `body: .stream`. The caller must call `remove()` when done
/// (the temporary file is deleted there).
struct StreamedUpload {
    /// The large file part, spooled to disk.
    struct SpooledFile {
        /// The name the browser sent (empty when no file was chosen).
        var filename: String
        var url: URL
        var bytes: Int
    }
    /// A small part held in memory.
    struct SmallPart {
        var filename: String?
        var data: Data
        var string: String { String(decoding: data, as: UTF8.self) }
    }

    var file: SpooledFile?
    var parts: [String: SmallPart] = [:]

    /// Deletes the temporary file.
    func remove() {
        if let file { try? FileManager.default.removeItem(at: file.url) }
    }

    /// Limits. `maxFileBytes` applies to the spooled part, `maxPartBytes` to each small part,
    /// `maxParts` to every part of the form (repeated and ignored parts included).
    struct Limits {
        var maxFileBytes: Int
        var maxPartBytes: Int
        var maxParts = 20
    }

    /// Prefix of the temporary files (see `sweepStaleFiles`).
    static let filePrefix = "vitaal-upload-"

    /// The folder of the temporary upload files: `<data folder>/tmp-uploads` (owner-only, 0700), not
    /// the shared /tmp (often a RAM disk, readable by other local users).
    static func directory(for app: Application) -> URL {
        URL(fileURLWithPath: app.vitaal.dataDirectory, isDirectory: true).appendingPathComponent(
            "tmp-uploads", isDirectory: true)
    }

    /// Removes upload files left behind by a crash or `kill -9` (older than `olderThan` seconds, so a
    /// running upload of another process is left alone). Returns how many were removed.
    @discardableResult
    static func sweepStaleFiles(in directory: URL, olderThan: TimeInterval = 3600, now: Date) -> Int {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(filePrefix) {
            let path = directory.appendingPathComponent(name).path
            let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            if now.timeIntervalSince(modified) >= olderThan, (try? fm.removeItem(atPath: path)) != nil { removed += 1 }
        }
        return removed
    }

    enum Failure: Error {
        /// The form could not be read as multipart/form-data.
        case malformed(String)
        /// The spooled file part exceeds `maxFileBytes`.
        case fileTooLarge(limit: Int)
        /// A small part exceeds `maxPartBytes` (name of the part).
        case partTooLarge(name: String, limit: Int)
    }

    /// Reads the body of `req`, spooling the part named `filePart` into a temporary file.
    /// On any failure the temporary file is removed before the error is thrown.
    static func read(_ req: Request, filePart: String, limits: Limits) async throws -> StreamedUpload {
        try await read(req, filePart: filePart, limits: limits, directory: directory(for: req.application))
    }

    static func read(_ req: Request, filePart: String, limits: Limits, directory: URL) async throws -> StreamedUpload {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], !boundary.isEmpty
        else {
            throw Failure.malformed("geen multipart/form-data")
        }
        if req.headers.first(name: .contentLength) == "0" { throw Failure.malformed("lege aanvraag") }
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure.malformed("het bestand kon niet tijdelijk worden opgeslagen")
        }
        let state = ParserState(filePart: filePart, limits: limits, directory: directory)
        defer { state.closeFile() }
        do {
            let parser = MultipartParser(boundary: boundary)
            parser.onHeader = { name, value in state.header(name, value) }
            parser.onBody = { buffer in state.body(&buffer) }
            parser.onPartComplete = { state.partComplete() }
            for try await chunk in req.body {
                do { try parser.execute(chunk) } catch { throw Failure.malformed("ongeldige multipart-opmaak") }
                if let failure = state.failure { throw failure }
            }
            if let failure = state.failure { throw failure }
            // A part still open means the closing boundary never came: the upload was cut off.
            if state.inPart { throw Failure.malformed("het formulier is onvolledig ontvangen") }
            guard state.completedParts > 0 else { throw Failure.malformed("geen velden gevonden") }
        } catch {
            state.closeFile()
            state.result.remove()
            throw error
        }
        return state.result
    }

    /// Mutable parser state shared by the parser callbacks (used from one task only).
    private final class ParserState {
        let filePart: String
        let limits: Limits
        let directory: URL
        var result = StreamedUpload()
        var failure: Failure?
        var completedParts = 0
        var inPart = false

        private var headers = HTTPHeaders()
        private var name: String?
        private var filename: String?
        private var handle: FileHandle?
        private var spooled = 0
        private var small = Data()
        /// Pending bytes for the file: the parser hands over one piece per line (it splits at CR),
        /// so writes are batched in 1 MiB blocks.
        private var pending = ByteBuffer()
        private static let flushSize = 1 << 20

        init(filePart: String, limits: Limits, directory: URL) {
            self.filePart = filePart
            self.limits = limits
            self.directory = directory
        }

        func header(_ name: String, _ value: String) {
            inPart = true
            headers.add(name: name, value: value)
        }

        /// Called for each piece of a part's body; the first call decides where the part goes.
        func body(_ buffer: inout ByteBuffer) {
            guard failure == nil else {
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                return
            }
            inPart = true
            if name == nil { startPart() }
            guard failure == nil else { return }
            let count = buffer.readableBytes
            if handle != nil {
                spooled += count
                if spooled > limits.maxFileBytes {
                    failure = .fileTooLarge(limit: limits.maxFileBytes)
                    closeFile()
                    return
                }
                pending.writeImmutableBuffer(buffer)
                if pending.readableBytes >= Self.flushSize { flush() }
            } else {
                if small.count + count > limits.maxPartBytes {
                    failure = .partTooLarge(name: name ?? "?", limit: limits.maxPartBytes)
                    return
                }
                small.append(contentsOf: buffer.readableBytesView)
            }
            buffer.moveReaderIndex(forwardBy: count)
        }

        private func startPart() {
            let disposition = headers.contentDisposition
            name = disposition?.name ?? ""
            filename = disposition?.filename
            // Every part counts, repeated ones too (they are dropped, but their bytes still stream in).
            if completedParts >= limits.maxParts {
                failure = .malformed("te veel velden")
                return
            }
            guard name == filePart, result.file == nil else { return }
            let url = directory.appendingPathComponent("\(StreamedUpload.filePrefix)\(UUID().uuidString).csv")
            // Owner-only (0600) from the start: the upload may hold internal data.
            guard
                FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = try? FileHandle(forWritingTo: url)
            else {
                failure = .malformed("het bestand kon niet tijdelijk worden opgeslagen")
                return
            }
            self.handle = handle
            spooled = 0
            result.file = SpooledFile(filename: filename ?? "", url: url, bytes: 0)
        }

        func partComplete() {
            if failure == nil {
                if name == nil { startPart() }  // a part with an empty body
                if handle != nil {
                    closeFile()
                    if failure == nil { result.file?.bytes = spooled }
                } else if let name, failure == nil, result.parts[name] == nil {
                    result.parts[name] = SmallPart(filename: filename, data: small)
                }
            }
            completedParts += 1
            inPart = false
            headers = HTTPHeaders()
            name = nil
            filename = nil
            small = Data()
        }

        private func flush() {
            guard let handle, pending.readableBytes > 0 else { return }
            do { try handle.write(contentsOf: pending.readableBytesView) } catch {
                failure = .malformed("het bestand kon niet tijdelijk worden opgeslagen (\(error.localizedDescription))")
            }
            pending.clear()
        }

        func closeFile() {
            if failure == nil { flush() }
            pending.clear()
            try? handle?.close()
            handle = nil
        }
    }
}
