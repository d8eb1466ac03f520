/// Where in an input something is wrong: file, line, column, field or element (a GeoJSON feature,
/// an OSM way, a JSON path). Every user-facing error in Vitaal names its place with this type.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var field: String?
    /// A non-line element, e.g. "feature 3", "way 42", "$.sectors[2].stock".
    public var element: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil, element: String? = nil)
    {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.element = element
    }

    /// Dutch-readable place, e.g. `data.csv, regel 12, kolom 3 (veld "value")`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("regel \(line)") }
        if let column { parts.append("kolom \(column)") }
        if let element { parts.append(element) }
        var text = parts.joined(separator: ", ")
        if let field { text += text.isEmpty ? "veld \"\(field)\"" : " (veld \"\(field)\")" }
        return text
    }
}

/// One thing wrong with an input, at one place.
public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public init(_ message: String, at location: SourceLocation = SourceLocation()) {
        self.message = message
        self.location = location
    }
    public var description: String {
        let place = location.description
        return place.isEmpty ? message : "\(place): \(message)"
    }
}

/// The one error type of Vitaal. The web layer maps `kind` to an HTTP status and renders
/// `{"error": {"code", "message", "details"}}`; the CLI prints `message` and each problem.
public struct VitaalError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case invalidInput = "invalid_input"  // 422 / 400
        case notFound = "not_found"  // 404
        case conflict = "conflict"  // 409
        case forbidden = "forbidden"  // 403
        case unauthorized = "unauthorized"  // 401
        case `internal` = "internal"  // 500
    }
    public var kind: Kind
    public var message: String
    /// Individual problems; importers list at most `maxProblems` of them.
    public var problems: [Problem]
    public static let maxProblems = 50

    public init(_ kind: Kind, _ message: String, problems: [Problem] = []) {
        self.kind = kind
        self.message = message
        self.problems = Array(problems.prefix(Self.maxProblems))
    }
    public static func invalid(_ message: String, at location: SourceLocation = SourceLocation()) -> VitaalError {
        VitaalError(
            .invalidInput, Problem(message, at: location).description, problems: [Problem(message, at: location)])
    }
    public static func invalid(_ message: String, problems: [Problem]) -> VitaalError {
        VitaalError(.invalidInput, message, problems: problems)
    }
    public var description: String {
        ([message] + problems.filter { $0.description != message }.map { "  - \($0)" }).joined(separator: "\n")
    }
}

/// Collects problems while validating a whole input, so a user sees every issue (up to 50) at once.
public struct ProblemCollector: Sendable {
    public private(set) var problems: [Problem] = []
    public private(set) var totalCount = 0
    public init() {}
    public mutating func add(_ message: String, at location: SourceLocation = SourceLocation()) {
        totalCount += 1
        if problems.count < VitaalError.maxProblems { problems.append(Problem(message, at: location)) }
    }
    public var isEmpty: Bool { totalCount == 0 }
    /// Throws a `VitaalError` with all collected problems if there are any.
    public func throwIfAny(_ summary: String) throws {
        guard totalCount > 0 else { return }
        let more = totalCount > problems.count ? " (eerste \(problems.count) van \(totalCount) getoond)" : ""
        throw VitaalError(.invalidInput, "\(summary): \(totalCount) fout(en)\(more)", problems: problems)
    }
}
