import Foundation
import Logging
import VitaalDomain

/// One JSON object per log line (`VITAAL_LOG_FORMAT=json`), for log collectors: time, level,
/// label, message and metadata — a request's lines carry its `request-id`, which error pages
/// show to the user as the helpdesk reference.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String
    let write: @Sendable (String) -> Void

    public init(
        label: String, level: Logger.Level = .info,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(line(level: event.level, message: event.message, metadata: event.metadata))
    }

    /// One log line (also what `log(event:)` writes).
    func line(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?) -> String {
        var fields: [String: JSONNode] = [
            "time": .string(ISO8601DateFormatter().string(from: Date())),
            "level": .string(level.rawValue),
            "label": .string(label),
            "message": .string(message.description)
        ]
        for (key, value) in metadata.merging(extra ?? [:], uniquingKeysWith: { $1 }) { fields[key] = Self.plain(value) }
        return JSONWriter.text(.object(fields), style: JSONWriter.Style(sortedKeys: true))
    }

    static func plain(_ value: Logger.Metadata.Value) -> JSONNode {
        switch value {
        case .string(let s): return .string(s)
        case .stringConvertible(let c): return .string(c.description)
        case .array(let a): return .array(a.map(plain))
        case .dictionary(let d): return .object(d.mapValues(plain))
        }
    }
}
