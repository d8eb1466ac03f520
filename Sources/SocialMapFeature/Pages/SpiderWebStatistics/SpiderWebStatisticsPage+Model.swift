import Fluent
import VitaalDomain

extension SpiderWebStatisticsPage {
    /// A row of the table: a municipality or Flevoland, with the published count and means.
    struct Row: Sendable, Equatable {
        var name: String
        var count: String
        var means: [String]
    }

    /// The published (suppressed and rounded) statistics of the stored spider webs.
    struct Model: Sendable {
        var isEmpty: Bool
        var rows: [Row]
        /// Flevoland's published means, for the chart; nil when suppressed.
        var totalMeans: [Double?]?

        init(webs: [(municipalityCode: String, scores: SpiderWebScores)]) {
            isEmpty = webs.isEmpty
            let published = SocialMap.SpiderWebStatistics.publish(webs)
            rows = published.municipalities.map { Self.row(SocialMapText.municipalityName($0.code), $0) }
            if let total = published.total { rows.append(Self.row("Flevoland", total)) }
            // The chart is drawn from the published (rounded) means only.
            totalMeans = published.total.flatMap { total in
                total.isSuppressed ? nil : total.means.map { if case .mean(let mean) = $0 { mean } else { nil } }
            }
        }

        static func load(on db: any Database) async throws -> Model {
            let webs = try await SpiderWebRecord.query(on: db).all().compactMap { record in
                let values = [
                    record.lichaamsfuncties, record.mentaalWelbevinden, record.zingeving,
                    record.kwaliteitVanLeven, record.meedoen, record.dagelijksFunctioneren
                ]
                let keyed = Dictionary(uniqueKeysWithValues: zip(PositiveHealthDimension.allCases, values))
                return (try? SpiderWebScores(keyed)).map { (municipalityCode: record.municipalityCode, scores: $0) }
            }
            return Model(webs: webs)
        }

        private static func row(_ name: String, _ group: SocialMap.PublishedSpiderWebGroup) -> Row {
            Row(name: name, count: group.countText, means: group.means.map(\.text))
        }
    }
}
