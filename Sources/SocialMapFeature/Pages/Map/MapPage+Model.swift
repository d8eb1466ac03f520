import AppCore
import Fluent
import Vapor
import VitaalDomain

extension MapPage {
    /// The query of the map page (field names as in the filter form).
    struct Query: Sendable {
        var thema: String?
        var dimensie: String?
        var doelgroep: String?
        var gemeente: String?
        var soort: String?

        /// Values that are not text (or repeated) count as absent, so no query can fail the page.
        init(_ query: URLQueryContainer) {
            thema = query[String.self, at: "thema"]
            dimensie = query[String.self, at: "dimensie"]
            doelgroep = query[String.self, at: "doelgroep"]
            gemeente = query[String.self, at: "gemeente"]
            soort = query[String.self, at: "soort"]
        }

        init(
            thema: String? = nil, dimensie: String? = nil, doelgroep: String? = nil, gemeente: String? = nil,
            soort: String? = nil
        ) {
            self.thema = thema
            self.dimensie = dimensie
            self.doelgroep = doelgroep
            self.gemeente = gemeente
            self.soort = soort
        }
    }

    /// One offer in the list next to the map.
    struct Offer: Sendable, Equatable {
        var id: String
        var name: String
        var kindLabel: String
        var isExample: Bool
        var check: CheckStatus
        var organisationName: String
        var area: String
        var dimensions: [String]
    }

    /// Everything the map page shows: the filter and its options, the offers it selects, and the
    /// points and outlines of the map.
    struct Model: Sendable {
        var filter = OfferFilter()
        /// A filter value that was not understood (the page then shows every offer).
        var problem: VitaalError?
        var offers: [Offer] = []
        var themeOptions: [SelectOption] = []
        var dimensionOptions: [SelectOption] = []
        var targetGroupOptions: [SelectOption] = []
        var municipalityOptions: [SelectOption] = []
        var kindOptions: [SelectOption] = []
        var points: [PointMap.Point] = []
        var outlines: [RegionFeature] = []
        /// Offers that work in all of Flevoland: listed, not drawn.
        var notOnMap: [String] = []

        init(register: SocialMap.Register, query: Query, municipalities: [Region], today: SocialMap.Day) {
            do {
                filter = try OfferFilter.parse(
                    theme: query.thema, dimension: query.dimensie,
                    targetGroup: query.doelgroep, municipality: query.gemeente,
                    kind: query.soort)
            } catch {
                problem = error
            }
            let selected = register.services.filter { filter.matches($0, in: register) }
                .sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
            offers = selected.map { Self.offer($0, register, today) }
            setOptions(register)
            points = OfferPositions.mapPoints(selected, in: register)
            outlines = RegionMaps.features(municipalities)
            notOnMap = selected.filter {
                OfferFilter.municipalities(of: $0, in: register).isEmpty
                    && OfferPositions.positions(of: $0, in: register).isEmpty
            }.map(\.name)
        }

        static func load(query: Query, on db: any Database, today: SocialMap.Day) async throws -> Model {
            let register = try await SocialMapStore.load(on: db)
            let municipalities = try await SocialMapMaps.municipalities(on: db)
            return Model(register: register, query: query, municipalities: municipalities, today: today)
        }

        private static func offer(
            _ service: SocialMap.Service, _ register: SocialMap.Register,
            _ today: SocialMap.Day
        ) -> Offer {
            Offer(
                id: service.id, name: service.name, kindLabel: service.kind.label, isExample: service.isExample,
                check: CheckStatus(service, today: today),
                organisationName: register.name(of: service.organisationID),
                area: SocialMapText.area(OfferFilter.municipalities(of: service, in: register)),
                dimensions: service.tags.dimensions.map(\.label))
        }

        private mutating func setOptions(_ register: SocialMap.Register) {
            func options(_ values: [String], none: String) -> [SelectOption] {
                [SelectOption(value: "", label: none)] + values.map { SelectOption(value: $0, label: $0) }
            }
            themeOptions = options(Set(register.services.flatMap(\.tags.themes)).sorted(), none: "Alle thema's")
            targetGroupOptions = options(
                Set(register.services.flatMap(\.tags.targetGroups)).sorted(),
                none: "Alle doelgroepen")
            dimensionOptions =
                [SelectOption(value: "", label: "Alle dimensies")]
                + PositiveHealthDimension.allCases.map {
                    SelectOption(value: $0.rawValue, label: $0.label.capitalisedFirst)
                }
            municipalityOptions =
                [SelectOption(value: "", label: "Heel Flevoland")]
                + SocialMap.Municipality.all.map {
                    SelectOption(value: $0.code, label: $0.name)
                }
            kindOptions =
                [SelectOption(value: "", label: "Alle soorten")]
                + SocialMap.OfferKind.allCases.map {
                    SelectOption(value: $0.rawValue, label: $0.label)
                }
        }
    }
}
