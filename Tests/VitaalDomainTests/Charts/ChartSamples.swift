import Foundation

@testable import VitaalDomain

/// One realistic example of every chart (Flevoland demo figures, not official statistics).
/// `ChartSampleTests` renders them all; with VITAAL_CHART_SAMPLES=/some/dir it also writes them
/// there as .svg files to look at.
enum ChartSamples {
    static let years = (2015...2024).map(String.init)

    static var line: LineChart {
        LineChart(
            text: ChartText(
                title: "Ervaren gezondheid goed of zeer goed, 2015–2024",
                caption: "Bron: GGD Gezondheidsmonitor (demo-cijfers). 2019 ontbreekt voor Lelystad."),
            labels: years,
            series: [
                .init(name: "Flevoland", values: [76.1, 75.8, 76.4, 75.2, 74.9, 74.1, 73.5, 74.0, 73.2, 72.8]),
                .init(name: "Almere", values: [77.0, 76.5, 77.1, 76.0, 75.4, 74.8, 74.2, 74.9, 73.8, 73.5]),
                .init(name: "Lelystad", values: [73.2, 72.9, 73.5, 72.1, nil, 71.0, 70.2, 71.1, 70.5, 69.9]),
                .init(name: "Nederland", values: [76.5, 76.2, 76.0, 75.9, 75.6, 75.0, 74.8, 74.9, 74.5, 74.4])
            ],
            highlighted: "Flevoland", reference: .init(value: 78, label: "Doel 2025: 78%"),
            valueSuffix: "%", includeZero: false, yAxisLabel: "% inwoners 18+")
    }

    static var fan: LineChart {
        let labels = (2024...2035).map(String.init)
        let mid: [Double] = [2100, 2450, 2800, 3150, 3450, 3800, 4100, 4400, 4650, 4900, 5150, 5400]
        func band(_ f: Double) -> [Double?] { mid.enumerated().map { i, v in v + f * Double(i) * 95 } }
        let history: [Double?] = [2100] + Array(repeating: nil, count: labels.count - 1)
        return LineChart(
            text: ChartText(
                title: "Verwacht personeelstekort zorg en welzijn Flevoland tot 2035",
                caption: "Prognose met onzekerheid: donkere band 50% zeker, lichte band 90% zeker."),
            labels: labels,
            series: [
                .init(
                    name: "Verwacht tekort (fte)", values: mid,
                    bands: [
                        .init(lower: band(-1.645), upper: band(1.645), label: "90% bandbreedte"),
                        .init(lower: band(-0.674), upper: band(0.674), label: "50% bandbreedte")
                    ]),
                .init(name: "Gemeten", values: history, color: Palette.ink)
            ],
            valueSuffix: " fte", yAxisLabel: "tekort in fte")
    }

    static var sparkline: Sparkline {
        Sparkline(
            text: ChartText(title: "Wachttijd wijkverpleging"), values: [12, 14, 13, nil, 15, 17, 16, 18],
            color: Palette.accent, valueSuffix: " dagen", decimals: 0)
    }

    static var bar: BarChart {
        BarChart(
            text: ChartText(title: "Mantelzorgers per gemeente, 2024", caption: "Bron: GGD Flevoland (demo-cijfers)."),
            bars: [
                .init(label: "Noordoostpolder", value: 17.9, link: "/regio/GM0171"),
                .init(label: "Urk", value: 19.4, link: "/regio/GM0184"),
                .init(label: "Dronten", value: 16.8), .init(label: "Zeewolde", value: 15.2),
                .init(label: "Lelystad", value: 14.1), .init(label: "Almere", value: 13.6),
                .init(label: "Een gemeente <test> & \"zo\"", value: nil)
            ],
            highlighted: "Lelystad", reference: .init(value: 14.6, label: "Flevoland"), valueSuffix: "%")
    }

    static var barNegative: BarChart {
        BarChart(
            text: ChartText(title: "Groei aantal vrijwilligers 2023–2024"),
            bars: [
                .init(label: "Almere", value: 3.2), .init(label: "Lelystad", value: -1.8),
                .init(label: "Dronten", value: 0.4),
                .init(label: "Urk", value: -4.6), .init(label: "Zeewolde", value: 2.1),
                .init(label: "Noordoostpolder", value: -0.3)
            ],
            highlighted: "Urk", valueSuffix: "%")
    }

    static var stacked: StackedBarChart {
        StackedBarChart(
            text: ChartText(
                title: "Personeelstekort per sector, 2025–2030",
                caption: "Bron: ABF prognosemodel Zorg en Welzijn (demo-cijfers)."),
            categories: (2025...2030).map(String.init),
            segments: [
                .init(name: "Verpleeg- en verzorgingshuizen", values: [820, 960, 1100, 1240, 1390, 1520]),
                .init(name: "Gehandicaptenzorg", values: [310, 350, 400, 450, 490, 540]),
                .init(name: "Ziekenhuizen", values: [240, 280, 300, 330, 370, 400]),
                .init(name: "GGZ", values: [120, 140, 150, 170, 180, 200]),
                .init(name: "Sociaal werk en jeugd", values: [90, 100, nil, 130, 140, 150])
            ],
            valueSuffix: "", yAxisLabel: "tekort in fte")
    }

    static var radar: RadarChart {
        RadarChart(
            text: ChartText(
                title: "Spinnenweb Positieve Gezondheid van een deelnemer",
                caption: "Schaal 0 (slecht) tot 10 (uitstekend)."),
            profiles: [
                .init(name: "Nu", values: [6, 5, 7, 6.5, 4, 7]), .init(name: "Gewenst", values: [8, 7, 8, 8, 7, 8])
            ])
    }

    static var network: NetworkGraphChart {
        typealias N = NetworkGraphChart.Node
        let nodes: [N] = [
            N(id: "flever", label: "Flever", x: 0.45, y: 0.45, size: 9, kind: .central),
            N(id: "ggd", label: "GGD Flevoland", x: 0.62, y: 0.30, size: 7, kind: .central),
            N(id: "welzijn", label: "Welzijn Lelystad", x: 0.30, y: 0.25, size: 5),
            N(id: "coloriet", label: "Coloriet", x: 0.20, y: 0.50, size: 3),
            N(id: "humanitas", label: "Humanitas", x: 0.32, y: 0.70, size: 4),
            N(id: "kbo", label: "KBO Flevoland", x: 0.58, y: 0.62, size: 4),
            N(id: "urk", label: "Caritas Urk", x: 0.80, y: 0.48, size: 3, kind: .vulnerable),
            N(id: "talma", label: "Talma Urk", x: 0.95, y: 0.35, size: 2),
            N(id: "visserij", label: "Visserijvrouwen Urk", x: 0.95, y: 0.65, size: 2),
            N(id: "mantel", label: "Mantelzorgmakelaar", x: 0.12, y: 0.82, size: 2),
            N(id: "buurt", label: "Buurtkamer Haven", x: 0.50, y: 0.88, size: 2),
            N(id: "oco", label: "OCO Almere", x: 0.08, y: 0.15, size: 1, kind: .isolated),
            N(id: "huisarts", label: "Huisartsen Dronten", x: 0.75, y: 0.10, size: 3),
            N(id: "meerpaal", label: "De Meerpaal Welzijn", x: 0.88, y: 0.12, size: 3)
        ]
        let edges: [NetworkGraphChart.Edge] = [
            .init(from: "flever", to: "ggd", label: "Gezondheidsmonitor"), .init(from: "flever", to: "welzijn"),
            .init(from: "flever", to: "coloriet"),
            .init(from: "flever", to: "humanitas"), .init(from: "flever", to: "kbo"),
            .init(from: "welzijn", to: "coloriet"),
            .init(from: "ggd", to: "kbo"), .init(from: "ggd", to: "welzijn"), .init(from: "humanitas", to: "coloriet"),
            .init(from: "ggd", to: "urk", highlighted: true, label: "Preventieakkoord"),
            .init(from: "urk", to: "talma"),
            .init(from: "urk", to: "visserij"), .init(from: "talma", to: "visserij"),
            .init(from: "humanitas", to: "mantel", highlighted: true),
            .init(from: "kbo", to: "buurt", highlighted: true),
            .init(from: "ggd", to: "huisarts"), .init(from: "huisarts", to: "meerpaal"),
            .init(from: "ggd", to: "meerpaal")
        ]
        return NetworkGraphChart(
            text: ChartText(
                title: "Netwerk rond eenzaamheid in Flevoland",
                caption: "Bron: netwerkanalyse Informeel Flevoland in Beeld (demo)."),
            nodes: nodes, edges: edges)
    }

    static var choropleth: ChoroplethMap {
        ChoroplethMap(
            text: ChartText(
                title: "Eenzaamheid per gemeente, 2024", caption: "Bron: GGD Gezondheidsmonitor (demo-cijfers)."),
            regions: SchematicOutlines.flevoland,
            values: ["GM0034": 47.8, "GM0995": 50.2, "GM0303": 41.3, "GM0171": 39.6, "GM0184": 33.1],
            valueSuffix: "%", links: ["GM0034": "/regio/GM0034", "GM0995": "/regio/GM0995"], highlighted: "GM0995",
            legendTitle: "Inwoners (18+) die zich eenzaam voelen")
    }

    static var pointMap: PointMap {
        typealias P = PointMap.Point
        let green = "#009E73"
        let red = "#D55E00"
        return PointMap(
            text: ChartText(
                title: "Huisartsenposten en ziekenhuizen in Flevoland",
                caption: "Cirkels: 15 km rond een huisartsenpost (demo)."),
            outlines: SchematicOutlines.flevoland,
            points: [
                P(
                    location: GeoPoint(lon: 5.22, lat: 52.37), label: "Ziekenhuis Almere", category: "Ziekenhuis",
                    link: "/locatie/1"),
                P(
                    location: GeoPoint(lon: 5.45, lat: 52.50), label: "MC Zuiderzee (polikliniek)",
                    category: "Polikliniek"),
                P(location: GeoPoint(lon: 5.75, lat: 52.71), label: "Antonius Emmeloord", category: "Ziekenhuis"),
                P(
                    location: GeoPoint(lon: 5.26, lat: 52.385), label: "HAP Almere", category: "Huisartsenpost",
                    radiusKm: 15, coverageColor: green),
                P(
                    location: GeoPoint(lon: 5.48, lat: 52.515), label: "HAP Lelystad", category: "Huisartsenpost",
                    radiusKm: 15, coverageColor: green),
                P(
                    location: GeoPoint(lon: 5.73, lat: 52.70), label: "HAP Emmeloord", category: "Huisartsenpost",
                    radiusKm: 15, coverageColor: green),
                P(
                    location: GeoPoint(lon: 5.72, lat: 52.53), label: "Dronten (geen HAP)", category: "Wijkteam",
                    coverageColor: red),
                P(location: GeoPoint(lon: 5.54, lat: 52.33), label: "Wijkteam Zeewolde", category: "Wijkteam"),
                P(location: GeoPoint(lon: 5.60, lat: 52.66), label: "Wijkteam Urk", category: "Wijkteam")
            ],
            categories: [.init(name: "Ziekenhuis"), .init(name: "Huisartsenpost"), .init(name: "Wijkteam")],
            coverageLegend: [
                .init(label: "binnen 15 km van een HAP", color: green), .init(label: "buiten bereik", color: red)
            ])
    }

    /// Every sample by file name.
    static var all: [(name: String, svg: String)] {
        [
            ("line", line.svg()), ("fan", fan.svg()), ("sparkline", sparkline.svg()), ("bar", bar.svg()),
            ("bar-negative", barNegative.svg()),
            ("stacked", stacked.svg()), ("radar", radar.svg()), ("network", network.svg()),
            ("choropleth", choropleth.svg()),
            ("points", pointMap.svg())
        ]
    }
}
