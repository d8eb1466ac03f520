import Fluent
import VitaalDomain

/// `/regios/<code>`: one region, its place in the tree and its outline.
enum RegionPage {
    struct Model: Sendable, Equatable {
        struct Link: Sendable, Equatable {
            var code: String
            var name: String
            /// Inhabitants (CBS, 1 January 2024), when known.
            var inhabitants: Double? = nil
        }

        struct Population: Sendable, Equatable {
            var text: String
            var source: String
        }

        var code: String
        var name: String
        var kind: RegionKind
        /// "GGD-regio", "Zorgkantoorregio" … for a CBS service region; else the kind's label.
        var kindLabel: String
        var parent: Link?
        var children: [Link]
        /// A grouping's members (e.g. the municipalities of a zorgkantoorregio).
        var members: [Link]
        /// Inhabitants on 1 January 2024 with its source, or why there is no figure.
        var population: Population?
        /// The outline as SVG; nil when the region has none.
        var map: String?
        var schematic: Bool
        /// The installed features' pages about this region (the monitor's profile).
        var featureLinks: [FeatureLink]
        /// The years of each boundary version ("2022–2023", "vanaf 2025"), when the code has a
        /// history (more than one version, or a start or an end); empty otherwise.
        var boundaryVersions: [String] = []

        struct FeatureLink: Sendable, Equatable {
            var title: String
            var path: String
        }
    }
}

extension RegionPage.Model {
    static func load(code: String, links: [RegionLink], on db: any Database) async throws -> Self {
        let region = try await Region.find(code: code, on: db)
        let children = try await Region.query(on: db).filter(\.$parent.$id == region.requireID())
            .sort(\.$sortOrder).sort(\.$name).all()
        let parent = try await region.$parent.get(on: db)
        let memberIDs = try await RegionGroupMember.query(on: db).filter(\.$group.$id == region.requireID()).all()
            .map(\.$member.id)
        let members =
            memberIDs.isEmpty
            ? [] : try await Region.query(on: db).filter(\.$id ~~ memberIDs).sort(\.$sortOrder).all()
        func link(_ r: Region) -> Link {
            Link(code: r.code, name: r.name, inhabitants: FlevolandOpenData.population2024(r.code)?.value)
        }
        // A municipality's page draws its wijken (drill-down); other regions their own outline.
        let drawnChildren = children.filter { $0.geometry != nil }
        let map: String? =
            !drawnChildren.isEmpty && region.regionKind == .gemeente
            ? RegionMaps.overview(drawnChildren, title: "Wijken van \(region.name)")
            : region.geometry == nil ? nil : RegionMaps.single(region)
        let grouping = FlevolandOpenData.serviceRegions.first { $0.code == region.code }
        let versions = try await RegionVersion.query(on: db).filter(\.$region.$id == region.requireID()).all()
            .map(\.years).sorted { ($0.validFrom ?? .min) < ($1.validFrom ?? .min) }
        let hasHistory = versions.count > 1 || versions.contains { $0.codeStarts || $0.validTo != nil }
        var model = Self(
            code: region.code, name: region.name, kind: region.regionKind,
            kindLabel: RegionGrouping.Kind.from(code: region.code)?.label ?? region.regionKind.label,
            parent: parent.map(link), children: children.map(link), members: members.map(link),
            population: populationFact(region, members: members, grouping: grouping),
            map: map, schematic: (drawnChildren.isEmpty ? [region] : drawnChildren).contains { $0.geometrySchematic },
            featureLinks: links.map { FeatureLink(title: $0.title, path: $0.path(region.code)) })
        model.boundaryVersions = hasHistory ? versions.map(\.yearsLabel) : []
        return model
    }

    /// The published figure for the region; for a grouping without one, the sum of its members only
    /// when they are all of it (`RegionGrouping.total`), else a sentence why there is none.
    static func populationFact(_ region: Region, members: [Region], grouping: RegionGrouping?) -> Population? {
        if let figure = FlevolandOpenData.population2024(region.code) {
            return Population(
                text: "\(DutchNumberFormat.format(figure.value)) (1 januari \(figure.year))", source: figure.citation)
        }
        guard region.regionKind == .groep, !members.isEmpty else { return nil }
        let memberCodes = members.map(\.code)
        let rule =
            grouping
            ?? RegionGrouping(code: region.code, name: region.name, type: .overig, members: memberCodes)
        let values = memberCodes.reduce(into: [String: Double]()) { values, code in
            values[code] = FlevolandOpenData.population2024(code)?.value
        }
        if let total = rule.total(from: values) {
            return Population(
                text: "\(DutchNumberFormat.format(total)) (1 januari 2024, som van de gemeenten)",
                source: "Bron: CBS, tabel 85984NED (Kerncijfers wijken en buurten 2024), CC BY 4.0")
        }
        return Population(
            text: rule.reachesOutside
                ? "geen cijfer: deze regio omvat ook gemeenten buiten Flevoland, dus is het geen som van de "
                    + "gemeenten hieronder"
                : "geen cijfer: niet van alle gemeenten bekend",
            source: "")
    }
}

extension Region {
    /// The region with this CBS code (case-insensitive), or a 404.
    static func find(code rawCode: String, on db: any Database) async throws -> Region {
        let code = rawCode.uppercased()
        guard let region = try await Region.query(on: db).filter(\.$code == code).first() else {
            throw VitaalError(.notFound, "Onbekende regio \(code).")
        }
        return region
    }
}
