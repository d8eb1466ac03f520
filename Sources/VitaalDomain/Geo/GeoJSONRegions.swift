import Foundation

/// One region (municipality, district, province) with its boundary.
public struct RegionFeature: Sendable, Hashable, Codable {
    /// CBS code, e.g. "GM0034".
    public var code: String
    public var name: String
    public var geometry: GeoMultiPolygon
    /// All other GeoJSON properties, as text (numbers as written, objects as JSON).
    public var properties: [String: String]
    /// True for hand-drawn outlines that are not official boundaries; maps then say so.
    public var isSchematic: Bool
    /// A note to show with the map, e.g. "Schematische omtrek, geen officiële grens".
    public var note: String?

    public init(code: String, name: String, geometry: GeoMultiPolygon, properties: [String: String] = [:],
                isSchematic: Bool = false, note: String? = nil) {
        self.code = code; self.name = name; self.geometry = geometry; self.properties = properties
        self.isSchematic = isSchematic; self.note = note
    }
}

/// Reads and writes region boundaries as a GeoJSON FeatureCollection, the way PDOK and CBS
/// publish them (`statcode`, `statnaam`; `code`/`naam` also accepted).
///
/// Reading validates the whole file and throws one `VitaalError` listing every problem (up to 50),
/// each with its place: `element` is "feature N" (N counts from 1, the first feature is
/// "feature 1"), `field` the property or the JSON path inside the feature with 0-based indices
/// (`geometry.coordinates[0][2]`), and `line`/`column` where the offending value starts.
///
/// Coordinates are WGS84 lon/lat unless the collection has a `crs` member naming EPSG:28992
/// (RD New); RD metres are converted with `RDNew.toWGS84`.
public enum GeoJSONRegions {
    /// Reserved property names that map to `RegionFeature.isSchematic` and `.note`.
    public static let schematicKey = "schematisch"
    public static let noteKey = "opmerking"

    public enum CoordinateSystem: Sendable { case wgs84, rdNew }

    public static func parse(_ text: String, file: String? = nil) throws -> [RegionFeature] {
        try parse(Data(text.utf8), file: file)
    }

    public static func parse(_ data: Data, file: String? = nil) throws -> [RegionFeature] {
        var parser = GeoJSONParser(data)
        let root: GeoJSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            let lines = GeoJSONLineIndex(parser.text)
            let (line, column) = lines.lineAndColumn(error.offset)
            throw VitaalError.invalid("ongeldige JSON: \(error.message)", at: SourceLocation(file: file, line: line, column: column))
        }
        var reader = Reader(file: file, lines: GeoJSONLineIndex(parser.text))
        return try reader.read(root)
    }

    /// Stable GeoJSON text: features in the given order, every geometry as a MultiPolygon with
    /// closed rings, coordinates with at most 6 decimals (about 0.1 m), properties `statcode`,
    /// `statnaam`, then `schematisch`/`opmerking` when set, then the rest sorted by name.
    public static func encode(_ regions: [RegionFeature]) -> Data {
        var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        for (n, region) in regions.enumerated() {
            var props: [(String, String)] = [("statcode", region.code), ("statnaam", region.name)]
            if region.isSchematic { props.append((schematicKey, "true")) }
            if let note = region.note { props.append((noteKey, note)) }
            let reserved: Set<String> = ["statcode", "statnaam", schematicKey, noteKey]
            props += region.properties.filter { !reserved.contains($0.key) }.sorted { $0.key < $1.key }
            out += "{\"type\":\"Feature\",\"properties\":{"
            out += props.map { GeoJSONWriter.quote($0.0) + ":" + GeoJSONWriter.quote($0.1) }.joined(separator: ",")
            out += "},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            out += region.geometry.polygons.map { polygon in
                "[" + ([polygon.outer] + polygon.holes).map { ring in
                    var closed = ring
                    if let first = ring.first, ring.last != first { closed.append(first) }
                    return "[" + closed.map { "[\(coordinate($0.lon)),\(coordinate($0.lat))]" }.joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
            }.joined(separator: ",")
            out += "]}}" + (n < regions.count - 1 ? ",\n" : "\n")
        }
        out += "]}\n"
        return Data(out.utf8)
    }

    /// Up to 6 decimals, trailing zeros dropped, never "-0".
    static func coordinate(_ v: Double) -> String {
        let scaled = Int64((v * 1_000_000).rounded())
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        var text = String(magnitude / 1_000_000)
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
        return negative ? "-" + text : text
    }
}

extension GeoJSONRegions {
    /// Walks a parsed document, collecting problems.
    fileprivate struct Reader {
        let file: String?
        let lines: GeoJSONLineIndex
        var problems = ProblemCollector()
        var crs = CoordinateSystem.wgs84

        init(file: String?, lines: GeoJSONLineIndex) { self.file = file; self.lines = lines }

        func location(_ node: GeoJSONNode?, element: String? = nil, field: String? = nil) -> SourceLocation {
            var loc = SourceLocation(file: file, field: field, element: element)
            if let node { (loc.line, loc.column) = lines.lineAndColumn(node.offset) }
            return loc
        }

        mutating func read(_ root: GeoJSONNode) throws -> [RegionFeature] {
            guard case .object = root.value else {
                throw VitaalError.invalid("geen GeoJSON: verwacht een object met \"type\": \"FeatureCollection\", gevonden \(root.kindName)",
                                          at: location(root))
            }
            let type = root["type"]?.string
            guard type == "FeatureCollection" else {
                let found = type.map { "\"\($0)\"" } ?? "geen type"
                let hint = type == "Feature" ? " (één losse Feature; zet die in een FeatureCollection)" : ""
                throw VitaalError.invalid("geen GeoJSON FeatureCollection: type is \(found)\(hint)",
                                          at: location(root["type"] ?? root, field: "type"))
            }
            if let crsNode = root["crs"], !crsNode.isNull {
                let name = crsNode["properties"]?["name"]?.string ?? ""
                let upper = name.uppercased()
                if upper.contains("28992") {
                    crs = .rdNew
                } else if upper.contains("4326") || upper.contains("CRS84") {
                    crs = .wgs84
                } else {
                    let shown = name.isEmpty ? "zonder naam" : "\"\(name)\""
                    throw VitaalError.invalid("onbekend coördinatenstelsel \(shown); ondersteund zijn WGS84 (EPSG:4326, CRS84) en RD New (EPSG:28992)",
                                              at: location(crsNode, field: "crs"))
                }
            }
            guard let featuresNode = root["features"], let features = featuresNode.array else {
                throw VitaalError.invalid("\"features\" ontbreekt of is geen lijst", at: location(root["features"] ?? root, field: "features"))
            }
            guard !features.isEmpty else {
                throw VitaalError.invalid("lege FeatureCollection: er staan geen features in", at: location(featuresNode, field: "features"))
            }
            var regions: [RegionFeature] = []
            var firstFeatureWithCode: [String: Int] = [:]
            for (index, node) in features.enumerated() {
                let element = "feature \(index + 1)"
                guard let region = readFeature(node, element: element) else { continue }
                if let earlier = firstFeatureWithCode[region.code] {
                    let codeNode = node["properties"]?["statcode"] ?? node["properties"]?["code"]
                    problems.add("statcode \"\(region.code)\" komt dubbel voor (ook in feature \(earlier))",
                                 at: location(codeNode, element: element, field: "statcode"))
                    continue
                }
                firstFeatureWithCode[region.code] = index + 1
                regions.append(region)
            }
            let place = file.map { " in \($0)" } ?? ""
            try problems.throwIfAny("GeoJSON-regio's\(place) ongeldig")
            return regions
        }

        mutating func readFeature(_ node: GeoJSONNode, element: String) -> RegionFeature? {
            guard case .object = node.value else {
                problems.add("feature moet een object zijn, gevonden \(node.kindName)", at: location(node, element: element))
                return nil
            }
            var ok = true
            if node["type"]?.string != "Feature" {
                let found = node["type"]?.string.map { "\"\($0)\"" } ?? "geen type"
                problems.add("type moet \"Feature\" zijn, gevonden \(found)", at: location(node["type"] ?? node, element: element, field: "type"))
                ok = false
            }
            // Properties: code and name.
            var code = "", name = ""
            var properties: [String: String] = [:]
            var isSchematic = false
            var note: String?
            if let props = node["properties"], case .object(let members) = props.value {
                let codeKey = props["statcode"] != nil ? "statcode" : (props["code"] != nil ? "code" : nil)
                let nameKey = props["statnaam"] != nil ? "statnaam" : (props["naam"] != nil ? "naam" : nil)
                if let text = requiredText(props, key: codeKey, shownKey: "statcode", alternative: "code", element: element) {
                    code = text
                } else { ok = false }
                if let text = requiredText(props, key: nameKey, shownKey: "statnaam", alternative: "naam", element: element) {
                    name = text
                } else { ok = false }
                for (key, value) in members where key != codeKey && key != nameKey {
                    guard let text = value.propertyText else { continue }
                    switch key {
                    case GeoJSONRegions.schematicKey: isSchematic = ["true", "ja", "1"].contains(text.lowercased())
                    case GeoJSONRegions.noteKey: note = text
                    default: properties[key] = text
                    }
                }
            } else {
                let what = node["properties"].map { "is \($0.kindName)" } ?? "ontbreekt"
                problems.add("properties \(what); statcode en statnaam zijn nodig",
                             at: location(node["properties"] ?? node, element: element, field: "properties"))
                ok = false
            }
            // Geometry.
            guard let geometry = readGeometry(node, element: element), ok else { return nil }
            return RegionFeature(code: code, name: name, geometry: geometry, properties: properties, isSchematic: isSchematic, note: note)
        }

        /// A non-empty text property (numbers accepted as written); reports and returns nil otherwise.
        mutating func requiredText(_ props: GeoJSONNode, key: String?, shownKey: String, alternative: String, element: String) -> String? {
            guard let key, let value = props[key] else {
                problems.add("\(shownKey) ontbreekt (of \(alternative))", at: location(props, element: element, field: shownKey))
                return nil
            }
            let text: String
            switch value.value {
            case .string(let s): text = s
            case .number(_, let literal): text = literal
            default:
                problems.add("\(key) moet tekst zijn, gevonden \(value.kindName)", at: location(value, element: element, field: key))
                return nil
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                problems.add("\(key) is leeg", at: location(value, element: element, field: key))
                return nil
            }
            return trimmed
        }

        mutating func readGeometry(_ feature: GeoJSONNode, element: String) -> GeoMultiPolygon? {
            guard let geometry = feature["geometry"], !geometry.isNull else {
                problems.add("geometrie ontbreekt", at: location(feature["geometry"] ?? feature, element: element, field: "geometry"))
                return nil
            }
            guard case .object = geometry.value else {
                problems.add("geometrie moet een object zijn, gevonden \(geometry.kindName)", at: location(geometry, element: element, field: "geometry"))
                return nil
            }
            let type = geometry["type"]?.string
            guard type == "Polygon" || type == "MultiPolygon" else {
                let found = type.map { "\"\($0)\"" } ?? "geen type"
                problems.add("geometrietype \(found) wordt niet ondersteund; verwacht Polygon of MultiPolygon",
                             at: location(geometry["type"] ?? geometry, element: element, field: "geometry.type"))
                return nil
            }
            guard let coordinates = geometry["coordinates"] else {
                problems.add("coordinates ontbreekt", at: location(geometry, element: element, field: "geometry.coordinates"))
                return nil
            }
            var context = CoordinateContext(element: element)
            if type == "Polygon" {
                return readPolygon(coordinates, path: "geometry.coordinates", context: &context).map { GeoMultiPolygon([$0]) }
            }
            guard let items = expectArray(coordinates, path: "geometry.coordinates", what: "een lijst van polygonen", element: element) else { return nil }
            guard !items.isEmpty else {
                problems.add("MultiPolygon zonder polygonen", at: location(coordinates, element: element, field: "geometry.coordinates"))
                return nil
            }
            var polygons: [GeoPolygon] = []
            var failed = false
            for (n, item) in items.enumerated() {
                if let polygon = readPolygon(item, path: "geometry.coordinates[\(n)]", context: &context) { polygons.append(polygon) } else { failed = true }
            }
            return failed ? nil : GeoMultiPolygon(polygons)
        }

        struct CoordinateContext {
            let element: String
            /// Only the first out-of-range coordinate of a feature is reported (a whole file in the
            /// wrong system would otherwise fill the list with one mistake).
            var reportedRange = false
        }

        mutating func expectArray(_ node: GeoJSONNode, path: String, what: String, element: String) -> [GeoJSONNode]? {
            if let items = node.array { return items }
            problems.add("verwacht \(what), gevonden \(node.kindName)", at: location(node, element: element, field: path))
            return nil
        }

        mutating func readPolygon(_ node: GeoJSONNode, path: String, context: inout CoordinateContext) -> GeoPolygon? {
            guard let ringNodes = expectArray(node, path: path, what: "een lijst van ringen", element: context.element) else { return nil }
            guard !ringNodes.isEmpty else {
                problems.add("polygoon zonder ringen", at: location(node, element: context.element, field: path))
                return nil
            }
            var rings: [[GeoPoint]] = []
            for (n, ringNode) in ringNodes.enumerated() {
                if let ring = readRing(ringNode, path: "\(path)[\(n)]", context: &context) { rings.append(ring) }
            }
            guard rings.count == ringNodes.count else { return nil }
            return GeoPolygon(outer: rings[0], holes: Array(rings.dropFirst()))
        }

        mutating func readRing(_ node: GeoJSONNode, path: String, context: inout CoordinateContext) -> [GeoPoint]? {
            guard let positions = expectArray(node, path: path, what: "een ring (lijst van posities)", element: context.element) else { return nil }
            var raw: [(Double, Double)] = []
            for (n, position) in positions.enumerated() {
                if let xy = readPosition(position, path: "\(path)[\(n)]", context: &context) { raw.append(xy) }
            }
            guard raw.count == positions.count else { return nil }
            let here = location(node, element: context.element, field: path)
            guard raw.count >= 4 else {
                problems.add("ring heeft \(raw.count) posities; minimaal 4 nodig (3 hoeken en de eerste positie herhaald)", at: here)
                return nil
            }
            guard raw.first! == raw.last! else {
                problems.add("ring is niet gesloten: de laatste positie moet gelijk zijn aan de eerste", at: here)
                return nil
            }
            switch crs {
            case .wgs84: return raw.map { GeoPoint(lon: $0.0, lat: $0.1) }
            case .rdNew: return raw.map { RDNew.toWGS84(x: $0.0, y: $0.1) }
            }
        }

        mutating func readPosition(_ node: GeoJSONNode, path: String, context: inout CoordinateContext) -> (Double, Double)? {
            let element = context.element
            let unit = crs == .wgs84 ? "[lengtegraad, breedtegraad]" : "[x, y] in meters (RD New)"
            guard let items = node.array else {
                problems.add("positie moet een lijst \(unit) zijn, gevonden \(node.kindName)", at: location(node, element: element, field: path))
                return nil
            }
            guard items.count >= 2 else {
                problems.add("positie heeft \(items.count) getal(len); verwacht \(unit)", at: location(node, element: element, field: path))
                return nil
            }
            var values: [Double] = []
            for (n, item) in items.prefix(3).enumerated() {
                guard let v = item.number else {
                    problems.add("coördinaat is geen getal maar \(item.kindName)", at: location(item, element: element, field: "\(path)[\(n)]"))
                    return nil
                }
                guard v.isFinite else {
                    problems.add("coördinaat \(item.propertyText ?? "") is te groot", at: location(item, element: element, field: "\(path)[\(n)]"))
                    return nil
                }
                values.append(v)
            }
            let (x, y) = (values[0], values[1])
            let inRange: Bool
            var message: String
            switch crs {
            case .wgs84:
                inRange = abs(x) <= 180 && abs(y) <= 90
                message = "coördinaat buiten WGS84-bereik (lengtegraad −180…180, breedtegraad −90…90): [\(items[0].propertyText ?? ""), \(items[1].propertyText ?? "")]"
                if !inRange && RDNew.isPlausible(x: x, y: y) {
                    message += "; dit lijkt RD New (EPSG:28992): geef dat aan met \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::28992\"}}"
                }
            case .rdNew:
                inRange = RDNew.isPlausible(x: x, y: y)
                message = "coördinaat buiten het RD New-bereik van Nederland (x \(Int(RDNew.validX.lowerBound))…\(Int(RDNew.validX.upperBound)), y \(Int(RDNew.validY.lowerBound))…\(Int(RDNew.validY.upperBound))): [\(items[0].propertyText ?? ""), \(items[1].propertyText ?? "")]"
            }
            guard inRange else {
                if !context.reportedRange {
                    context.reportedRange = true
                    problems.add(message, at: location(node, element: element, field: path))
                }
                return nil
            }
            return (x, y)
        }
    }
}
