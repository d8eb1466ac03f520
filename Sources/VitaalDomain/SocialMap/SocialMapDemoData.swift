import Foundation

/// Demo data from the source documents: the networks of Flever's year plan 2025 (Flever, Jaarplan
/// 2025, Bijlage 1 "Netwerken", as of 1 January 2025) with their real participants, the WEL in
/// Flevoland partners and initiatives named in the documents. Organisation names are lightly normalised (source typos
/// "Coloiet", "'s Heerenloo", "Allerzor" corrected; "Demeeek Lelystad" and "Elaa" kept as written).
/// One participant of "Netwerk dementie Almere" is a private person and is left out (no personal data).
/// Coordinates are municipality centroids, marked `positionIsApproximate`. Collaborations are
/// derived from co-membership of listed networks (`isDerived`), not reported by the partners.
public enum SocialMapDemoData {
    static let bijlage1 = "Flever, Jaarplan 2025, Bijlage 1 (Netwerken)"
    static let referenceDate = SocialMap.Day(year: 2025, month: 1, day: 1)!

    /// (id, name, municipality code or nil when regional/national)
    static let organisationTable: [(String, String, String?)] = [
        ("flever", "Flever", nil), ("vmca", "VMCA", "GM0034"),
        ("ghana-together", "Ghana Together Almere Flevoland", "GM0034"),
        ("humanitas", "Humanitas", nil), ("kbo", "KBO", nil), ("nah-forum", "NAH Forum", nil),
        ("nva-almere", "NVA Almere", "GM0034"),
        ("pelita", "Pelita", nil), ("smoa", "Stichting Multiculturele Organisatie Almere", "GM0034"),
        ("yalc", "YALC", nil),
        ("stip-ggz", "STIP GGZ", nil), ("bop", "BOP", nil), ("my-story", "Stichting My Story", nil),
        ("plotsdoven", "Stichting Plotsdoven en Laatdoven", nil), ("gemeente-lelystad", "Gemeente Lelystad", "GM0995"),
        ("welzijn-lelystad", "Welzijn Lelystad", "GM0995"), ("coloriet", "Coloriet", nil),
        ("woonzorg-flevoland", "Woonzorg Flevoland", nil),
        ("interactcontour", "InteractContour", nil), ("s-heeren-loo", "'s Heeren Loo", nil), ("icare", "Icare", nil),
        ("clientenraad-lelystad", "Cliëntenraad sociaal domein Lelystad", "GM0995"), ("kwintes", "Kwintes", nil),
        ("saar-aan-huis", "Saar aan Huis Regio Flevoland", nil), ("mee", "MEE", nil),
        ("ijsseloevers", "IJsseloevers", nil),
        ("ido", "IDO", nil), ("mantelkring", "Bureau LWPC Mantelkring", nil),
        ("mantelzorgmakelaar", "Mantelzorgmakelaar / Samen Zorg Dragen", nil),
        ("mdf", "Maatschappelijke Dienstverlening Flevoland (MDF)", nil),
        ("alzheimer-flevoland", "Stichting Alzheimer Flevoland", nil),
        ("hersenletsel-flevoland", "Vereniging Hersenletsel Flevoland", nil),
        ("zorggroep-almere", "Zorggroep Almere", "GM0034"),
        ("clip-ggz", "Stichting Cliëntenperspectief GGZ Flevoland (CLIP GGZ)", nil),
        ("zilveren-kruis", "Zilveren Kruis", nil),
        ("fpf", "Flevolandse Patiëntenfederatie", nil), ("proscoop", "Proscoop", nil),
        ("ggd-flevoland", "GGD Flevoland", nil),
        ("provincie-flevoland", "Provincie Flevoland", nil), ("de-schoor", "De Schoor", nil),
        ("roc-flevoland", "ROC Flevoland", nil),
        ("firda", "Firda", nil), ("windesheim", "Hogeschool Windesheim", nil),
        ("medrie", "Huisartsenkoepel Medrie", nil),
        ("leger-des-heils", "Leger des Heils", nil), ("saamborgh", "Saamborgh", nil), ("allerzorg", "Allerzorg", nil),
        ("flevoziekenhuis", "Flevoziekenhuis", "GM0034"), ("carrefour", "Carrefour", nil),
        ("caritas-urk", "Caritas Urk", "GM0184"),
        ("de-meerpaal", "De Meerpaal Welzijn", "GM0303"), ("welzijn-zeewolde", "Welzijn Zeewolde", "GM0050"),
        ("talma-urk", "Talma Urk", "GM0184"),
        ("demeeek-lelystad", "Demeeek Lelystad", "GM0995"), ("pgvz", "PGVZ", nil),
        ("alzheimer-nederland", "Alzheimer Nederland", nil),
        ("zorggroep-onl", "Zorggroep Oude en Nieuwe Land", nil), ("ggz-centraal", "GGz Centraal", nil),
        ("st-jansdal", "St Jansdal", nil),
        ("elaa", "Elaa", nil), ("uwv", "UWV", nil), ("politie", "Politie", nil),
        ("philadelphia", "Stichting Philadelphia Zorg", nil),
        ("doenersdreefzorg", "DoenersdreefZorg", nil), ("ahmn", "Ambulante Hulpverlening Midden Nederland", nil),
        ("hester-huizen", "Coöperatie Hester Huizen", nil), ("triade-vitree", "Triade Vitree", nil),
        ("acquire", "Acquire", nil),
        ("zorgzaamwonen", "ZorgzaamWonen", nil), ("ivn", "IVN", nil), ("kunstlink", "Kunstlink", nil),
        ("sportservice-flevoland", "Sportservice Flevoland", nil), ("regioplus", "RegioPlus", nil),
        ("zorgzaam-flevoland", "Zorgzaam Flevoland (regionaal netwerk, Regioplan IZA)", nil)
    ]

    /// (id, name, goal, member ids, participants as written, size, size unit, Flever's role)
    static let networkTable: [(String, String, String, [String], String?, Int?, String?, String?)] = [
        (
            "oco-almere", "Onafhankelijke cliëntondersteuning Almere (OCO)",
            "Ondersteunen van inwoners die ondersteuning nodig hebben in het dagelijks leven met hulp van ervaringsdeskundige vrijwilligers.",
            [
                "vmca", "ghana-together", "humanitas", "kbo", "nah-forum", "nva-almere", "pelita", "smoa", "yalc",
                "stip-ggz", "bop", "flever", "my-story", "plotsdoven"
            ],
            nil, nil, nil, "uitvoerder"
        ),
        (
            "convenant-informele-zorg-lelystad", "Convenant Informele Zorg Lelystad",
            "Mantelzorgers en vrijwilligers in Lelystad zo goed mogelijk ondersteunen.",
            [
                "gemeente-lelystad", "welzijn-lelystad", "coloriet", "woonzorg-flevoland", "interactcontour",
                "humanitas", "s-heeren-loo", "flever", "icare",
                "clientenraad-lelystad", "kwintes", "saar-aan-huis", "mee", "ijsseloevers", "ido", "mantelkring",
                "mantelzorgmakelaar", "mdf"
            ], nil, nil, nil, nil
        ),
        (
            "fpf", "Flevolandse Patiëntenfederatie",
            "Behartigen van de gemeenschappelijke belangen van patiëntenorganisaties in de regio Flevoland.",
            [
                "alzheimer-flevoland", "hersenletsel-flevoland", "zorggroep-almere", "clip-ggz", "zilveren-kruis",
                "flever"
            ], nil, nil, nil, "ondersteuning"
        ),
        (
            "hca-zwf", "Human Capital Agenda Zorg en Welzijn Flevoland",
            "Tripartiet strategisch netwerk voor instroom, behoud en anders organiseren in zorg en welzijn.",
            [],
            "Gemeenten, onderwijsorganisaties, provincie, UWV, werkgevers in zorg en welzijn, verzekeraar, patiëntenfederatie",
            35, "organisaties", nil
        ),
        (
            "hrm-netwerk", "HRM Netwerk Flevoland",
            "Een toekomstbestendige sector zorg en welzijn; spiegelfunctie voor het jaarplan van Flever.",
            [], "HR-managers en strategisch adviseurs bij zorg- en welzijnsorganisaties", 18,
            "HR-managers en adviseurs", nil
        ),
        (
            "kenniswerkplaats-onbegrepen-gedrag", "Kenniswerkplaats Onbegrepen Gedrag",
            "Partijen verbinden die in Flevoland actief zijn op onbegrepen gedrag (ZonMw tot 2026).",
            [], nil, nil, nil, nil
        ),
        (
            "netwerkbureau-zorgzaam-flevoland", "Netwerkbureau Zorgzaam Flevoland",
            "Vanuit inwonerperspectief, onderzoek en arbeidsmarkt bijdragen aan de realisatie van het regioplan.",
            ["proscoop", "ggd-flevoland"], "Zorgverzekeraar, gemeentelijke afvaardiging, Proscoop, GGD", nil, nil, nil
        ),
        (
            "verbindende-coalitie", "Verbindende Coalitie", "Bestuurlijke deelname.", ["provincie-flevoland", "flever"],
            "Zorgverzekeraar, gemeenten, zorg- en welzijnsorganisaties, provincie, Flever", nil, nil, nil
        ),
        (
            "dementie-almere", "Netwerk dementie Almere",
            "Samenwerking rond zorg en welzijn voor mensen met dementie en hun naasten.",
            ["de-schoor", "vmca", "woonzorg-flevoland", "zorggroep-almere"], nil, nil, nil, nil
        ),
        (
            "anders-werken-anders-leren", "Netwerk Anders werken anders leren",
            "Lerend netwerk over succes- en faalfactoren in de transformatie van de zorg, gericht op de arbeidsmarkt.",
            [
                "roc-flevoland", "firda", "windesheim", "coloriet", "icare", "mdf", "welzijn-lelystad", "medrie", "fpf",
                "zilveren-kruis"
            ], nil, nil, nil, nil
        ),
        (
            "instroom-en-behoud", "Netwerk Instroom en Behoud",
            "Samen programma's ontwikkelen voor instroom en behoud van medewerkers in zorg en welzijn.",
            [], "HR/Arbo-medewerkers en recruiters bij zorg- en welzijnsorganisaties in Flevoland", 27,
            "HR/Arbo-medewerkers en recruiters", nil
        ),
        (
            "dementie-noordoost-flevoland", "Netwerk Dementie Noordoost Flevoland",
            "Samenwerking rond zorg en welzijn voor mensen met dementie en hun naasten.",
            [
                "zorggroep-almere", "de-schoor", "vmca", "leger-des-heils", "saamborgh", "allerzorg", "icare",
                "welzijn-lelystad", "flevoziekenhuis", "carrefour",
                "caritas-urk", "de-meerpaal", "welzijn-zeewolde", "talma-urk", "demeeek-lelystad", "pgvz", "flever",
                "alzheimer-nederland", "coloriet",
                "woonzorg-flevoland", "zorggroep-onl", "ggz-centraal", "st-jansdal", "medrie"
            ], nil, nil, nil, nil
        ),
        (
            "netwerk-onderwijs", "Netwerk Onderwijs",
            "Kennisinfrastructuur waarin praktijk, onderzoek en onderwijs samenwerken.",
            [], "Opleiders en adviseurs L&O bij zorg- en welzijnsorganisaties en onderwijsaanbieders", 45,
            "opleiders en adviseurs", nil
        ),
        (
            "oof", "Onderzoekersoverleg Flevoland (OOF)",
            "Structureel overleg tussen onderzoekers om kennis te delen en samenwerking te verkennen.",
            ["provincie-flevoland", "politie", "ggd-flevoland", "proscoop", "elaa", "windesheim", "uwv", "flever"],
            "Onderzoekers van Flevolandse gemeenten, provincie, politie, GGD, Proscoop, Elaa, Windesheim, UWV en Flever",
            nil, nil, nil
        ),
        (
            "samen-datagedreven-werken", "Samen datagedreven werken in zorg en welzijn",
            "Landelijk netwerk voor professionals die datagedreven werken ontwikkelen.",
            [], "Leden van landelijke zorg- en welzijnsorganisaties", 500, "leden (ruim)", "initiatiefnemer"
        ),
        (
            "verbindingsfestival-samenbuurten", "Verbindingsfestival SamenBuurten",
            "Bruggen slaan tussen partijen en personen in welzijn, wonen en zorg voor samenlevingsopbouw en vitale buurten.",
            [
                "zilveren-kruis", "philadelphia", "doenersdreefzorg", "ahmn", "hester-huizen", "triade-vitree",
                "acquire", "zorgzaamwonen"
            ],
            "… en zorgkantoor", nil, nil, nil
        ),
        (
            "wel-in-flevoland", "WEL in Flevoland",
            "Dé plek voor nieuws, kennis en informatie over positieve gezondheid; broedplaats van samenwerking.",
            [
                "provincie-flevoland", "ggd-flevoland", "flever", "ivn", "proscoop", "kunstlink",
                "sportservice-flevoland", "fpf"
            ], nil, nil, nil, nil
        ),
        (
            "welzijnstafel", "Welzijnstafel Flevoland", "Vraagstukken op het gebied van positieve gezondheid.",
            [], "Bestuurders en/of directeuren van welzijnsorganisaties in Flevoland", nil, nil, nil
        ),
        (
            "werkplaats-sociaal-domein", "Werkplaats sociaal domein Flevoland",
            "Meedenken over richting en invulling van de werkplaats sociaal domein.",
            ["provincie-flevoland", "windesheim", "flever"],
            "Vertegenwoordiging van provincie, gemeenten, Windesheim en Flever", nil, nil, nil
        ),
        (
            "zorgbelang-nederland", "Zorgbelang Nederland",
            "Verbindende schakel tussen patiënten, cliënten en burgers, zorgaanbieders, zorgfinanciers en overheden.",
            [], nil, nil, nil, nil
        ),
        (
            "zorgmanagers-netwerk", "Zorgmanagers netwerk Flevoland",
            "Managers netwerken, wisselen ervaringen uit en organiseren bijeenkomsten over actuele thema's.",
            [], "Locatie- en teammanagers bij zorg- en welzijnsorganisaties in Flevoland", nil, nil, nil
        ),
        (
            "regioraad", "Regioraad",
            "Afstemming en besluitvorming over landelijke samenwerking tussen de 12 arbeidsmarktorganisaties.",
            ["regioplus"], "Directeuren van 12 arbeidsmarktorganisaties en directeur RegioPlus", 12,
            "arbeidsmarktorganisaties", nil
        ),
        (
            "zorgbelang-overleg", "Zorgbelang Nederland (directeurenoverleg)",
            "Afstemming en besluitvorming over samenwerking tussen de 8 zorgbelangorganisaties.",
            [], "Directeuren van 8 zorgbelangorganisaties", 8, "zorgbelangorganisaties", nil
        )
    ]

    typealias D = PositiveHealthDimension
    /// (id, owner, name, kind, description with its source document, dimensions, themes, target groups, municipalities)
    static let initiativeTable:
        [(String, String, String, SocialMap.OfferKind, String, [D], [String], [String], [String])] = [
            (
                "oco-almere-ondersteuning", "flever", "OCO Almere", .professionalInitiative,
                "Ervaringsdeskundige vrijwilligers helpen inwoners bij gesprekken met instanties (Regioplan IZA Flevoland, hoofdstuk 4; Flever, Jaarplan 2025, Versterken).",
                [.meedoen, .dagelijksFunctioneren], ["cliëntondersteuning", "ervaringsdeskundigheid"],
                ["inwoners met een ondersteuningsvraag"], ["GM0034"]
            ),
            (
                "expex-flevoland", "flever", "ExpEx Flevoland", .professionalInitiative,
                "Jongeren met ervaring (GGZ, dak- en thuisloosheid, jeugddetentie) verbeteren de jeugdhulp (CMO Flevoland, Meerjarenplan 2021–2024, § 4.4 Ervaringsdeskundigheid; Regioplan IZA Flevoland, hoofdstuk 4).",
                [.mentaalWelbevinden, .meedoen], ["jeugdhulp", "ervaringsdeskundigheid"], ["jongeren in de jeugdhulp"],
                ["GM0034", "GM0995"]
            ),
            (
                "participatiehub-flevoland", "flever", "Participatiehub Flevoland", .professionalInitiative,
                "Betrokkenheid van inwoners bij zorg- en welzijnsvraagstukken versterken, met de Flevolandse Patiëntenfederatie (Flever, Jaarplan 2025, Participatie).",
                [.meedoen], ["inwonerparticipatie"], ["inwoners", "bewonersinitiatieven"], []
            ),
            (
                "samen-buurten", "flever", "Samen Buurten", .professionalInitiative,
                "Beweging voor samenlevingsopbouw en vitale buurten; Flever zit in het kernteam (Flever, Jaarplan 2025, Versterken).",
                [.meedoen, .kwaliteitVanLeven], ["samenlevingsopbouw"], ["inwoners"], []
            ),
            (
                "weldoeners-podcast", "flever", "WELdoeners podcast", .professionalInitiative,
                "Podcast die inwonersinitiatieven een podium geeft, 6 tot 8 afleveringen (Flever, Jaarplan 2025, Inspireren & activeren).",
                [.zingeving, .meedoen], ["inspiratie", "inwonersinitiatieven"], ["inwoners"], []
            ),
            (
                "welzijn-op-recept", "zorgzaam-flevoland", "Welzijn op Recept", .service,
                "Huisarts verwijst naar welzijnsactiviteiten; genoemd in het Regioplan IZA (Regioplan IZA Flevoland, hoofdstukken 4 en 7).",
                [.zingeving, .mentaalWelbevinden, .meedoen], ["preventie", "welzijn"],
                ["inwoners met psychosociale klachten"], []
            ),
            (
                "alzheimer-cafe", "alzheimer-nederland", "Alzheimer Café", .residentsInitiative,
                "Trefpunt voor mensen met dementie, hun partners, familie en vrienden, o.a. in Almere, Lelystad en Dronten (Regioplan IZA Flevoland, hoofdstuk 4).",
                [.mentaalWelbevinden, .meedoen], ["dementie"], ["mensen met dementie", "mantelzorgers"],
                ["GM0034", "GM0995", "GM0303"]
            ),
            (
                "challenge-up", "welzijn-lelystad", "Challenge Up", .professionalInitiative,
                "Jongeren van 15 tot en met 27 jaar zetten hun talenten in voor de buurt (Regioplan IZA Flevoland, hoofdstuk 4).",
                [.meedoen, .zingeving], ["maatschappelijke diensttijd"], ["jongeren 15-27"], ["GM0995"]
            ),
            (
                "vrijwilligerscentrale-vmca", "vmca", "Vrijwilligerscentrale VMCA", .service,
                "Vrijwilligerscentrale in Almere waarop het Regioplan voortbouwt (Regioplan IZA Flevoland, hoofdstuk 4).",
                [.meedoen, .zingeving], ["vrijwilligerswerk"], ["vrijwilligers"], ["GM0034"]
            ),
            (
                "een-tegen-eenzaamheid-lelystad", "flever", "Eén tegen Eenzaamheid Lelystad", .professionalInitiative,
                "Convenant tegen eenzaamheid in Lelystad (CMO Flevoland, Meerjarenplan 2021–2024, § 2.3; Flever, Jaarplan 2025, Positieve gezondheid).",
                [.mentaalWelbevinden, .meedoen], ["eenzaamheid"], ["ouderen", "jongeren"], ["GM0995"]
            ),
            (
                "roggebotstaete", "ivn", "Roggebotstaete icoonlocatie Positieve Gezondheid", .professionalInitiative,
                "'Buiten word je beter'-landgoed van IVN als icoonlocatie voor Positieve Gezondheid (Contourenschets Krachtige Samenleving, 2020, bijlage 2: programmaplan WEL in Flevoland).",
                [.lichaamsfuncties, .mentaalWelbevinden], ["natuur"], ["inwoners"], ["GM0303"]
            ),
            (
                "doortrappen", "provincie-flevoland", "Doortrappen", .professionalInitiative,
                "Ouderen langer veilig laten fietsen (Contourenschets Krachtige Samenleving, 2020, activiteit K1.7 Mobiliteit).",
                [.lichaamsfuncties, .meedoen], ["mobiliteit", "bewegen"], ["ouderen"], []
            )
        ]

    /// The whole demo register (valid: `register.validate()` passes).
    public static let register: SocialMap.Register = {
        var r = SocialMap.Register()
        r.organisations = organisationTable.map { id, name, gm in
            SocialMap.Organisation(id: id, name: name, tags: SocialMap.Tags(municipalityCodes: gm.map { [$0] } ?? []))
        }
        r.networks = networkTable.map { id, name, goal, members, description, size, unit, role in
            SocialMap.Network(
                id: id, name: name, goal: goal, fleverRole: role, referenceDate: referenceDate,
                // Bijlage 1 lists the networks "waarin Flever op 1 januari 2025 participeert": Flever is a
                // member of every one, also where its participants column does not name Flever.
                memberships: (members.contains("flever") ? members : members + ["flever"])
                    .map { SocialMap.Membership(memberID: $0) },
                participantsDescription: description,
                size: size, sizeUnit: unit, source: bijlage1, lastChecked: referenceDate)
        }
        for (id, owner, name, kind, description, dims, themes, groups, gms) in initiativeTable {
            var locationIDs: [String] = []
            for gm in gms {
                let m = SocialMap.Municipality.byCode(gm)!
                let lid = "\(id)-\(m.name.lowercased())"
                r.locations.append(
                    SocialMap.Location(
                        id: lid, organisationID: owner, name: "\(name) \(m.name)", latitude: m.latitude,
                        longitude: m.longitude, positionIsApproximate: true, municipalityCode: gm))
                locationIDs.append(lid)
            }
            r.services.append(
                SocialMap.Service(
                    id: id, organisationID: owner, name: name, kind: kind, description: description, status: "active",
                    locationIDs: locationIDs,
                    tags: SocialMap.Tags(
                        themes: themes, dimensions: dims, targetGroups: groups,
                        municipalityCodes: gms)))
        }
        r.collaborations = SocialMap.Register.coMembershipCollaborations(of: r.networks)
        return SocialMap.HSDS.sorted(r)
    }()
}
