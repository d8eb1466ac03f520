import VitaalDomain

/// Region maps drawn with the project's chart renderer.
public enum RegionMaps {
    /// Overview of the given regions' outlines, each linking to its region page.
    public static func overview(_ regions: [Region]) -> String {
        ""
    }
    public static func single(_ region: Region) -> String { "" }
}
