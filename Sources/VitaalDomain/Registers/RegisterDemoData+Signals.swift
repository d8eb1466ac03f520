import Foundation

/// The demo content of the signals, the data-source catalogue and the data gaps.
extension RegisterDemoData {
    static let jaarplan = "Flever, Jaarplan 2025"
    /// The demo plan of that year plan (`PlansDemoData.fleverJaarplan2025`).
    static let plan = "flever-jaarplan-2025"

    static func signal(
        _ key: String, _ signal: String, region: String, theme: String, noticedBy: String, date: String,
        status: String, agenda: String? = nil, followUp: String? = nil, indicators: String? = nil,
        planGoals: String? = nil, networks: String? = nil, source: String
    ) -> Item {
        var values: RegisterValues = [
            "signal": signal, "region": region, "theme": theme, "noticedBy": noticedBy, "date": date, "source": source
        ]
        values["agenda"] = agenda
        values["followUp"] = followUp
        values["indicators"] = indicators
        values["planGoals"] = planGoals
        values["networks"] = networks
        return Item(kind: .signals, key: key, status: status, values: values, organisation: "flever", isExample: true)
    }

    /// Invented signals (voorbeelddata), each drawn from a situation the documents describe: Flever
    /// picks up signals as "oren en ogen in de regio" (Flever, Jaarplan 2025, Wat blijft), puts them
    /// on an agenda at least four times a year and follows two of them up with a publication or
    /// training (Versterken van Inwoners, Signaleren en agenderen). Their goals and networks are the
    /// demo plans' and social map's (stored as `RegisterReferences` keeps them): the year plan's
    /// activity "Signaleren en agenderen" (VVI.A8), the A&O and PG goals and the Bijlage 1 networks
    /// that the situation belongs to.
    public static let signals: [Item] = [
        signal(
            "onbegrepen-gedrag-almere", "Meer meldingen van onbegrepen gedrag in de wijk", region: "GM0034",
            theme: "onbegrepen gedrag", noticedBy: "Kenniswerkplaats Onbegrepen Gedrag", date: "2025-02-10",
            status: "geagendeerd", agenda: "Kenniswerkplaats Onbegrepen Gedrag",
            indicators: "tz_meldingen_onbegrepen_gedrag", planGoals: "\(plan)/VVI.A8",
            networks: "kenniswerkplaats-onbegrepen-gedrag",
            source: "\(jaarplan), Bijlage 1: Netwerken (Kenniswerkplaats Onbegrepen Gedrag)"),
        signal(
            "eenzaamheid-ouderen-lelystad", "Eenzaamheid onder oudere inwoners", region: "GM0995",
            theme: "eenzaamheid", noticedBy: "Initiatief Eén tegen eenzaamheid", date: "2025-03-04",
            status: "in behandeling", agenda: "Netwerk Eén tegen eenzaamheid Lelystad",
            planGoals: "\(plan)/PG.A1", networks: "convenant-informele-zorg-lelystad",
            source: "\(jaarplan), Positieve Gezondheid"),
        signal(
            "vacatures-wijkverpleging", "Vacatures in de wijkverpleging blijven lang open", region: "PV24",
            theme: "personeelstekort zorg en welzijn", noticedBy: "Sectortafel zorg en welzijn", date: "2025-01-20",
            status: "opgevolgd", agenda: "Sectortafel zorg en welzijn",
            followUp: "Onderwerp van een deelpublicatie over behoud van personeel op arbeidsmarktinbeeld.nl.",
            indicators: "az_personeelstekort", planGoals: "\(plan)/A&O.A3", networks: "instroom-en-behoud",
            source: "\(jaarplan), Arbeidsmarkt & Onderwijs in 2025"),
        signal(
            "stageplaatsen-noordoostpolder", "Te weinig stageplaatsen in zorg en welzijn", region: "GM0171",
            theme: "personeelstekort zorg en welzijn", noticedBy: "Onderwijsinstelling in de regio",
            date: "2025-04-14", status: "in behandeling", agenda: "Sectortafel zorg en welzijn",
            planGoals: "\(plan)/A&O.T2", networks: "netwerk-onderwijs",
            source: "\(jaarplan), Arbeidsmarkt & Onderwijs in 2025"),
        signal(
            "gezondheidsvaardigheden-dronten", "Inwoners vinden de weg naar ondersteuning moeilijk",
            region: "GM0303", theme: "overig", noticedBy: "Team Versterken van Inwoners", date: "2025-05-22",
            status: "nieuw", planGoals: "\(plan)/VVI.A8",
            source: "\(jaarplan), Versterken van Inwoners, Signaleren en agenderen (gezondheidsvaardigheden)"),
        signal(
            "seniorenwoning-almere", "Ouderen verliezen contacten na een verhuizing naar een seniorenwoning",
            region: "GM0034", theme: "wonen en zorg", noticedBy: "Wijkscan in opdracht van Medrie",
            date: "2025-06-03", status: "geagendeerd", agenda: "Wijkbijeenkomst na de wijkscan",
            planGoals: "\(plan)/PG.A1",
            source: "\(jaarplan), Positieve Gezondheid, Wijkscans"),
        signal(
            "toegankelijkheid-urk", "Activiteiten zijn slecht toegankelijk voor mensen met een beperking",
            region: "GM0184", theme: "overig", noticedBy: "Inwonersinitiatief", date: "2025-06-18",
            status: "nieuw", planGoals: "\(plan)/VVI.A8",
            source: "\(jaarplan), Versterken van Inwoners, Signaleren en agenderen (toegankelijkheid)")
    ]

    static func dataSource(
        _ key: String, _ dataset: String, publisher: String, table: String?, licence: String?, frequency: String?,
        url: String?, remarks: String?
    ) -> Item {
        var values: RegisterValues = ["dataset": dataset, "publisher": publisher]
        values["tableId"] = table
        values["licence"] = licence
        values["updateFrequency"] = frequency
        values["url"] = url
        values["remarks"] = remarks
        return Item(kind: .sources, key: key, status: nil, values: values, organisation: "provincie-flevoland")
    }

    /// The real open data the monitor's demo is built from, as published (CBS StatLine tables and
    /// the CBS/PDOK boundaries, licence CC BY 4.0).
    public static let sources: [Item] = [
        dataSource(
            "cbs-85984ned", "Kerncijfers wijken en buurten 2024", publisher: "CBS", table: "85984NED",
            licence: "CC BY 4.0", frequency: "jaarlijks", url: nil,
            remarks:
                "Inwoners, mannen, vrouwen, dichtheid, woningen en oppervlakte per gemeente en wijk op 1 januari 2024. "
                + "CBS rondt aantallen per wijk af op vijftallen."),
        dataSource(
            "cbs-70072ned", "Regionale kerncijfers Nederland", publisher: "CBS", table: "70072ned",
            licence: "CC BY 4.0", frequency: "jaarlijks", url: "https://www.cbs.nl/nl-nl/cijfers/detail/70072ned",
            remarks:
                "Bevolking op 1 januari van Nederland en Flevoland. De zes gemeentelijke totalen uit 85984NED tellen op "
                + "tot 450.826, 70072ned geeft 450.920 voor Flevoland: beide staan zo in de bron."),
        dataSource(
            "cbs-85012ned", "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2020",
            publisher: "CBS, GGD'en en RIVM", table: "85012NED", licence: "CC BY 4.0", frequency: "vierjaarlijks",
            url: "https://www.cbs.nl/nl-nl/cijfers/detail/85012NED",
            remarks: "Volwassenen (18+) in Nederland en de GGD-regio Flevoland."),
        dataSource(
            "cbs-pdok-gebiedsindelingen-2024", "Gebiedsindelingen 2024 (grenzen, gegeneraliseerd)",
            publisher: "CBS/PDOK", table: nil, licence: "CC BY 4.0", frequency: "jaarlijks", url: nil,
            remarks:
                "Grenzen van Flevoland, de zes gemeenten, de wijken en de regio-indelingen (GGD-regio, "
                + "veiligheidsregio, zorgkantoorregio's, arbeidsmarktregio's); vereenvoudigd tot ongeveer 100 meter."),
        dataSource(
            "provincie-provinciale-wegen-2018", "Provinciale wegen", publisher: "Provincie Flevoland", table: nil,
            licence: nil, frequency: nil, url: nil,
            remarks: "De provinciale wegen (N301–N719, S104) zoals de provincie ze op 23-10-2018 exporteerde."),
        dataSource(
            "provincie-standcijfers-2016", "Standcijfers 1 januari 2016", publisher: "Provincie Flevoland",
            table: nil, licence: nil, frequency: nil, url: nil,
            remarks: "Inwoners, geboorte en sterfte, binnenlands migratiesaldo, dichtheid en herkomst per gemeente.")
    ]

    static func gap(_ key: String, _ wish: String, description: String, owner: String, source: String) -> Item {
        Item(
            kind: .dataGaps, key: key, status: nil,
            values: ["wish": wish, "description": description, "owner": owner, "source": source],
            organisation: "provincie-flevoland")
    }

    /// The data gaps the documents name, as written. The documents do not say how far each is, so
    /// they carry no status.
    public static let dataGaps: [Item] = [
        gap(
            "wel-outcome-gegevens", "Welke gegevens de outcome-indicatoren van WEL in Flevoland nodig hebben",
            description:
                "De werkgroep monitoring en onderzoek brengt eerst in kaart welke data nodig zijn, daarna welke er "
                + "zijn en welke ontbreken.",
            owner: "Werkgroep monitoring en onderzoek (GGD Flevoland)",
            source: "Contourenschets Krachtige Samenleving, Monitoring"),
        gap(
            "positieve-gezondheid-monitoring", "Monitoring van Positieve Gezondheid",
            description: "In 2020 bepalen welke vorm de monitoring van Positieve Gezondheid nodig heeft.",
            owner: "GGD Flevoland",
            source: "Contourenschets Krachtige Samenleving, Inrichten monitoring Positieve Gezondheid in Flevoland"),
        gap(
            "signalen-clientondersteuning", "Genoeg signalen van cliënten voor gedegen analyses",
            description:
                "Op dit moment krijgen we te weinig signalen binnen om gedegen analyses te kunnen maken van wat er "
                + "leeft onder cliënten in de regio.",
            owner: "CMO Flevoland (cliëntondersteuning)",
            source: "CMO Flevoland, Jaarplan 2021, Individuele cliëntondersteuning"),
        gap(
            "regioplan-ontbrekende-data", "Ontbrekende gegevens voor het monitoringsplan van het Regioplan",
            description:
                "Waar mogelijk aansluiten bij bestaande bronnen (Gemeentezorgspiegel, managementinformatie van "
                + "zorginstellingen, landelijke en regionale monitors); ontbrekende gegevens verzamelen als onderdeel "
                + "van het reguliere werk.",
            owner: "Partners van het Regioplan IZA Flevoland",
            source: "Regioplan IZA Flevoland, Hoofdstuk 7: Monitoring en samen leren")
    ]
}
