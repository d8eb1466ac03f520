import AppCore
import MonitorFeature
import Plot
import VitaalDomain

extension AboutPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Over het model personeelsplanning", breadcrumbs: WorkforceCrumbs.list,
            .p(
                .class("lead"),
                .text(
                    "Het model rekent per jaar uit hoeveel personeel zorg en welzijn in Flevoland nodig heeft (vraag) "
                        + "en hoeveel er beschikbaar is (aanbod), per sector, subregio en jaar. Het verschil is het "
                        + "tekort. Hieronder staat wat het model doet, waarmee het rekent, waarop het is afgesteld en "
                        + "hoe een scenariobestand eruitziet.")),
            computes(model),
            inputs(model),
            calibration(model),
            contradictions(model),
            monitor(model),
            format(model))
    }

    static func computes(_ model: Model) -> BodyNode {
        let s = model.scenario
        return .group(
            .h2(.text("Wat het model berekent")),
            .ul(
                .li(
                    .strong(.text("Aanbod. ")),
                    .text(
                        "Een voorraad-stroommodel: het personeel van een jaar is het personeel van het jaar ervoor, "
                            + "plus de instroom (gediplomeerden, zij-instromers en herintreders), min de uitstroom "
                            + "(wie zorg en welzijn verlaat) en min het pensioen (wie de oudste leeftijdsgroep "
                            + "verlaat). Daarbij stromen medewerkers door tussen sectoren en scholen ze op naar een "
                            + "hoger niveau. Het model rekent per subregio, sector, opleidingsniveau en "
                            + "leeftijdsgroep.")),
                .li(
                    .strong(.text("Vraag. ")),
                    .text(
                        "In het basisjaar het personeel plus de openstaande vacatures. Daarna groeit de vraag met de "
                            + "bevolking per leeftijdsgroep, gewogen met het zorggebruik van die groep (ouderen "
                            + "gebruiken meer zorg), en met een groei die niet uit de bevolking komt. Hefbomen als "
                            + "productiviteit en taakherschikking naar welzijn remmen de vraag.")),
                .li(
                    .strong(.text("Tekort. ")),
                    .text(
                        "Vraag min aanbod, in personen en in fte, voor de hele regio en per sector, subregio en "
                            + "niveau; een negatief tekort is een overschot.")),
                .li(
                    .strong(.text("Onzekerheid en hefbomen. ")),
                    .text(
                        "Parameters met een bandbreedte worden herhaald getrokken (Monte Carlo, "
                            + "driehoeksverdeling); de pagina's tonen het 90 %-interval uit "
                            + "\(WorkforceResults.pageRuns) trekkingen. De gevoeligheid rangschikt de hefbomen naar "
                            + "het tekort dat ze sluiten."))),
            .p(
                .text(
                    "Het basisscenario rekent van \(s.baseYear) tot \(s.horizon) met \(s.sectors.count) sectoren ("
                        + s.sectors.map(\.name).joined(separator: ", ") + ") en \(s.regions.count) subregio's ("
                        + s.regions.map(\.name).joined(separator: ", ")
                        + "), de subregio's van het Regioplan IZA Flevoland, hoofdstuk 2.")))
    }

    static func inputs(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Invoer")),
            .ul(
                .li(
                    .strong(.text("Bevolking. ")),
                    .text("Eén bevolkingsprognose voor heel Vitaal, ook gebruikt door het model acute zorg: de "),
                    .a(
                        .href(MonitorURL.indicator(.value("prognose_inwoners")).path),
                        .text("bevolkingsprognose (basisvariant) in de monitor")),
                    .text(
                        ". De basisvariant volgt het pad van het Regioplan IZA Flevoland, hoofdstuk 2: +16 % inwoners "
                            + "van 2023 tot 2035 en in 2035 1 op de 5 inwoners 65 jaar of ouder. Het model gebruikt "
                            + "de inwoners per subregio, leeftijdsgroep en jaar. De leeftijdsopbouw is "),
                    UI.badge("voorbeelddata"), .text(".")),
                .li(
                    .strong(.text("Zorggebruik per leeftijdsgroep. ")),
                    .text(
                        "Per sector een relatief gewicht per leeftijdsgroep van de bevolking ("
                            + model.scenario.populationBands.map(\.name).joined(separator: ", ")
                            + "); zo drijft vergrijzing de vraag. "),
                    assumption()),
                .li(
                    .strong(.text("Parameters van het scenario. ")),
                    .text(
                        "Personeelsbestand per sector en subregio, fte per persoon, vacatures, opbouw naar niveau en "
                            + "leeftijd, uitstroomkansen, instroom, doorstroom en de trends; elke scenariopagina "
                            + "toont ze met het label ‘aanname’ of ‘bron’. Daarbij de hefbomen: "
                            + model.levers.map { $0.label.lowercasedFirst }.joined(separator: "; ") + ".")))
        )
    }

    static func calibration(_ model: Model) -> BodyNode {
        let s = model.scenario
        let shares = model.sectorShares.map { "\($0.name) \(WorkforceViews.pct($0.share, 0))" }
        return .group(
            .h2(.text("Kalibratie en bronnen")),
            .p(
                .text(
                    "Het basisscenario is zo afgesteld dat het deze cijfers uit de documenten reproduceert (binnen "
                        + "2 %). De kolom ‘Model’ is de uitkomst van het basisscenario.")),
            WorkforceViews.calibrationTable(model.results),
            .p(
                .text(
                    "Ter informatie, niet gebruikt voor de afstelling: een verwacht tekort van ongeveer 1.087 "
                        + "medewerkers in 2022 (CMO Flevoland, Meerjarenplan 2021-2024, paragraaf 3.1).")),
            .h3(.text("Afgestelde aannames")),
            .p(
                .text("Eenmaal opgelost zodat de cijfers hierboven kloppen; elk staat als "), assumption(),
                .text(" in het scenariobestand.")),
            .ul(
                .li(
                    .text(
                        "Personeel in \(s.baseYear): \(WorkforceViews.persons(model.baseStock)) personen, zodat de "
                            + "vraag in 2032 45.000 is.")),
                .li(
                    .text(
                        "Vacaturegraden per sector, zodat het tekort in \(s.baseYear) 4 % is; de GGZ het hoogst, "
                            + "omdat het Regioplan IZA Flevoland (hoofdstuk 2) daar het grootste tekort noemt.")),
                .li(
                    .text(
                        "Groei van de zorgvraag naast de bevolking: \(WorkforceViews.pct(s.extraDemandGrowth.value, 2)) "
                            + "per jaar, zodat de vraag van 2023 tot 2032 met 34 % stijgt.")),
                .li(.text("De omvang van de instroom, zodat er in 2032 41.500 zorgprofessionals beschikbaar zijn.")),
                .li(
                    .text(
                        "Fte per persoon verandert met \(WorkforceViews.pct(s.fteTrend.value, 2)) per jaar, zodat "
                            + "het tekort in 2032 11 % is in fte."))),
            .h3(.text("Overige aannames")),
            .p(
                assumption(),
                .text(
                    " Verdeling van het personeel over de sectoren (" + shares.joined(separator: ", ")
                        + ") en over de subregio's; fte per persoon; opbouw naar niveau en leeftijd; uitstroom per "
                        + "leeftijdsgroep en sector; zorggebruik per leeftijdsgroep; doorstroom en opscholing; "
                        + "zij-instromers en herintreders; het deel van de verschoven zorgvraag dat betaald personeel "
                        + "vraagt. De bandbreedtes (10 tot 25 %) voeden de onzekerheidsberekening.")),
            .p(
                .text(
                    "Grenzen: de verdeling van het tekort over sectoren hangt af van de aangenomen verdeling van de "
                        + "instroom (alleen de totalen zijn afgesteld); de instroom is elk jaar gelijk; geen "
                        + "pendel tussen subregio's; het tekort is netto (een overschot op het ene niveau vult een "
                        + "tekort op het andere aan).")))
    }

    static func contradictions(_ model: Model) -> BodyNode {
        let persons = model.shortage2032.map { WorkforceViews.pct($0.persons) } ?? "–"
        let fte = model.shortage2032.map { WorkforceViews.pct($0.fte) } ?? "–"
        let growth33 = model.demandGrowth(2023, 2033).map { WorkforceViews.pct($0) } ?? "–"
        return .group(
            .h2(.text("Tegenstrijdigheden in de bronnen")),
            .ol(
                .li(
                    .text(
                        "45.000 benodigde en 41.500 beschikbare zorgprofessionals in 2032 (Regioplan IZA Flevoland, "
                            + "hoofdstuk 2) is een tekort van \(persons) van de personen, niet de ongeveer 11 % die "
                            + "hoofdstuk 5 (fundament ‘Toekomstbestendige arbeidsmarkt Zorg & Welzijn’) noemt. Het "
                            + "model leest het tekort van 11 % in 2032 als tekort in fte: de fte per persoon dalen "
                            + "(een aanname), terwijl de personen op 45.000 en 41.500 uitkomen. Uitkomst: \(fte) in "
                            + "fte, \(persons) in personen.")),
                .li(
                    .text(
                        "+34 % zorgvraag van 2023 tot 2032 (Regioplan IZA Flevoland, hoofdstuk 2) en +33 % van 2023 "
                            + "tot 2033 (Flever, Jaarplan 2025, Arbeidsmarkt & Onderwijs in 2025) kunnen bij een "
                            + "stijgende vraag niet allebei kloppen. Het model volgt het Regioplan, dat ook de 45.000 "
                            + "geeft; van 2023 tot 2033 komt het uit op \(growth33)."))))
    }

    static func monitor(_ model: Model) -> BodyNode {
        let rows: [[BodyNode]] = model.monitorInputs.map { input in
            [.a(.href(MonitorURL.indicator(.value(input.code)).path), .text(input.code)), .text(input.use)]
        }
        return .group(
            .h2(.text("Invoer uit de arbeidsmarktmonitor")),
            .p(
                .text(
                    "Het model kan vier indicatoren van de arbeidsmarktmonitor gebruiken (Flevoland, PV24; de "
                        + "waarde van het basisjaar, anders de laatste). Dat gebeurt alleen als u bij de hefbomen "
                        + "‘Gebruik personeelsbestand, instroom en uitstroom uit de arbeidsmarktmonitor’ aanvinkt: de "
                        + "monitor bevat nu "),
                UI.badge("voorbeelddata"),
                .text(
                    ", die de afstelling op de documenten ongedaan zouden maken. De scenariopagina toont de "
                        + "cijfers van de monitor altijd naast die van het model.")),
            UI.table(
                caption: "Indicatoren uit de monitor", headers: ["Indicator", "Wat het model ermee doet"], rows: rows)
        )
    }

    static func format(_ model: Model) -> BodyNode {
        let rows: [[BodyNode]] = model.fields.map { field in
            [
                .code(.text(field.path)), .text(field.meaning), .text(field.unit), .text(field.bounds),
                .text(field.required ? "ja" : "nee"), .text(field.note.isEmpty ? "–" : field.note)
            ]
        }
        return .group(
            .h2(.text("Het scenariobestand")),
            .p(
                .text(
                    "Een scenario is een JSON-bestand. Elk getal mag een kaal getal zijn of een object "),
                .code(.text("{\"value\": 0.05, \"range\": [0.04, 0.06], \"assumption\": \"…\", \"source\": \"…\"}")),
                .text(
                    ": ‘range’ is de bandbreedte voor de onzekerheid (binnen dezelfde grenzen, laag ≤ waarde ≤ "
                        + "hoog), ‘assumption’ markeert een aanname en ‘source’ noemt de bron. Fracties schrijft u "
                        + "als 0.05 (5 %). Onbekende velden, verkeerde typen, waarden buiten de grenzen en onbekende "
                        + "codes worden geweigerd; elke fout wordt gemeld met regel, kolom en veld. Het "
                        + "basisscenario is een goed begin: download het via de scenariopagina of met "),
                .code(.text("vitaal workforce base")), .text(".")),
            UI.table(
                caption: "Velden van het scenariobestand ([] is een element van een lijst)",
                headers: ["Veld", "Betekenis", "Eenheid", "Grenzen", "Verplicht", "Opmerking"], rows: rows))
    }

    static func assumption() -> BodyNode { .span(.class("badge wf-assumption"), .text("aanname")) }
}
