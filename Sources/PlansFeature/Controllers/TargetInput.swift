import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// A new SMART target as the form sends it, checked as a whole: every problem is collected and
/// refused together (422), nothing is written.
enum TargetInput {
    /// The form's choice between a SMART target and an inspanningsdoel (field `kind`).
    static let kinds: [(value: String, label: String)] = [
        (value: "smart", label: "SMART: meetbaar, met streefwaarde en streefdatum"),
        (
            value: "inspanning",
            label: "Niet-SMART: inspanningsdoel (\u{201C}we streven naar \u{2026}\u{201D}), kwalitatief beoordeeld"
        )
    ]

    static func parse(_ req: Request, plan: Plan) async throws -> SmartTarget {
        var problems = ProblemCollector()
        let kind = FormInput.text(req, "kind")
        if !kind.isEmpty && !kinds.contains(where: { $0.value == kind }) {
            problems.add("onbekende soort \"\(BoundedNumber.short(kind))\"", at: SourceLocation(field: "kind"))
        }
        // An inspanningsdoel needs no streefwaarde: an empty one is 0 and not shown.
        let isSmart = kind != "inspanning"
        let nodeKey = FormInput.text(req, "node")
        let baselineText = FormInput.text(req, "baselineValue")
        let baseline =
            problems.collect {
                try FormInput.number(
                    baselineText.isEmpty ? "0" : baselineText, field: "baselineValue", label: "Nulmeting")
            } ?? 0
        let targetText = FormInput.text(req, "targetValue")
        let targetValue = problems.collect {
            try FormInput.number(
                targetText.isEmpty && !isSmart ? "0" : targetText, field: "targetValue", label: "Streefwaarde")
        }
        let baselineDate = optionalDate(req, "baselineDate", label: "Datum nulmeting", &problems) ?? plan.period.start
        let targetDate = optionalDate(req, "targetDate", label: "Streefdatum", &problems)
        let directionText = FormInput.text(req, "direction")
        let direction = SmartTarget.Direction(rawValue: directionText.isEmpty ? "count" : directionText)
        if direction == nil {
            problems.add(
                "onbekende richting \"\(BoundedNumber.short(directionText))\"",
                at: SourceLocation(field: "direction"))
        }
        let indicatorCode = FormInput.optionalText(req, "indicator")
        if let code = indicatorCode { try await checkIndicator(code, on: req.db, &problems) }
        var plan = plan
        var target = SmartTarget(
            key: nextKey(nodeKey, in: plan), nodeKey: nodeKey, measure: FormInput.text(req, "measure"),
            unit: FormInput.text(req, "unit"), baseline: DatedValue(baseline, at: baselineDate),
            targetValue: targetValue ?? 0, targetDate: targetDate, direction: direction ?? .count,
            source: indicatorCode.map { .indicator($0) } ?? .manual,
            responsible: FormInput.optionalText(req, "responsible"))
        target.isSmart = isSmart
        plan.targets.append(target)
        // Always checked, also when a number was unreadable, so every wrong field gets its message
        // (a field keeps the first: an unreadable streefwaarde is not also called "below the baseline").
        target.validate(in: plan, into: &problems)
        try problems.throwIfAny("Doelstelling niet opgeslagen")
        return target
    }

    /// A date field that may be left empty; an unreadable date is a problem and gives nil.
    static func optionalDate(
        _ req: Request, _ field: String, label: String,
        _ problems: inout ProblemCollector
    ) -> PlanDate? {
        guard let text = FormInput.optionalText(req, field) else { return nil }
        return problems.collect { try FormInput.date(text, field: field, label: label) }
    }

    /// A plan becomes public once vastgesteld: its targets may only read public monitor indicators.
    static func checkIndicator(_ code: String, on db: any Database, _ problems: inout ProblemCollector) async throws {
        guard let found = try await MonitorLookup.indicator(code: code, audience: .internal, on: db) else {
            problems.add(
                "indicator \"\(BoundedNumber.short(code))\" bestaat niet in de monitor",
                at: SourceLocation(field: "indicator"))
            return
        }
        guard !found.isPublic else { return }
        problems.add(
            "indicator \(code) (\(found.name)) is intern; een doelstelling kan alleen een openbare indicator "
                + "van de monitor als bron hebben, want een vastgesteld plan is openbaar",
            at: SourceLocation(field: "indicator"))
    }

    /// `<node>.t<n>`: the first number from the count of targets + 1 that is not taken.
    static func nextKey(_ nodeKey: String, in plan: Plan) -> String {
        var number = plan.targets.count + 1
        // Archived targets keep their keys (their realisations and audit entries name them).
        let all = plan.targets + plan.archivedTargets
        while all.contains(where: { $0.key == "\(nodeKey).t\(number)" }) { number += 1 }
        return "\(nodeKey).t\(number)"
    }
}

extension ProblemCollector {
    /// The value of `body`, or nil with its problems collected when it throws a `VitaalError`.
    mutating func collect<Value>(_ body: () throws -> Value) -> Value? {
        do { return try body() } catch let error as VitaalError {
            add(error.problems)
        } catch {
            add("\(error)")
        }
        return nil
    }
}
