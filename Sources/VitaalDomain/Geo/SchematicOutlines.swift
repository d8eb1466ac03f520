import Foundation

/// Hand-drawn, simplified outlines of Flevoland's six municipalities, for maps when no official
/// boundary file has been imported. Drawn from a few known coast and border points; neighbouring
/// municipalities are built from the same vertices, so the map has no gaps or overlaps. They are
/// marked `isSchematic` and carry the note "Schematische omtrek, geen officiële grens".
///
/// The province is two polders: the Noordoostpolder (with Urk on its west coast) in the north-east,
/// and the Flevopolder (Lelystad north-west, Dronten east, Zeewolde south-east, Almere south-west),
/// with the Markermeer/IJsselmeer to the west and the Veluwemeer/Randmeren to the south-east.
public enum SchematicOutlines {
    public static let note = "Schematische omtrek, geen officiële grens"

    public static let almere = "GM0034"
    public static let lelystad = "GM0995"
    public static let dronten = "GM0303"
    public static let noordoostpolder = "GM0171"
    public static let zeewolde = "GM0050"
    public static let urk = "GM0184"

    private static func p(_ lon: Double, _ lat: Double) -> GeoPoint { GeoPoint(lon: lon, lat: lat) }

    // Flevopolder coast, clockwise from Lelystad's north tip.
    private static let houtribhaven = p(5.430, 52.540)
    private static let lelystadNoordkust = p(5.500, 52.560)
    private static let coastLelystadDronten = p(5.580, 52.572)  // border Lelystad–Dronten meets the IJsselmeer
    private static let swifterbantKust = p(5.680, 52.588)
    private static let ketelhaven = p(5.765, 52.597)
    private static let roggebot = p(5.860, 52.560)  // north-east tip at the Drontermeer
    private static let elburgOverzijde = p(5.800, 52.480)  // Veluwemeer, opposite Elburg
    private static let coastDrontenZeewolde = p(5.700, 52.397)  // border Dronten–Zeewolde meets the Veluwemeer
    private static let harderwijkOverzijde = p(5.600, 52.360)  // Wolderwijd, opposite Harderwijk
    private static let nuldernauw = p(5.500, 52.285)
    private static let zuidpunt = p(5.400, 52.255)  // Nijkerkernauw, south tip
    private static let coastZeewoldeAlmere = p(5.340, 52.275)  // border Zeewolde–Almere meets the Eemmeer/Gooimeer
    private static let almereHavenKust = p(5.220, 52.325)
    private static let hollandseBrug = p(5.120, 52.320)
    private static let almerePoortKust = p(5.080, 52.360)  // IJmeer, west tip
    private static let almerePampusKust = p(5.150, 52.402)
    private static let coastAlmereLelystad = p(5.280, 52.445)  // border Almere–Lelystad meets the Markermeer
    private static let oostvaardersdijk = p(5.360, 52.490)
    private static let bataviastad = p(5.410, 52.512)

    // Inland borders of the Flevopolder.
    private static let lelystadDrontenMidden = p(5.585, 52.500)
    private static let lelystadDrontenZeewolde = p(5.580, 52.425)  // triple point
    private static let knardijkMidden = p(5.470, 52.412)  // Lelystad–Zeewolde along the Knardijk
    private static let almereLelystadZeewolde = p(5.370, 52.400)  // triple point
    private static let almereZeewoldeMidden = p(5.365, 52.335)

    // Noordoostpolder coast, clockwise from the Urk border on the IJsselmeer.
    private static let coastUrkNoordNOP = p(5.625, 52.690)
    private static let lemmer = p(5.700, 52.835)
    private static let frieseGrens = p(5.800, 52.845)
    private static let kuinre = p(5.850, 52.795)
    private static let blankenham = p(5.900, 52.760)
    private static let blokzijl = p(5.950, 52.700)
    private static let kadoelen = p(5.930, 52.650)
    private static let ketelmeerNoord = p(5.860, 52.617)
    private static let schokkerhaven = p(5.760, 52.622)
    private static let coastUrkZuidNOP = p(5.645, 52.638)
    // Urk's border with the Noordoostpolder and its own coast.
    private static let urkGrensMidden = p(5.650, 52.665)
    private static let urkZuidkust = p(5.625, 52.640)
    private static let urkHaven = p(5.603, 52.647)
    private static let urkWestpunt = p(5.585, 52.660)
    private static let urkVuurtoren = p(5.590, 52.672)
    private static let urkNoordkust = p(5.605, 52.684)

    /// Outer rings, clockwise, first vertex repeated at the end.
    private static let rings: [(code: String, name: String, ring: [GeoPoint])] = [
        (
            almere, "Almere",
            [
                almerePoortKust, almerePampusKust, coastAlmereLelystad, almereLelystadZeewolde,
                almereZeewoldeMidden, coastZeewoldeAlmere, almereHavenKust, hollandseBrug
            ]
        ),
        (
            lelystad, "Lelystad",
            [
                houtribhaven, lelystadNoordkust, coastLelystadDronten, lelystadDrontenMidden,
                lelystadDrontenZeewolde, knardijkMidden, almereLelystadZeewolde, coastAlmereLelystad,
                oostvaardersdijk, bataviastad
            ]
        ),
        (
            dronten, "Dronten",
            [
                coastLelystadDronten, swifterbantKust, ketelhaven, roggebot, elburgOverzijde,
                coastDrontenZeewolde, lelystadDrontenZeewolde, lelystadDrontenMidden
            ]
        ),
        (
            zeewolde, "Zeewolde",
            [
                almereLelystadZeewolde, knardijkMidden, lelystadDrontenZeewolde, coastDrontenZeewolde,
                harderwijkOverzijde, nuldernauw, zuidpunt, coastZeewoldeAlmere, almereZeewoldeMidden
            ]
        ),
        (
            noordoostpolder, "Noordoostpolder",
            [
                coastUrkNoordNOP, lemmer, frieseGrens, kuinre, blankenham, blokzijl,
                kadoelen, ketelmeerNoord, schokkerhaven, coastUrkZuidNOP, urkGrensMidden
            ]
        ),
        (
            urk, "Urk",
            [
                coastUrkNoordNOP, urkGrensMidden, coastUrkZuidNOP, urkZuidkust, urkHaven, urkWestpunt,
                urkVuurtoren, urkNoordkust
            ]
        )
    ].map { ($0.0, $0.1, $0.2 + [$0.2[0]]) }

    /// The six municipalities, in the order Almere, Lelystad, Dronten, Zeewolde, Noordoostpolder, Urk.
    public static let flevoland: [RegionFeature] = rings.map {
        RegionFeature(
            code: $0.code, name: $0.name, geometry: GeoMultiPolygon([GeoPolygon(outer: $0.ring)]),
            properties: [:], isSchematic: true, note: note)
    }

    /// The same outlines as GeoJSON text (see `GeoJSONRegions.encode`).
    public static var flevolandGeoJSON: String {
        String(decoding: GeoJSONRegions.encode(flevoland), as: UTF8.self)
    }
}
