import Foundation

/// The registers' demo content, transcribed from the source documents as written (each entry
/// names its document and section in `source`/`sourceDocument`). Statuses the documents do not
/// state are left empty rather than guessed.
public enum RegisterDemoData {
    public struct Item: Sendable {
        public var kind: RegisterKind
        public var key: String
        public var status: String?
        public var values: RegisterValues
        /// The slug of the organisation that keeps the entry.
        public var organisation: String
        /// Invented to fill the demo ("voorbeelddata"): the signals.
        public var isExample = false
    }

    public static let jaarplanFunds = "Flever, Jaarplan 2025, Bijlage 2: Overzicht van inzet op fondsenwerving"
    public static let jaarplanTerms = "Flever, Jaarplan 2025, Bijlage 3: Definitielijst"
    public static let session = "Provinciale Staten van Flevoland, beeldvormende sessie 27 november 2024, Aanleiding"

    public static var all: [Item] { funds + commitments + terms + signals + sources + dataGaps }

    static func fund(
        _ key: String, _ name: String, status: String?, funder: String? = nil, purpose: String, size: String?,
        min: Int? = nil, max: Int? = nil, deadline: String? = nil, deadlineText: String?, partners: String? = nil,
        remarks: String?
    ) -> Item {
        var values: RegisterValues = ["name": name, "purpose": purpose, "year": "2025", "source": jaarplanFunds]
        values["funder"] = funder
        values["size"] = size
        values["amountMin"] = min.map(String.init)
        values["amountMax"] = max.map(String.init)
        values["deadline"] = deadline
        values["deadlineText"] = deadlineText
        values["partners"] = partners
        values["remarks"] = remarks
        return Item(kind: .funds, key: key, status: status, values: values, organisation: "flever")
    }

    /// Every regeling of Bijlage 2, in the document's order. The year is 2025: "de fondsen waarop
    /// we ons in 2025 in ieder geval richten".
    public static let funds: [Item] = [
        fund(
            "stoz", "STOZ", status: "in onderzoek",
            purpose:
                "Via de STOZ kunnen partijen uit het zorgveld nu voor drie verschillende projectsoorten subsidie "
                + "aanvragen. Processen die in aanmerking komen voor de opschalingsroute zijn onder andere: planning "
                + "met AI-software, valbescherming, telemonitoring voor vier specifieke aandoeningen en behandelingen "
                + "met gebruik van digitale/hybride toepassingen.",
            size:
                "Het maximale subsidiebedrag voor een gezamenlijke subsidieaanvraag voor activiteiten is € 750.000, "
                + "met een ondergrens van € 25.000.",
            min: 25_000, max: 750_000, deadlineText: "Regeling is gestart in 2024.",
            remarks: "Data voor 2025 moeten nog bekend worden."),
        fund(
            "rif-mbo", "Regionaal investeringsfonds MBO (RIF)", status: nil,
            purpose:
                "Het doel van de Regeling regionaal investeringsfonds mbo (RIF) is het beschikbaar stellen van geld "
                + "ten behoeve van samenwerkingsverbanden die bestaan uit publieke en private partijen en die ten "
                + "doel hebben de aansluiting van het middelbaar beroepsonderwijs op de behoefte van de arbeidsmarkt "
                + "te verbeteren.",
            size: nil, deadlineText: nil,
            remarks:
                "Flever kan zelf geen RIF-subsidie aanvragen, maar het kan wel lonen om bij een samenwerkingsverband "
                + "aangesloten te zijn om regionale opgaven omtrent de aansluiting van onderwijs op arbeidsmarkt."),
        fund(
            "slim", "SLIM Samenwerkingsverbanden", status: "in onderzoek",
            purpose:
                "Het doel van de Stimuleringsregeling voor leren en ontwikkelen in mkb-ondernemingen (SLIM) is het "
                + "leveren van een bijdrage aan initiatieven in mkb-ondernemingen en samenwerkingsverbanden van "
                + "mkb-ondernemingen, gericht op het stimuleren van leren en ontwikkelen.",
            size:
                "De subsidie die wordt verleend voor één van de subsidiabele initiatieven bedraagt maximaal € 500.000",
            max: 500_000, deadlineText: "Waarschijnlijk kunnen er 2025 weer aanvragen gedaan worden.", remarks: nil),
        fund(
            "raak-publiek", "RAAK Publiek", status: "in onderzoek",
            purpose:
                "Het doel van de Regionale actie en aandacht voor kenniscirculatie (RAAK) is de kennisuitwisseling "
                + "tussen hogescholen, het mkb, publieke instellingen, kennisinstellingen en buitenlandse partners te "
                + "verbeteren en het innovatief vermogen van mkb-ondernemingen te bevorderen.",
            size: "De subsidie is maximaal € 300.000 per aanvraag.", max: 300_000, deadlineText: nil,
            remarks: "Naar verwachting zal er in 2025 ook weer een openstelling zijn."),
        fund(
            "nro-calls-2025", "NRO-calls 2025", status: "in verkenning", funder: "NRO",
            purpose: "Voor 2025 zijn nog niet de specifieke calls bekend.", size: "Nog niet bekend",
            deadlineText: "Nog niet bekend", partners: "Hogeschool Windesheim",
            remarks: "Hogeschool Windesheim en Flever zullen de relevante calls samen met het werkveld oppakken."),
        fund(
            "fno-klein-geluk", "FNO – Klein geluk", status: "in onderzoek", funder: "FNO",
            purpose:
                "Doel van Klein Geluk is het vergroten van de ervaren kwaliteit van leven van mensen met een "
                + "langdurige beperking op het vlak van gezondheid. Het belangrijkste uitgangspunt is de vraag en "
                + "behoefte vanuit deze doelgroep zelf. Zij staan centraal.",
            size: "Nog te bepalen",
            deadlineText: "2 calls per jaar in de periode 2023 t/m 2026. Data voor 2025 zijn nog niet bekend.",
            remarks: "Aansluiten bij reeds ingang gezette ontwikkelingen rond eenzaamheid."),
        fund(
            "fno-samen-kansrijk-en-gezond", "FNO – Samen Kansrijk en Gezond", status: "in onderzoek", funder: "FNO",
            purpose:
                "Samen Kansrijk en Gezond werkt aan het verbeteren van de ervaren gezondheid van gezinnen in "
                + "kwetsbare situaties. Het werkt aan het verminderen van gezondheidsachterstanden bij gezinnen in "
                + "een kwetsbare situatie. Het programma investeert in dorpen en wijken en gaat aan de slag met "
                + "allerlei partijen.",
            size: "Optie 1: € 100.000 Optie 2: € 500.000", max: 500_000, deadline: "2027-01-01",
            deadlineText: "Er kan doorlopend een aanvraag worden ingediend tot 1 januari 2027.",
            remarks:
                "In onderzoek dat we op Samen Kansrijk in willen steken op toeleiding naar de arbeidsmarkt en "
                + "belemmeringen daarbij die in de omgeving van de jongere/persoon zit binnen kwetsbare gezinnen."),
        fund(
            "zonmw-calls-2025", "ZonMw calls 2025", status: "in verkenning", funder: "ZonMw",
            purpose: "ZonMw stimuleert gezondheidsonderzoek. De specifieke calls voor 2025 zijn nog niet bekend.",
            size: "Nog niet bekend", deadlineText: "Nog niet bekend",
            remarks: "Flever zal de relevante en haalbare calls oppakken met het werkveld."),
        fund(
            "vsbfonds", "VSBfonds", status: "in onderzoek", funder: "VSBfonds",
            purpose:
                "Het VSBfonds wil met het oog op een duurzame toekomst bijdragen aan het behoud en de verbetering "
                + "van een leefbare Nederlandse samenleving. Voor 2025 is er een aanvraag in voorbereiding.",
            size: "De subsidie wordt per geval bepaald.", deadlineText: "n.v.t.", remarks: nil),
        fund(
            "oranjefonds", "Oranjefonds", status: "in onderzoek", funder: "Oranje Fonds",
            purpose: "Het doel van het Oranje Fonds is het bevorderen van sociale samenhang en sociale participatie.",
            size: "De subsidie wordt per geval bepaald.", deadlineText: "n.v.t.", remarks: nil),
        fund(
            "regionaal-investeringsfonds", "Regionaal investeringsfonds", status: "in verkenning", funder: "VWS",
            purpose: "Deze regeling wordt gefaciliteerd door VWS, start en omvang subsidie zijn nog onbekend.",
            size: "Nog niet bekend", deadlineText: "Nog niet bekend", remarks: nil),
        fund(
            "leidraad-vakmanschap-en-werkplezier", "Leidraad vakmanschap en werkplezier", status: "in verkenning",
            funder: "VWS",
            purpose:
                "Deze regeling wordt gefaciliteerd door VWS, de omvang is nog onbekend, vermoedelijke start is in "
                + "2028.",
            size: "Nog niet bekend", deadlineText: "Nog niet bekend",
            remarks: "Vermoedelijke startdatum ligt in 2028.")
    ]

    static func commitment(_ key: String, _ kind: String, _ title: String, date: String) -> Item {
        Item(
            kind: .commitments, key: key, status: nil,
            values: ["kind": kind, "title": title, "date": date, "source": session],
            organisation: "provincie-flevoland")
    }

    /// The two toezeggingen, the motie and the four mededelingen that the session of 27 November
    /// 2024 names as its occasion, with their dates. The session does not say whether they are
    /// closed, so they carry no status.
    public static let commitments: [Item] = [
        commitment(
            "toezegging-2024-06-05-zorgtafel", "toezegging",
            "De taak en visie van de Provinciale Zorgtafel en de wijze waarop PS wordt aangesloten met de commissie "
                + "te bespreken",
            date: "2024-06-05"),
        commitment(
            "toezegging-2024-07-17-ambulancezorg", "toezegging",
            "De bevindingen t.a.v. de Ambulancezorg aan de Staten te rapporteren", date: "2024-07-17"),
        commitment(
            "motie-2024-11-13-rol-provincie", "motie", "Concretiseer rol provincie binnen Zorg en Welzijn in Flevoland",
            date: "2024-11-13"),
        commitment(
            "mededeling-2024-07-02-vitale-samenleving", "mededeling", "Vitale Samenleving: voortgang en ontwikkelingen",
            date: "2024-07-02"),
        commitment(
            "mededeling-2024-07-16-eindevaluatie-flever", "mededeling",
            "Eindevaluatie meerjarenplan Flever 2021 – 2024",
            date: "2024-07-16"),
        commitment(
            "mededeling-2024-10-22-ambulance-aanrijtijden", "mededeling", "Ambulance aanrijtijden", date: "2024-10-22"),
        commitment(
            "mededeling-2024-11-14-zorgzaam-flevoland", "mededeling",
            "Van Zorgtafel naar Verbindende Coalitie Zorgzaam Flevoland", date: "2024-11-14")
    ]

    /// Bijlage 3 as written, in its order (term, meaning).
    public static let definitionList: [(String, String)] = [
        ("A&O", "Programma Arbeidsmarkt en onderwijs van Flever"),
        ("ABCD", "Asset-Based Community Development"),
        ("AI", "Artificial Intelligence"),
        (
            "Arbeidsmarktorganisatie",
            "Samen met ruim 24 aangesloten leden zetten wij ons in voor een gezonde regionale arbeidsmarkt."
        ),
        ("BAS", "Programma Bouwen aan de Samenleving van Flever"),
        ("brede welvaart", "de kwaliteit van leven"),
        ("Brede Welvaart", "de monitor Brede Welvaart"),
        ("CBS", "Centraal Bureau voor de Statistiek"),
        ("CRM", "Customer Relationship Management"),
        ("DSV", "Domeinoverstijgende samenwerkingsverbanden"),
        (
            "ExpEx",
            "Experienced Experts. Jongeren met persoonlijke ervaring die zij inzetten om de hulpverlening in Flevoland te verbeteren."
        ),
        ("FPF", "De Flevolandse Patiënten Federatie"),
        ("GALA", "Gezond en Actief Leven Akkoord"),
        ("GGD", "Gemeentelijke Gezondheidsdienst"),
        ("HCA", "Human Capital Agenda"),
        ("HCA ZWF", "Human Capital Agenda Zorg & Welzijn Flevoland"),
        ("HR", "Human Resources"),
        ("IVN", "Instituut voor natuureducatie en duurzaamheid"),
        ("IZA", "Integraal Zorgakkoord"),
        ("MDF", "Maatschappelijke Dienstverlening Flevoland"),
        ("MDT", "Programma van het ministerie maatschappelijke diensttijd (stage / vrijwilligerswerk)"),
        ("MDT", "Maatschappelijke Diensttijd"),
        ("Ministerie van VWS", "Het ministerie van Volksgezondheid, Welzijn en Sport"),
        ("Ministeries van SZW", "Ministerie van Sociale Zaken en Werkgelegenheid"),
        ("MJP", "Meerjarenplan Flever"),
        ("Netwerken", "Leggen en onderhouden van contacten"),
        ("NVTZ", "De Nederlandse Vereniging van Toezichthouders in Zorg en Welzijn"),
        ("OCO", "Onafhankelijke cliëntondersteuning"),
        ("OOF", "Onderzoekersoverleg Flevoland"),
        ("PG", "Programma Positieve Gezondheid van Flever"),
        ("PG", "Positieve Gezondheid"),
        ("PGA", "Positief Gezond Almere"),
        (
            "Regionaal Werkgeverschap",
            "Gezamenlijk organiseren van werkgeverschap op regionaal niveau, waardoor arbeidspotentieel beter benut wordt en professionals behouden worden en inzetbaar blijven."
        ),
        (
            "RegioPlus",
            "RegioPlus is een landelijk dekkend samenwerkingsverband van regionale arbeidsmarktorganisaties."
        ),
        ("RIF", "Regionaal investeringsfonds MBO"),
        ("RSPP", "Regionale Strategische Personeelsplanning"),
        ("SAF", "Strategische Agenda Flevoland"),
        ("SAR", "Studenten Advies Raad"),
        ("SIR", "Samenwerken en Innoveren in de Regio"),
        (
            "SMART",
            "Specific (Specifiek), Measurable (Meetbaar), Acceptable (Aanvaardbaar), Realistic (Realistisch) en Time-bound (Tijdgebonden)"
        ),
        ("SPP", "Strategische Personeelsplanning"),
        ("SRS", "Samen Regionaal Sterk"),
        ("SZW", "Ministerie van Sociale Zaken en Werkgelegenheid"),
        ("UWV", "Uitvoeringsinstituut Werknemersverzekeringen"),
        ("UWV", "het Uitvoeringsinstituut Werknemersverzekeringen"),
        ("VNG", "Vereniging van Nederlandse Gemeenten"),
        ("VVI", "Programma Versterken van inwoners van Flever"),
        ("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport"),
        (
            "WEL",
            "WEL in Flevoland is een netwerksamenwerking om Positieve Gezondheid in Flevoland te introduceren en te bevorderen."
        ),
        ("Wmo", "Wet maatschappelijke ondersteuning"),
        ("WOZO", "Programma Wonen, Ondersteuning en Zorg voor Ouderen"),
        ("ZonMw", "ZorgOnderzoek Nederland (ZON) en het gebied Medische Wetenschappen (MW)")
    ]

    /// "HCA ZWF" → "hca-zwf", "A&O" → "a-o".
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(80))
    }
}
