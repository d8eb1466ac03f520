import AppCore
import VitaalDomain

extension SpiderWebResultPage {
    /// An initiative that fits the spider web.
    struct Item: Sendable, Equatable {
        var id: String
        var name: String
        var kindLabel: String?
        var reason: String
        var description: String?
    }

    /// The resident's spider web, what stands out and the initiatives that fit.
    struct Model: Sendable {
        var form: SpiderWebPage.Model
        var scores: SpiderWebScores
        var storage: SpiderWebStorage.Outcome
        /// "Lelystad" or the postcode area's place; empty when unknown.
        var place: String
        /// The two lowest dimensions with their scores.
        var lowest: [(dimension: PositiveHealthDimension, score: Double)]
        var items: [Item]

        init(
            form: SpiderWebPage.Model, scores: SpiderWebScores, matches: [SocialMap.Match],
            storage: SpiderWebStorage.Outcome, register: SocialMap.Register
        ) {
            self.form = form
            self.scores = scores
            self.storage = storage
            place =
                form.postcode.flatMap { SocialMap.PostcodeArea.lookup($0)?.place }
                ?? form.municipality.map(SocialMapText.municipalityName) ?? ""
            lowest = PositiveHealthDimension.allCases.sorted { (scores[$0], $0.index) < (scores[$1], $1.index) }
                .prefix(2).map { ($0, scores[$0]) }
            items = matches.map { match in
                let offer = register.service(match.initiativeID)
                return Item(
                    id: match.initiativeID, name: match.name, kindLabel: offer?.kind.label,
                    reason: match.reason, description: offer?.description)
            }
        }
    }

    /// A score as the resident typed it: "7", or "6,5".
    static func format(_ score: Double) -> String {
        score == score.rounded() ? String(Int(score)) : DutchNumberFormat.format(score, decimals: 1)
    }
}
