import Foundation

/// A value measured at a date (a baseline or a target level).
public struct DatedValue: Sendable, Hashable, Codable {
    public var value: Double
    public var date: PlanDate
    public init(_ value: Double, at date: PlanDate) {
        self.value = value
        self.date = date
    }
}

/// One reported realisation of a target: a value at a date for a period, with evidence.
public struct Realisation: Sendable, Hashable, Codable {
    /// Reporting period label, e.g. "2025-Q1"; free text.
    public var period: String?
    public var value: Double
    public var date: PlanDate
    public var evidence: String?
    public var evidenceLink: String?
    public init(
        period: String? = nil, value: Double, date: PlanDate, evidence: String? = nil, evidenceLink: String? = nil
    ) {
        self.period = period
        self.value = value
        self.date = date
        self.evidence = evidence
        self.evidenceLink = evidenceLink
    }
}

/// A target attached to a goal node. A SMART target's status is computed (`status(asOf:)`), never
/// typed; a non-SMART target (inspanningsdoel, `isSmart == false`) is assessed qualitatively instead.
public struct SmartTarget: Sendable, Hashable, Codable, Identifiable {
    /// Which way is better.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        /// Higher is better; target above baseline.
        case increase
        /// Lower is better; target below baseline.
        case decrease
        /// The latest value must be at least the target (may start above it).
        case atLeast
        /// The latest value must be at most the target (may start below it).
        case atMost
        /// Events are counted: realisations are counts per period and add up (baseline + sum).
        case count

        public var label: String {
            switch self {
            case .increase: "stijgen"
            case .decrease: "dalen"
            case .atLeast: "ten minste"
            case .atMost: "ten hoogste"
            case .count: "aantal keer"
            }
        }
        /// True when higher values are better.
        public var higherIsBetter: Bool { self != .decrease && self != .atMost }
    }

    /// Where realisations come from.
    public enum Source: Sendable, Hashable, Codable {
        case manual
        /// A monitor indicator code; the app fills realisations from the monitor.
        case indicator(String)
    }

    /// Computed status. Dutch labels: op koers / risico / achter / behaald / geen gegevens.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case offTrack, atRisk, onTrack, achieved, noData

        public var label: String {
            switch self {
            case .onTrack: "op koers"
            case .atRisk: "risico"
            case .offTrack: "achter"
            case .achieved: "behaald"
            case .noData: "geen gegevens"
            }
        }
        /// Severity order for roll-up: offTrack (worst) < atRisk < onTrack < achieved < noData.
        var rank: Int { Status.allCases.firstIndex(of: self)! }
        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
    }

    public var key: String
    public var nodeKey: String
    /// What is measured, e.g. "Aantal agenderingsmomenten".
    public var measure: String
    /// Unit, e.g. "momenten", "%", "afleveringen".
    public var unit: String
    public var baseline: DatedValue
    public var targetValue: Double
    public var targetDate: PlanDate?
    public var direction: Direction
    public var source: Source
    public var responsible: String?
    /// The source's own words, e.g. "Er zijn ten minste vier momenten …".
    public var sourceText: String?
    public var realisations: [Realisation]
    /// True when the target is example data, not transcribed from a source.
    public var isExample: Bool
    /// False for an inspanningsdoel ("we streven naar …"): no measured value or deadline is required,
    /// and its status is the latest qualitative assessment, never computed.
    public var isSmart: Bool = true
    /// The qualitative assessments of an inspanningsdoel, oldest first.
    public var assessments: [QualitativeAssessment] = []
    /// Set when the target was archived (gearchiveerd) instead of deleted.
    public var archive: TargetArchive? = nil

    public var id: String { key }

    public init(
        key: String, nodeKey: String, measure: String, unit: String, baseline: DatedValue,
        targetValue: Double, targetDate: PlanDate?, direction: Direction, source: Source = .manual,
        responsible: String? = nil, sourceText: String? = nil, realisations: [Realisation] = [],
        isExample: Bool = false
    ) {
        self.key = key
        self.nodeKey = nodeKey
        self.measure = measure
        self.unit = unit
        self.baseline = baseline
        self.targetValue = targetValue
        self.targetDate = targetDate
        self.direction = direction
        self.source = source
        self.responsible = responsible
        self.sourceText = sourceText
        self.realisations = realisations
        self.isExample = isExample
    }

    /// The value the status compares: for `count` the baseline plus the sum of all realisations up
    /// to `date`; otherwise the latest realisation's value. Nil when there is none.
    public func currentValue(asOf date: PlanDate? = nil) -> (value: Double, date: PlanDate)? {
        let relevant = realisations.filter { date == nil || $0.date <= date! }
        guard let latest = relevant.max(by: { $0.date < $1.date }) else { return nil }
        if direction == .count {
            return (baseline.value + relevant.reduce(0) { $0 + $1.value }, latest.date)
        }
        return (latest.value, latest.date)
    }

    /// The value expected at `date` on the straight line from baseline to target (clamped to the
    /// baseline before the baseline date and to the target after the target date).
    public func expectedValue(at date: PlanDate) -> Double {
        guard let targetDate, baseline.date < targetDate else { return targetValue }
        let span = Double(baseline.date.days(to: targetDate))
        let fraction = min(1, max(0, Double(baseline.date.days(to: date)) / span))
        return baseline.value + (targetValue - baseline.value) * fraction
    }

    /// True when `value` meets the target in this target's direction.
    public func meetsTarget(_ value: Double) -> Bool {
        direction.higherIsBetter ? value >= targetValue : value <= targetValue
    }

    /// The status rule (see docs/plans-and-steering.md):
    /// 1. no realisation (up to `asOf`) → `noData`;
    /// 2. the current value meets the target → `achieved`;
    /// 3. the latest realisation is on or after the target date (deadline passed, not met) → `offTrack`;
    /// 4. otherwise progress = (current − baseline) / (expected − baseline), with expected on the
    ///    straight line at the latest realisation's date; when nothing is expected yet
    ///    (expected = baseline) → `onTrack`; progress ≥ 0,9 → `onTrack`; ≥ 0,7 → `atRisk`; else `offTrack`.
    ///
    /// An inspanningsdoel (`isSmart == false`) is not computed: its status is what its latest
    /// assessment stands for (`QualitativeAssessment.Judgement.status`), `noData` before the first.
    public func status(asOf date: PlanDate? = nil) -> Status {
        guard isSmart else { return latestAssessment(asOf: date)?.judgement.status ?? .noData }
        guard let current = currentValue(asOf: date) else { return .noData }
        if meetsTarget(current.value) { return .achieved }
        if let targetDate, current.date >= targetDate { return .offTrack }
        let expected = expectedValue(at: current.date)
        let expectedGain = expected - baseline.value
        // Nothing expected yet, or the expected line runs the wrong way (atLeast/atMost started
        // on the good side and slipped): compare against the target only.
        let sign: Double = direction.higherIsBetter ? 1 : -1
        if expectedGain * sign <= 0 { return .onTrack }
        let progress = (current.value - baseline.value) / expectedGain
        let epsilon = 1e-9
        if progress >= Self.onTrackThreshold - epsilon { return .onTrack }
        if progress >= Self.atRiskThreshold - epsilon { return .atRisk }
        return .offTrack
    }

    /// Progress share at or above which a target is on track.
    public static let onTrackThreshold = 0.9
    /// Progress share at or above which (and below `onTrackThreshold`) a target is at risk.
    public static let atRiskThreshold = 0.7

    /// The target for the next year: dates shifted one year, realisations dropped.
    public func copiedToNextYear() -> SmartTarget {
        var copy = self
        copy.baseline.date = baseline.date.addingYears(1)
        copy.targetDate = targetDate?.addingYears(1)
        copy.realisations = []
        copy.assessments = []
        return copy
    }

    /// Adds this target's problems: missing measure or target date, target date before the
    /// baseline date, direction contradicting baseline and target, unknown node, realisation
    /// date outside the plan period.
    /// An inspanningsdoel is checked for its description (in `measure`), node and dates only: it has
    /// no measured target value, so direction and streefdatum are not required.
    public func validate(in plan: Plan, into collector: inout ProblemCollector) {
        let element = "doelstelling \"\(key)\""
        if measure.trimmingCharacters(in: .whitespaces).isEmpty {
            collector.add(
                isSmart ? "de maat (wat wordt gemeten) ontbreekt" : "de omschrijving van het inspanningsdoel ontbreekt",
                at: SourceLocation(field: "measure", element: element))
        }
        if !isSmart {
            if let targetDate, targetDate < baseline.date {
                collector.add(
                    "de streefdatum \(targetDate.dutch) ligt vóór de datum van de nulmeting \(baseline.date.dutch)",
                    at: SourceLocation(field: "targetDate", element: element))
            }
            if plan.node(nodeKey) == nil {
                collector.add(
                    "doel \"\(nodeKey)\" bestaat niet in het plan",
                    at: SourceLocation(field: "nodeKey", element: element))
            }
            return
        }
        if let targetDate {
            if targetDate < baseline.date {
                collector.add(
                    "de streefdatum \(targetDate.dutch) ligt vóór de datum van de nulmeting \(baseline.date.dutch)",
                    at: SourceLocation(field: "targetDate", element: element))
            }
        } else {
            collector.add("de streefdatum ontbreekt", at: SourceLocation(field: "targetDate", element: element))
        }
        if !targetValue.isFinite || !baseline.value.isFinite {
            collector.add(
                "nulmeting en streefwaarde moeten getallen zijn",
                at: SourceLocation(field: "targetValue", element: element))
        } else {
            switch direction {
            case .increase where targetValue <= baseline.value, .count where targetValue <= baseline.value:
                collector.add(
                    "richting \"\(direction.label)\" vraagt een streefwaarde (\(targetValue)) boven de nulmeting (\(baseline.value))",
                    at: SourceLocation(field: "targetValue", element: element))
            case .decrease where targetValue >= baseline.value:
                collector.add(
                    "richting \"dalen\" vraagt een streefwaarde (\(targetValue)) onder de nulmeting (\(baseline.value))",
                    at: SourceLocation(field: "targetValue", element: element))
            default: break
            }
        }
        if case .indicator(let code) = source, code.trimmingCharacters(in: .whitespaces).isEmpty {
            collector.add(
                "de indicatorcode van de bron ontbreekt", at: SourceLocation(field: "source", element: element))
        }
        if plan.node(nodeKey) == nil {
            collector.add(
                "doel \"\(nodeKey)\" bestaat niet in het plan", at: SourceLocation(field: "nodeKey", element: element))
        }
        for (i, r) in realisations.enumerated() where !plan.period.contains(r.date) {
            collector.add(
                "realisatie \(i + 1) heeft datum \(r.date.dutch), buiten de planperiode \(plan.period)",
                at: SourceLocation(field: "realisations[\(i)].date", element: element))
        }
    }
}

// MARK: - Roll-up

/// Rolled-up status of a goal node or a plan.
public struct StatusRollUp: Sendable, Hashable, Codable {
    /// The worst status among the targets below that have data; `noData` only if none has data;
    /// `achieved` only if every target with data is achieved.
    public var status: SmartTarget.Status
    /// Number of targets per status in the subtree (every status present, zero when none).
    public var counts: [SmartTarget.Status: Int]
    /// How many of the counted targets are inspanningsdoelen, whose status is a qualitative
    /// assessment rather than computed (shown as such next to the counts).
    public var qualitativeCount: Int = 0
    public var targetCount: Int { counts.values.reduce(0, +) }

    public init(statuses: [SmartTarget.Status]) {
        var counts: [SmartTarget.Status: Int] = [:]
        for s in SmartTarget.Status.allCases { counts[s] = 0 }
        for s in statuses { counts[s, default: 0] += 1 }
        self.counts = counts
        self.status = statuses.filter { $0 != .noData }.min() ?? .noData
    }

    /// The roll-up of `targets` (their status up to `date`), counting the inspanningsdoelen apart.
    public init(targets: [SmartTarget], asOf date: PlanDate? = nil) {
        self.init(statuses: targets.map { $0.status(asOf: date) })
        qualitativeCount = targets.filter { !$0.isSmart }.count
    }
}

extension Plan {
    /// Roll-up of a node: the statuses of all targets on the node and its descendants
    /// (activities → goals → …), combined by `StatusRollUp`'s rule.
    public func rollUp(_ nodeKey: String, asOf date: PlanDate? = nil) -> StatusRollUp {
        let keys = Set(subtreeKeys(of: nodeKey))
        return StatusRollUp(targets: targets.filter { keys.contains($0.nodeKey) }, asOf: date)
    }

    /// Roll-up of the whole plan: every current target (archived ones are in `archivedTargets`).
    public func rollUp(asOf date: PlanDate? = nil) -> StatusRollUp {
        StatusRollUp(targets: targets, asOf: date)
    }
}

// MARK: - Decoding

extension SmartTarget {
    /// Decodes a target stored before inspanningsdoelen and archiving existed (the goal tree's
    /// version history keeps targets as JSON): a missing `isSmart` is a SMART target, missing
    /// assessments are none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), nodeKey: try c.decode(String.self, forKey: .nodeKey),
            measure: try c.decode(String.self, forKey: .measure), unit: try c.decode(String.self, forKey: .unit),
            baseline: try c.decode(DatedValue.self, forKey: .baseline),
            targetValue: try c.decode(Double.self, forKey: .targetValue),
            targetDate: try c.decodeIfPresent(PlanDate.self, forKey: .targetDate),
            direction: try c.decode(Direction.self, forKey: .direction),
            source: try c.decode(Source.self, forKey: .source),
            responsible: try c.decodeIfPresent(String.self, forKey: .responsible),
            sourceText: try c.decodeIfPresent(String.self, forKey: .sourceText),
            realisations: try c.decode([Realisation].self, forKey: .realisations),
            isExample: try c.decode(Bool.self, forKey: .isExample))
        isSmart = try c.decodeIfPresent(Bool.self, forKey: .isSmart) ?? true
        assessments = try c.decodeIfPresent([QualitativeAssessment].self, forKey: .assessments) ?? []
        archive = try c.decodeIfPresent(TargetArchive.self, forKey: .archive)
    }
}
