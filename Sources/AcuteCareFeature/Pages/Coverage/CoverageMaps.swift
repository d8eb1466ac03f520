import Foundation
import VitaalDomain

/// The maps of the coverage page: demand points coloured by response-time band, posts by kind,
/// roads by origin (real provincial road or schematic link). Band and road colours come from the
/// CSS variables of acutecare.css through the classes below; the hex values are the same colours
/// for the SVG outside the page (downloads).
enum CoverageMaps {
    typealias Format = AcuteCareFormat
    static let postColor = "#1f4e79", newPostColor = "#7b2d8e", removedColor = "#8a8a8a"

    /// Colour (fallback), shape and CSS class per band; shapes differ so the bands read without colour.
    static func style(_ band: ResponseBand) -> (color: String, shape: MarkerShape, cssClass: String) {
        switch band {
        case .upTo15: ("#00845a", .circle, "ac-band-le15")
        case .from15To20: ("#b7950b", .diamond, "ac-band-15-20")
        case .from20To30: ("#d35400", .triangle, "ac-band-20-30")
        case .over30: ("#922b21", .triangleDown, "ac-band-gt30")
        case .noRoad: ("#5d6d7e", .cross, "ac-band-noroad")
        }
    }

    static func bandName(_ band: ResponseBand) -> String {
        band == .noRoad
            ? "Geen weg binnen \(Format.number(CoverageSettings().maxDemandSnapMeters / 1000)) km"
            : "Aanrijtijd \(band.label)"
    }

    static let realRoad = PointMap.LineKind(
        name: "Provinciale weg (echte ligging, Provincie Flevoland 2018)", color: "#5b6770", width: 1.6,
        cssClass: "ac-road-real")
    static let schematicRoad = PointMap.LineKind(
        name: "Schematische verbinding (geen wegdata)", color: "#9aa5ad", width: 1.6, dash: "5 4",
        cssClass: "ac-road-schematic")

    static func lines(_ roads: [RoadLine]) -> [PointMap.Line] {
        roads.map {
            PointMap.Line(points: $0.points, kind: $0.origin == .provincialRoad ? realRoad.name : schematicRoad.name)
        }
    }

    /// The base map alone, or the base and the scenario side by side.
    static func figures(_ evaluation: AcuteCareService.Evaluation, outlines: [RegionFeature]) -> [CoveragePage
        .MapFigure]
    {
        let base = pointMap(evaluation, scenario: false, outlines: outlines)
        if evaluation.isBase {
            return [
                .init(
                    map: base,
                    caption: "Plaatsen naar aanrijtijd van de snelste post (≤ 15, 15–20, 20–30, > 30 minuten); "
                        + "vierkant: ambulancepost; doorgetrokken lijn: provinciale weg, gestreept: schematische "
                        + "verbinding. Schematisch.")
            ]
        }
        return [
            .init(map: base, caption: "Nu. Schematisch."),
            .init(
                map: pointMap(evaluation, scenario: true, outlines: outlines),
                caption: "\(evaluation.scenario.name). Schematisch.")
        ]
    }

    static func pointMap(_ evaluation: AcuteCareService.Evaluation, scenario: Bool, outlines: [RegionFeature])
        -> PointMap
    {
        let result = scenario ? evaluation.result : evaluation.base
        let norm = Format.number(
            result.normMinutes, decimals: result.normMinutes == result.normMinutes.rounded() ? 0 : 1)
        let title =
            "Bereikbaarheid binnen \(norm) minuten – "
            + "\(scenario ? evaluation.scenario.name : "huidige situatie") (schematisch)"
        var map = PointMap(
            text: ChartText(title: title, caption: nil), outlines: outlines,
            points: demandPoints(evaluation, scenario: scenario) + postPoints(evaluation, scenario: scenario),
            categories: categories(evaluation, scenario: scenario),
            showRegionNames: true, showPointLabels: true,
            note: "Bron wegen: \(ProvincialRoads.credit). Snelwegen, N50 en toegangswegen naar de kernen "
                + "schematisch; aangenomen postlocaties; geen officiële aanrijtijden.",
            width: 560, maxMapHeight: 520)
        map.lines = lines(AcuteCareService.roadLines)
        map.lineKinds = [realRoad, schematicRoad]
        return map
    }

    static func demandPoints(_ evaluation: AcuteCareService.Evaluation, scenario: Bool) -> [PointMap.Point] {
        let result = scenario ? evaluation.result : evaluation.base
        let times = scenario ? evaluation.scenarioTimes : evaluation.baseTimes
        let postNames = Dictionary(
            (evaluation.basePosts + evaluation.scenarioPosts).map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let points = Dictionary(result.coverage.points.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (scenario ? evaluation.scenarioDemand : evaluation.baseDemand).map { place in
            let point = points[place.id]
            let band = point?.band ?? .noRoad
            let time =
                times[place.id].map {
                    "\(Format.minutes(seconds: $0.seconds)) min vanaf \(postNames[$0.post] ?? $0.post)"
                } ?? CoveragePage.noTimeText(point)
            let name = place.name ?? place.id
            return PointMap.Point(
                location: place.location, label: point?.covered ?? false ? "" : name, category: bandName(band),
                detail: "\(name): \(Format.residents(place.population)) inwoners, \(time)")
        }
    }

    static func postPoints(_ evaluation: AcuteCareService.Evaluation, scenario: Bool) -> [PointMap.Point] {
        let baseIDs = Set(evaluation.basePosts.map(\.id))
        var points = (scenario ? evaluation.scenarioPosts : evaluation.basePosts).map { post in
            let isMoved = evaluation.scenario.movedPosts.contains { $0.postId == post.id }
            let isNew = !baseIDs.contains(post.id) || isMoved && scenario
            return PointMap.Point(
                location: post.location, label: post.name,
                category: scenario && isNew ? "Nieuwe of verplaatste post" : "Ambulancepost",
                detail: "ambulancepost (schematische locatie)")
        }
        if scenario {
            points += evaluation.removedPosts.map { post in
                PointMap.Point(
                    location: post.location, label: "", category: "Opgeheven post",
                    detail: "\(post.name): opgeheven in het scenario")
            }
        }
        return points
    }

    static func categories(_ evaluation: AcuteCareService.Evaluation, scenario: Bool) -> [PointMap.Category] {
        let baseIDs = Set(evaluation.basePosts.map(\.id))
        var categories = [PointMap.Category(name: "Ambulancepost", color: postColor, shape: .square)]
        let hasNew =
            evaluation.scenarioPosts.contains { !baseIDs.contains($0.id) } || !evaluation.scenario.movedPosts.isEmpty
        if scenario && hasNew {
            categories.append(
                PointMap.Category(name: "Nieuwe of verplaatste post", color: newPostColor, shape: .diamond))
        }
        if scenario && !evaluation.removedPosts.isEmpty {
            categories.append(PointMap.Category(name: "Opgeheven post", color: removedColor, shape: .cross))
        }
        let result = scenario ? evaluation.result : evaluation.base
        // Every timed band in the legend (a council reads the scale); "no road" only when it occurs.
        for band in ResponseBand.allCases
        where band != .noRoad || result.coverage.points.contains(where: { $0.band == .noRoad }) {
            let s = style(band)
            categories.append(
                PointMap.Category(name: bandName(band), color: s.color, shape: s.shape, cssClass: s.cssClass))
        }
        return categories
    }
}
