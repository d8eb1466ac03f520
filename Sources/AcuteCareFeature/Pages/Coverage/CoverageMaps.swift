import Foundation
import VitaalDomain

/// The maps of the coverage page: demand points coloured by coverage, posts by kind. The colours
/// are SVG presentation attributes (the chart renderer's legend uses the same values).
enum CoverageMaps {
    typealias Format = AcuteCareFormat
    static let coveredColor = "#00845a", uncoveredColor = "#c0392b", postColor = "#1f4e79"
    static let newPostColor = "#7b2d8e", removedColor = "#8a8a8a"

    /// The base map alone, or the base and the scenario side by side.
    static func figures(_ evaluation: AcuteCareService.Evaluation, outlines: [RegionFeature]) -> [CoveragePage
        .MapFigure]
    {
        let base = pointMap(evaluation, scenario: false, outlines: outlines)
        if evaluation.isBase {
            return [
                .init(
                    map: base,
                    caption: "Groen: binnen de norm; rood: buiten de norm. Vierkant: ambulancepost. Schematisch.")
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
        return PointMap(
            text: ChartText(title: title, caption: nil), outlines: outlines,
            points: demandPoints(evaluation, scenario: scenario) + postPoints(evaluation, scenario: scenario),
            categories: categories(evaluation, scenario: scenario),
            showRegionNames: true, showPointLabels: true,
            note: "Schematisch: vereenvoudigd wegennet, aangenomen postlocaties en schematische "
                + "gemeenteomtrekken; geen officiële gegevens.",
            width: 560, maxMapHeight: 520)
    }

    static func demandPoints(_ evaluation: AcuteCareService.Evaluation, scenario: Bool) -> [PointMap.Point] {
        let result = scenario ? evaluation.result : evaluation.base
        let times = scenario ? evaluation.scenarioTimes : evaluation.baseTimes
        let postNames = Dictionary(
            (evaluation.basePosts + evaluation.scenarioPosts).map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let covered = Dictionary(
            result.coverage.points.map { ($0.id, $0.covered) }, uniquingKeysWith: { first, _ in first })
        let unreachable = "niet bereikbaar binnen \(Format.number(AcuteCareService.displayLimitMinutes)) min"
        return (scenario ? evaluation.scenarioDemand : evaluation.baseDemand).map { place in
            let isCovered = covered[place.id] ?? false
            let time =
                times[place.id].map {
                    "\(Format.minutes(seconds: $0.seconds)) min vanaf \(postNames[$0.post] ?? $0.post)"
                } ?? unreachable
            let name = place.name ?? place.id
            return PointMap.Point(
                location: place.location, label: isCovered ? "" : name,
                category: isCovered ? "Binnen de norm" : "Buiten de norm",
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
        categories.append(PointMap.Category(name: "Binnen de norm", color: coveredColor, shape: .circle))
        categories.append(PointMap.Category(name: "Buiten de norm", color: uncoveredColor, shape: .triangle))
        return categories
    }
}
