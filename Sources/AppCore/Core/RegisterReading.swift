import Fluent
import Plot
import Vapor
import VitaalDomain

/// What the registers (#18, RegistersFeature) let other features show: the definition list's
/// terms to link to, the data-source catalogue entries behind an indicator's "Bron", and the open
/// commitments to the Provinciale Staten for a plan's report. The monitor and the plans cannot
/// import RegistersFeature (it reads the monitor), so RegistersFeature registers this reader when
/// it registers its routes; an application without it simply shows no such links.
public struct RegisterReading: Sendable {
    public struct Link: Sendable, Hashable {
        public var title: String
        public var path: String
        public init(title: String, path: String) {
            self.title = title
            self.path = path
        }
    }

    /// A commitment, motion or information letter as a plan report lists it.
    public struct Commitment: Sendable, Hashable {
        /// "toezegging", "motie" or "mededeling".
        public var kind: String
        public var title: String
        /// `yyyy-mm-dd`.
        public var date: String?
        public var dueDate: String?
        public var path: String
        public init(kind: String, title: String, date: String?, dueDate: String?, path: String) {
            self.kind = kind
            self.title = title
            self.date = date
            self.dueDate = dueDate
            self.path = path
        }
    }

    public struct OpenCommitments: Sendable, Hashable {
        public var items: [Commitment]
        /// True when the items are linked to the plan; false when none is and the items are all
        /// open ones (`CommitmentSelection`).
        public var linkedToPlan: Bool
        /// The register's list, for "alle toezeggingen".
        public var registerPath: String
        public init(items: [Commitment], linkedToPlan: Bool, registerPath: String) {
            self.items = items
            self.linkedToPlan = linkedToPlan
            self.registerPath = registerPath
        }
    }

    /// A fund or signal that names a plan goal, a network or an indicator (the references' other
    /// direction, `RegisterReferrers`).
    public struct Referrer: Sendable, Hashable {
        /// `.funds` or `.signals`.
        public var register: RegisterKind
        public var title: String
        public var status: String?
        /// `yyyy-mm-dd`: a fund's deadline, a signal's date.
        public var date: String?
        /// A fund's deadline as its source words it, when it has no date.
        public var dateText: String?
        public var path: String
        /// False for signals (internal): shown only to logged-in viewers.
        public var isPublic: Bool
        /// The asked references the entry names.
        public var references: [String]
        public init(
            register: RegisterKind, title: String, status: String?, date: String?, dateText: String?, path: String,
            isPublic: Bool, references: [String]
        ) {
            self.register = register
            self.title = title
            self.status = status
            self.date = date
            self.dateText = dateText
            self.path = path
            self.isPublic = isPublic
            self.references = references
        }
    }

    /// The definition list's terms with the page each links to.
    public var glossary: @Sendable (_ db: any Database) async throws -> [TermLinks.Term]
    /// The catalogue entries an indicator uses (its code and source text).
    public var dataSources: @Sendable (_ code: String, _ source: String, _ db: any Database) async throws -> [Link]
    /// The open commitments for the plan with this key.
    public var openCommitments: @Sendable (_ planKey: String, _ db: any Database) async throws -> OpenCommitments
    /// The funds and signals that name one of `references` (stored form: "plan/goal", a network's
    /// key, an indicator's code), loaded with one query; set by RegistersFeature.
    public var referrers:
        @Sendable (_ kind: RegisterReferenceKind, _ references: [String], _ db: any Database) async throws -> [Referrer] =
            { _, _, _ in [] }

    public init(
        glossary: @escaping @Sendable (_ db: any Database) async throws -> [TermLinks.Term],
        dataSources: @escaping @Sendable (_ code: String, _ source: String, _ db: any Database) async throws -> [Link],
        openCommitments: @escaping @Sendable (_ planKey: String, _ db: any Database) async throws -> OpenCommitments
    ) {
        self.glossary = glossary
        self.dataSources = dataSources
        self.openCommitments = openCommitments
    }
}

extension RegisterReading {
    /// The entries of `registers` that name one of `references`, as the viewer may see them:
    /// anonymous visitors get only public ones (funds, never signals).
    public func referrers(
        _ kind: RegisterReferenceKind, _ references: [String], in registers: Set<RegisterKind>, loggedIn: Bool,
        on db: any Database
    ) async throws -> [Referrer] {
        try await referrers(kind, references, db).filter {
            registers.contains($0.register) && (loggedIn || $0.isPublic)
        }
    }
}

extension Application {
    private struct RegisterReadingKey: StorageKey { typealias Value = RegisterReading }

    /// Set by RegistersFeature; nil in an application without the registers.
    public var registerReading: RegisterReading? {
        get { storage[RegisterReadingKey.self] }
        set { storage[RegisterReadingKey.self] = newValue }
    }
}

/// What the plans and the social map let the registers link to (#18): a fund's or signal's goals
/// and a signal's networks are checked against these items and shown as links to their pages.
/// RegistersFeature cannot import those features, so each sets its provider when it registers
/// its routes; without a provider no reference of that kind is accepted.
public struct RegisterLinkTargets: Sendable {
    public typealias Provider = @Sendable (_ db: any Database) async throws -> [RegisterReferences.Target]

    /// Every goal of every plan (`isPublic` for goals of published plans), set by PlansFeature.
    public var planGoals: Provider?
    /// Every network of the social map, set by SocialMapFeature.
    public var networks: Provider?

    public init() {}
}

extension Application {
    private struct RegisterLinkTargetsKey: StorageKey { typealias Value = RegisterLinkTargets }

    /// The providers of the items register fields refer to (see `RegisterLinkTargets`).
    public var registerLinkTargets: RegisterLinkTargets {
        get { storage[RegisterLinkTargetsKey.self] ?? RegisterLinkTargets() }
        set { storage[RegisterLinkTargetsKey.self] = newValue }
    }
}

extension UI {
    /// The funds or signals that name an item, under `heading`: a table with title (linked to the
    /// entry), status and deadline or date; `empty` when there are none.
    public static func referrers(
        _ referrers: [RegisterReading.Referrer], register: RegisterKind, heading: String, id: String, empty: String
    ) -> BodyNode {
        let funds = register == .funds
        return .group(
            .h2(.id(id), .text(heading)),
            referrers.isEmpty
                ? .p(.class("muted"), .text(empty))
                : table(
                    caption: "\(heading) (\(referrers.count))",
                    headers: [funds ? "Regeling" : "Signaal", "Status", funds ? "Deadline" : "Datum"],
                    rows: referrers.map { referrer in
                        [
                            .a(.href(attr(referrer.path)), .text(referrer.title)),
                            .text(referrer.status ?? "niet vermeld"),
                            .text(
                                referrer.date.map { (try? PlanDate.parse($0))?.dutch ?? $0 } ?? referrer.dateText ?? "")
                        ]
                    }))
    }

    /// A text with the terms of the definition list linked (`TermLinks.segments`); Plot escapes the
    /// text and `attr()` the targets.
    public static func termLinked(_ segments: [TermLinks.Segment]) -> Node<HTML.BodyContext> {
        .forEach(segments) { segment in
            switch segment {
            case .text(let text): .text(text)
            case .link(let text, let target): .a(.class("term-link"), .href(attr(target)), .text(text))
            }
        }
    }
}
