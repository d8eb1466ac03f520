import Foundation

/// The code lists that come with a CBS OData v4 table (`MeasureCodes`, `PeriodenCodes`, the region
/// dimension's codes), each a set of `Identifier`s. When a list is given, an observation whose code
/// is not in it is refused: CBS does not use that code in this table.
public struct ODataCodeLists: Sendable, Hashable {
    public var measures: Set<String>?
    public var periods: Set<String>?
    public var regions: Set<String>?
    public init(measures: Set<String>? = nil, periods: Set<String>? = nil, regions: Set<String>? = nil) {
        self.measures = measures
        self.periods = periods
        self.regions = regions
    }

    /// Reads one code list document: `{"value": [{"Identifier": "M000352", "Title": "…"}, …]}`.
    public static func identifiers(_ data: Data, fileName: String) throws -> Set<String> {
        let root = try JSONParser.parse(data, file: fileName)
        guard let items = root["value"]?.array else {
            throw VitaalError.invalid(
                "verwacht een object met \"value\": [...] (een codelijst van CBS OData v4)",
                at: root.location(file: fileName))
        }
        var codes: Set<String> = []
        for (i, item) in items.enumerated() {
            guard let code = item["Identifier"]?.string, !code.isEmpty else {
                throw VitaalError.invalid(
                    "codelijst-item \(i + 1) heeft geen \"Identifier\"", at: item.location(file: fileName))
            }
            codes.insert(code.trimmingCharacters(in: .whitespaces))
        }
        return codes
    }
}

/// Reads the `Observations` document that CBS StatLine's OData v4 API serves
/// (`https://datasets.cbs.nl/odata/v1/CBS/<table>/Observations`):
/// `{"value": [{"Id": 0, "Measure": "M000352", "ValueAttribute": "None", "Value": 226500,
/// "WijkenEnBuurten": "GM0034", "Perioden": "2024JJ00"}, …]}` — one object per measure, region and
/// period. Each becomes one record for `ImportSession` (Measure, region, period, Value,
/// ValueAttribute), with the JSON line and column of each field for messages.
public final class ODataObservationSource: ImportRecordSource {
    public let fileName: String
    public var separator: CSVSeparator? { nil }
    public private(set) var bytesRead = 0
    public let totalBytes: Int?
    public var fixedDecimalMark: DecimalMark? { .point }
    public let codeLists: ODataCodeLists
    /// The region and period dimension names, found in the first observation or given by the mapping.
    public let regionDimension: String
    public let periodDimension: String

    private let items: [JSONNode]
    private let headerPosition: JSONPosition?
    private var nextIndex = -1

    /// Properties every observation has besides its dimensions.
    static let standardKeys: Set<String> = ["Id", "Measure", "ValueAttribute", "Value", "StringValue"]

    public init(
        data: Data, fileName: String, regionDimension: String? = nil, periodDimension: String? = nil,
        codeLists: ODataCodeLists = ODataCodeLists()
    ) throws {
        self.fileName = fileName
        self.totalBytes = data.count
        self.codeLists = codeLists
        let root = try JSONParser.parse(data, file: fileName)
        guard let items = root["value"]?.array else {
            throw VitaalError.invalid(
                "verwacht een object met \"value\": [...] (de Observations van CBS OData v4)",
                at: root.location(file: fileName))
        }
        self.items = items
        headerPosition = root.members?.first(where: { $0.key == "value" })?.keyPosition
        let period = periodDimension ?? "Perioden"
        if let region = regionDimension {
            self.regionDimension = region
        } else {
            // The region dimension is the one key that is neither standard nor the period
            // (WijkenEnBuurten, RegioS, …).
            let keys = Set(items.first?.members?.map(\.key) ?? [])
            let candidates = keys.subtracting(Self.standardKeys).subtracting([period]).sorted()
            guard candidates.count == 1 else {
                throw VitaalError.invalid(
                    candidates.isEmpty
                        ? "geen regiodimensie gevonden in de eerste observatie (verwacht bijvoorbeeld WijkenEnBuurten of RegioS)"
                        : "meer dan één mogelijke regiodimensie (\(candidates.joined(separator: ", "))): noem de juiste als \"regionColumn\" in de mapping",
                    at: items.first?.location(file: fileName) ?? SourceLocation(file: fileName))
            }
            self.regionDimension = candidates[0]
        }
        self.periodDimension = period
    }

    public func next() throws -> CSVRecord? {
        defer { nextIndex += 1 }
        if nextIndex < 0 {
            let line = headerPosition?.line ?? 1
            let position = CSVPosition(line: line, column: headerPosition?.column ?? 1)
            return CSVRecord(
                fields: ["Measure", regionDimension, periodDimension, "Value", "ValueAttribute"], line: line,
                positions: Array(repeating: position, count: 5))
        }
        guard nextIndex < items.count else { return nil }
        let item = items[nextIndex]
        if let offset = item.position?.offset { bytesRead = offset }
        let itemPosition = item.position ?? JSONPosition(offset: 0, line: 1, column: 1)
        guard item.isObject else {
            throw VitaalError.invalid(
                "observatie \(nextIndex + 1) is geen object maar \(item.kindName)", at: item.location(file: fileName))
        }
        var fields: [String] = []
        var positions: [CSVPosition] = []
        for key in ["Measure", regionDimension, periodDimension, "Value", "ValueAttribute"] {
            let node = item[key]
            let member = item.members?.first(where: { $0.key == key })
            let position = node?.position ?? member?.keyPosition ?? itemPosition
            positions.append(CSVPosition(line: position.line, column: position.column))
            fields.append(node.map(Self.fieldText) ?? (key == "ValueAttribute" ? "None" : ""))
        }
        return CSVRecord(fields: fields, line: itemPosition.line, positions: positions)
    }

    /// The text of a field: strings as they are, numbers in plain decimal notation (no exponent,
    /// which the number reader does not take), null as empty; anything else as its JSON text, which
    /// then fails validation with the field's position.
    static func fieldText(_ node: JSONNode) -> String {
        if let s = node.string { return s }
        if node.isNull { return "" }
        if let text = node.numberText {
            guard text.contains(where: { $0 == "e" || $0 == "E" }), let v = Double(text), v.isFinite else {
                return text
            }
            // Exponent notation: written out in full (at most 15 significant digits, like the reader's limit).
            return Self.plain(v)
        }
        return JSONWriter.text(node)
    }

    static func plain(_ v: Double) -> String {
        var text = String(format: "%.15f", v)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    public func location(of record: CSVRecord, field index: Int, name: String?) -> SourceLocation {
        let p = record.positions.indices.contains(index) ? record.positions[index] : nil
        return SourceLocation(file: fileName, line: p?.line ?? record.line, column: p?.column, field: name)
    }
}
