import Foundation

/// What a register field refers to (issue #18): goals of the plans, networks of the social map,
/// indicators of the monitor. The field holds the references as text, separated by commas.
public enum RegisterReferenceKind: String, Sendable, Hashable, CaseIterable {
    case planGoals
    case networks
    case indicators

    /// The noun in messages: "Plandoel ‘X’ bestaat niet".
    public var noun: String {
        switch self {
        case .planGoals: "Plandoel"
        case .networks: "Netwerk"
        case .indicators: "Indicator"
        }
    }
}

/// Reading and showing references to other features' items. A user types what they would copy:
/// a goal as "<plan>/<doel>" (or the goal's key alone when only one plan has it, or the address
/// of the goal's page), a network by its name or key, an indicator by its code; case and accents
/// are ignored. On save every reference must resolve to exactly one item and is stored in its
/// canonical form (`Target.reference`), so that pages, export and API read one form.
public enum RegisterReferences {
    /// An item a reference may point to.
    public struct Target: Sendable, Hashable {
        /// The stored form: "flever-jaarplan-2025/A&O.A2", a network's key, an indicator's code.
        public var reference: String
        /// Other forms a user may type: a goal's key, a network's name, the page's address.
        public var aliases: [String]
        public var title: String
        /// Where the item belongs, shown after the title (the plan's title for a goal).
        public var context: String?
        /// The item's page.
        public var path: String
        /// False for a goal of a plan that is not published or an internal indicator: shown only to
        /// logged-in viewers, never its title to anonymous ones.
        public var isPublic: Bool

        public init(
            reference: String, aliases: [String] = [], title: String, context: String? = nil, path: String,
            isPublic: Bool
        ) {
            self.reference = reference
            self.aliases = aliases
            self.title = title
            self.context = context
            self.path = path
            self.isPublic = isPublic
        }
    }

    /// Most references one field may hold.
    public static let maxCount = 50

    /// "a, b; c" → ["a", "b", "c"]: separated by commas, semicolons or line breaks, trimmed, each once.
    public static func split(_ text: String?) -> [String] {
        var seen = Set<String>()
        return (text ?? "").split { $0 == "," || $0 == ";" || $0.isNewline }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert(fold($0)).inserted }
    }

    /// The references of `text` in their stored form, and a Dutch message per reference that names
    /// no item or more than one.
    public static func resolve(_ text: String?, kind: RegisterReferenceKind, among targets: [Target]) -> (
        references: [String], problems: [String]
    ) {
        let typed = split(text)
        guard typed.count <= maxCount else {
            return ([], ["ten hoogste \(maxCount) verwijzingen (nu \(typed.count))"])
        }
        let index = Index(targets)
        var references: [String] = []
        var problems: [String] = []
        for reference in typed {
            let found = index.matches(reference)
            let shown = String(reference.prefix(80))
            switch found.count {
            case 0: problems.append("\(kind.noun) ‘\(shown)’ bestaat niet")
            case 1 where !references.contains(found[0].reference): references.append(found[0].reference)
            case 1: break
            default:
                let choices = found.prefix(5).map { "‘\($0.reference)’" }.joined(separator: " of ")
                problems.append("\(kind.noun) ‘\(shown)’ is niet eenduidig: bedoelt u \(choices)?")
            }
        }
        return (references, problems)
    }

    /// One stored reference as a page shows it: its item, or the text when no item has it (any more).
    public enum Shown: Sendable, Hashable {
        case target(Target)
        case unknown(String)
    }

    /// The references of a stored value as the viewer may see them: anonymous viewers get only
    /// items that are public, and nothing for references that no longer resolve (their text could
    /// name an unpublished plan).
    public static func shown(_ value: String?, among targets: [Target], loggedIn: Bool) -> [Shown] {
        let index = Index(targets)
        return split(value).compactMap { reference in
            let found = index.matches(reference)
            if found.count == 1 {
                return loggedIn || found[0].isPublic ? .target(found[0]) : nil
            }
            return loggedIn ? .unknown(reference) : nil
        }
    }

    /// The stored value as the viewer may read it in a list, export or API answer (the references
    /// of `shown`, joined by ", "); nil when nothing is left.
    public static func visibleValue(_ value: String?, among targets: [Target], loggedIn: Bool) -> String? {
        let parts = shown(value, among: targets, loggedIn: loggedIn).map { shown -> String in
            switch shown {
            case .target(let target): target.reference
            case .unknown(let text): text
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// An address as copied from a browser ("https://host/plannen/p/doelen/A%26O.A2/") → its path
    /// ("/plannen/p/doelen/A&O.A2"); other text as it is.
    static func pathForm(_ text: String) -> String {
        var t = text
        if let scheme = t.range(of: "://") {
            let rest = t[scheme.upperBound...]
            t = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        guard t.hasPrefix("/") else { return text }
        t = t.removingPercentEncoding ?? t
        if let query = t.firstIndex(of: "?") { t = String(t[..<query]) }
        while t.count > 1, t.hasSuffix("/") { t.removeLast() }
        return t
    }

    static func fold(_ text: String) -> String {
        RegisterFilter.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Targets by every folded form a user may type.
    struct Index {
        var byForm: [String: [Target]] = [:]

        init(_ targets: [Target]) {
            for target in targets {
                var forms: Set<String> = []
                for form in [target.reference, target.path] + target.aliases where !form.isEmpty {
                    // Addresses as `pathForm` reads a typed one: percent-decoded.
                    forms.insert(fold(form.hasPrefix("/") ? (form.removingPercentEncoding ?? form) : form))
                }
                for form in forms { byForm[form, default: []].append(target) }
            }
        }

        func matches(_ typed: String) -> [Target] {
            byForm[fold(pathForm(typed))] ?? byForm[fold(typed)] ?? []
        }
    }
}

extension DataSourceMatch {
    /// A source's last import by the monitor: the latest of the imports (indicator code → time of
    /// its latest active import) among the indicators that use the source; nil when the monitor
    /// imports none of them.
    public static func lastImport(of source: RegisterEntry, among indicators: [Indicator], imports: [String: Date])
        -> Date?
    {
        Self.indicators(of: source, among: indicators).compactMap { imports[$0] }.max()
    }
}
