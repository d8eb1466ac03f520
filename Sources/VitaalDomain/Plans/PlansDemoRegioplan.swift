import Foundation

extension PlansDemoData {
    /// The plan as its readers know it (shown as the plan's source).
    static let regioplanSource = "Zorgzaam Flevoland, Regioplan Integraal Zorgakkoord (IZA) Flevoland (2023)"

    /// A section of the Regioplan, cited by chapter and heading.
    static func regioplan(_ section: String) -> String { "Regioplan IZA Flevoland, \(section)" }

    /// Regioplan Integraal Zorgakkoord (IZA) Flevoland, Zorgzaam Flevoland 2023: the 8
    /// bouwstenen and 6 fundamenten (the council letter speaks of 7; the text describes 6), each
    /// with its goal as the plan words it (the opening statement of its section). Level "Actie"
    /// is left for the transformation agenda, which the plan announces but does not contain.
    public static var regioplanIZA: Plan {
        let owner = "Zorgzaam Flevoland"
        var nodes: [GoalNode] = []
        func block(_ key: String, _ title: String, _ doel: String, fundament: Bool = false) {
            // Each bouwsteen is a section of chapter 4, each fundament one of chapter 5.
            let section = regioplan(
                fundament ? "hoofdstuk 5 Fundamenten, \(title)" : "hoofdstuk 4 Bouwstenen, \(title)")
            nodes.append(
                GoalNode(
                    key: key, level: 0, title: (fundament ? "Fundament: " : "Bouwsteen: ") + title,
                    owner: owner, sourceRef: section))
            nodes.append(
                GoalNode(
                    key: "\(key).doel", parent: key, level: 1, title: "Doel \(title)", text: doel, owner: owner,
                    sourceRef: section))
        }
        block(
            "B1", "Denken en doen vanuit Positieve Gezondheid",
            "In Flevoland willen we als inwoners, professionals, beleidsmakers en bestuurders werken vanuit het gedachtegoed van Positieve Gezondheid."
        )
        block(
            "B2", "Wijkgericht werken in een toegankelijk aanbod",
            "We stellen wijkgericht samenwerken voorop. Dat betekent dat we samen werken aan een toegankelijk en laagdrempelig aanbod van preventie, hulp, ondersteuning en zorg in de wijk."
        )
        block(
            "B3", "Zorgzame, draagkrachtige gemeenschappen in wijken en buurten",
            "We bouwen in Flevoland aan draagkrachtige gemeenschappen in wijken en buurten, waar het vanzelfsprekend is om naar elkaar om te zien en voor elkaar te zorgen."
        )
        block(
            "B4", "Proactief en tijdig werken aan gezondheid en welzijn",
            "We werken in Flevoland samen met inwoners, vrijwilligers en professionals uit de verschillende domeinen proactief en tijdig aan gezondheid en welzijn."
        )
        block(
            "B5", "Samen slimmer coördineren van ondersteuning en zorg",
            "We willen in Flevoland de beschikbare ondersteuning, hulp en zorg (capaciteit) slimmer coördineren en verdelen, zodat inwoners zoveel mogelijk op het juiste moment op de juiste plek worden geholpen of behandeld door de juiste persoon."
        )
        block(
            "B6", "Slim inzetten van toegankelijke technologie en hulpmiddelen",
            "We willen in Flevoland technologie en hulpmiddelen slimmer inzetten. Zo kunnen we de transformatie maken naar hybride (netwerk)ondersteuning en -zorg waarbij de inwoner centraal staat."
        )
        block(
            "B7", "Sterkere basisvaardigheden en individuele basis",
            "We willen in Flevoland de basisvaardigheden van onze inwoners van jong tot oud versterken.")
        block(
            "B8", "Eenduidige & begrijpelijke taal en communicatie",
            "We willen elkaar in Flevoland echt verstaan en begrijpen.")
        block(
            "F1", "Toekomstbestendige arbeidsmarkt Zorg & Welzijn",
            "We zetten ons in Flevoland in voor een Toekomstbestendige Arbeidsmarkt Zorg & Welzijn. Ook in onze regio willen we er met elkaar voor zorgen dat we bevlogen professionals in welzijn en zorg hebben en houden.",
            fundament: true)
        block(
            "F2", "Digitale gegevensuitwisseling en gegevensbescherming",
            "Voor veel van de bouwstenen is het nodig dat we als professionals en inwoners op een betrouwbare en uniforme manier digitaal gegevens kunnen vastleggen en uitwisselen, met aandacht voor gegevensbescherming.",
            fundament: true)
        block(
            "F3", "Gezonde leefomgeving",
            "Een gezonde leefomgeving is essentieel om gezond op te groeien, gezond te blijven en gezond ouder te worden.",
            fundament: true)
        block(
            "F4", "Datagedreven werken aan gezondheid en zorg",
            "We gaan in Flevoland ook aan de slag met datagedreven werken aan gezondheid en zorg.",
            fundament: true)
        block(
            "F5", "Domeinoverstijgend samenwerken",
            "We willen in Flevoland meer en beter domeinoverstijgend samenwerken, waarbij we ook een stevige verbinding willen tussen informele en formele zorg en tussen het sociale en (medische) zorgdomein.",
            fundament: true)
        block(
            "F6", "Maatschappelijke dialoog: we nemen iedereen mee",
            "Als we met elkaar als inwoners, professionals, beleidsmakers en bestuurders de beweging gaan maken van ziekte en zorg naar gezondheid en gedrag en mens en maatschappij, is het essentieel dat we iedereen daarin meenemen.",
            fundament: true)
        // Monitoring kinds of chapter 7, with the plan's own examples (chapter 7, "Monitoring en samen leren"); the codes are
        // example codes, not monitor indicators.
        if let i = nodes.firstIndex(where: { $0.key == "B4.doel" }) {
            nodes[i].indicators = [
                IndicatorLink(
                    "VOORBEELD-welzijn-op-recept-deelnemers", .output,
                    note: "Voorbeeld uit hoofdstuk 7: het aantal deelnemers aan Welzijn op Recept (voorbeeldcode)")
            ]
        }
        if let i = nodes.firstIndex(where: { $0.key == "B2.doel" }) {
            nodes[i].indicators = [
                IndicatorLink(
                    "VOORBEELD-ggz-wachtlijst", .outcome,
                    note: "Voorbeeld uit hoofdstuk 7: wachtlijsten in de GGZ (voorbeeldcode)")
            ]
        }
        return Plan(
            key: "regioplan-iza-flevoland", title: "Regioplan Integraal Zorgakkoord Flevoland", owner: owner,
            version: 1,
            period: PlanPeriod(start: date(2023, 1, 1), end: date(2026, 12, 31)), status: .vastgesteld,
            levels: ["Bouwsteen / Fundament", "Doel", "Actie"], nodes: nodes, targets: regioplanInspanningsdoelen,
            source: regioplanSource,
            notes: ["Voorbeeld: de planperiode 2023-2026 is niet uit de bron overgenomen."])
    }
}
