/// One field of a workforce scenario file: where it sits, what it means (Dutch), its unit and the rule the
/// codec checks. `WorkforceScenarioCodec` reads its bounds from `WorkforceScenarioFormat`, and the app's
/// "Over dit model" page draws its table from the same list, so the page cannot disagree with the parser.
public struct WorkforceScenarioField: Sendable, Hashable {
    /// What a value must be.
    public enum Rule: Sendable, Hashable {
        case text(nonEmpty: Bool)
        case integer(min: Int, max: Int)
        case number(WorkforceScenarioCodec.Kind)
        case flag
        case list(nonEmpty: Bool)
        case object
    }

    /// The path in the file, `[]` marking a list item: `sectors[].fteFactor`.
    public var path: String
    /// Dutch meaning.
    public var meaning: String
    /// Dutch unit ("fractie", "personen", "jaar"; "–" for texts and lists).
    public var unit: String
    public var rule: Rule
    public var required: Bool
    /// Dutch: default value and checks across fields; empty when there are none.
    public var note: String

    init(
        _ path: String, _ meaning: String, unit: String = "–", _ rule: Rule, required: Bool = true, note: String = ""
    ) {
        self.path = path
        self.meaning = meaning
        self.unit = unit
        self.rule = rule
        self.required = required
        self.note = note
    }

    /// The number rule (for `param`); a field that is not a number is a programming error.
    var kind: WorkforceScenarioCodec.Kind {
        guard case .number(let kind) = rule else { preconditionFailure("\(path) is not a number field") }
        return kind
    }

    /// The integer bounds (for `int`); a field that is not an integer is a programming error.
    var integerBounds: (min: Int, max: Int) {
        guard case .integer(let min, let max) = rule else { preconditionFailure("\(path) is not an integer field") }
        return (min, max)
    }

    /// The bounds in Dutch, as the page shows them ("0 t/m 1", "1900 t/m 2200", "niet leeg").
    public var bounds: String {
        switch rule {
        case .text(let nonEmpty): nonEmpty ? "tekst, niet leeg" : "tekst, mag leeg zijn"
        case .integer(let min, let max): "geheel getal, \(min) t/m \(max)"
        case .number(let kind): kind.bounds
        case .flag: "true of false"
        case .list(let nonEmpty): nonEmpty ? "lijst, niet leeg" : "lijst, mag leeg zijn"
        case .object: "object"
        }
    }
}

extension WorkforceScenarioCodec.Kind {
    /// The allowed values in Dutch for the format table.
    public var bounds: String {
        switch self {
        case .rate: "0 t/m 1"
        case .positiveRate: "groter dan 0, t/m 1"
        case .nonNegative: "0 of meer"
        case .growth: "groter dan -1, t/m 1"
        case .lever(let d):
            "\(WorkforceScenarioCodec.text(d.min)) t/m \(WorkforceScenarioCodec.text(d.max))"
        }
    }
}

/// Every field of the scenario file, in the order of the file's description (see docs/workforce-model.md).
public enum WorkforceScenarioFormat {
    typealias F = WorkforceScenarioField

    static let id = F("id", "Korte code van het scenario", .text(nonEmpty: true))
    static let name = F("name", "Naam van het scenario", .text(nonEmpty: true))
    static let description = F("description", "Toelichting", .text(nonEmpty: false), required: false)
    static let baseYear = F(
        "baseYear", "Basisjaar: het jaar van het personeelsbestand en de bevolking", unit: "jaar",
        .integer(min: 1900, max: 2200))
    static let horizon = F(
        "horizon", "Laatste jaar van de berekening", unit: "jaar", .integer(min: 1900, max: 2300), required: false,
        note: "standaard 2040; niet vóór het basisjaar en hoogstens 100 jaar erna")
    static let populationBands = F("populationBands", "Leeftijdsgroepen van de bevolking", .list(nonEmpty: true))
    static let populationBandID = F("populationBands[].id", "Code van de leeftijdsgroep", .text(nonEmpty: true))
    static let populationBandName = F("populationBands[].name", "Naam van de leeftijdsgroep", .text(nonEmpty: true))
    static let levels = F("levels", "Opleidingsniveaus van het personeel", .list(nonEmpty: true))
    static let levelID = F("levels[].id", "Code van het niveau", .text(nonEmpty: true))
    static let levelName = F("levels[].name", "Naam van het niveau", .text(nonEmpty: true))
    static let graduates = F(
        "levels[].graduates", "Gediplomeerden per jaar in de regio (alle sectoren samen)", unit: "personen per jaar",
        .number(.nonNegative))
    static let ageBands = F(
        "ageBands", "Leeftijdsgroepen van het personeel", .list(nonEmpty: true),
        note: "aansluitend (fromAge is de vorige toAge + 1); lateralEntryShare telt op tot 1")
    static let ageBandID = F("ageBands[].id", "Code van de leeftijdsgroep", .text(nonEmpty: true))
    static let fromAge = F("ageBands[].fromAge", "Laagste leeftijd", unit: "jaar", .integer(min: 0, max: 120))
    static let toAge = F(
        "ageBands[].toAge", "Hoogste leeftijd; wie de laatste groep verlaat, gaat met pensioen", unit: "jaar",
        .integer(min: 0, max: 120), note: "niet kleiner dan fromAge")
    static let outflowRate = F(
        "ageBands[].outflowRate", "Kans per jaar dat een medewerker zorg en welzijn verlaat (zonder pensioen)",
        unit: "fractie per jaar", .number(.rate),
        note: "uitstroom, vergrijzing en doorstroom uit één cel samen hoogstens 1 per jaar")
    static let lateralEntryShare = F(
        "ageBands[].lateralEntryShare", "Deel van de zij-instromers en herintreders in deze leeftijdsgroep",
        unit: "fractie", .number(.rate))
    static let regions = F("regions", "Subregio's", .list(nonEmpty: true))
    static let regionID = F("regions[].id", "Code van de subregio", .text(nonEmpty: true))
    static let regionName = F("regions[].name", "Naam van de subregio", .text(nonEmpty: true))
    static let population = F(
        "regions[].population[]", "Inwoners in het basisjaar, één getal per leeftijdsgroep van de bevolking",
        unit: "personen", .number(.nonNegative))
    static let populationGrowth = F(
        "regions[].populationGrowth[]", "Groei van de inwoners per jaar, één getal per leeftijdsgroep",
        unit: "fractie per jaar", .number(.growth))
    static let populationByYear = F(
        "regions[].populationByYear[][]",
        "Inwoners per jaar (vanaf het basisjaar) en leeftijdsgroep; vervangt de groeicijfers", unit: "personen",
        .number(.nonNegative), required: false, note: "hoogstens 101 rijen (basisjaar + 100)")
    static let sectors = F(
        "sectors", "Sectoren van zorg en welzijn", .list(nonEmpty: true),
        note: "graduateShare over alle sectoren samen hoogstens 1")
    static let sectorID = F("sectors[].id", "Code van de sector", .text(nonEmpty: true))
    static let sectorName = F("sectors[].name", "Naam van de sector", .text(nonEmpty: true))
    static let fteFactor = F("sectors[].fteFactor", "Fte per persoon", unit: "fte", .number(.positiveRate))
    static let vacancyRate = F(
        "sectors[].vacancyRate", "Openstaande vacatures in het basisjaar als deel van het personeel (tekort)",
        unit: "fractie", .number(.rate))
    static let outflowFactor = F(
        "sectors[].outflowFactor", "Factor op de uitstroomkansen (meer verloop: groter dan 1)", unit: "factor",
        .number(.nonNegative), required: false, note: "standaard 1")
    static let graduateShare = F(
        "sectors[].graduateShare", "Deel van de gediplomeerden dat in deze sector begint", unit: "fractie",
        .number(.rate))
    static let sideEntrants = F(
        "sectors[].sideEntrants", "Zij-instromers per jaar (hele regio)", unit: "personen per jaar",
        .number(.nonNegative))
    static let returners = F(
        "sectors[].returners", "Herintreders per jaar (hele regio)", unit: "personen per jaar", .number(.nonNegative))
    static let levelShares = F(
        "sectors[].levelShares[]", "Verdeling van het personeel over de niveaus, één per niveau", unit: "fractie",
        .number(.rate), note: "samen 1")
    static let ageShares = F(
        "sectors[].ageShares[]", "Verdeling van het personeel over de leeftijdsgroepen, één per groep",
        unit: "fractie", .number(.rate), note: "samen 1")
    static let careUse = F(
        "sectors[].careUse[]", "Relatief zorggebruik per inwoner, één gewicht per leeftijdsgroep van de bevolking",
        unit: "gewicht", .number(.nonNegative))
    static let receivesTaskShift = F(
        "sectors[].receivesTaskShift", "Ontvangt verschoven zorgvraag (taakherschikking, welzijn)", .flag,
        required: false, note: "standaard false")
    static let stock = F(
        "stock", "Personeelsbestand in het basisjaar per sector en subregio", .list(nonEmpty: true),
        note: "elke combinatie van sector en subregio hoogstens één keer")
    static let stockSector = F("stock[].sector", "Code van een sector uit sectors", .text(nonEmpty: true))
    static let stockRegion = F("stock[].region", "Code van een subregio uit regions", .text(nonEmpty: true))
    static let persons = F("stock[].persons", "Aantal medewerkers", unit: "personen", .number(.nonNegative))
    static let sectorMoves = F(
        "sectorMoves", "Doorstroom tussen sectoren", .list(nonEmpty: false), required: false,
        note: "from en to zijn bestaande, verschillende sectorcodes")
    static let sectorMoveFrom = F("sectorMoves[].from", "Sector waaruit men vertrekt", .text(nonEmpty: true))
    static let sectorMoveTo = F("sectorMoves[].to", "Sector waarheen men gaat", .text(nonEmpty: true))
    static let sectorMoveRate = F(
        "sectorMoves[].rate", "Deel van het personeel van from dat per jaar naar to gaat", unit: "fractie per jaar",
        .number(.rate))
    static let levelMoves = F(
        "levelMoves", "Opscholing tussen niveaus", .list(nonEmpty: false), required: false,
        note: "from en to zijn bestaande, verschillende niveaucodes")
    static let levelMoveFrom = F("levelMoves[].from", "Niveau waarvan men vertrekt", .text(nonEmpty: true))
    static let levelMoveTo = F("levelMoves[].to", "Niveau waarheen men gaat", .text(nonEmpty: true))
    static let levelMoveRate = F(
        "levelMoves[].rate", "Deel van het personeel op niveau from dat per jaar naar niveau to gaat",
        unit: "fractie per jaar", .number(.rate))
    static let extraDemandGrowth = F(
        "extraDemandGrowth", "Groei van de zorgvraag per jaar bovenop de bevolking (niet-demografisch)",
        unit: "fractie per jaar", .number(.growth), required: false, note: "standaard 0")
    static let fteTrend = F(
        "fteTrend", "Verandering per jaar van de fte per persoon", unit: "fractie per jaar", .number(.growth),
        required: false, note: "standaard 0")
    static let taskShiftAbsorption = F(
        "taskShiftAbsorption", "Deel van de verschoven zorgvraag dat nog betaald personeel vraagt", unit: "fractie",
        .number(.rate), required: false, note: "standaard 0,5")
    static let levers = F("levers", "Hefbomen", .object, required: false, note: "elke hefboom is optioneel")
    static let monteCarlo = F("monteCarlo", "Instellingen van de onzekerheidsberekening", .object, required: false)
    static let runs = F(
        "monteCarlo.runs", "Aantal trekkingen", unit: "aantal", .integer(min: 1, max: 1_000_000), required: false,
        note: "standaard 1000")
    static let seed = F(
        "monteCarlo.seed", "Startgetal van de toevalsgenerator (zelfde startgetal, zelfde uitkomst)", unit: "getal",
        .integer(min: 0, max: Int(Int32.max) * 1024), required: false, note: "standaard 2024")

    /// One field per lever, its bounds from `WorkforceLevers.catalogue` (the form's bounds too).
    static var leverFields: [F] {
        WorkforceLevers.catalogue.map { def in
            F(
                "levers.\(def.id)", "\(def.label). \(def.help)", unit: "fractie (\(def.unit) ÷ 100)",
                .number(.lever(def)), required: false,
                note: "standaard \(WorkforceScenarioCodec.text(def.defaultValue))")
        }
    }

    /// Every field, in file order.
    public static var fields: [WorkforceScenarioField] {
        [
            id, name, description, baseYear, horizon, populationBands, populationBandID, populationBandName, levels,
            levelID, levelName, graduates, ageBands, ageBandID, fromAge, toAge, outflowRate, lateralEntryShare,
            regions, regionID, regionName, population, populationGrowth, populationByYear, sectors, sectorID,
            sectorName, fteFactor, vacancyRate, outflowFactor, graduateShare, sideEntrants, returners, levelShares,
            ageShares, careUse, receivesTaskShift, stock, stockSector, stockRegion, persons, sectorMoves,
            sectorMoveFrom, sectorMoveTo, sectorMoveRate, levelMoves, levelMoveFrom, levelMoveTo, levelMoveRate,
            extraDemandGrowth, fteTrend, taskShiftAbsorption, levers
        ] + leverFields + [monteCarlo, runs, seed]
    }
}
