import Foundation

/// The registers that the source documents keep by hand (issue #18): the fundraising pipeline
/// (Flever, Jaarplan 2025, Bijlage 2), the commitments, motions and information letters to the
/// Provinciale Staten, and the definition list (Flever, Jaarplan 2025, Bijlage 3). Each register is
/// described by a definition — its fields, which of them are public, and its status path — so that
/// pages, forms, API, export and audit are built once for all of them.
public enum RegisterKind: String, Sendable, CaseIterable, Codable, Hashable {
    /// Fondsenwerving.
    case funds
    /// Toezeggingen, moties en mededelingen aan Provinciale Staten.
    case commitments
    /// Begrippen (definitielijst).
    case terms

    public var definition: RegisterDefinition {
        switch self {
        case .funds: RegisterDefinitions.funds
        case .commitments: RegisterDefinitions.commitments
        case .terms: RegisterDefinitions.terms
        }
    }
}

/// One field of a register's entry.
public struct RegisterField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// One line of text.
        case text
        /// Several lines of text.
        case longText
        /// A calendar day, `yyyy-mm-dd`.
        case date
        /// An amount in whole euros.
        case amount
        /// A year.
        case year
        /// One of the given values.
        case choice([String])
    }

    /// The name in the API, the CSV header and the stored JSON (English, camelCase).
    public var key: String
    /// The name of the form field (Dutch).
    public var formName: String
    /// The label people see.
    public var label: String
    public var kind: Kind
    public var isRequired: Bool
    /// Shown to anonymous visitors and in the public API; internal fields only to logged-in users.
    public var isPublic: Bool
    public var hint: String?

    public init(
        _ key: String, form formName: String, _ label: String, _ kind: Kind = .text, required: Bool = false,
        isPublic: Bool = true, hint: String? = nil
    ) {
        self.key = key
        self.formName = formName
        self.label = label
        self.kind = kind
        self.isRequired = required
        self.isPublic = isPublic
        self.hint = hint
    }

    /// Longest text accepted in a field.
    public var maxLength: Int {
        switch kind {
        case .longText: 4_000
        default: 300
        }
    }
}

/// Everything that makes one register: names, fields, status path.
public struct RegisterDefinition: Sendable {
    public var kind: RegisterKind
    /// "Fondsenwerving"
    public var title: String
    /// "regeling" — used in "Nieuwe regeling", "Regeling bewerken".
    public var singular: String
    /// The page's path segment and the API's collection name.
    public var slug: String
    public var apiName: String
    public var fields: [RegisterField]
    /// The field that names an entry in lists and links.
    public var titleKey: String
    /// Nil when the register has no status (the definition list).
    public var statusPath: StatusPath?
    /// A status that may only be reached when this field is filled (a commitment is closed by the
    /// answer or letter that closed it).
    public var closingField: (status: String, key: String)?
    public var summary: String
    /// The fields a list shows as columns after the title and status.
    public var listKeys: [String]

    public func field(_ key: String) -> RegisterField? { fields.first { $0.key == key } }
    public var publicFields: [RegisterField] { fields.filter(\.isPublic) }
    /// Choice fields that lists filter on (by their form name).
    public var filterFields: [RegisterField] {
        fields.filter { if case .choice = $0.kind { true } else { false } }
    }
}

/// The three registers' definitions.
public enum RegisterDefinitions {
    public static let fundStatuses = StatusPath([
        ("in verkenning", 0), ("in onderzoek", 1), ("aanvraag in voorbereiding", 2), ("ingediend", 3),
        ("toegekend", 4), ("afgewezen", 4)
    ])

    public static let funds = RegisterDefinition(
        kind: .funds, title: "Fondsenwerving", singular: "regeling", slug: "fondsen", apiName: "funds",
        fields: [
            RegisterField("name", form: "regeling", "Regeling", required: true),
            RegisterField("funder", form: "financier", "Financier"),
            RegisterField("purpose", form: "doel", "Doel", .longText),
            RegisterField(
                "size", form: "omvang", "Omvang (zoals de bron het noemt)", .longText,
                hint: "Bijvoorbeeld: maximaal € 500.000 per aanvraag"),
            RegisterField(
                "amountMin", form: "bedrag-min", "Ondergrens in euro", .amount, hint: "Hele euro's, alleen cijfers"),
            RegisterField(
                "amountMax", form: "bedrag-max", "Bovengrens in euro", .amount, hint: "Hele euro's, alleen cijfers"),
            RegisterField("deadline", form: "deadline", "Deadline (datum)", .date),
            RegisterField(
                "deadlineText", form: "deadline-tekst", "Deadline (zoals de bron het noemt)",
                hint: "Als er geen vaste datum is, bijvoorbeeld: 2 calls per jaar"),
            RegisterField("year", form: "jaar", "Jaar", .year),
            RegisterField(
                "amountRequested", form: "aangevraagd", "Aangevraagd bedrag in euro", .amount, isPublic: false),
            RegisterField("amountGranted", form: "toegekend", "Toegekend bedrag in euro", .amount, isPublic: false),
            RegisterField("partners", form: "partners", "Partners"),
            RegisterField(
                "planGoals", form: "plandoelen", "Gekoppelde plandoelen",
                hint: "Sleutels van doelen uit de plannen, gescheiden door komma's"),
            RegisterField("remarks", form: "opmerkingen", "Opmerkingen", .longText),
            RegisterField("owner", form: "eigenaar", "Eigenaar (persoon)", isPublic: false),
            RegisterField("source", form: "bron", "Bron", hint: "Document en paragraaf")
        ],
        titleKey: "name", statusPath: fundStatuses, closingField: nil,
        summary: "De fondsen en regelingen waarop de partners inzetten: omvang, status, deadline en partners.",
        listKeys: ["funder", "size", "deadlineText", "deadline"])

    public static let commitmentKinds = ["toezegging", "motie", "mededeling"]

    public static let commitments = RegisterDefinition(
        kind: .commitments, title: "Toezeggingen en moties", singular: "toezegging, motie of mededeling",
        slug: "toezeggingen", apiName: "commitments",
        fields: [
            RegisterField("kind", form: "soort", "Soort", .choice(commitmentKinds), required: true),
            RegisterField("title", form: "titel", "Titel", required: true),
            RegisterField("date", form: "datum", "Datum", .date, required: true),
            RegisterField("text", form: "tekst", "Tekst", .longText),
            RegisterField("portfolio", form: "portefeuille", "Portefeuille"),
            RegisterField("owner", form: "eigenaar", "Eigenaar (persoon of afdeling)", isPublic: false),
            RegisterField("dueDate", form: "uiterlijk", "Af te doen vóór", .date),
            RegisterField("closedBy", form: "afgedaan-met", "Afgedaan met (antwoord of brief)"),
            RegisterField("links", form: "koppelingen", "Gekoppelde plannen en rapportages"),
            RegisterField("source", form: "bron", "Bron", hint: "Document en paragraaf")
        ],
        titleKey: "title", statusPath: StatusPath([("open", 0), ("afgedaan", 1)]),
        closingField: (status: "afgedaan", key: "closedBy"),
        summary: "Toezeggingen, moties en mededelingen aan Provinciale Staten, met wie ze afdoet en waarmee.",
        listKeys: ["kind", "date", "dueDate", "closedBy"])

    public static let terms = RegisterDefinition(
        kind: .terms, title: "Begrippen", singular: "begrip", slug: "begrippen", apiName: "terms",
        fields: [
            RegisterField("term", form: "term", "Begrip of afkorting", required: true),
            RegisterField("meaning", form: "betekenis", "Betekenis", .longText, required: true),
            RegisterField("sourceDocument", form: "bron", "Brondocument", hint: "Document en paragraaf"),
            RegisterField("validFrom", form: "geldig-van", "Geldig vanaf", .date),
            RegisterField("validTo", form: "geldig-tot", "Geldig tot en met", .date)
        ],
        titleKey: "term", statusPath: nil, closingField: nil,
        summary: "Begrippen en afkortingen uit de documenten, met hun betekenis, bron en geldigheid.",
        listKeys: ["meaning", "sourceDocument"])
}
