import AppCore
import VitaalDomain

extension SpiderWebPage {
    /// What the resident filled in (also used to redisplay the form after an error), checked.
    struct Model: Sendable {
        /// The score fields as typed, by dimension key.
        var raw: [String: String] = [:]
        var scores: SpiderWebScores?
        var focus: Set<PositiveHealthDimension> = []
        var municipality: String?
        var postcode: String?
        var consent = false
        var error: VitaalError?

        var fieldErrors: FieldErrors { FieldErrors(error) }

        var origin: SocialMap.MatchOrigin? {
            if let postcode { return .postcode(postcode) }
            return municipality.map { .municipality($0) }
        }

        /// The empty form.
        init() {}

        /// Reads and checks a posted form; every problem names its field.
        init(body: [String: String]) {
            var problems = ProblemCollector()
            let values = readScores(body, &problems)
            focus = Set(PositiveHealthDimension.allCases.filter { body["werken-\($0.rawValue)"] != nil })
            readOrigin(body, &problems)
            consent = body["toestemming"] == "ja"
            guard problems.isEmpty else {
                error = VitaalError(
                    .invalidInput,
                    "Het spinnenweb is niet volledig of klopt niet: "
                        + "\(problems.totalCount) fout(en)", problems: problems.problems)
                return
            }
            do { scores = try SpiderWebScores(values) } catch { self.error = error }
        }

        private mutating func readScores(
            _ body: [String: String],
            _ problems: inout ProblemCollector
        ) -> [PositiveHealthDimension: Double] {
            var values: [PositiveHealthDimension: Double] = [:]
            for dimension in PositiveHealthDimension.allCases {
                let field = dimension.rawValue
                let text = (body[field] ?? "").trimmingCharacters(in: .whitespaces)
                raw[field] = text
                let place = SourceLocation(field: field)
                if text.isEmpty {
                    problems.add("vul een cijfer van 0 tot 10 in voor '\(dimension.label)'", at: place)
                } else if let value = try? BoundedNumber.decimal(text, field: field, in: Self.anyNumber) {
                    guard (0...10).contains(value) else {
                        problems.add("\(text) ligt niet tussen 0 en 10 ('\(dimension.label)')", at: place)
                        continue
                    }
                    values[dimension] = value
                } else {
                    let shown = text.count <= 40 ? text : String(text.prefix(40)) + "…"
                    problems.add("\"\(shown)\" is geen cijfer ('\(dimension.label)')", at: place)
                }
            }
            return values
        }

        private static let anyNumber = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude

        private mutating func readOrigin(_ body: [String: String], _ problems: inout ProblemCollector) {
            let code = (body["gemeente"] ?? "").trimmingCharacters(in: .whitespaces)
            let postcodeText = (body["postcode"] ?? "").trimmingCharacters(in: .whitespaces)
            if !code.isEmpty {
                if SocialMap.Municipality.byCode(code) == nil {
                    problems.add("onbekende gemeente \"\(code.prefix(40))\"", at: SourceLocation(field: "gemeente"))
                } else {
                    municipality = code
                }
            }
            if !postcodeText.isEmpty { readPostcode(postcodeText, &problems) }
            if code.isEmpty && postcodeText.isEmpty {
                problems.add(
                    "kies uw gemeente of vul de cijfers van uw postcode in",
                    at: SourceLocation(field: "origin"))
            }
        }

        private mutating func readPostcode(_ text: String, _ problems: inout ProblemCollector) {
            postcode = text
            guard let area = SocialMap.PostcodeArea.lookup(text) else {
                problems.add(
                    "postcode \"\(text.prefix(40))\" ligt niet in Flevoland of is geen postcode "
                        + "(vul vier cijfers in, bijv. 8232)", at: SourceLocation(field: "postcode"))
                return
            }
            if let chosen = municipality, chosen != area.municipalityCode {
                let areaName = SocialMapText.municipalityName(area.municipalityCode)
                problems.add(
                    "postcode \(text) ligt in \(areaName), niet in \(SocialMapText.municipalityName(chosen))",
                    at: SourceLocation(field: "postcode"))
            }
            municipality = area.municipalityCode
        }
    }
}
