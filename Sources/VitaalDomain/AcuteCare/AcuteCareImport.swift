import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Importers for road networks, demand points and ambulance posts.
///
/// Not supported here: the CBS 100 m grid (GeoPackage = SQLite); the domain module has no SQLite.
/// Convert it to the demand CSV (`id,x,y,population` in RD New metres, cell centres) first.
public enum AcuteCareImport {

    // MARK: OpenStreetMap XML

    /// Parses an `.osm` file: nodes, and ways with a car `highway` tag (see `RoadClass`); `oneway`
    /// honoured; other ways ignored. Errors name the way id / node id and the line.
    public static func roadGraph(
        osm data: Data, file: String = "wegennet.osm", speeds: SpeedTable = .default
    ) throws -> RoadGraph {
        final class Delegate: NSObject, XMLParserDelegate {
            var nodes: [Int64: (lat: Double, lon: Double, line: Int)] = [:]
            var ways: [(id: Int64, line: Int, refs: [Int64], tags: [String: String])] = []
            var current: (id: Int64, line: Int, refs: [Int64], tags: [String: String])?
            var problems = ProblemCollector()
            var sawOSM = false
            let file: String
            weak var parser: XMLParser?
            init(file: String) { self.file = file }
            var line: Int { parser?.lineNumber ?? 0 }

            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]
            ) {
                switch name {
                case "osm": sawOSM = true
                case "node":
                    guard let id = a["id"].flatMap(Int64.init), let lat = a["lat"].flatMap(Double.init),
                        let lon = a["lon"].flatMap(Double.init)
                    else {
                        problems.add(
                            "node zonder geldige id, lat of lon",
                            at: SourceLocation(file: file, line: line, element: "node \(a["id"] ?? "?")"))
                        return
                    }
                    nodes[id] = (lat, lon, line)
                case "way":
                    guard let id = a["id"].flatMap(Int64.init) else {
                        problems.add(
                            "way zonder geldige id", at: SourceLocation(file: file, line: line, element: "way"))
                        return
                    }
                    current = (id, line, [], [:])
                case "nd":
                    if current != nil, let r = a["ref"].flatMap(Int64.init) {
                        current!.refs.append(r)
                    } else if current != nil {
                        problems.add(
                            "nd zonder geldige ref",
                            at: SourceLocation(file: file, line: line, element: "way \(current!.id)"))
                    }
                case "tag":
                    if current != nil, let k = a["k"], let v = a["v"] { current!.tags[k] = v }
                default: break
                }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
            {
                if name == "way", let w = current {
                    ways.append(w)
                    current = nil
                }
            }
        }
        // No document type declarations at all: OSM files never need one, and refusing it here does
        // not rely on the XML parser's defaults for external entities or entity expansion.
        if let line = doctypeLine(data) {
            throw VitaalError.invalid(
                "het bestand bevat een <!DOCTYPE>-declaratie; die wordt niet geaccepteerd in OpenStreetMap-XML "
                    + "(verwijder de regel)",
                at: SourceLocation(file: file, line: line))
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let d = Delegate(file: file)
        d.parser = parser
        parser.delegate = d
        if !parser.parse() || !d.sawOSM {
            let line = parser.lineNumber
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "geen <osm>-element"
            throw VitaalError.invalid(
                "geen geldig OpenStreetMap-XML-bestand (\(reason))", at: SourceLocation(file: file, line: max(1, line)))
        }
        var p = d.problems
        var b = RoadGraphBuilder()
        var nodeIndex: [Int64: Int32] = [:]
        for w in d.ways {
            guard let hw = w.tags["highway"], let cls = RoadClass(osmHighway: hw) else { continue }
            var ids: [Int32] = []
            var ok = true
            for r in w.refs {
                guard let n = d.nodes[r] else {
                    p.add(
                        "way \(w.id) verwijst naar ontbrekende node \(r)",
                        at: SourceLocation(file: file, line: w.line, element: "way \(w.id)"))
                    ok = false
                    break
                }
                let g = GeoPoint(lon: n.lon, lat: n.lat)
                guard AcuteGeo.isInNetherlands(g) else {
                    p.add(
                        "node \(r) van way \(w.id) ligt buiten Nederland (\(n.lat), \(n.lon))",
                        at: SourceLocation(file: file, line: n.line, element: "node \(r)"))
                    ok = false
                    break
                }
                if let i = nodeIndex[r] {
                    ids.append(i)
                } else {
                    // OSM nodes are distinct even at equal coordinates; keep them apart unless the
                    // same id: use the builder's merge only for identical positions, which is harmless.
                    let i = b.node(at: g)
                    nodeIndex[r] = i
                    ids.append(i)
                }
            }
            if ok { b.addRoad(nodes: ids, roadClass: cls, oneWay: OneWay(osm: w.tags["oneway"])) }
        }
        try p.throwIfAny("OpenStreetMap-bestand \(file) bevat fouten")
        if b.nodes.isEmpty {
            throw VitaalError.invalid(
                "het bestand bevat geen wegen (ways met een highway-tag voor auto's)", at: SourceLocation(file: file))
        }
        return b.build(speeds: speeds)
    }

    // MARK: GeoJSON

    /// Parses a GeoJSON FeatureCollection of LineString/MultiLineString roads with property
    /// `highway` or `class` (and optional `oneway`). Other geometries are refused naming the feature;
    /// features whose class is not a car road (e.g. `cycleway`) are skipped. Coordinates in WGS84.
    /// Read with `JSONParser`, like region GeoJSON: every problem names the line and column.
    public static func roadGraph(
        geoJSON data: Data, file: String = "wegennet.geojson",
        speeds: SpeedTable = .default
    ) throws -> RoadGraph {
        let root = try JSONParser.parse(data, file: file)
        guard let features = root["features"]?.array else {
            throw VitaalError.invalid(
                "verwacht een GeoJSON FeatureCollection met \"features\"",
                at: root.location(file: file, element: "$"))
        }
        var p = ProblemCollector()
        var b = RoadGraphBuilder()
        for (i, feature) in features.enumerated() {
            let label = feature["id"].map { "feature \(i) (id \($0.text ?? "null"))" } ?? "feature \(i)"
            guard let road = roadFeature(feature, file: file, element: label, problems: &p) else { continue }
            for line in road.lines {
                guard let points = roadPoints(line, file: file, element: label, problems: &p), points.count >= 2 else {
                    continue
                }
                b.addRoad(nodes: points.map { b.node(at: $0) }, roadClass: road.roadClass, oneWay: road.oneWay)
            }
        }
        try p.throwIfAny("GeoJSON-bestand \(file) bevat fouten")
        if b.nodes.isEmpty { throw VitaalError.invalid("het bestand bevat geen wegen", at: SourceLocation(file: file)) }
        return b.build(speeds: speeds)
    }

    /// The lines, class and direction of one road feature; nil when it is refused or not a car road.
    private static func roadFeature(
        _ f: JSONNode, file: String, element: String, problems p: inout ProblemCollector
    )
        -> (lines: [JSONNode], roadClass: RoadClass, oneWay: OneWay)?
    {
        let loc = f.location(file: file, element: element)
        guard let geom = f["geometry"], let type = geom["type"]?.string else {
            p.add("feature zonder geometrie", at: loc)
            return nil
        }
        let lines: [JSONNode]
        switch type {
        case "LineString": lines = [geom["coordinates"] ?? .array([])]
        case "MultiLineString": lines = geom["coordinates"]?.array ?? []
        default:
            p.add(
                "geometrie \(type) is geen lijn; alleen LineString en MultiLineString zijn toegestaan",
                at: geom.location(file: file, field: "geometry.type", element: element))
            return nil
        }
        let props = f["properties"]
        guard let hw = (props?["highway"] ?? props?["class"])?.string else {
            p.add("eigenschap \"highway\" of \"class\" ontbreekt", at: loc)
            return nil
        }
        guard let cls = RoadClass(osmHighway: hw) else { return nil }
        let oneWay: OneWay
        switch props?["oneway"]?.value {
        case .string(let s)?: oneWay = OneWay(osm: s)
        case .bool(let on)?: oneWay = on ? .forward : .no
        case .number?: oneWay = props?["oneway"]?.double.map { $0 == -1 ? .backward : $0 != 0 ? .forward : .no } ?? .no
        default: oneWay = .no
        }
        return (lines, cls, oneWay)
    }

    /// The points of one line; nil (and a problem) at the first bad or foreign coordinate.
    private static func roadPoints(
        _ line: JSONNode, file: String, element: String,
        problems p: inout ProblemCollector
    ) -> [GeoPoint]? {
        var points: [GeoPoint] = []
        for c in line.array ?? [] {
            guard let xy = c.array, xy.count >= 2, let lon = xy[0].double, let lat = xy[1].double else {
                p.add("ongeldige coördinaat", at: c.location(file: file, element: element))
                return nil
            }
            let g = GeoPoint(lon: lon, lat: lat)
            if !AcuteGeo.isInNetherlands(g) {
                p.add(
                    "coördinaat (\(xy[0].text ?? ""), \(xy[1].text ?? "")) ligt buiten Nederland",
                    at: c.location(file: file, element: element))
                return nil
            }
            points.append(g)
        }
        return points
    }

    // MARK: CSV

    /// Demand points: header `id,lat,lon,population` or `id,x,y,population` (RD New metres), optional
    /// `municipality` (or `gemeente`) and `name`. Separator `,` or `;` (decimal comma allowed with `;`).
    /// Dutch header names `inwoners`/`bevolking` are accepted for population.
    public static func demandPoints(
        csv data: Data, file: String = "vraagpunten.csv", isSchematic: Bool = false
    ) throws -> [DemandPoint] {
        let t = try CSVTable.parse(data: data, fileName: file)
        guard let idCol = CSVTable.columnIndex(ofAny: ["id"], in: t.header),
            let popCol = CSVTable.columnIndex(ofAny: ["population", "inwoners", "bevolking"], in: t.header)
        else {
            throw VitaalError.invalid(
                "kopregel moet de kolommen id, lat, lon (of x, y) en population bevatten",
                at: SourceLocation(file: file, line: t.headerLine))
        }
        let coords = try coordinateColumns(t, file: file)
        let muniCol = CSVTable.columnIndex(ofAny: ["municipality", "gemeente"], in: t.header)
        let nameCol = CSVTable.columnIndex(ofAny: ["name", "naam"], in: t.header)
        var p = ProblemCollector()
        var out: [DemandPoint] = []
        var seen = Set<String>()
        for row in t.rows where !row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let id = row.field(idCol)?.trimmingCharacters(in: .whitespaces) ?? ""
            if id.isEmpty {
                p.add("id ontbreekt", at: SourceLocation(file: file, line: row.line, field: "id"))
                continue
            }
            if !seen.insert(id).inserted {
                p.add(
                    "id \"\(id)\" komt meer dan eens voor", at: SourceLocation(file: file, line: row.line, field: "id"))
                continue
            }
            guard let g = point(row, coords, file: file, separator: t.separator, problems: &p) else { continue }
            guard let pop = number(row.field(popCol), t.separator), pop >= 0 else {
                p.add(
                    "inwonertal \"\(row.field(popCol) ?? "")\" is geen getal ≥ 0",
                    at: SourceLocation(file: file, line: row.line, column: popCol + 1, field: t.header[popCol]))
                continue
            }
            let muni = muniCol.flatMap { row.field($0) }.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
                $0.isEmpty ? nil : $0
            }
            out.append(
                DemandPoint(
                    id: id, location: g, population: pop, municipality: muni, name: nameCol.flatMap { row.field($0) },
                    isSchematic: isSchematic))
        }
        try p.throwIfAny("Vraagpunten in \(file) bevatten fouten")
        return out
    }

    /// Posts: header `id,lat,lon[,name]` (or `x,y` in RD New).
    public static func posts(
        csv data: Data, file: String = "posten.csv", isSchematic: Bool = false
    ) throws -> [AmbulancePost] {
        let t = try CSVTable.parse(data: data, fileName: file)
        guard let idCol = CSVTable.columnIndex(ofAny: ["id"], in: t.header) else {
            throw VitaalError.invalid(
                "kopregel moet de kolommen id, lat, lon (of x, y) bevatten",
                at: SourceLocation(file: file, line: t.headerLine))
        }
        let coords = try coordinateColumns(t, file: file)
        let nameCol = CSVTable.columnIndex(ofAny: ["name", "naam"], in: t.header)
        var p = ProblemCollector()
        var out: [AmbulancePost] = []
        var seen = Set<String>()
        for row in t.rows where !row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let id = row.field(idCol)?.trimmingCharacters(in: .whitespaces) ?? ""
            if id.isEmpty {
                p.add("id ontbreekt", at: SourceLocation(file: file, line: row.line, field: "id"))
                continue
            }
            if !seen.insert(id).inserted {
                p.add(
                    "post-id \"\(id)\" komt meer dan eens voor",
                    at: SourceLocation(file: file, line: row.line, field: "id"))
                continue
            }
            guard let g = point(row, coords, file: file, separator: t.separator, problems: &p) else { continue }
            let name = nameCol.flatMap { row.field($0) }.flatMap { $0.isEmpty ? nil : $0 }
            out.append(AmbulancePost(id: id, name: name, location: g, isSchematic: isSchematic))
        }
        try p.throwIfAny("Posten in \(file) bevatten fouten")
        return out
    }

    private enum Coords {
        case wgs(lat: Int, lon: Int)
        case rd(x: Int, y: Int)
    }

    private static func coordinateColumns(_ t: CSVTable, file: String) throws -> Coords {
        if let la = CSVTable.columnIndex(ofAny: ["lat", "latitude", "breedtegraad"], in: t.header),
            let lo = CSVTable.columnIndex(ofAny: ["lon", "lng", "longitude", "lengtegraad"], in: t.header)
        {
            return .wgs(lat: la, lon: lo)
        }
        if let x = CSVTable.columnIndex(ofAny: ["x", "rd_x", "x_rd"], in: t.header),
            let y = CSVTable.columnIndex(ofAny: ["y", "rd_y", "y_rd"], in: t.header)
        {
            return .rd(x: x, y: y)
        }
        throw VitaalError.invalid(
            "kolommen lat en lon (WGS84) of x en y (RD New, meters) ontbreken",
            at: SourceLocation(file: file, line: t.headerLine))
    }

    private static func number(_ s: String?, _ sep: CSVSeparator) -> Double? {
        guard var s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        if sep == .semicolon { s = s.replacingOccurrences(of: ",", with: ".") }
        guard let v = Double(s), v.isFinite else { return nil }
        return v
    }

    private static func point(
        _ row: CSVRecord, _ c: Coords, file: String, separator: CSVSeparator, problems p: inout ProblemCollector
    ) -> GeoPoint? {
        switch c {
        case .wgs(let la, let lo):
            guard let lat = number(row.field(la), separator), let lon = number(row.field(lo), separator) else {
                p.add(
                    "lat/lon is geen getal",
                    at: SourceLocation(file: file, line: row.line, column: la + 1, field: "lat"))
                return nil
            }
            let g = GeoPoint(lon: lon, lat: lat)
            guard AcuteGeo.isInNetherlands(g) else {
                p.add(
                    "coördinaat (\(lat), \(lon)) ligt buiten Nederland",
                    at: SourceLocation(file: file, line: row.line, column: la + 1, field: "lat"))
                return nil
            }
            return g
        case .rd(let xi, let yi):
            guard let x = number(row.field(xi), separator), let y = number(row.field(yi), separator) else {
                p.add("x/y is geen getal", at: SourceLocation(file: file, line: row.line, column: xi + 1, field: "x"))
                return nil
            }
            let rd = RDPoint(x: x, y: y)
            guard rd.isInNetherlands, case let g = RDConversion.toWGS84(rd), AcuteGeo.isInNetherlands(g) else {
                p.add(
                    "RD-coördinaat (\(x), \(y)) ligt buiten Nederland",
                    at: SourceLocation(file: file, line: row.line, column: xi + 1, field: "x"))
                return nil
            }
            return g
        }
    }
}

/// The 1-based line of the first `<!DOCTYPE` (any case, any place) in `data`, or nil.
func doctypeLine(_ data: Data) -> Int? {
    let needle = Array("<!doctype".utf8)
    var line = 1
    let bytes = [UInt8](data)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b == 0x0A { line += 1 }
        if b == 0x3C, i + needle.count <= bytes.count {
            var match = true
            for k in 0..<needle.count {
                let c = bytes[i + k]
                let lower = (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c
                if lower != needle[k] {
                    match = false
                    break
                }
            }
            if match { return line }
        }
        i += 1
    }
    return nil
}
