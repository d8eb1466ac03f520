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
    /// Signalen: what partners notice in the region, and how it is followed up (Flever as "oren en
    /// ogen", Flever, Jaarplan 2025, Inleiding).
    case signals
    /// Bronnen: the catalogue of the data sources the monitor uses.
    case sources
    /// Ontbrekende gegevens: the data gaps the documents name.
    case dataGaps

    public var definition: RegisterDefinition {
        switch self {
        case .funds: RegisterDefinitions.funds
        case .commitments: RegisterDefinitions.commitments
        case .terms: RegisterDefinitions.terms
        case .signals: RegisterDefinitions.signals
        case .sources: RegisterDefinitions.sources
        case .dataGaps: RegisterDefinitions.dataGaps
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
        /// A region code (gemeente or provincie) that the regions table knows; checked by the app.
        case region
        /// References to other features' items, separated by commas (`RegisterReferences`);
        /// checked by the app against the plans, the social map or the monitor.
        case references(RegisterReferenceKind)
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
        case .references: 2_000
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
    /// Statuses that may only be reached when a field is filled: a commitment is closed by the
    /// answer or letter that closed it; a signal is put on an agenda or network and followed up.
    public var statusFields: [(status: String, key: String)]
    public var summary: String
    /// The fields a list shows as columns after the title and status.
    public var listKeys: [String]
    /// False when anonymous visitors see only a summary of the register and no entries (signals
    /// come from conversations and cases, so only counts per theme and region are public).
    public var entriesArePublic = true
    /// A het-word ("Nieuw signaal", "Nieuw begrip").
    public var isNeuter = false
    /// Text fields that lists also filter on with an exact value (case ignored), by form name:
    /// `?term=MDT` shows every meaning of one abbreviation.
    public var exactFilterKeys: [String] = []
    /// A date field that the monitor's import history fills when it imports the entry's data (a
    /// source's "Laatste import"); the typed value only counts where it does not.
    public var importedDateKey: String?

    public func field(_ key: String) -> RegisterField? { fields.first { $0.key == key } }
    public var publicFields: [RegisterField] { fields.filter(\.isPublic) }
    /// Choice fields that lists filter on (by their form name).
    public var filterFields: [RegisterField] {
        fields.filter { if case .choice = $0.kind { true } else { false } }
    }
    /// The field that must be filled to reach `status`, if any.
    public func statusField(for status: String) -> RegisterField? {
        statusFields.first { $0.status == status }.flatMap { field($0.key) }
    }
    public var regionField: RegisterField? { fields.first { $0.kind == .region } }
}

/// The three registers' definitions.
public enum RegisterDefinitions {
    /// How a goal is referred to (`RegisterReferences`).
    static let goalHint =
        "Doelen als plan/doel (bijvoorbeeld flever-jaarplan-2025/VVI.A1) of het adres van de doelpagina, "
        + "gescheiden door komma's"

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
                "planGoals", form: "plandoelen", "Gekoppelde plandoelen", .references(.planGoals),
                hint: goalHint),
            RegisterField("remarks", form: "opmerkingen", "Opmerkingen", .longText),
            RegisterField("owner", form: "eigenaar", "Eigenaar (persoon)", isPublic: false),
            RegisterField("source", form: "bron", "Bron", hint: "Document en paragraaf")
        ],
        titleKey: "name", statusPath: fundStatuses, statusFields: [],
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
        statusFields: [(status: "afgedaan", key: "closedBy")],
        summary: "Toezeggingen, moties en mededelingen aan Provinciale Staten, met wie ze afdoet en waarmee.",
        listKeys: ["kind", "date", "dueDate", "closedBy"])

    public static let terms = RegisterDefinition(
        kind: .terms, title: "Begrippen", singular: "begrip", slug: "begrippen", apiName: "terms",
        fields: [
            RegisterField("term", form: "term", "Begrip of afkorting", required: true),
            RegisterField("meaning", form: "betekenis", "Betekenis", .longText, required: true),
            RegisterField("sourceDocument", form: "bron", "Brondocument", hint: "Document en paragraaf"),
            RegisterField("validFrom", form: "geldig-van", "Geldig vanaf", .date),
            RegisterField("validTo", form: "geldig-tot", "Geldig tot en met", .date),
            RegisterField(
                "linkInTexts", form: "koppelen", "Koppelen in teksten", .choice(["ja", "nee"]),
                hint:
                    "Leeg of ‘ja’: het woord wordt in plan- en indicatorteksten naar deze betekenis gelinkt. Kies ‘nee’ "
                    + "als het woord in teksten meestal iets anders betekent (zoals welzijn in ‘zorg en welzijn’).")
        ],
        titleKey: "term", statusPath: nil, statusFields: [],
        summary: "Begrippen en afkortingen uit de documenten, met hun betekenis, bron en geldigheid.",
        listKeys: ["meaning", "sourceDocument"], isNeuter: true, exactFilterKeys: ["term"])

    /// The themes signals are counted by in the public summary.
    public static let signalThemes = [
        "eenzaamheid", "onbegrepen gedrag", "personeelstekort zorg en welzijn", "mentale gezondheid",
        "bestaanszekerheid", "wonen en zorg", "jeugd en gezin", "overig"
    ]

    /// nieuw → geagendeerd → in behandeling → opgevolgd / niet opgepakt.
    public static let signalStatuses = StatusPath([
        ("nieuw", 0), ("geagendeerd", 1), ("in behandeling", 2), ("opgevolgd", 3), ("niet opgepakt", 3)
    ])

    /// Every field of a signal is internal: it may describe people and cases. Anonymous visitors
    /// see only the counts per theme and region (`SignalSummary`).
    public static let signals = RegisterDefinition(
        kind: .signals, title: "Signalen", singular: "signaal", slug: "signalen", apiName: "signals",
        fields: [
            RegisterField("signal", form: "signaal", "Signaal (wat)", required: true, isPublic: false),
            RegisterField("description", form: "toelichting", "Toelichting", .longText, isPublic: false),
            RegisterField(
                "region", form: "regio", "Regio (waar)", .region, required: true, isPublic: false,
                hint: "De gemeente, of Flevoland als het de hele provincie betreft"),
            RegisterField("theme", form: "thema", "Thema", .choice(signalThemes), required: true, isPublic: false),
            RegisterField(
                "noticedBy", form: "opgemerkt-door", "Opgemerkt door (bron)", required: true, isPublic: false,
                hint: "Organisatie, netwerk of functie; geen namen van inwoners"),
            RegisterField("date", form: "datum", "Datum", .date, required: true, isPublic: false),
            RegisterField(
                "agenda", form: "agenda", "Geagendeerd bij (agenda of netwerk)", isPublic: false,
                hint: "Verplicht om ‘geagendeerd’ te kiezen"),
            RegisterField(
                "followUp", form: "opvolging", "Opvolging", .longText, isPublic: false,
                hint: "Verplicht om ‘opgevolgd’ te kiezen"),
            RegisterField(
                "indicators", form: "indicatoren", "Gekoppelde indicatoren", .references(.indicators), isPublic: false,
                hint: "Codes van indicatoren uit de monitor, gescheiden door komma's"),
            RegisterField(
                "planGoals", form: "plandoelen", "Gekoppelde plandoelen", .references(.planGoals), isPublic: false,
                hint: goalHint),
            RegisterField(
                "networks", form: "netwerken", "Gekoppelde netwerken", .references(.networks), isPublic: false,
                hint: "Namen of sleutels van netwerken op de sociale kaart, gescheiden door komma's"),
            RegisterField("owner", form: "eigenaar", "Eigenaar (persoon)", isPublic: false),
            RegisterField("source", form: "bron", "Bron", isPublic: false, hint: "Document en paragraaf")
        ],
        titleKey: "signal", statusPath: signalStatuses,
        statusFields: [(status: "geagendeerd", key: "agenda"), (status: "opgevolgd", key: "followUp")],
        summary: "Wat partners in de regio opmerken, waar het geagendeerd is en hoe het is opgevolgd.",
        listKeys: ["theme", "region", "date", "agenda"], entriesArePublic: false, isNeuter: true)

    /// The data-source catalogue. Which indicators use a source is computed (`DataSourceMatch`).
    public static let sources = RegisterDefinition(
        kind: .sources, title: "Bronnen", singular: "bron", slug: "bronnen", apiName: "sources",
        fields: [
            RegisterField("dataset", form: "dataset", "Dataset", required: true),
            RegisterField("publisher", form: "uitgever", "Uitgever", required: true),
            RegisterField(
                "tableId", form: "tabel", "Tabel-id",
                hint: "Bijvoorbeeld 85012NED; indicatoren waarvan de bron dit nummer noemt, worden gekoppeld"),
            RegisterField("licence", form: "licentie", "Licentie"),
            RegisterField("updateFrequency", form: "verversing", "Verversing"),
            RegisterField(
                "lastImport", form: "laatste-import", "Laatste import", .date,
                hint: "Alleen voor bronnen die de monitor niet importeert; anders geldt de importgeschiedenis"),
            RegisterField("url", form: "adres", "Webadres"),
            RegisterField(
                "indicators", form: "indicatoren", "Ook gekoppeld aan indicatoren", .references(.indicators),
                hint: "Codes van indicatoren waarvan de bron het tabelnummer niet noemt, gescheiden door komma's"),
            RegisterField("remarks", form: "opmerkingen", "Opmerkingen", .longText),
            RegisterField("source", form: "bron", "Bron", hint: "Document en paragraaf")
        ],
        titleKey: "dataset", statusPath: nil, statusFields: [],
        summary: "De databronnen van de monitor: uitgever, tabel, licentie, verversing en welke indicatoren ze voeden.",
        listKeys: ["publisher", "tableId", "licence", "lastImport"], importedDateKey: "lastImport")

    /// The data gaps the documents name and what became of them.
    public static let dataGaps = RegisterDefinition(
        kind: .dataGaps, title: "Ontbrekende gegevens", singular: "wens", slug: "ontbrekende-gegevens",
        apiName: "data-gaps",
        fields: [
            RegisterField("wish", form: "wens", "Wens (welke gegevens ontbreken)", required: true),
            RegisterField("description", form: "toelichting", "Toelichting", .longText),
            RegisterField("owner", form: "eigenaar", "Eigenaar (organisatie of werkgroep)"),
            RegisterField("source", form: "bron", "Bron", hint: "Document en paragraaf")
        ],
        titleKey: "wish",
        statusPath: StatusPath([("gesignaleerd", 0), ("in onderzoek", 1), ("beschikbaar", 2), ("niet haalbaar", 2)]),
        statusFields: [],
        summary: "Gegevens die de documenten missen: de wens, wie hem oppakt en hoe ver het is.",
        listKeys: ["owner", "source"])
}
