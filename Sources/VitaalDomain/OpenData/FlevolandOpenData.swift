import Foundation

/// Real open data for Flevoland, compiled into the binary (see `Resources/flevoland/README.md`):
/// CBS 2024 boundaries of the province, its six municipalities, all 103 wijken and the service
/// regions (GGD, veiligheidsregio, zorgkantoorregio, arbeidsmarktregio), and CBS figures (Kerncijfers
/// wijken en buurten 2024, population 70072ned, Gezondheidsmonitor 2020). Licence CC BY 4.0; boundaries
/// are credited "Bron: CBS/PDOK", figures "Bron: CBS".
///
/// The files are parsed with the project's own readers (`GeoJSONRegions`, `CSVReader`); the tests
/// check that every file parses, so the accessors below do not throw.
public enum FlevolandOpenData {
    public static let licence = "CC BY 4.0"
    /// Credit for the boundaries.
    public static let boundaryCredit =
        "Bron: CBS/PDOK, Wijk- en buurtkaart en gebiedsindelingen 2024 (gegeneraliseerd), CC BY 4.0"

    // MARK: Boundaries

    public static let provinceFile = "flevoland-provincie-2024.geojson"
    public static let municipalitiesFile = "flevoland-gemeenten-2024.geojson"
    public static let wijkenFile = "flevoland-wijken-2024.geojson"

    /// The regions of one of the GeoJSON files (empty for an unknown name).
    public static func boundaries(_ file: String) -> [RegionFeature] {
        guard let text = files[file] else { return [] }
        return (try? GeoJSONRegions.parse(text, file: file)) ?? []
    }

    public static var province: RegionFeature? { boundaries(provinceFile).first }
    public static var municipalities: [RegionFeature] { boundaries(municipalitiesFile) }
    /// Every wijk; `properties["gemeentecode"]` names its municipality.
    public static var wijken: [RegionFeature] { boundaries(wijkenFile) }

    // MARK: Figures

    /// One published figure (a row of the long-format CSV files).
    public struct Figure: Sendable, Hashable {
        public var code: String
        public var name: String
        public var unit: String
        public var regionCode: String
        public var regionName: String
        public var year: Int
        public var value: Double
        /// The CBS table as the file names it, e.g. "85984NED (Kerncijfers wijken en buurten 2024)".
        public var table: String

        /// "Bron: CBS, tabel 85984NED (Kerncijfers wijken en buurten 2024), CC BY 4.0".
        public var citation: String {
            let table = table.hasPrefix("CBS") ? table : "CBS, tabel \(table)"
            return "Bron: \(table), \(FlevolandOpenData.licence)"
        }
        /// CBS marks provisional figures in the table note (70072ned 2021).
        public var isProvisional: Bool { table.contains("voorlopig") }
    }

    public static let kwbMunicipalitiesFile = "flevoland-kwb-2024-gemeenten.csv"
    public static let kwbWijkenFile = "flevoland-kwb-2024-wijken.csv"
    public static let populationFile = "flevoland-bevolking-70072ned.csv"
    public static let populationSeriesFile = "flevoland-provincie-bevolking-1995-2020.csv"
    public static let healthFile = "flevoland-gezondheidsmonitor-2020-85012NED.csv"

    /// The rows of one of the CSV files (empty for an unknown name).
    public static func figures(_ file: String) -> [Figure] {
        guard let text = files[file],
            let records = try? CSVReader(data: Data((text + "\n").utf8), fileName: file, separator: .comma)
                .readAll()
        else { return [] }
        return records.dropFirst().compactMap { r in
            guard r.count >= 8, let year = Int(r[5]), let value = Double(r[6]) else { return nil }
            return Figure(
                code: r[0], name: r[1], unit: r[2], regionCode: r[3], regionName: r[4], year: year, value: value,
                table: r[7])
        }
    }

    /// KWB indicator codes as the files name them.
    public enum KWB {
        public static let inhabitants = "AantalInwoners_5"
        public static let density = "Bevolkingsdichtheid_34"
        public static let dwellings = "Woningvoorraad_35"
    }

    /// Inhabitants on 1 January 2024: KWB 2024 for municipalities and wijken, 70072ned for the
    /// province and the Netherlands (the two tables differ slightly; both are kept as published).
    public static func population2024(_ code: String) -> Figure? {
        populationIndex[code]
    }

    private static let populationIndex: [String: Figure] = {
        var index: [String: Figure] = [:]
        for f in figures(populationFile) where f.year == 2024 { index[f.regionCode] = f }
        for file in [kwbMunicipalitiesFile, kwbWijkenFile] {
            for f in figures(file) where f.code == KWB.inhabitants { index[f.regionCode] = f }
        }
        return index
    }()

    /// Dwellings (woningvoorraad) on 1 January 2024 per municipality and wijk, KWB 2024.
    public static func dwellings2024(_ code: String) -> Figure? {
        dwellingsIndex[code]
    }

    private static let dwellingsIndex: [String: Figure] = {
        var index: [String: Figure] = [:]
        for file in [kwbMunicipalitiesFile, kwbWijkenFile] {
            for f in figures(file) where f.code == KWB.dwellings { index[f.regionCode] = f }
        }
        return index
    }()

    // MARK: Service regions

    /// The service regions that cover (part of) Flevoland, with the Flevoland municipalities in each.
    public static let serviceRegions: [RegionGrouping] = [
        RegionGrouping(
            code: "GG2209", name: "GGD Flevoland", type: .ggd, members: allMunicipalities,
            file: "flevoland-ggdregio-2024.geojson"),
        RegionGrouping(
            code: "VR25", name: "Veiligheidsregio Flevoland", type: .veiligheidsregio, members: allMunicipalities,
            file: "flevoland-veiligheidsregio-2024.geojson"),
        RegionGrouping(
            code: "ZK07", name: "Zorgkantoorregio Flevoland (zonder Almere)", type: .zorgkantoorregio,
            members: allMunicipalities.filter { $0 != "GM0034" }, file: "flevoland-zorgkantoorregio-2024.geojson"),
        RegionGrouping(
            code: "ZK21", name: "Zorgkantoorregio 't Gooi (met Almere)", type: .zorgkantoorregio,
            members: ["GM0034"], reachesOutside: true,
            file: "zorgkantoorregio-2024-ZK21-tgooi-incl-almere.geojson"),
        RegionGrouping(
            code: "AM11", name: "Arbeidsmarktregio Flevoland (zonder Zeewolde)", type: .arbeidsmarktregio,
            members: allMunicipalities.filter { $0 != "GM0050" }, file: "flevoland-arbeidsmarktregio-2024.geojson"),
        RegionGrouping(
            code: "AM06", name: "Arbeidsmarktregio Veluwe Stedendriehoek (met Zeewolde)", type: .arbeidsmarktregio,
            members: ["GM0050"], reachesOutside: true,
            file: "arbeidsmarktregio-2024-AM06-veluwe-stedendriehoek-incl-zeewolde.geojson")
    ]

    /// The six municipalities' CBS codes.
    public static let allMunicipalities = ["GM0034", "GM0995", "GM0303", "GM0171", "GM0050", "GM0184"]

    /// A service region's published boundary.
    public static func boundary(of grouping: RegionGrouping) -> RegionFeature? {
        grouping.file.flatMap { boundaries($0).first { $0.code == grouping.code } }
    }
}

/// A named grouping of regions (a service region or a subregion of the documents): its members
/// that Vitaal knows and whether it also covers areas outside them.
public struct RegionGrouping: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case ggd, veiligheidsregio, zorgkantoorregio, arbeidsmarktregio, iza, subregio, overig

        public var label: String {
            switch self {
            case .ggd: "GGD-regio"
            case .veiligheidsregio: "Veiligheidsregio"
            case .zorgkantoorregio: "Zorgkantoorregio"
            case .arbeidsmarktregio: "Arbeidsmarktregio"
            case .iza: "IZA-regio"
            case .subregio: "Subregio"
            case .overig: "Regio-indeling"
            }
        }

        /// The kind implied by a CBS code prefix (GG, VR, ZK, AM); nil for other codes.
        public static func from(code: String) -> Kind? {
            switch code.prefix(2) {
            case "GG": .ggd
            case "VR": .veiligheidsregio
            case "ZK": .zorgkantoorregio
            case "AM": .arbeidsmarktregio
            default: nil
            }
        }
    }

    public var code: String
    public var name: String
    public var type: Kind
    /// Member region codes (municipalities).
    public var members: [String]
    /// True when the grouping also covers regions that are not among `members` (e.g. ZK21 reaches
    /// into Noord-Holland): then no figure for it can be computed from the members.
    public var reachesOutside: Bool
    /// The published boundary file, if any.
    public var file: String?

    public init(
        code: String, name: String, type: Kind, members: [String], reachesOutside: Bool = false,
        file: String? = nil
    ) {
        self.code = code
        self.name = name
        self.type = type
        self.members = members
        self.reachesOutside = reachesOutside
        self.file = file
    }

    /// Whether `code` belongs to the grouping.
    public func contains(_ code: String) -> Bool { members.contains(code) }

    /// The total of a count (e.g. inhabitants) for the grouping from its members' values: only when
    /// the grouping consists of exactly these members (it reaches nowhere else) and every member has
    /// a value. Otherwise nil: a figure for a grouping is never summed from members that are not all
    /// in it, nor from an incomplete set.
    public func total(from values: [String: Double]) -> Double? {
        guard !reachesOutside, !members.isEmpty else { return nil }
        var sum = 0.0
        for member in members {
            guard let value = values[member] else { return nil }
            sum += value
        }
        return sum
    }

    /// The outline of a grouping without a published boundary: its members' polygons together.
    public static func outline(members: [GeoMultiPolygon]) -> GeoMultiPolygon? {
        let polygons = members.flatMap(\.polygons)
        return polygons.isEmpty ? nil : GeoMultiPolygon(polygons)
    }
}
