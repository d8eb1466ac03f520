import Foundation

extension PlansDemoData {
    /// The document as its readers know it (shown as the plan's source).
    static let krachtigeSamenlevingSource = "Provincie Flevoland, Contourenschets Krachtige Samenleving (april 2020)"

    /// A section of the Contourenschets, cited by its heading.
    static func krachtigeSamenleving(_ section: String) -> String {
        "Contourenschets Krachtige Samenleving, \(section)"
    }

    /// Contourenschets Krachtige Samenleving, province of Flevoland, April 2020:
    /// programme lines K1–K5 and activities K1.1–K5.4 (Bijlage 1, "Overzicht van activiteiten") with the time
    /// columns "≤2020", "2021-2025", "≥2026", and the budget tables ("Bestedingsoverzicht", "Overzicht voorstel bestedingen … per financieringsbron" and the WEL programme plan's "Middelen").
    ///
    /// The extraction lost the X positions. A row with two X marks is read as "≤2020" and
    /// "2021-2025" (interpretation); a row with one X (K1.8, K4.3) gets no period (column unknown).
    public static var krachtigeSamenleving2020: Plan {
        let owner = "Provincie Flevoland"
        let both = ["≤2020", "2021-2025"]
        var nodes: [GoalNode] = []
        // Programme lines and activities are all rows of the appendix's activity overview.
        let activities = krachtigeSamenleving("Bijlage 1 – Overzicht van activiteiten Krachtige Samenleving")
        func line(_ key: String, _ title: String, _ text: String) {
            nodes.append(
                GoalNode(key: key, level: 0, title: title, text: text, owner: owner, sourceRef: activities))
        }
        func act(
            _ key: String, _ parent: String, _ text: String, periods: [String]? = nil,
            partners: [String] = []
        ) {
            nodes.append(
                GoalNode(
                    key: key, parent: parent, level: 1, title: key, text: text, owner: owner, partners: partners,
                    periods: periods ?? both, sourceRef: activities))
        }
        line(
            "K1", "Programmalijn 1: Een gezond en veerkrachtig Flevoland (preventie en positieve gezondheid)",
            "Uitgaande van de pijlers van positieve gezondheid zetten we in op een trendbreuk. Specifieke aandachtspunten zijn overgewicht en beweging (waarop Flevoland nu slecht scoort)."
        )
        act(
            "K1.1", "K1",
            "Met het programma WEL in Flevoland zetten we in op: netwerkplatform, kennisdeling, procesbegeleiding en stimuleren onderzoek, experimenten en initiatieven die (positieve) gezondheid bevorderen."
        )
        act(
            "K1.2", "K1",
            "We focussen de inzet van het jaarplan CMO op de nieuwe richting van Krachtige Samenleving, onder andere op het concept positieve gezondheid (WEL).",
            partners: ["CMO Flevoland"])
        act(
            "K1.3", "K1",
            "Omgevingswet: gezonde leefomgeving en veiligheid bekeken vanuit een integraal perspectief op gezondheid")
        act(
            "K1.4", "K1",
            "Sport: we zetten Sportservice Flevoland in voor het programma Positieve Gezondheid en voor onderzoek naar een beweegvriendelijke leefomgeving.",
            partners: ["Sportservice Flevoland"])
        act(
            "K1.5", "K1", "Kunst en Cultuur: aansluiting bij het sociaal domein (Kunstlink).",
            partners: ["Kunstlink"])
        act(
            "K1.6", "K1",
            "Voeding en gezondheid: we sluiten aan bij Floriade Werkt! en Landbouw Meerdere Smaken (LMS). Inclusief programma DuurzaamDoor."
        )
        act(
            "K1.7", "K1",
            "Mobiliteit: we hebben raakvlak met het belang van toegankelijkheid OV voor participatie en zelfredzaamheid, zie programma Mobiliteit en Ruimte. Bijv. in project Doortrappen (ouderen leren en stimuleren om te blijven fietsen) en OV-ambassadeurs (drempel verlagen OV-gebruik ouderen / mensen met een beperking)."
        )
        act(
            "K1.8", "K1",
            "Natuur: we werken samen met IVN om de verbinding tussen natuur en gezondheid te maken in icoonlocatie voor positieve gezondheid Roggebotstaete.",
            periods: [], partners: ["IVN"])
        line(
            "K2", "Programmalijn 2: Leefbaar Platteland",
            "We zetten ons in voor de bereikbaarheid van voorzieningen, kwaliteit natuur & milieu, sociale cohesie en (economische) veerkracht platteland."
        )
        act(
            "K2.1", "K2",
            "We ontwikkelen een nieuw fonds Krachtige Samenleving, in aansluiting bij het Fonds Leefbaar Platteland (opvolger van fonds leefbaarheid landelijk gebied). - relatie met andere subsidies binnen team Samenleving en Europese fondsen (GE)."
        )
        act("K2.2", "K2", "We sluiten aan bij LEADER en LMS.")
        line(
            "K3", "Programmalijn 3: Toekomstbestendige gezondheidszorg",
            "We werken aan een zorglandschap en aanbod dat past bij de behoeften en mogelijkheden van Flevoland in 2030 en daarna, waarbij bereikbaarheid en betaalbaarheid hand in hand gaan."
        )
        act("K3.1", "K3", "We voeren een actieve lobby richting Den Haag en overleg met VWS.")
        act("K3.2", "K3", "We onderzoeken de ontwikkeling van de zorgvraag en het aanbod in Flevoland.")
        act(
            "K3.3", "K3", "We leveren een bijdrage aan het opstellen van een regioperspectief Zorg in Flevoland.")
        act("K3.4", "K3", "Waar nodig faciliteren/ondersteunen we pilots en innovatieve ideeën.")
        line(
            "K4", "Programmalijn 4: Arbeidsmarkt & participatie (onderdeel Human Capital Agenda)",
            "In aansluiting bij de Human Capital Agenda werken we aan een goede balans tussen vraag en aanbod op de arbeidsmarkt van gezondheid, zorg en welzijn."
        )
        act(
            "K4.1", "K4",
            "We verstrekken een subsidie aan de pilot Academische Verpleeg(t)huiszorg en de aanvraag fieldlab 2.0 'Zorg in de wijk' (PPS)."
        )
        act(
            "K4.2", "K4", "We gaan de inzet van CMO/ netwerk Zowelwerk verder focussen en ontwikkelen.",
            partners: ["CMO Flevoland"])
        act(
            "K4.3", "K4",
            "Economie - Human Capital Agenda: (zie programmalijn 3 - aansluiting onderwijs/ arbeidsmarkt).",
            periods: [])
        line("K5", "Overige inspanningen", "")
        act(
            "K5.1", "K5",
            "We bouwen het netwerk van de provincie (ambtelijk en bestuurlijk) uit door A) aan te sluiten bij bestaande netwerken en B) een platform te bieden en samen met partners themabijeenkomsten e.d. te organiseren of aan te sluiten bij (informele) ontmoetingen."
        )
        act("K5.2", "K5", "Regenboogprovincie / het goede voorbeeld")
        act("K5.3", "K5", "Jeugddebatten, democratie & educatie")
        act("K5.4", "K5", "Subsidierelatie met IVN en NMF", partners: ["IVN", "NMF"])

        return Plan(
            key: "krachtige-samenleving-2020", title: "Contourenschets Krachtige Samenleving (april 2020)",
            owner: owner,
            version: 1, period: PlanPeriod(start: date(2020, 1, 1), end: date(2025, 12, 31)), status: .vastgesteld,
            levels: ["Programmalijn", "Activiteit"], periodColumns: ["≤2020", "2021-2025", "≥2026"],
            nodes: nodes, targets: krachtigeSamenlevingInspanningsdoelen,
            budgets: [ksBestedingsoverzicht, ksBestedingsvoorstel, ksPerFinancieringsbron, welBegroting2020_2023],
            source: krachtigeSamenlevingSource)
    }

    static func e(_ v: Int) -> BudgetCell { .amount(Money(euros: v)) }
    static func cells(_ v: [Int?]) -> [BudgetCell] { v.map { $0.map(e) ?? .empty } }
    static func yearColumns(_ labels: [String]) -> [BudgetColumn] {
        labels.map { BudgetColumn(key: $0, label: $0, year: Int($0), kind: .budget) }
    }

    /// "Besteding middelen uit bestaande bestemmingsreserve" (section "Bestedingsoverzicht"), euros.
    public static var ksBestedingsoverzicht: BudgetTable {
        BudgetTable(
            key: "ks-bestemmingsreserve", title: "Besteding middelen uit bestaande bestemmingsreserve",
            columns: yearColumns(["2018/2019", "2020", "2021", "2022", "2023"]), hasTotalColumn: true,
            sections: [
                BudgetSection(
                    key: "lasten", label: "Bestedingen",
                    lines: [
                        BudgetLine(
                            key: "inhuur", label: "Algemeen - Inhuur, onvoorzien, overige",
                            cells: cells([47_500, 123_000, 54_000, 28_000, nil]), total: e(252_500)),
                        BudgetLine(
                            key: "onderzoek", label: "Algemeen - Onderzoek (Werkplaats Sociaal Domein)",
                            cells: cells([75_000, 75_000, 75_000, 75_000, nil]), total: e(300_000)),
                        BudgetLine(
                            key: "wel", label: "1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)",
                            cells: cells([140_000, 280_000, 195_000, 45_000, 40_000]), total: e(700_000)),
                        BudgetLine(
                            key: "kpmg", label: "3. Toekomstbestendige gezondheidszorg: onderzoek KPMG",
                            cells: cells([22_500, nil, nil, nil, nil]), total: e(22_500)),
                        BudgetLine(
                            key: "capaciteit", label: "3. Toekomstbestendige gezondheidszorg: capaciteit 2019/2020",
                            cells: [.note("Gedekt uit diverse posten lopende begr."), .empty, .empty, .empty, .empty],
                            total: .empty),
                        BudgetLine(
                            key: "avh", label: "4. Arbeidsmarkt & participatie - Pilot Academische Verpleeg(t)huiszorg",
                            cells: cells([125_000, 50_000, 50_000, nil, nil]), total: e(225_000))
                    ], statedTotals: cells([410_000, 528_000, 374_000, 148_000, 40_000]), statedGrandTotal: e(1_500_000)
                )
            ],
            sourceRef: krachtigeSamenleving("Bestedingsoverzicht – Besteding middelen uit bestaande bestemmingsreserve")
        )
    }

    /// "Bestedingsvoorstel middelen uit coalitieakkoord" (section "Bestedingsoverzicht"), euros. The extraction
    /// lost the column positions; this allocation is reconstructed from the year totals.
    public static var ksBestedingsvoorstel: BudgetTable {
        BudgetTable(
            key: "ks-coalitieakkoord", title: "Bestedingsvoorstel middelen uit coalitieakkoord",
            columns: yearColumns(["2020", "2021", "2022", "2023"]), hasTotalColumn: true,
            sections: [
                BudgetSection(
                    key: "lasten", label: "Bestedingen",
                    lines: [
                        BudgetLine(
                            key: "inhuur", label: "Algemeen - Inhuur", cells: cells([nil, 54_000, 46_000, nil]),
                            total: e(100_000)),
                        BudgetLine(
                            key: "cmo", label: "Algemeen - CMO transitie", cells: cells([75_000, nil, nil, nil]),
                            total: e(75_000)),
                        BudgetLine(
                            key: "onderzoek", label: "Algemeen - Onderzoek (Werkplaats Sociaal Domein)",
                            cells: cells([nil, nil, nil, 75_000]), total: e(75_000)),
                        BudgetLine(
                            key: "wel", label: "1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)",
                            cells: cells([nil, 50_000, 150_000, 50_000]), total: e(250_000)),
                        BudgetLine(
                            key: "platteland", label: "2. Leefbaar Platteland", cells: cells([nil, nil, nil, nil]),
                            total: .note("Apart voorstel (2 miljoen o.b.v. coalitieakkoord)")),
                        BudgetLine(
                            key: "zorg", label: "3. Toekomstbestendige gezondheidszorg",
                            cells: cells([150_000, 50_000, 50_000, 50_000]), total: e(300_000)),
                        BudgetLine(
                            key: "exploitatie", label: "3. - Exploitatiebegroting 2020",
                            cells: cells([-50_000, nil, nil, nil]), total: e(-50_000)),
                        BudgetLine(
                            key: "arbeidsmarkt", label: "4. Arbeidsmarkt & participatie (i.s.m. HCA)",
                            cells: cells([50_000, 50_000, 50_000, nil]), total: e(150_000)),
                        BudgetLine(
                            key: "cross", label: "Cross-sectorale samenwerking",
                            cells: cells([nil, 50_000, 50_000, nil]), total: e(100_000))
                    ], statedTotals: cells([225_000, 254_000, 346_000, 175_000]), statedGrandTotal: e(1_000_000))
            ],
            sourceRef: krachtigeSamenleving("Bestedingsoverzicht – Bestedingsvoorstel middelen uit coalitieakkoord"),
            notes: [
                "De kolomposities zijn bij de tekstextractie verloren gegaan; de verdeling over de jaren is gereconstrueerd uit de jaartotalen (interpretatie). Of \"CMO transitie\" in 2020 en \"Onderzoek\" in 2023 valt of omgekeerd, past beide bij de totalen."
            ])
    }

    /// "Overzicht voorstel bestedingen Krachtige Samenleving per financieringsbron", euros.
    public static var ksPerFinancieringsbron: BudgetTable {
        BudgetTable(
            key: "ks-financieringsbron", title: "Voorstel bestedingen per financieringsbron",
            columns: [
                BudgetColumn(key: "reserve", label: "Bestaande bestemmingsreserve (mandaat GS)"),
                BudgetColumn(key: "coalitie", label: "Budget coalitieakkoord 2019-2023")
            ],
            hasTotalColumn: true,
            sections: [
                BudgetSection(
                    key: "lasten", label: "Bestedingen",
                    lines: [
                        BudgetLine(
                            key: "inhuur", label: "Algemeen - Inhuur", cells: cells([252_500, 100_000]),
                            total: e(352_500)),
                        BudgetLine(
                            key: "cmo", label: "Algemeen - CMO transitie", cells: cells([nil, 75_000]), total: e(75_000)
                        ),
                        BudgetLine(
                            key: "onderzoek", label: "Algemeen - Onderzoek (Werkplaats Sociaal Domein)",
                            cells: cells([300_000, 75_000]), total: e(375_000)),
                        BudgetLine(
                            key: "wel", label: "1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)",
                            cells: cells([700_000, 250_000]), total: e(950_000)),
                        BudgetLine(
                            key: "platteland", label: "2. Leefbaar platteland", cells: cells([nil, nil]), total: .empty),
                        BudgetLine(
                            key: "zorg", label: "3. Toekomstbestendige gezondheidszorg",
                            cells: cells([22_500, 300_000]), total: e(322_500)),
                        BudgetLine(
                            key: "exploitatie", label: "3. - Exploitatiebegroting 2020", cells: cells([nil, -50_000]),
                            total: e(-50_000)),
                        BudgetLine(
                            key: "arbeidsmarkt", label: "4. Arbeidsmarkt & participatie",
                            cells: cells([225_000, 150_000]), total: e(375_000)),
                        BudgetLine(
                            key: "cross", label: "Cross-sectorale samenwerking", cells: cells([nil, 100_000]),
                            total: e(100_000))
                    ], statedTotals: cells([1_500_000, 1_000_000]), statedGrandTotal: e(2_500_000))
            ],
            sourceRef: krachtigeSamenleving(
                "Overzicht voorstel bestedingen Krachtige Samenleving per financieringsbron"))
    }

    /// WEL in Flevoland 2020–2023, "Middelen" (Bijlage 2), euros; staff capacity excluded.
    /// Totals €606.254 over 2020–2023 against €560.000 for WEL in the reserve table; the document
    /// does not reconcile the two.
    public static var welBegroting2020_2023: BudgetTable {
        BudgetTable(
            key: "wel-2020-2023", title: "WEL in Flevoland middelen 2020-2023",
            columns: yearColumns(["2020", "2021", "2022", "2023"]), hasTotalColumn: false,
            sections: [
                BudgetSection(
                    key: "lasten", label: "Middelen",
                    lines: [
                        BudgetLine(key: "monitoring", label: "Monitoring", cells: cells([24_951, 31_303, nil, nil])),
                        BudgetLine(key: "ppgo", label: "Pilot PPGO ouderen", cells: cells([50_000, 50_000, nil, nil])),
                        BudgetLine(
                            key: "bijeenkomsten", label: "Bijeenkomsten", cells: cells([23_000, 22_500, 22_500, 20_000])
                        ),
                        BudgetLine(key: "academie", label: "Academie", cells: cells([10_000, 10_000, 10_000, 10_000])),
                        BudgetLine(
                            key: "platform", label: "Platform en communicatie",
                            cells: cells([20_000, 9_000, 9_000, 9_000])),
                        BudgetLine(
                            key: "ozo", label: "Implementatie OZO verbindzorg",
                            cells: [.reserved(Money(euros: 50_000)), .empty, .empty, .empty]),
                        BudgetLine(
                            key: "voeding", label: "Verbinding gezonde voeding", cells: [.pm, .empty, .empty, .empty]),
                        BudgetLine(
                            key: "intergeneratief", label: "Pilot preventie remmende interg. overdr.",
                            cells: cells([75_000, 75_000, 75_000, nil]))
                    ], statedTotals: cells([252_951, 197_803, 116_500, 39_000]))
            ],
            sourceRef: krachtigeSamenleving("Bijlage 2 – Programmaplan WEL in Flevoland 2020-2023, Middelen"))
    }
}
