import AppCore
import Foundation
import VitaalDomain

/// Good, bad or neither: the CSS kind of a status word and its dot (`status-good`, `dot-bad`, …).
enum StatusKind: String, Sendable, Equatable {
    case good, bad, none

    init(_ colour: TrafficColour) {
        switch colour {
        case .green: self = .good
        case .red: self = .bad
        case .grey: self = .none
        }
    }

    init(isBetter: Bool?) {
        self = isBetter.map { $0 ? .good : .bad } ?? .none
    }
}

/// A value as a page shows it: the text after disclosure control, with its status labels.
struct ValueCell: Sendable, Equatable {
    var text: String
    var isExample: Bool
    var isProvisional: Bool

    init(text: String, isExample: Bool = false, isProvisional: Bool = false) {
        self.text = text
        self.isExample = isExample
        self.isProvisional = isProvisional
    }

    init(_ values: IndicatorValues, _ value: DataValue?, _ audience: Audience, withPeriod: Bool = false) {
        let period = withPeriod ? value.map { " (\(MonitorText.periodLabel($0.period)))" } ?? "" : ""
        self.init(
            text: values.display(value, audience).text + period,
            isExample: value?.status == DataStatus.voorbeeld.rawValue,
            isProvisional: value?.status == DataStatus.voorlopig.rawValue)
    }
}

/// A trend as a coloured dot plus words (never colour alone).
struct TrendCell: Sendable, Equatable {
    var kind: StatusKind
    var text: String

    init(_ trend: TrendResult) {
        kind = StatusKind(trend.direction.colour)
        let arrow: String
        switch trend.direction {
        case .improving, .worsening, .increasing, .decreasing: arrow = (trend.slopePerPeriod ?? 0) > 0 ? "↑ " : "↓ "
        default: arrow = ""
        }
        text = arrow + trend.direction.dutchLabel
    }

    /// The line colour of a sparkline in this trend's colour.
    var sparklineColour: String { MonitorColours.trend(kind) }
}

/// Whether a value meets the indicator's norm, with the norm itself in the words.
struct NormCell: Sendable, Equatable {
    /// `nil`: a muted remark (no norm, or no value to judge).
    var kind: StatusKind?
    var text: String

    init(_ definition: IndicatorDefinition, value: Double?, suppressed: Bool) {
        guard let norm = definition.norm else {
            kind = nil
            text = "geen norm"
            return
        }
        let normText = "\(norm.comparison.rawValue) \(ValueFormatter.format(norm.value, indicator: definition))"
        guard let value, !suppressed else {
            kind = nil
            text = "norm \(normText)"
            return
        }
        switch definition.normStatus(value) {
        case .met:
            kind = .good
            text = "norm gehaald (\(normText))"
        case .notMet(let distance):
            kind = .bad
            text = "norm niet gehaald (\(normText); nog \(ValueFormatter.format(distance, indicator: definition)))"
        case .noNorm:
            kind = nil
            text = "geen norm"
        }
    }
}

/// A story as the indicator and region pages show it.
struct StoryCard: Sendable, Equatable {
    var title: String
    var text: String
    var quote: String?
    var personRole: String?
    var isExample: Bool
    /// "Bron: … · 14-03-2025", or empty.
    var footer: String

    init(_ story: Story) {
        title = story.title
        text = story.text
        quote = story.quote
        personRole = story.personRole
        isExample = story.isExample
        footer = [story.source.map { "Bron: \($0)" }, story.date.map { MonitorText.date($0) }]
            .compactMap { $0 }.joined(separator: " · ")
    }
}

/// A region to choose in a page's region filter.
struct RegionChoice: Sendable, Equatable {
    var code: String
    var name: String
}

/// The colours of the monitor's SVG charts. Charts carry their colours as SVG presentation
/// attributes (`stroke=`), where the stylesheet's variables do not apply; these are the values of
/// base.css `--green`, `--red`, `--grey` and `--blue`.
enum MonitorColours {
    static func trend(_ kind: StatusKind) -> String {
        switch kind {
        case .good: "#2e7d32"
        case .bad: "#b3261e"
        case .none: "#6b6b6b"
        }
    }

    static let chosenRegion = "#154273"
}

/// One cell of a data table under a chart.
enum TableCell: Sendable, Equatable {
    case text(String)
    case value(ValueCell)
    /// A link to a typed URL's path.
    case link(String, path: String)
    case exampleBadge
}

/// A data table under a chart: every chart has one (accessibility, print).
struct DataTable: Sendable, Equatable {
    var caption: String
    var headers: [String]
    var rows: [[TableCell]]
    var numericColumns: Set<Int>
}
