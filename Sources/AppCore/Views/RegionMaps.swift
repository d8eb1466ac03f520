import VitaalDomain

/// Region maps drawn with the project's chart renderer (`VitaalDomain` charts). Features use
/// `RegionMaps.features` to get outlines for their own choropleth or point maps.
public enum RegionMaps {
    /// The outlines of `regions` that have a stored geometry, in the renderer's type.
    public static func features(_ regions: [Region]) -> [RegionFeature] {
        regions.compactMap { r in
            guard let g = r.multiPolygon else { return nil }
            return RegionFeature(
                code: r.code, name: r.name, geometry: g, isSchematic: r.geometrySchematic,
                note: r.geometrySchematic ? SchematicOutlines.note : nil)
        }
    }

    /// Overview of the given regions' outlines, each linking to its region page.
    /// Names are written on the map for up to 15 regions (a municipality's 71 wijken would not fit;
    /// their names are in the description and in the page's list).
    public static func overview(_ regions: [Region], title: String = "Kaart van de gemeenten in Flevoland") -> String {
        let outlines = features(regions)
        guard !outlines.isEmpty else { return "" }
        return PointMap(
            text: ChartText(
                title: title, description: "Omtrekken van " + outlines.map(\.name).joined(separator: ", ") + "."),
            outlines: outlines, points: [], showRegionNames: outlines.count <= 15
        ).svg()
    }

    /// The caption of a map of `regions`: the boundary source, or the schematic note.
    public static func credit(_ regions: [Region]) -> String {
        regions.contains { $0.geometrySchematic }
            ? "Schematische omtrek, geen officiële grens."
            : "Grenzen: CBS/PDOK 2024 (gegeneraliseerd), CC BY 4.0."
    }

    /// One region's outline.
    public static func single(_ region: Region) -> String {
        overview([region], title: "Omtrek van \(region.name)")
    }
}
