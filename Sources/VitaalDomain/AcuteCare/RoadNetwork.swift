import Foundation

/// Where a road of the acute-care network comes from: the map draws the two differently.
public enum RoadOrigin: String, Sendable, Hashable, Codable {
    /// Provincie Flevoland's provincial roads (real geometry, exported 23-10-2018).
    case provincialRoad
    /// A schematic link drawn by hand where no real road data is at hand (motorways, roads to villages).
    case schematic
}

/// One road of the network as drawn on the map and fed to the graph builder.
public struct RoadLine: Sendable, Hashable {
    public var name: String
    public var roadClass: RoadClass
    public var origin: RoadOrigin
    public var points: [GeoPoint]

    public init(name: String, roadClass: RoadClass, origin: RoadOrigin, points: [GeoPoint]) {
        self.name = name
        self.roadClass = roadClass
        self.origin = origin
        self.points = points
    }
}

/// Provincie Flevoland's provincial roads as compiled into `FlevolandOpenData` (simplified copy, see
/// Resources/flevoland/README.md). No motorways (A6, A27 are national roads) and no local streets.
public enum ProvincialRoads {
    public static let file = "flevoland-provinciale-wegen-2018.geojson"
    /// How the page credits the source.
    public static let credit = "Provincie Flevoland, provinciale wegen, export 23-10-2018"

    /// Urgent-driving class per road type of the file (speeds from `SpeedTable`): a regional
    /// through-road (regionale stroomweg) is primary, 80 km/h; an area access road
    /// (gebiedsontsluitingsweg) secondary, 70 km/h; a parallel road (parallelweg) local, 45 km/h; a
    /// road without type tertiary, 60 km/h.
    public static func roadClass(type: String) -> RoadClass {
        let t = type.lowercased()
        if t.contains("stroomweg") { return .primary }
        if t.contains("gebiedsontsluiting") { return .secondary }
        if t.contains("parallel") { return .local }
        return .tertiary
    }

    /// The 121 roads, named "N305 Gooiseweg" (number and name as far as given).
    public static let lines: [RoadLine] = {
        guard let text = FlevolandOpenData.files[file], let root = try? JSONParser.parse(text, file: file) else {
            return []
        }
        return (root["features"]?.array ?? []).compactMap { feature in
            let properties = feature["properties"]
            let points = (feature["geometry"]?["coordinates"]?.array ?? []).compactMap { c -> GeoPoint? in
                guard let xy = c.array, xy.count >= 2, let lon = xy[0].double, let lat = xy[1].double else {
                    return nil
                }
                return GeoPoint(lon: lon, lat: lat)
            }
            guard points.count >= 2 else { return nil }
            let parts = ["N_WEG", "NAAM"].map { properties?[$0]?.string?.trimmingCharacters(in: .whitespaces) ?? "" }
            return RoadLine(
                name: parts.filter { !$0.isEmpty }.joined(separator: " "),
                roadClass: roadClass(type: properties?["TYPE"]?.string ?? ""), origin: .provincialRoad, points: points)
        }
    }()
}

/// Joins real roads and schematic links into one set of lines whose meeting points are equal
/// coordinates, so `RoadGraphBuilder` turns each into one node:
/// - a real road's end within `snapMeters` (100 m) of another real road is moved onto it (a junction
///   that the data draws short, often a roundabout the file leaves out), and real roads that cross get a node at the crossing (the data
///   has no levels: a flyover counts as a junction);
/// - a schematic line's own vertex within `snapMeters` of a real road is moved onto it, one within
///   `junctionMeters` is joined to the nearest point by a schematic connector (where the motorway
///   meets the provincial network);
/// - a place (post, town) gets a schematic access road to the nearest point of every road (by number:
///   N705, A6, …) within `townMeters`, or else to the nearest road within `accessMeters`: the town's
///   own streets, which the data does not have, link the roads around it.
public struct RoadNetworkJoiner: Sendable {
    public var snapMeters = 100.0
    public var junctionMeters = 1500.0
    public var accessMeters = 5000.0
    public var townMeters = 2500.0

    public init() {}

    /// Local planar metres around latitude 52.5 (error < 0.1 % within the province).
    private static let k = GridIndex.metresPerDegreeLat
    private static let cosLat = cos(52.5 * Double.pi / 180)
    private static func xy(_ p: GeoPoint) -> (x: Double, y: Double) { (p.lon * k * cosLat, p.lat * k) }

    private struct Segment {
        var line: Int, index: Int
        var a: GeoPoint, b: GeoPoint
        var ax: Double, ay: Double, bx: Double, by: Double
    }

    /// A point on a road: line, segment, position 0…1 and the point itself.
    private struct Hit {
        var line: Int, index: Int, t: Double, point: GeoPoint, meters: Double
    }

    public func join(real: [RoadLine], schematic: [RoadLine], places: [(name: String, location: GeoPoint)])
        -> [RoadLine]
    {
        var lines = real + schematic
        var inserts = [[(index: Int, t: Double, point: GeoPoint)]](repeating: [], count: lines.count)
        let realSegments = Self.segments(lines, 0..<real.count)
        // Line ends onto nearby roads.
        for l in real.indices {
            for end in [0, lines[l].points.count - 1] {
                guard let hit = Self.nearest(lines[l].points[end], in: realSegments, excludingLine: l),
                    hit.meters <= snapMeters
                else { continue }
                lines[l].points[end] = hit.point
                inserts[hit.line].append((hit.index, hit.t, hit.point))
            }
        }
        // Crossings between different roads.
        for (i, s) in realSegments.enumerated() {
            for u in realSegments[(i + 1)...] where u.line != s.line {
                guard let (t, v) = Self.crossing(s, u) else { continue }
                let point = AcuteGeo.interpolate(s.a, s.b, t)
                inserts[s.line].append((s.index, t, point))
                inserts[u.line].append((u.index, v, point))
            }
        }
        var connectors: [RoadLine] = []
        for l in real.count..<lines.count {
            for (k, vertex) in lines[l].points.enumerated() {
                guard let hit = Self.nearest(vertex, in: realSegments), hit.meters <= junctionMeters else { continue }
                inserts[hit.line].append((hit.index, hit.t, hit.point))
                if hit.meters <= snapMeters {
                    lines[l].points[k] = hit.point
                } else {
                    connectors.append(
                        RoadLine(
                            name: "aansluiting \(lines[l].name)", roadClass: .local, origin: .schematic,
                            points: [vertex, hit.point]))
                }
            }
        }
        // Places join every road (by number: N705, A6, …) within `townMeters`, or else the nearest road
        // within `accessMeters`: a town's streets link the roads around it.
        let allSegments = Self.segments(lines, lines.indices)
        let roadNumber = lines.map { $0.name.split(separator: " ").first.map(String.init) ?? $0.name }
        let groups = Dictionary(grouping: allSegments, by: { roadNumber[$0.line] })
        for place in places {
            var hits = groups.keys.sorted().compactMap { key in
                Self.nearest(place.location, in: groups[key]!).flatMap { $0.meters <= townMeters ? $0 : nil }
            }
            if hits.isEmpty, let hit = Self.nearest(place.location, in: allSegments), hit.meters <= accessMeters {
                hits = [hit]
            }
            for hit in hits where hit.meters >= 1 {
                inserts[hit.line].append((hit.index, hit.t, hit.point))
                connectors.append(
                    RoadLine(
                        name: "toegangsweg \(place.name)", roadClass: .local, origin: .schematic,
                        points: [place.location, hit.point]))
            }
        }
        for l in lines.indices {
            let extra = inserts[l].sorted { ($0.index, $0.t) < ($1.index, $1.t) }
            var result: [GeoPoint] = []
            var e = 0
            for (i, point) in lines[l].points.enumerated() {
                result.append(point)
                while e < extra.count && extra[e].index == i {
                    result.append(extra[e].point)
                    e += 1
                }
            }
            lines[l].points = result
        }
        return lines + connectors
    }

    private static func segments(_ lines: [RoadLine], _ range: Range<Int>) -> [Segment] {
        var out: [Segment] = []
        for l in range {
            for (i, (a, b)) in zip(lines[l].points, lines[l].points.dropFirst()).enumerated() {
                let p = xy(a)
                let q = xy(b)
                out.append(Segment(line: l, index: i, a: a, b: b, ax: p.x, ay: p.y, bx: q.x, by: q.y))
            }
        }
        return out
    }

    /// The nearest point on the segments (brute force: a province has a few thousand).
    private static func nearest(_ p: GeoPoint, in segments: [Segment], excludingLine: Int? = nil) -> Hit? {
        let (px, py) = xy(p)
        var best: Hit?
        for s in segments where s.line != excludingLine {
            let dx = s.bx - s.ax
            let dy = s.by - s.ay
            let length2 = dx * dx + dy * dy
            let t = length2 > 0 ? min(1, max(0, ((px - s.ax) * dx + (py - s.ay) * dy) / length2)) : 0
            let ex = px - s.ax - t * dx
            let ey = py - s.ay - t * dy
            let d = (ex * ex + ey * ey).squareRoot()
            if d < (best?.meters ?? .infinity) {
                let point = t <= 0 ? s.a : (t >= 1 ? s.b : AcuteGeo.interpolate(s.a, s.b, t))
                best = Hit(line: s.line, index: s.index, t: t, point: point, meters: d)
            }
        }
        return best
    }

    /// Positions (0…1, ends excluded) where two segments properly cross; nil if they do not (or are parallel).
    private static func crossing(_ s: Segment, _ u: Segment) -> (Double, Double)? {
        guard
            max(s.ax, s.bx) >= min(u.ax, u.bx) && max(u.ax, u.bx) >= min(s.ax, s.bx)
                && max(s.ay, s.by) >= min(u.ay, u.by) && max(u.ay, u.by) >= min(s.ay, s.by)
        else { return nil }
        let rx = s.bx - s.ax
        let ry = s.by - s.ay
        let qx = u.bx - u.ax
        let qy = u.by - u.ay
        let denominator = rx * qy - ry * qx
        if abs(denominator) < 1e-9 { return nil }
        let t = ((u.ax - s.ax) * qy - (u.ay - s.ay) * qx) / denominator
        let v = ((u.ax - s.ax) * ry - (u.ay - s.ay) * rx) / denominator
        guard t > 1e-9 && t < 1 - 1e-9 && v > 1e-9 && v < 1 - 1e-9 else { return nil }
        return (t, v)
    }
}
