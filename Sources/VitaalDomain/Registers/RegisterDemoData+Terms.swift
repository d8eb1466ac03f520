import Foundation

/// The definition lists of the documents other than Flever's Jaarplan 2025 (Bijlage 3 is
/// `definitionList`), as written: spelling, capitals and punctuation of the document; only the
/// PDF's line-break hyphenation and doubled spaces are undone.
extension RegisterDemoData {
    public static let cmoAbbreviations =
        "CMO Flevoland, Meerjarenplan 2021–2024 en Jaarplan 2021, Bijlage – afkortingen"
    public static let regioplanGlossary = "Regioplan IZA Flevoland, Woordenlijst"

    /// CMO Flevoland's list of abbreviations, in its order (term, meaning).
    public static let cmoAbbreviationList: [(String, String)] = [
        ("ASF", "Algemeen Sociaal Fonds"),
        ("CBS", "Centraal Bureau voor de Statistiek"),
        ("CMO Flevoland", "Centrum voor Maatschappelijke Ontwikkeling"),
        ("HCA", "Human Capital Agenda"),
        ("HCA ZWF", "Human Capital Agenda Zorg en Welzijn Flevoland"),
        ("Ministerie van SZW", "Ministerie van Sociale Zaken en Werkgelegenheid"),
        ("Ministerie van VWS", "Ministerie van Volksgezondheid, Welzijn en Sport"),
        ("O&S", "Onderzoek & Statistiek"),
        ("OZO verbindzorg", "Communicatieplatform voor zorgvragers en verleners"),
        ("PGO", "Persoonlijke gezondheidsomgeving"),
        ("RAAT Flevoland", "Regionale Actieplannen Aanpak Tekorten Flevoland"),
        ("SER", "Sociaal Economische Raad"),
        ("UWV", "Uitvoeringsinstituut Werknemersverzekeringen"),
        ("WMO", "Wet Maatschappelijke Ondersteuning"),
        ("WLZ", "Wet Langdurige Zorg"),
        ("ZONMW", "Organisatie gezondheidsonderzoek en zorginnovatie")
    ]

    /// The Regioplan's Woordenlijst in its alphabetical order (term, meaning). The PDF's two
    /// columns cut several definitions in two (Multidisciplinair team, Preventie, Sociale
    /// innovatie, Taakdelegatie, Welzijn); they are put back together here. The link after
    /// Cliëntondersteuner is part of the text; its two repeats as footnotes are left out.
    public static let regioplanGlossaryList: [(String, String)] = [
        (
            "Bestaanszekerheid",
            "Het waarborgen van de basisbehoeften van mensen, zoals inkomen, huisvesting en voeding om een stabiele levenssituatie te waarborgen."
        ),
        (
            "Cliëntondersteuner",
            "Een cliëntondersteuner helpt bij het regelen van ondersteuning en (medische) zorg. Samen met de cliënt met een beperking of chronische ziekte wordt bekeken welke problemen er zijn en wat nodig is om deze op te lossen. https://www.mee.nl/clientondersteuning/wat-is-clientondersteuning"
        ),
        ("Digitalisering", "Informatie omzetten naar online of digitale vormen."),
        (
            "Domeinoverstijgende samenwerking",
            "Een vorm van samenwerking waarbij diverse organisaties, instellingen, inwonersinitiatieven, of sectoren gezamenlijk werken aan gemeenschappelijke doelen die zich uitstrekken over de domeinen en zorgwetten heen."
        ),
        (
            "Draagkracht",
            "De maximale belasting, druk of verantwoordelijk die je kan dragen om stressvrij om te gaan met externe factoren. Kortom je draagkracht is je belastbaarheid."
        ),
        ("Dubbele vergrijzing", "Het aantal ouderen stijgt en deze groep wordt ook steeds ouder."),
        (
            "Eerstelijnszorg",
            "Basisgezondheidszorg die toegankelijk is zonder verwijzing. Dit kan behandeling zijn door onder andere de huisarts, tandarts, fysiotherapeut, apotheker, verloskundige, maatschappelijk werker of wijkverpleegkundige."
        ),
        (
            "ELV",
            "Kortdurend eerstelijns verblijf in een zorginstelling voor de situatie waarin om medische redenen thuis verblijven tijdelijk niet mogelijk is."
        ),
        (
            "Formele en informele zorg",
            "Formele zorg wordt verleend door professionele zorgverleners, terwijl informele zorg voortkomt uit de steun van familie, vrienden en gemeenschap."
        ),
        ("GALA", "Gezond en Actief Leven Akkoord"),
        (
            "Geriatrie",
            "Medisch specialisme dat zich richt op de diagnostiek en behandeling van oudere mensen met ingewikkelde ziekteproblemen. Het gaat om ziektebeelden die veroorzaakt worden door veroudering, of die sterk door veroudering beïnvloed worden."
        ),
        (
            "Gezondheidsvaardig",
            "De mate waarin iemand in staat is om informatie over gezondheid te vinden, te begrijpen, te beoordelen en te gebruiken bij het nemen van beslissingen over zijn of haar gezondheid."
        ),
        (
            "Geïntegreerde Leefstijl Interventie (GLI)",
            "Een programma voor mensen met overgewicht of obesitas, dat mensen helpt bij gedragsverandering."
        ),
        (
            "Health in All Policies",
            "Beleidsmaatregelen gericht op het versterken van de gezondheid van de inwoner door een domeinoverstijgende samenwerking op verschillende gebieden, inclusief onderwijs, welzijn, huisvesting en schuldenpreventie."
        ),
        (
            "Hybride zorg",
            "Een zorgmodel dat fysiek contact combineert met digitale oplossingen, waardoor flexibele toegang tot zorg ontstaat, inclusief online consulten en telemonitoring."
        ),
        (
            "Integrale zorg",
            "Een geïntegreerd zorgsysteem waarin verschillende zorgaanbieders samenwerken om een alomvattende benadering van de patiënt/cliënt met meerdere gezondheidsproblemen te bieden."
        ),
        (
            "Inwonersparticipatie",
            "Het proces waarin inwoners actief betrokken zijn bij (overheids)beleid door initiatieven te nemen, ideeën aan te dragen en hun denkkracht in te zetten. Hieronder valt ook cliëntenparticipatie, waarbij gebruikers zoals cliënten en patiënten betrokken worden bij de vormgeving van de zorg-, hulp- en dienstverlening die zij benutten."
        ),
        ("IZA", "Integraal Zorg Akkoord."),
        (
            "Ketenzorg of zorgketen",
            "Bij de zorg van sommige chronische aandoeningen is de hulp van meerdere artsen en zorgverleners nodig. Bijvoorbeeld de huisarts in samenwerking met een diëtist en een fysiotherapeut of oefentherapeut. Dit noemen we ketenzorg."
        ),
        (
            "Multidisciplinair team",
            "Een groep mensen die allen gespecialiseerd zijn in een ander vakgebied en samenwerken, waarbij kennis van verschillende vakgebieden vereist is."
        ),
        (
            "Netwerkaanpak/netwerkstructuur",
            "Geïntegreerde samenwerking tussen formele zorgaanbieders, informele ondersteuningsnetwerken, lokale inwonersinitiatieven en de gemeenschapskracht, die gezamenlijk optrekken om passende zorg en ondersteuning te bieden aan degenen die dat nodig hebben."
        ),
        ("Nulde lijn", "Hieronder valt zelfhulp en mantelzorg"),
        (
            "Paramedici",
            "Hiermee wordt een groep van beroepsbeoefenaren bedoeld. Een paramedicus kan aangeduid worden als een zorgverlener die gericht is op het verbeteren van de gezondheid van zijn of haar patiënten, maar die geen arts is. Bijvoorbeeld een fysiotherapeut, diëtist, logopedist of ergotherapeut."
        ),
        (
            "Passende zorg",
            "Passende zorg is waardegedreven, komt samen met en rondom de patiënt tot stand, vindt plaats op de juiste plek en gaat over gezondheid in plaats van ziekte. Maar passende zorg is ook arbeidsbesparende zorg, omdat het moet passen binnen de beschikbare mensen en middelen."
        ),
        (
            "Positieve gezondheid",
            "Binnen het concept Positieve Gezondheid staat een brede kijk op gezondheid centraal. Gezondheid wordt omschreven als het vermogen om je aan te passen en je eigen regie te voeren, in het licht van de sociale, fysieke en emotionele uitdagingen van het leven."
        ),
        (
            "Prehabilitatie",
            "Programma dat wordt gevolgd voor de operatie. Dit programma bevordert het herstel na de operatie en verkleint de kans op complicaties."
        ),
        (
            "Preventie",
            "Het proactieve proces waarbij maatregelen worden genomen en acties worden ondernomen om de ontwikkeling, verspreiding, of verergering van gezondheidsproblemen, sociale problemen, of andere ongewenste situaties te voorkomen. Het doel van preventie is het verminderen van risico’s, het voorkomen van schade en het bevorderen van de algehele gezondheid en het welzijn van individuen, gemeenschappen en de samenleving als geheel."
        ),
        (
            "Reablement",
            "Een manier om samen met een oudere (of andere inwoner) te werken aan herstel van zijn leven en zelfredzaamheid. Het heeft als doel om mensen zo onafhankelijk mogelijk te maken van zorg. Met als uitgangspunt: zoveel mogelijk en zo lang mogelijk (weer) zelf blijven doen."
        ),
        (
            "Shared decision making",
            "Bij shared decision making (SDM), ook bekend als Samen Beslissen, nemen patiënt en zorgverlener samen een besluit welke zorg het beste bij de patiënt past."
        ),
        (
            "Sociaal Domein",
            "Het domein dat uitvoering geeft aan de Jeugdwet, Participatiewet, Wmo en deels de wet Publieke gezondheid. Hierin werken gemeenten en maatschappelijke organisaties samen aan gezondheid, welzijn en veiligheid."
        ),
        (
            "Sociale basis/sociaal netwerk",
            "Het directe netwerk van een inwoner en alle ondersteuning die daarbij geboden kan worden om de zelfredzaamheid en maatschappelijke participatie te vergroten. Het draait om ontmoeting, steun, iets betekenen voor elkaar, meedoen, en alle (niet geïndiceerde) inzet die daar aan bijdraagt."
        ),
        ("Sociale cohesie", "Term om de samenhang in een samenleving aan te duiden."),
        (
            "Sociale innovatie",
            "Verzamelnaam voor hedendaagse initiatieven van mensen en organisaties gericht op innovatieve oplossingen voor maatschappelijke vraagstukken."
        ),
        (
            "Sociale kaart",
            "In een Sociale Kaart vinden inwoners en professionals informatie over organisaties en hun aanbod van diensten, producten en activiteiten in onder andere het sociale domein."
        ),
        (
            "Stepped care",
            "Een aanpak in de gezondheidszorg waarbij de behandeling van een patiënt bestaat uit verschillende stappen in oplopende intensiteit van behandeling, als dat nodig blijkt."
        ),
        (
            "Taakdelegatie",
            "De uitvoering van een taak wordt overgedragen aan een andere professional. Degene die delegeert houdt zelf de eindverantwoordelijkheid."
        ),
        (
            "Taakherschikking",
            "Het structureel herverdelen van taken en bijbehorende bevoegdheden en verantwoordelijkheden tussen verschillende beroepen."
        ),
        (
            "Transformatie",
            "Een veranderingsproces van een organisatie of sector, gekenmerkt door innovatie van cultuur en werkprocessen."
        ),
        (
            "Triage",
            "In de gezondheidszorg wordt het begrip triage gebruikt, om te bepalen op welke termijn en op wat voor wijze een patiënt een zorgverlener zou moeten consulteren. Om te bepalen op welke termijn, op welke wijze en op welke duur een zorgverlener geconsulteerd zou moeten worden, stelt de triagist vragen aan de patiënt en/of doet zelf onderzoek. Dit gebeurt bijvoorbeeld door de assistente van een huisarts."
        ),
        (
            "Tweedelijnszorg",
            "Zorg waarvoor een verwijzing nodig is. Het gaat om zorg door een specialist of in een ziekenhuis, waar een huisarts naar doorverwijst."
        ),
        (
            "Verkennend gesprek",
            "Een verkennend gesprek is een oriënterend gesprek dat aangeboden kan worden in het sociaal domein of nadat een patiënt zich bij de huisarts heeft gemeld wegens (vermoedelijke) mentale problemen, of begeleid wordt in de basis GGZ (HA – POH GGZ en evt. GBGGZ) en de huisarts en/ of POH twijfels heeft over wat er precies speelt aan problematiek bij een patiënt, waardoor het moeilijker in te schatten is of een doorverwijzing nodig is. In het verkennend gesprek wordt uitgezocht wat de hulpvraag is, wat er speelt op de diverse levensgebieden en welke ondersteuning hierbij geboden kan worden."
        ),
        (
            "Vroegsignalering",
            "Tijdig signaleren van (mogelijke) problemen, bijvoorbeeld met betrekking tot iemands gezondheidstoestand."
        ),
        (
            "Welzijn",
            "Welzijn verwijst naar de algemene staat van comfort, tevredenheid en gezondheid van een individu of een gemeenschap. Het omvat verschillende dimensies, waaronder fysieke gezondheid, sociaal welzijn, emotioneel welbevinden en economische stabiliteit."
        ),
        (
            "Zorgpad",
            "Verzameling van methodes en hulpmiddelen voor een bepaalde groep patiënten. Een zorgpad geeft helderheid over de stappen in het zorgproces; het geeft aan welk traject een patiënt doorloopt en welke zorgverlener op welk moment welke acties onderneemt."
        )
    ]

    /// The definition lists in the order their entries are keyed: Bijlage 3 first, so its keys
    /// stay as they were (`mdt`, `mdt-2`).
    public static var glossaries: [(document: String, lines: [(String, String)])] {
        [
            (jaarplanTerms, definitionList), (cmoAbbreviations, cmoAbbreviationList),
            (regioplanGlossary, regioplanGlossaryList)
        ]
    }

    /// Lines of a later list that give the meaning of an entry already listed, written only a
    /// little differently (an article, "en" for "&", a compound split, a full stop): they join
    /// that entry instead of making a second meaning. Lines that the register itself calls the
    /// same (`TermValidity`: case ignored) join without being named here.
    public static let sameMeaningWrittenDifferently: [(document: String, term: String, key: String)] = [
        (cmoAbbreviations, "HCA ZWF", "hca-zwf"),
        (cmoAbbreviations, "Ministerie van VWS", "ministerie-van-vws"),
        (regioplanGlossary, "IZA", "iza")
    ]

    /// Every line of the definition lists. A term that occurs with another meaning gets a numbered
    /// key (`mdt`, `mdt-2`; `zonmw-2` for the CMO's "ZONMW"). A line with the same term and
    /// meaning as an entry already listed adds its document to that entry's `sourceDocument`, and
    /// its own wording when that differs ("daar: …"), so that every line stays readable and no
    /// meaning is valid twice at once (`TermValidity.conflicts`).
    /// Terms whose word in plan and indicator texts mostly means something else than the definition:
    /// the Regioplan's "Welzijn" (a person's or community's state of comfort and health) stands in the
    /// texts mostly for the sector ("zorg en welzijn", "Welzijn op Recept"), so it is not linked there.
    public static let notLinkedInTexts: Set<String> = ["Welzijn"]

    public static var terms: [Item] {
        var items: [Item] = []
        var seen: [String: Int] = [:]
        for (document, lines) in glossaries {
            for (term, meaning) in lines {
                let line = RegisterEntry(key: "", status: nil, values: ["term": term, "meaning": meaning])
                let listed = items.map { RegisterEntry(key: $0.key, status: nil, values: $0.values) }
                let named = sameMeaningWrittenDifferently.first { $0.document == document && $0.term == term }?.key
                if let key = named ?? TermValidity.conflicts(of: line, among: listed).first,
                    let index = items.firstIndex(where: { $0.key == key })
                {
                    let kept = items[index].values
                    let wording =
                        kept["term"] == term && kept["meaning"] == meaning ? "" : " (daar: „\(term) – \(meaning)”)"
                    items[index].values["sourceDocument"] = (kept["sourceDocument"] ?? "") + "; \(document)\(wording)"
                    continue
                }
                let base = slug(term)
                seen[base, default: 0] += 1
                let key = seen[base] == 1 ? base : "\(base)-\(seen[base] ?? 1)"
                var values: RegisterValues = ["term": term, "meaning": meaning, "sourceDocument": document]
                values["linkInTexts"] = notLinkedInTexts.contains(term) ? "nee" : nil
                items.append(Item(kind: .terms, key: key, status: nil, values: values, organisation: "flever"))
            }
        }
        return items
    }
}
