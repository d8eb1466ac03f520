import Foundation

extension PlansDemoData {
    /// The year plan as its readers know it (shown as the plan's source).
    static let fleverSource = "Flever, Jaarplan 2025 \"Samen werken aan een vitaal Flevoland\""

    /// A section of the year plan, cited by chapter and paragraph as its table of contents names them.
    static func flever(_ section: String) -> String { "Flever jaarplan 2025, \(section)" }

    /// Flever year plan 2025 ("Flever jaarplan 2025"): goal trees VVI, A&O, BAS, PG with targets as written,
    /// budget 2023–2025 (k€), budget per programme 2025 and personnel 2024/2025.
    ///
    /// Tree shape: Visie → Strategisch doel → {Tactisch doel…, Doel 2025 → Activiteit…}. The source
    /// hangs one Doel 2025 and one activity list under all tactical goals of a programme, so Doel
    /// 2025 is a child of the Strategisch doel (skipping the tactical level, which is allowed) and
    /// the tactical goals are its siblings.
    public static var fleverJaarplan2025: Plan {
        var nodes: [GoalNode] = []
        func tree(
            _ p: String, programme: String, chapter: String, visie: String, strategisch: String,
            tactisch: [(String, String)], doel: String, activiteiten: [String]
        ) {
            let owner = "Flever – programma \(programme)"
            // Every level of a programme's tree is from its "Doelenboom" section.
            let doelenboom = flever("\(chapter) – Doelenboom")
            nodes.append(
                GoalNode(
                    key: "\(p).visie", level: 0, title: "Visie \(p) 2025-2028 (MJP)", text: visie, owner: owner,
                    sourceRef: doelenboom))
            nodes.append(
                GoalNode(
                    key: "\(p).sd", parent: "\(p).visie", level: 1, title: "Strategisch doel \(p) 2025-2028 (MJP)",
                    text: strategisch, owner: owner, sourceRef: doelenboom))
            for (i, t) in tactisch.enumerated() {
                nodes.append(
                    GoalNode(
                        key: "\(p).T\(i + 1)", parent: "\(p).sd", level: 2, title: t.0, text: t.1, owner: owner,
                        sourceRef: doelenboom))
            }
            nodes.append(
                GoalNode(
                    key: "\(p).doel2025", parent: "\(p).sd", level: 3, title: "Doel 2025 \(p)", text: doel,
                    owner: owner, sourceRef: doelenboom))
            for (i, a) in activiteiten.enumerated() {
                nodes.append(
                    GoalNode(
                        key: "\(p).A\(i + 1)", parent: "\(p).doel2025", level: 4, title: a, owner: owner,
                        sourceRef: doelenboom))
            }
        }
        tree(
            "VVI", programme: "Versterken van Inwoners", chapter: "Versterken van Inwoners",
            visie:
                "Een vitale samenleving begint bij de leefwereld van mensen. Inwoners in Flevoland zijn met overheidsinstanties en organisaties gelijkwaardige partner in de transformatie van zorg en welzijn. De ervaring, behoeften en perspectieven van inwoners dragen bij aan benodigde veranderingen. Actieve betrokkenheid door alle partijen, ook inwoners, is daarbij van essentieel belang.",
            strategisch:
                "Inwoners krijgen in Flevoland de ruimte om actief deel te nemen aan de transformatie van zorg en welzijn, worden gestimuleerd om mee te doen en ontvangen daarvoor de benodigde kennis, middelen en vaardigheden.",
            tactisch: [
                (
                    "Participatie",
                    "van inwoners vergroten. Dit doen we door het verbinden van stakeholders. Kennis delen ten aanzien van inclusieve inwonerbetrokkenheid. Het op gang brengen van de dialoog en participatie trajecten."
                ),
                (
                    "Versterken",
                    "van inwoners door initiatieven op gang te brengen, kennis te vergroten en te verbinden."
                ),
                ("Inspireren & Activeren", "van inwoners aan de hand van initiatieven en het delen van oplossingen.")
            ],
            doel:
                "Het doel in 2025 is het vergroten van de bewustwording van het belang van inwonerbetrokkenheid bij inwoners en professionals en een grotere groep inwoners betrekken bij de transformatie van zorg en welzijn.",
            activiteiten: [
                "Uitvoeren rol adviseur inwonerparticipatie Netwerkbureau Zorgzaam Flevoland",
                "Opbouwen en inrichten Participatiehub",
                "Uitbreiden en verbreden betrokken inwoners", "Versterken verbinding formele en informele zorg",
                "Begeleiden van inwonersinitiatieven", "Ervaringsdeskundigheid",
                "Ondersteuning (advies/cliënten) raden, netwerken en samenwerkingsverbanden",
                "Signaleren en agenderen",
                "Inspiratie delen", "Bijeenkomsten/ webinars/ trainingen organiseren"
            ])
        tree(
            "A&O", programme: "Arbeidsmarkt & Onderwijs", chapter: "Arbeidsmarkt & Onderwijs in 2025",
            visie:
                "Voor een toekomstbestendige arbeidsmarkt Zorg en Welzijn in Flevoland, zet Flever zich maximaal in om samenwerking tussen de partijen in de sector te bevorderen, gericht op de benodigde transformatie van werk.",
            strategisch:
                "Eind 2028 hebben we een onomkeerbare beweging op gang gebracht in de transformatie van werk. Door in te zetten om samen te leren, te ontwikkelen en te doen.",
            tactisch: [
                (
                    "HCA ZWF continueren",
                    "Het continueren van de HCA ZWF en de meerjarige afspraken herijken door hen beter aan te laten sluiten op de transformatie van werk."
                ),
                (
                    "Aansluiting onderwijs en arbeidsmarkt",
                    "Een goede aansluiting onderwijs op de arbeidsmarkt en het duurzaam inzetbaar houden van (aankomende) medewerkers)."
                ),
                (
                    "Vernieuwingskracht en innovatievermogen",
                    "Het versterken van vernieuwingskracht van de arbeidsmarkt en innovatievermogen van organisaties."
                ),
                (
                    "Formele en informele zorg verbinden",
                    "Het verbinden van formele en informele zorg en de samenwerking tussen mantelzorgers, vrijwilligers en professionals."
                ),
                (
                    "Datagedreven werken",
                    "Investeren in datagedreven werken waarin we de netwerken ondersteunen met actuele gegevens en het duiden van informatie."
                )
            ],
            doel:
                "Het doel in 2025 is samen leren, ontwikkelen én doen als het gaat om anders werken in de zorg, waarbij we ons ook richten op de vraagstukken rondom instroom en behoud.",
            activiteiten: [
                "Ontregel de zorg", "Koplopersbijeenkomst", "Monitoring", "Faciliteren netwerken",
                "Skillsgerichte benadering en modulair opleiden", "Onderzoek samen met stakeholders",
                "Symposium organiseren",
                "Regionale strategische personeelsplanning", "Datavolwassenheidsscan", "Bijeenkomsten organiseren",
                "Kennis delen"
            ])
        tree(
            "BAS", programme: "Bouwen aan de Samenleving", chapter: "Bouwen aan de Samenleving",
            visie:
                "De groei van Flevoland in de komende jaren grijpen wij aan als kans om brede welvaart in de samenleving en een toekomstbestendige sector zorg en welzijn te helpen ontwikkelen. Alleen in structurele domein-overstijgende coalities, waardoor meerdere perspectieven worden ingebracht, kan er voldoende denk- en doe-kracht ontstaan voor een vitale samenleving.",
            strategisch:
                "Strategisch doel is op regionale en sub-regionale schaal het sociaal-maatschappelijk perspectief ten aanzien van de fysiek-ruimtelijke en sociaal-economische opgaven te versterken door inbreng, verbinding en uitwisseling van kennis en ervaring. In dit sociaal-maatschappelijk perspectief is naast 'brede welvaart' ook 'positieve gezondheid' begrepen.",
            tactisch: [
                ("Kennis", "Kennis brengen, delen en ontwikkelen."),
                ("Experimenten gebiedsontwikkeling", "Experimenteren met nieuwe manieren van gebiedsontwikkeling."),
                ("Leeromgevingen", "Vormgeven van regionale en sub-regionale leeromgevingen.")
            ],
            doel: "Het doel voor 2025 is om te bereiken dat het programma wordt opgebouwd en ingericht.",
            activiteiten: [
                "Kennisbronnen van binnen en buiten de provincie inbrengen", "Begrippenkader uitwerken",
                "Kennis delen in netwerken en met partners", "Nieuwe relaties opbouwen t.b.v. het programma",
                "Twee experimenten opstarten", "Participatie van inwoners (ook benutten en voortbouwen op VVI)"
            ])
        // PG has no full goal tree in the source: its "Doelstelling" is the Doel 2025 and the rows of
        // its "Inzet overzicht" are its activities.
        let pg = "Flever – programma Positieve Gezondheid"
        nodes.append(
            GoalNode(
                key: "PG.doel2025", level: 3, title: "Doelstelling PG 2025 (afbouwjaar)",
                text:
                    "Het gedachtegoed van Positieve Gezondheid is duurzaam geïntegreerd binnen Flevor. De inzet van WEL de afgelopen jaren heeft geresulteerd in borging van het gedachtegoed binnen beleid en binnen werkwijzen en uitvoering van projecten en initiatieven.",
                owner: pg, partners: ["GGD Flevoland", "Provincie Flevoland"], sourceRef: flever("Positieve gezondheid")
            ))
        for (i, a) in [
            ("Projecten", "Een tegen eenzaamheid, Lelystad Uitvoeren van wijkscans, Medrie"),
            (
                "VVI",
                "Geleerde lessen vanuit WEL in Flevoland ophalen en gebruiken ten behoeve van participatie Kennis over Positieve Gezondheid delen Initiatieven podium bieden"
            ),
            ("A&O", "Mogelijkheden integratie onderwijs/training"),
            (
                "Elementen WEL behouden",
                "Betrokkenheid voortgang leergangen na 2025 Netwerk behouden Voortzetten community"
            )
        ].enumerated() {
            nodes.append(
                GoalNode(
                    key: "PG.A\(i + 1)", parent: "PG.doel2025", level: 4, title: a.0, text: a.1, owner: pg,
                    sourceRef: flever("Positieve gezondheid – Inzet overzicht")))
        }

        let vvi = "Flever – programma VVI"
        let ao = "Flever – programma A&O"
        let bas = "Flever – programma BAS"
        let targets: [SmartTarget] = [
            count2025(
                "VVI.t1", node: "VVI.A1", measure: "Projecten met inwonersbetrokkenheid gefaciliteerd en geadviseerd",
                unit: "projecten", target: 3,
                responsible: vvi, ref: flever("Versterken van Inwoners – Participatie"),
                text: "Faciliteren en adviseren van ten minste drie projecten waar inwoners bij betrokken zijn."),
            count2025(
                "VVI.t2", node: "VVI.A6", measure: "Projecten/initiatieven ervaringsdeskundigheid met 'een podium'",
                unit: "projecten", target: 1,
                responsible: vvi, ref: flever("Versterken van Inwoners – Versterken"),
                text:
                    "We geven tenminste een project/initiatief gericht op ervaringsdeskundigheid 'een podium' om meer zichtbaar te zijn."
            ),
            count2025(
                "VVI.t3", node: "VVI.A8", measure: "Momenten waarop actualiteiten/onderwerpen geagendeerd worden",
                unit: "momenten", target: 4,
                responsible: vvi, ref: flever("Versterken van Inwoners – Inspireren & activeren"),
                text:
                    "Er zijn ten minste vier momenten waarop in meer of minder actieve mate actualiteiten/ onderwerpen geagendeerd worden."
            ),
            count2025(
                "VVI.t4", node: "VVI.A9", measure: "Inwonersinitiatieven die ruimte kregen om anderen te inspireren",
                unit: "initiatieven", target: 3,
                responsible: vvi, ref: flever("Versterken van Inwoners – Inspireren & activeren"),
                text: "Ten minste drie inwonersinitiatieven hebben ruimte gekregen om anderen te inspireren."),
            count2025(
                "VVI.t5", node: "VVI.A9",
                measure: "Inwonersinitiatieven met een bijdrage aan de podcast van WELdoeners", unit: "initiatieven",
                target: 1,
                responsible: vvi, ref: flever("Versterken van Inwoners – Inspireren & activeren"),
                text: "Waarvan één een bijdrage heeft geleverd aan de podcast van WELdoeners."),
            count2025(
                "VVI.t6", node: "VVI.A9", measure: "Beschikbare podcastafleveringen (6 tot 8)", unit: "afleveringen",
                target: 6,
                responsible: vvi, ref: flever("Versterken van Inwoners – Inspireren & activeren"),
                text: "De podcast is gelanceerd en er zijn 6 tot 8 podcast beschikbaar"),
            count2025(
                "VVI.t7", node: "VVI.A10",
                measure: "Signalen die leidden tot een vervolgactie (publicatie of training)", unit: "signalen",
                target: 2,
                responsible: vvi, ref: flever("Versterken van Inwoners – Inspireren & activeren"),
                text: "Twee signalen hebben geleid tot een vervolgactie in de vorm van een publicatie of een training."),
            count2025(
                "VVI.t8", node: "VVI.A10",
                measure: "Bijeenkomsten, webinars of trainingen op basis van een actueel thema", unit: "bijeenkomsten",
                target: 1,
                responsible: vvi, ref: flever("Versterken van Inwoners – Inspireren & activeren"),
                text:
                    "Op basis van een actueel thema is er tenminste een bijeenkomst, webinar of training georganiseerd/ aangeboden."
            ),
            count2025(
                "AO.t1", node: "A&O.A4", measure: "Bijeenkomsten lerend netwerk \"Anders Werken en Anders Leren\"",
                unit: "bijeenkomsten", target: 4,
                responsible: ao,
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Human Capital Agenda Zorg en Welzijn Flevoland"),
                text: "Het lerende netwerk \"Anders Werken en Anders Leren\" komt vier keer per jaar bij elkaar"),
            count2025(
                "AO.t2", node: "A&O.A4", measure: "Bijeenkomsten sectortafel Zorg en Welzijn", unit: "bijeenkomsten",
                target: 3,
                responsible: ao,
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Human Capital Agenda Zorg en Welzijn Flevoland"),
                text: "De sectortafel Zorg en Welzijn komt 3 keer bij elkaar"),
            count2025(
                "AO.t3", node: "A&O.A6", measure: "Gemeenten met onderzoek en aanbevelingen over stageplaatsen",
                unit: "gemeenten", target: 5,
                responsible: ao,
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Aansluiting onderwijs op de arbeidsmarkt"),
                text:
                    "Onderzoek doen en aanbevelingen opstellen voor 5 Flevolandse gemeenten over het vergroten van het aantal stageplaatsen en het verhogen van de kwaliteit van stages."
            ),
            count2025(
                "AO.t4", node: "A&O.A5", measure: "Gestarte projecten skillsgerichte benadering", unit: "projecten",
                target: 1,
                responsible: ao,
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Aansluiting onderwijs op de arbeidsmarkt"),
                text:
                    "We streven ernaar een eerste project op te starten met als doel bijvoorbeeld het implementeren van het zogenoemde skills paspoort."
            ),
            count2025(
                "AO.t5", node: "A&O.A10", measure: "Activiteiten vaardigheden data- en technologische innovaties",
                unit: "activiteiten", target: 3,
                responsible: ao,
                ref: flever(
                    "Arbeidsmarkt & Onderwijs in 2025 – Versterken van vernieuwingskracht en innovatievermogen"),
                text:
                    "We organiseren drie activiteiten, zoals themabijeenkomsten, die de vaardigheden en kennis van zorg- en welzijnsprofessionals vergroten op het gebied van data- en technologische innovaties"
            ),
            SmartTarget(
                key: "AO.t6", nodeKey: "A&O.A10", measure: "Experimenten opgezet, verder gebracht en/of geëtaleerd",
                unit: "experimenten",
                baseline: DatedValue(0, at: date(2025, 1, 1)), targetValue: 3, targetDate: date(2025, 12, 31),
                direction: .atMost,
                responsible: ao,
                sourceText:
                    "In 2025 investeren we in het opzetten, verder brengen en/of etaleren van maximaal drie experimenten"
            ),
            count2025(
                "AO.t7", node: "A&O.A6", measure: "Focusgroepen formele en informele zorg", unit: "focusgroepen",
                target: 4,
                responsible: ao,
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Verbinden van formele en informele zorg"),
                text:
                    "Daarna organiseren we vier focusgroepen om meer grip te krijgen op de materie. De focusgroepen bestaan uit tenminste een mantelzorger, vrijwilliger, professional en zorgprofessional."
            ),
            SmartTarget(
                key: "AO.t8", nodeKey: "A&O.A2", measure: "Koplopersbijeenkomst met het ActieLeerNetwerk gehouden",
                unit: "bijeenkomst",
                baseline: DatedValue(0, at: date(2025, 1, 1)), targetValue: 1, targetDate: date(2025, 3, 13),
                direction: .count,
                responsible: ao,
                sourceText:
                    "Op 13 maart 2025 organiseren we in samenwerking met het ActieLeerNetwerk een koplopersbijeenkomst."
            ),
            SmartTarget(
                key: "AO.t9", nodeKey: "A&O.A7", measure: "Symposium formele en informele zorg gehouden",
                unit: "symposium",
                baseline: DatedValue(0, at: date(2025, 1, 1)), targetValue: 1, targetDate: date(2025, 2, 6),
                direction: .count,
                responsible: ao,
                sourceText:
                    "het symposium over formele en informele zorg dat op 6 februari 2025 door Flever wordt georganiseerd"
            ),
            count2025(
                "AO.t11", node: "A&O.A11",
                measure: "Deelpublicaties over trends en ontwikkelingen op de arbeidsmarkt", unit: "deelpublicaties",
                target: 6,
                responsible: ao,
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Arbeidsmarktonderzoek"),
                text: "We publiceren zes deelpublicaties bestaande uit meerdere data- en onderzoekbronnen."),
            count2025(
                "BAS.t1", node: "BAS.A5", measure: "Experimenten gekozen en opgestart", unit: "experimenten", target: 2,
                responsible: bas,
                ref: flever("Bouwen aan de Samenleving – Experimenteren met nieuwe manier(en) gebiedsontwikkeling"),
                text:
                    "kiezen op basis van criteria twee projecten om met het netwerk van te leren en kennis in te brengen."
            ),
            count2025(
                "BAS.t2", node: "BAS.A3", measure: "Inspiratiesessies (drieluik)", unit: "sessies", target: 3,
                responsible: bas, ref: flever("Bouwen aan de Samenleving – Kennis brengen, kennis delen en inspireren"),
                text: "We organiseren in 2025 een drieluik van inspiratiesessies"),
            count2025(
                "BAS.t3", node: "BAS.A2", measure: "Sociaal-ruimtelijke ontwerpprincipes uitgewerkt", unit: "principes",
                target: 7,
                responsible: bas,
                ref: flever("Bouwen aan de Samenleving – Experimenteren met nieuwe manier(en) gebiedsontwikkeling"),
                text: "We werken een set van 7 sociaal-ruimtelijke ontwerpprincipes uit."),
            count2025(
                "PG.t1", node: "PG.A1", measure: "Uitgevoerde wijkscans (Medrie)", unit: "wijkscans", target: 5,
                responsible: pg, ref: flever("Begroting per programma – Toelichting personele ontwikkeling"),
                text: "We zijn vooralsnog uitgegaan van een 5-tal wijkscans.")
        ]
        return Plan(
            key: "flever-jaarplan-2025", title: "Jaarplan Flever 2025", owner: "Flever", version: 1,
            period: .year(2025), status: .vastgesteld,
            levels: ["Visie", "Strategisch doel", "Tactisch doel", "Doel 2025", "Activiteit"],
            nodes: nodes, targets: fleverInspanningsdoelen(targets),
            budgets: [fleverBegroting2023_2025, fleverBegrotingPerProgramma2025],
            personnel: fleverPersoneel, source: fleverSource)
    }

    static func k(_ v: Int) -> BudgetCell { .amount(Money(thousands: v)) }

    /// "Begroting FLEVER 2025 * In duizend euro" with Werkelijk 2023, Begroting 2024, 2025 and the
    /// printed "% baten".
    public static var fleverBegroting2023_2025: BudgetTable {
        let cols = [
            BudgetColumn(key: "2023", label: "Werkelijk 2023", year: 2023, kind: .actual),
            BudgetColumn(key: "2024", label: "Begroting 2024", year: 2024, kind: .budget),
            BudgetColumn(key: "2025", label: "Begroting 2025", year: 2025, kind: .budget)
        ]
        func line(
            _ key: String, _ label: String, _ cat: BudgetCategory, _ a: Int, _ pa: Int, _ b: Int, _ pb: Int, _ c: Int,
            _ pc: Int
        ) -> BudgetLine {
            BudgetLine(key: key, label: label, category: cat, cells: [k(a), k(b), k(c)], statedPercents: [pa, pb, pc])
        }
        return BudgetTable(
            key: "flever-2025", title: "Begroting Flever 2025", unit: Money(thousands: 1), columns: cols,
            hasTotalColumn: false,
            sections: [
                BudgetSection(
                    key: "baten", label: "Baten",
                    lines: [
                        line(
                            "provincie", "Subsidie Provincie Flevoland (langlopend)", .subsidieProvincie, 1142, 40,
                            1190, 38, 1247, 36),
                        line(
                            "vws", "Subsidie Ministerie van VWS - Samen Regionaal Sterk", .subsidieVWS, 493, 18, 546,
                            17, 516, 15),
                        line("overig", "Overige baten", .overigeBaten, 1179, 42, 1420, 45, 1689, 49)
                    ], statedTotals: [k(2814), k(3156), k(3452)]),
                BudgetSection(
                    key: "lasten", label: "Lasten",
                    lines: [
                        line(
                            "direct", "Directe project- en activiteitskosten", .directeKosten, 444, 16, 610, 19, 605, 18
                        ),
                        line("personeel", "Personele lasten", .personeel, 2092, 76, 2317, 73, 2577, 74),
                        line("afschrijvingen", "Afschrijvingen", .afschrijvingen, 8, 0, 15, 0, 20, 1),
                        line("huisvesting", "Huisvestingskosten", .huisvesting, 115, 4, 78, 3, 73, 2),
                        line(
                            "organisatie", "Overige organisatiekosten", .overigeOrganisatiekosten, 98, 4, 136, 5, 177, 5
                        )
                    ], statedTotals: [k(2757), k(3156), k(3452)]),
                BudgetSection(
                    key: "resultaat", label: "Resultaat",
                    lines: [
                        BudgetLine(key: "saldo", label: "Saldo baten en lasten", cells: [k(57), .empty, .empty]),
                        BudgetLine(
                            key: "financieel", label: "Financiële baten en lasten", cells: [k(-1), .empty, .empty])
                    ], statedTotals: [k(56), .empty, .empty])
            ],
            sourceRef: flever("Begroting en organisatie"),
            notes: [
                "In de bron heet de som van Resultaat \"Exploitatiesaldo\" (56 in 2023).",
                "De vermelde percentages volgen niet overal uit gewone afronding; check(percentTolerance: 0) toont de verschillen van 1 procentpunt."
            ])
    }

    /// "Begroting per programma" 2025, k€, incl. overhead toerekening −1.069.
    public static var fleverBegrotingPerProgramma2025: BudgetTable {
        let cols = ["A&O", "PG", "VVI", "BAS", "BV"].map {
            BudgetColumn(key: $0, label: "Begroting 2025 \($0)", year: 2025, kind: .budget, programme: $0)
        }
        func line(_ key: String, _ label: String, _ cat: BudgetCategory, _ total: Int?, _ v: [Int?]) -> BudgetLine {
            BudgetLine(
                key: key, label: label, category: cat, cells: v.map { $0.map(k) ?? .empty },
                total: total.map(k) ?? .empty)
        }
        return BudgetTable(
            key: "flever-2025-programma", title: "Begroting Flever 2025 per programma", unit: Money(thousands: 1),
            columns: cols, hasTotalColumn: true,
            sections: [
                BudgetSection(
                    key: "baten", label: "Baten",
                    lines: [
                        line(
                            "provincie", "Subsidie Provincie Flevoland (langlopend)", .subsidieProvincie, 1247,
                            [197, 363, 444, 243, nil]),
                        line(
                            "vws", "Subsidie Ministerie van VWS – Samen Innoveren in de Regio", .subsidieVWS, 516,
                            [516, nil, nil, nil, nil]),
                        line("overig", "Overige baten", .overigeBaten, 1689, [612, 214, 745, 118, nil])
                    ], statedTotals: [k(1325), k(577), k(1189), k(361), .empty], statedGrandTotal: k(3452)),
                BudgetSection(
                    key: "lasten", label: "Lasten",
                    lines: [
                        line(
                            "direct", "Directe projecten activiteitenkosten", .directeKosten, 605,
                            [343, 94, 158, 10, nil]),
                        line("personeel", "Personele lasten", .personeel, 2577, [611, 306, 627, 230, 803]),
                        line("afschrijvingen", "Afschrijvingen", .afschrijvingen, 20, [nil, nil, nil, nil, 20]),
                        line("huisvesting", "Huisvestingskosten", .huisvesting, 73, [nil, nil, nil, nil, 73]),
                        line(
                            "organisatie", "Overige organisatiekosten", .overigeOrganisatiekosten, 177,
                            [4, nil, nil, nil, 173]),
                        line("overhead", "Overhead", .overheadToerekening, nil, [367, 177, 404, 121, -1069])
                    ], statedTotals: [k(1325), k(577), k(1189), k(361), k(0)], statedGrandTotal: k(3452))
            ],
            sourceRef: flever("Begroting per programma"), notes: ["BV = bedrijfsvoering (interpretatie)."])
    }

    /// Personnel 2025 and 2024 as budgeted (section "Toelichting personele ontwikkeling").
    public static var fleverPersoneel: [PersonnelFigures] {
        [
            try! PersonnelFigures(
                year: 2025, employees: 39, fte: "23,3", programmeHours: 25_610, indirectHours: 8_876,
                statedProgrammeShare: 75, statedIndirectShare: 25),
            try! PersonnelFigures(
                year: 2024, employees: 39, fte: "24,3", programmeHours: 28_397, indirectHours: 7_186,
                statedProgrammeShare: 80, statedIndirectShare: 20)
        ]
    }
}
