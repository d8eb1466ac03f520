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

    public init(
        code: String, name: String, geometry: GeoMultiPolygon, properties: [String: String] = [:],
        isSchematic: Bool = false, note: String? = nil
    ) {
        self.code = code
        self.name = name
        self.geometry = geometry
        self.properties = properties
        self.isSchematic = isSchematic
        self.note = note
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
        let root = try JSONParser.parse(data, file: file)
        var reader = Reader(file: file)
        return try reader.read(root)
    }

    /// Stable GeoJSON text: features in the given order, one per line, every geometry as a
    /// MultiPolygon with closed rings, coordinates with at most 6 decimals (about 0.1 m), properties
    /// `statcode`, `statnaam`, then `schematisch`/`opmerking` when set, then the rest sorted by name.
    public static func encode(_ regions: [RegionFeature]) -> Data {
        var out = JSONWriter(capacity: 4096)
        out.raw("{\"type\":\"FeatureCollection\",\"features\":[\n")
        for (n, region) in regions.enumerated() {
            out.write(feature(region))
            out.raw(n < regions.count - 1 ? ",\n" : "\n")
        }
        out.raw("]}\n")
        return Data(out.bytes)
    }

    static func feature(_ region: RegionFeature) -> JSONNode {
        var props: [(String, JSONNode)] = [("statcode", .string(region.code)), ("statnaam", .string(region.name))]
        if region.isSchematic { props.append((schematicKey, "true")) }
        if let note = region.note { props.append((noteKey, .string(note))) }
        let reserved: Set<String> = ["statcode", "statnaam", schematicKey, noteKey]
        props += region.properties.filter { !reserved.contains($0.key) }.sorted { $0.key < $1.key }
            .map { ($0.key, .string($0.value)) }
        let polygons: [JSONNode] = region.geometry.polygons.map { polygon in
            .array(
                ([polygon.outer] + polygon.holes).map { ring in
                    var closed = ring
                    if let first = ring.first, ring.last != first { closed.append(first) }
                    return .array(closed.map { [.number(coordinate($0.lon)), .number(coordinate($0.lat))] })
                })
        }
        return [
            "type": "Feature", "properties": .object(props),
            "geometry": ["type": "MultiPolygon", "coordinates": .array(polygons)]
        ]
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
        var problems = ProblemCollector()
        var crs = CoordinateSystem.wgs84

        init(file: String?) { self.file = file }

        func location(_ node: JSONNode?, element: String? = nil, field: String? = nil) -> SourceLocation {
            node?.location(file: file, field: field, element: element)
                ?? SourceLocation(file: file, field: field, element: element)
        }

        mutating func read(_ root: JSONNode) throws -> [RegionFeature] {
            guard root.isObject else {
                throw VitaalError.invalid(
                    "geen GeoJSON: verwacht een object met \"type\": \"FeatureCollection\", "
                        + "gevonden \(root.kindName)", at: location(root))
            }
            let type = root["type"]?.string
            guard type == "FeatureCollection" else {
                let found = type.map { "\"\($0)\"" } ?? "geen type"
                let hint = type == "Feature" ? " (één losse Feature; zet die in een FeatureCollection)" : ""
                throw VitaalError.invalid(
                    "geen GeoJSON FeatureCollection: type is \(found)\(hint)",
                    at: location(root["type"] ?? root, field: "type"))
            }
            try readCRS(root["crs"])
            guard let featuresNode = root["features"], let features = featuresNode.array else {
                throw VitaalError.invalid(
                    "\"features\" ontbreekt of is geen lijst",
                    at: location(root["features"] ?? root, field: "features"))
            }
            guard !features.isEmpty else {
                throw VitaalError.invalid(
                    "lege FeatureCollection: er staan geen features in",
                    at: location(featuresNode, field: "features"))
            }
            let regions = readFeatures(features)
            let place = file.map { " in \($0)" } ?? ""
            try problems.throwIfAny("GeoJSON-regio's\(place) ongeldig")
            return regions
        }

        /// The coordinate system named by a `crs` member (WGS84 without one).
        mutating func readCRS(_ crsNode: JSONNode?) throws {
            guard let crsNode, !crsNode.isNull else { return }
            let name = crsNode["properties"]?["name"]?.string ?? ""
            let upper = name.uppercased()
            if upper.contains("28992") {
                crs = .rdNew
            } else if upper.contains("4326") || upper.contains("CRS84") {
                crs = .wgs84
            } else {
                let shown = name.isEmpty ? "zonder naam" : "\"\(name)\""
                throw VitaalError.invalid(
                    "onbekend coördinatenstelsel \(shown); ondersteund zijn WGS84 (EPSG:4326, "
                        + "CRS84) en RD New (EPSG:28992)", at: location(crsNode, field: "crs"))
            }
        }

        mutating func readFeatures(_ features: [JSONNode]) -> [RegionFeature] {
            var regions: [RegionFeature] = []
            var firstFeatureWithCode: [String: Int] = [:]
            for (index, node) in features.enumerated() {
                let element = "feature \(index + 1)"
                guard let region = readFeature(node, element: element) else { continue }
                if let earlier = firstFeatureWithCode[region.code] {
                    let codeNode = node["properties"]?["statcode"] ?? node["properties"]?["code"]
                    problems.add(
                        "statcode \"\(region.code)\" komt dubbel voor (ook in feature \(earlier))",
                        at: location(codeNode, element: element, field: "statcode"))
                    continue
                }
                firstFeatureWithCode[region.code] = index + 1
                regions.append(region)
            }
            return regions
        }

        mutating func readFeature(_ node: JSONNode, element: String) -> RegionFeature? {
            guard node.isObject else {
                problems.add(
                    "feature moet een object zijn, gevonden \(node.kindName)", at: location(node, element: element))
                return nil
            }
            var ok = true
            if node["type"]?.string != "Feature" {
                let found = node["type"]?.string.map { "\"\($0)\"" } ?? "geen type"
                problems.add(
                    "type moet \"Feature\" zijn, gevonden \(found)",
                    at: location(node["type"] ?? node, element: element, field: "type"))
                ok = false
            }
            let properties = readProperties(node, element: element)
            guard let geometry = readGeometry(node, element: element), ok, var region = properties else { return nil }
            region.geometry = geometry
            return region
        }

        /// Code, name and the other properties (geometry still empty); nil after a problem.
        mutating func readProperties(_ feature: JSONNode, element: String) -> RegionFeature? {
            guard let props = feature["properties"], let members = props.members else {
                let what = feature["properties"].map { "is \($0.kindName)" } ?? "ontbreekt"
                problems.add(
                    "properties \(what); statcode en statnaam zijn nodig",
                    at: location(feature["properties"] ?? feature, element: element, field: "properties"))
                return nil
            }
            let codeKey = props["statcode"] != nil ? "statcode" : (props["code"] != nil ? "code" : nil)
            let nameKey = props["statnaam"] != nil ? "statnaam" : (props["naam"] != nil ? "naam" : nil)
            let code = requiredText(props, key: codeKey, shownKey: "statcode", alternative: "code", element: element)
            let name = requiredText(props, key: nameKey, shownKey: "statnaam", alternative: "naam", element: element)
            var region = RegionFeature(code: code ?? "", name: name ?? "", geometry: GeoMultiPolygon([]))
            for member in members where member.key != codeKey && member.key != nameKey {
                guard let text = member.value.text else { continue }
                switch member.key {
                case GeoJSONRegions.schematicKey: region.isSchematic = ["true", "ja", "1"].contains(text.lowercased())
                case GeoJSONRegions.noteKey: region.note = text
                default: region.properties[member.key] = text
                }
            }
            return code != nil && name != nil ? region : nil
        }

        /// A non-empty text property (numbers accepted as written); reports and returns nil otherwise.
        mutating func requiredText(
            _ props: JSONNode, key: String?, shownKey: String, alternative: String,
            element: String
        ) -> String? {
            guard let key, let value = props[key] else {
                problems.add(
                    "\(shownKey) ontbreekt (of \(alternative))", at: location(props, element: element, field: shownKey))
                return nil
            }
            guard let text = value.string ?? value.numberText else {
                problems.add(
                    "\(key) moet tekst zijn, gevonden \(value.kindName)",
                    at: location(value, element: element, field: key))
                return nil
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                problems.add("\(key) is leeg", at: location(value, element: element, field: key))
                return nil
            }
            return trimmed
        }

        mutating func readGeometry(_ feature: JSONNode, element: String) -> GeoMultiPolygon? {
            guard let geometry = feature["geometry"], !geometry.isNull else {
                problems.add(
                    "geometrie ontbreekt",
                    at: location(feature["geometry"] ?? feature, element: element, field: "geometry"))
                return nil
            }
            guard geometry.isObject else {
                problems.add(
                    "geometrie moet een object zijn, gevonden \(geometry.kindName)",
                    at: location(geometry, element: element, field: "geometry"))
                return nil
            }
            let type = geometry["type"]?.string
            guard type == "Polygon" || type == "MultiPolygon" else {
                let found = type.map { "\"\($0)\"" } ?? "geen type"
                problems.add(
                    "geometrietype \(found) wordt niet ondersteund; verwacht Polygon of MultiPolygon",
                    at: location(geometry["type"] ?? geometry, element: element, field: "geometry.type"))
                return nil
            }
            guard let coordinates = geometry["coordinates"] else {
                problems.add(
                    "coordinates ontbreekt", at: location(geometry, element: element, field: "geometry.coordinates"))
                return nil
            }
            var context = CoordinateContext(element: element)
            if type == "Polygon" {
                return readPolygon(coordinates, path: "geometry.coordinates", context: &context).map {
                    GeoMultiPolygon([$0])
                }
            }
            return readMultiPolygon(coordinates, context: &context)
        }

        mutating func readMultiPolygon(_ coordinates: JSONNode, context: inout CoordinateContext) -> GeoMultiPolygon? {
            let path = "geometry.coordinates"
            guard
                let items = expectArray(
                    coordinates, path: path, what: "een lijst van polygonen",
                    element: context.element)
            else { return nil }
            guard !items.isEmpty else {
                problems.add(
                    "MultiPolygon zonder polygonen", at: location(coordinates, element: context.element, field: path))
                return nil
            }
            var polygons: [GeoPolygon] = []
            var failed = false
            for (n, item) in items.enumerated() {
                if let polygon = readPolygon(item, path: "\(path)[\(n)]", context: &context) {
                    polygons.append(polygon)
                } else {
                    failed = true
                }
            }
            return failed ? nil : GeoMultiPolygon(polygons)
        }

        struct CoordinateContext {
            let element: String
            /// Only the first out-of-range coordinate of a feature is reported (a whole file in the
            /// wrong system would otherwise fill the list with one mistake).
            var reportedRange = false
        }

        mutating func expectArray(_ node: JSONNode, path: String, what: String, element: String) -> [JSONNode]? {
            if let items = node.array { return items }
            problems.add(
                "verwacht \(what), gevonden \(node.kindName)", at: location(node, element: element, field: path))
            return nil
        }

        mutating func readPolygon(_ node: JSONNode, path: String, context: inout CoordinateContext) -> GeoPolygon? {
            guard
                let ringNodes = expectArray(
                    node, path: path, what: "een lijst van ringen",
                    element: context.element)
            else { return nil }
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

        mutating func readRing(_ node: JSONNode, path: String, context: inout CoordinateContext) -> [GeoPoint]? {
            guard
                let positions = expectArray(
                    node, path: path, what: "een ring (lijst van posities)",
                    element: context.element)
            else { return nil }
            var raw: [(Double, Double)] = []
            for (n, position) in positions.enumerated() {
                if let xy = readPosition(position, path: "\(path)[\(n)]", context: &context) { raw.append(xy) }
            }
            guard raw.count == positions.count else { return nil }
            let here = location(node, element: context.element, field: path)
            guard raw.count >= 4 else {
                problems.add(
                    "ring heeft \(raw.count) posities; minimaal 4 nodig (3 hoeken en de eerste positie herhaald)",
                    at: here)
                return nil
            }
            guard let first = raw.first, let last = raw.last, first == last else {
                problems.add("ring is niet gesloten: de laatste positie moet gelijk zijn aan de eerste", at: here)
                return nil
            }
            switch crs {
            case .wgs84: return raw.map { GeoPoint(lon: $0.0, lat: $0.1) }
            case .rdNew: return raw.map { RDNew.toWGS84(x: $0.0, y: $0.1) }
            }
        }

        mutating func readPosition(
            _ node: JSONNode, path: String, context: inout CoordinateContext
        ) -> (Double, Double)? {
            let element = context.element
            let unit = crs == .wgs84 ? "[lengtegraad, breedtegraad]" : "[x, y] in meters (RD New)"
            guard let items = node.array else {
                problems.add(
                    "positie moet een lijst \(unit) zijn, gevonden \(node.kindName)",
                    at: location(node, element: element, field: path))
                return nil
            }
            guard items.count >= 2 else {
                problems.add(
                    "positie heeft \(items.count) getal(len); verwacht \(unit)",
                    at: location(node, element: element, field: path))
                return nil
            }
            var values: [Double] = []
            for (n, item) in items.prefix(3).enumerated() {
                guard let v = coordinateValue(item, path: "\(path)[\(n)]", element: element) else { return nil }
                values.append(v)
            }
            guard let message = rangeProblem(x: values[0], y: values[1], items: items) else {
                return (values[0], values[1])
            }
            if !context.reportedRange {
                context.reportedRange = true
                problems.add(message, at: location(node, element: element, field: path))
            }
            return nil
        }

        mutating func coordinateValue(_ item: JSONNode, path: String, element: String) -> Double? {
            guard let v = item.double else {
                problems.add(
                    "coördinaat is geen getal maar \(item.kindName)", at: location(item, element: element, field: path))
                return nil
            }
            guard v.isFinite else {
                problems.add(
                    "coördinaat \(item.text ?? "") is te groot", at: location(item, element: element, field: path))
                return nil
            }
            return v
        }

        /// Nil when (x, y) lies in the coordinate system's range; otherwise the message.
        func rangeProblem(x: Double, y: Double, items: [JSONNode]) -> String? {
            let shown = "[\(items[0].text ?? ""), \(items[1].text ?? "")]"
            switch crs {
            case .wgs84:
                if abs(x) <= 180 && abs(y) <= 90 { return nil }
                var message = "coördinaat buiten WGS84-bereik (lengtegraad −180…180, breedtegraad −90…90): \(shown)"
                if RDNew.isPlausible(x: x, y: y) {
                    message +=
                        "; dit lijkt RD New (EPSG:28992): geef dat aan met \"crs\": {\"type\": \"name\", "
                        + "\"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::28992\"}}"
                }
                return message
            case .rdNew:
                if RDNew.isPlausible(x: x, y: y) { return nil }
                let xs = "\(Int(RDNew.validX.lowerBound))…\(Int(RDNew.validX.upperBound))"
                let ys = "\(Int(RDNew.validY.lowerBound))…\(Int(RDNew.validY.upperBound))"
                return "coördinaat buiten het RD New-bereik van Nederland (x \(xs), y \(ys)): \(shown)"
            }
        }
    }
}
