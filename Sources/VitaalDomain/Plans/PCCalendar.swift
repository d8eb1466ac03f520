import Foundation

/// The documents of the planning & control (P&C) cycle between the province and its partners (#16).
public enum PCDocument: String, Sendable, Hashable, Codable, CaseIterable {
    case kaderbrief, jaarplan, voortgangsrapportage, jaarverslag

    public var label: String {
        switch self {
        case .kaderbrief: "Kaderbrief"
        case .jaarplan: "Jaarplan met begroting"
        case .voortgangsrapportage: "Voortgangsrapportage"
        case .jaarverslag: "Jaarverslag"
        }
    }

    /// The environment variable that sets this deadline as `MM-DD`.
    public var setting: String { "VITAAL_PC_\(rawValue.uppercased())" }
}

/// The P&C calendar: per plan year, when each document is due. What the source documents say:
///
/// - kaderbrief — "een kaderbrief over het 'wat' in het voorjaar" (Flever, Jaarplan 2025, chapter
///   "Organisatieontwikkeling"): in the spring before the plan year;
/// - jaarplan — "een jaarplan in het najaar" (same place) and "Aan het eind van ieder jaar dient CMO een
///   jaarplan in voor het komende jaar" (CMO Flevoland, Meerjarenplan 2021-2024, section "CMO als
///   subsidieontvanger"): in the autumn before the plan year;
/// - voortgangsrapportage — "opstellen van een jaarlijkse voortgangsrapportage" (Provincie Flevoland,
///   Contourenschets Krachtige Samenleving, appendix programme plan WEL in Flevoland, "Governance",
///   role of the programme team, "Monitoren en rapporteren"): once a year, no date given;
/// - jaarverslag — the documents give no date.
///
/// The documents name seasons, not days, so every day is a default that can be set (`setting`).
public struct PCCalendar: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var document: PCDocument
        public var month: Int
        public var day: Int
        /// Relative to the plan year: -1 for the year before, +1 for the year after.
        public var yearOffset: Int
        /// What the documents say about the timing (or that they say nothing), title and section.
        public var basis: String
        /// True when the default day was set through the environment.
        public var configured: Bool = false
    }

    /// One deadline of one plan year.
    public struct Deadline: Sendable, Hashable {
        public var document: PCDocument
        public var planYear: Int
        public var due: PlanDate
        public var basis: String
        public var configured: Bool
    }

    public var rules: [Rule]

    public static let standard = PCCalendar(rules: [
        Rule(
            document: .kaderbrief, month: 4, day: 1, yearOffset: -1,
            basis: "In het voorjaar vóór het planjaar (Flever, Jaarplan 2025, hoofdstuk Organisatieontwikkeling: "
                + "‘een kaderbrief over het ‘wat’ in het voorjaar’). De dag staat niet in de documenten."),
        Rule(
            document: .jaarplan, month: 11, day: 1, yearOffset: -1,
            basis: "In het najaar vóór het planjaar (Flever, Jaarplan 2025, hoofdstuk Organisatieontwikkeling: "
                + "‘een jaarplan in het najaar’; CMO Flevoland, Meerjarenplan 2021-2024, ‘CMO als "
                + "subsidieontvanger’: ‘aan het eind van ieder jaar … een jaarplan … voor het komende jaar’). "
                + "De dag staat niet in de documenten."),
        Rule(
            document: .voortgangsrapportage, month: 9, day: 1, yearOffset: 0,
            basis: "Eens per jaar (Contourenschets Krachtige Samenleving, bijlage programmaplan WEL in Flevoland, "
                + "Governance, ‘Monitoren en rapporteren’: ‘een jaarlijkse voortgangsrapportage’). Het moment "
                + "staat niet in de documenten."),
        Rule(
            document: .jaarverslag, month: 5, day: 1, yearOffset: 1,
            basis: "Na afloop van het planjaar. De documenten noemen geen termijn.")
    ])

    /// The standard calendar with the days of `environment` (`VITAAL_PC_KADERBRIEF=04-01` …); a value
    /// that is not a valid `MM-DD` keeps the default and is reported in Dutch.
    public static func configured(_ environment: [String: String]) -> (PCCalendar, [String]) {
        var calendar = standard
        var problems: [String] = []
        for i in calendar.rules.indices {
            let document = calendar.rules[i].document
            guard let raw = environment[document.setting] else { continue }
            let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
            guard raw.count <= 5, parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
                (1...12).contains(month), day >= 1, day <= PlanDate.daysIn(month: month, year: 2001)
            else {
                problems.append(
                    "\(document.setting)=\"\(raw.prefix(20))\" is geen geldige dag (MM-DD, bijv. 04-01); de "
                        + "standaard \(calendar.rules[i].month)-\(calendar.rules[i].day) geldt.")
                continue
            }
            calendar.rules[i].month = month
            calendar.rules[i].day = day
            calendar.rules[i].configured = true
        }
        return (calendar, problems)
    }

    /// The deadlines of plan year `year`, in the order of the cycle.
    public func deadlines(planYear year: Int) -> [Deadline] {
        rules.compactMap { rule in
            PlanDate(year + rule.yearOffset, rule.month, rule.day).map {
                Deadline(
                    document: rule.document, planYear: year, due: $0, basis: rule.basis, configured: rule.configured)
            }
        }
    }

    /// Every deadline that falls in calendar year `year` (for plan years `year - 1` … `year + 1`), by date.
    public func deadlines(inCalendarYear year: Int) -> [Deadline] {
        ((year - 1)...(year + 1)).flatMap { deadlines(planYear: $0) }.filter { $0.due.year == year }
            .sorted { $0.due < $1.due }
    }
}
