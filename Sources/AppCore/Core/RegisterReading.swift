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

    /// The definition list's terms with the page each links to.
    public var glossary: @Sendable (_ db: any Database) async throws -> [TermLinks.Term]
    /// The catalogue entries an indicator uses (its code and source text).
    public var dataSources: @Sendable (_ code: String, _ source: String, _ db: any Database) async throws -> [Link]
    /// The open commitments for the plan with this key.
    public var openCommitments: @Sendable (_ planKey: String, _ db: any Database) async throws -> OpenCommitments

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
