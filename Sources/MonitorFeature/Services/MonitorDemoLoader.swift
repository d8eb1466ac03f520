import AppCore
import Fluent
import SQLKit
import Vapor
import VitaalDomain

/// Loads the demo monitors, indicators, values and stories (from `MonitorDemoData`). Skips when
/// monitors already exist. Real figures (CBS open data, the seed documents) keep their status and
/// name their source in the note; generated values carry status `voorbeeld`.
enum MonitorDemoLoader {
    static func load(on db: any Database, now: Date, log: @escaping @Sendable (String) -> Void) async throws {
        if try await Monitor.query(on: db).count() > 0 {
            log("Monitor: demodata waren al geladen.")
            return
        }
        let regionCodes = Set(try await Region.query(on: db).all().map(\.code))
        let organisations = Dictionary(
            try await Organisation.query(on: db).all().map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        try await db.transaction { tx in
            var indicatorIDs: [String: UUID] = [:]
            for def in MonitorDemoData.indicators where indicatorIDs[def.code] == nil {
                let ind = Indicator(def)
                ind.$owner.id = ownerSlug(def.code).flatMap { organisations[$0]?.id }
                try await ind.create(on: tx)
                indicatorIDs[def.code] = try ind.requireID()
            }
            for (m, def) in MonitorDemoData.monitors.enumerated() {
                let monitor = Monitor(slug: def.code, name: def.name, summary: def.description, sortOrder: m)
                try await monitor.create(on: tx)
                let mid = try monitor.requireID()
                var themeIDs: [String: UUID] = [:]
                for (t, theme) in def.themes.enumerated() {
                    let row = MonitorTheme(
                        monitorID: mid, code: theme.code, name: theme.name, summary: theme.description, sortOrder: t)
                    try await row.create(on: tx)
                    themeIDs[theme.code] = try row.requireID()
                }
                for (i, ind) in def.indicators.enumerated() {
                    try await MonitorItem(
                        monitorID: mid, themeID: ind.themeCode.flatMap { themeIDs[$0] },
                        indicatorID: indicatorIDs[ind.code]!, sortOrder: i
                    ).create(on: tx)
                }
            }
            let observations = MonitorDemoData.observations().filter { regionCodes.contains($0.region) }
            let batch = DataImport(
                fileName: "demodata (MonitorDemoData)", format: "demo", userID: nil, actor: "demo", replaceMode: false,
                createdAt: now)
            try await batch.create(on: tx)
            let rows = observations.map { DataValue($0, batchID: batch.id, at: now) }
            for start in stride(from: 0, to: rows.count, by: 500) {
                try await Array(rows[start..<min(start + 500, rows.count)]).create(on: tx)
            }
            if let sql = tx as? any SQLDatabase, let id = batch.id {
                try await DataImporter.recordBatchIndicators(id, codes: rows.map(\.indicatorCode), on: sql)
            }
            batch.records = rows.count
            batch.inserted = rows.count
            batch.missing = observations.filter { $0.value == nil }.count
            try await batch.save(on: tx)
            for story in demoStories {
                let s = Story(
                    title: story.title, text: story.text, source: story.source, date: story.date, quote: story.quote,
                    personRole: story.role, goalRef: story.goal, isExample: story.example, createdAt: now)
                try await s.create(on: tx)
                let sid = try s.requireID()
                for code in story.indicators where indicatorIDs[code] != nil {
                    try await StoryIndicator(storyID: sid, indicatorCode: code).create(on: tx)
                }
                for code in story.regions where regionCodes.contains(code) {
                    try await StoryRegion(storyID: sid, regionCode: code).create(on: tx)
                }
            }
            try await Audit.record(
                on: tx, user: nil, actor: "systeem", action: "demo", entity: "monitor",
                summary:
                    "Monitor-demodata geladen: \(MonitorDemoData.monitors.count) monitors, \(indicatorIDs.count) indicatoren, \(rows.count) waarden",
                at: now)
            try await DataVersion.bump(on: tx, at: now)
            log(
                "Monitor: \(MonitorDemoData.monitors.count) monitors, \(indicatorIDs.count) indicatoren, \(rows.count) waarden (\(MonitorDemoData.openDataObservations.count) echte CBS-cijfers, de rest voorbeelddata) en \(demoStories.count) verhalen geladen."
            )
        }
    }

    /// The organisation (slug) that owns a demo indicator, as the source documents name its owner:
    /// Brede Welvaart is the province's monitor; the network office of Zorgzaam Flevoland runs the
    /// monitoring plan of the Regioplan IZA (milestones, GGZ waiting time) and the labour-market
    /// monitor; GGD Flevoland measures health and reports of confused behaviour; Flever supports the
    /// welfare work (Welzijn op Recept, employers' volunteer leave).
    static func ownerSlug(_ code: String) -> String? {
        switch code {
        case "tz_welzijn_op_recept", "tz_werkgevers_vrijwilligersverlof": return "flever"
        case "tz_ervaren_gezondheid", "tz_meldingen_onbegrepen_gedrag": return "ggd-flevoland"
        case "tz_mijlpalen", "tz_ggz_wachttijd": return "netwerkbureau-zorgzaam-flevoland"
        default:
            if code.hasPrefix("bw_") { return "provincie-flevoland" }
            if code.hasPrefix("az_") { return "netwerkbureau-zorgzaam-flevoland" }
            return nil
        }
    }

    struct DemoStory {
        var title: String, text: String, source: String?, date: Date?, quote: String?, role: String?, goal: String?
        var example: Bool, indicators: [String], regions: [String]
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
        var c = DateComponents()
        c.year = y
        c.month = m
        c.day = d
        c.hour = 12
        // Every demo date is a valid day; the epoch only satisfies the optional.
        return Calendar(identifier: .gregorian).date(from: c) ?? Date(timeIntervalSince1970: 0)
    }

    /// Soft data next to the figures. The Regioplan story paraphrases the seed document; the others
    /// are invented examples (shown with the "voorbeelddata" label).
    static let demoStories: [DemoStory] = [
        DemoStory(
            title: "Meer meldingen van onbegrepen gedrag",
            text:
                "Het Regioplan IZA Flevoland noemt 709 meldingen van onbegrepen gedrag bij de GGD in 2022, een aantal dat sinds 2015 doorlopend stijgt, en ziet de vraag naar ondersteuning bij psychische problemen toenemen. Het netwerk wil inwoners eerder en dichter bij huis helpen.",
            source: "Regioplan IZA Flevoland", date: day(2023, 6, 1), quote: nil, role: nil, goal: nil, example: false,
            indicators: ["tz_meldingen_onbegrepen_gedrag", "tz_ggz_wachttijd"], regions: ["PV24"]),
        DemoStory(
            title: "Welzijn op Recept: ‘Ik kom weer onder de mensen’",
            text:
                "Een huisarts in Lelystad verwees een oudere inwoner door naar een welzijnscoach. Na een half jaar wandelt zij wekelijks mee met een groep en helpt zij bij de koffieochtend in de buurt.",
            source: "Welzijnsorganisatie (voorbeeld)", date: day(2024, 9, 12),
            quote: "Ik kom weer onder de mensen, en dat merk ik aan alles.", role: "deelnemer Welzijn op Recept",
            goal: nil, example: true,
            indicators: ["tz_welzijn_op_recept", "tz_ervaren_gezondheid", "bw_tevreden_leven"], regions: ["GM0995"]),
        DemoStory(
            title: "Werkgevers in Urk geven verlof voor vrijwilligerswerk",
            text:
                "Drie werkgevers in Urk geven medewerkers een dag per jaar betaald verlof om vrijwilligerswerk te doen, bijvoorbeeld als maatje bij de voedselbank.",
            source: "Flever (voorbeeld)", date: day(2024, 5, 3), quote: nil, role: nil, goal: nil, example: true,
            indicators: ["tz_werkgevers_vrijwilligersverlof", "bw_vrijwilligerswerk"], regions: ["GM0184"]),
        DemoStory(
            title: "Wachten op een eerste gesprek bij de GGZ",
            text:
                "Een wijkteam in Almere merkt dat inwoners met lichte psychische klachten lang wachten. Een verkennend gesprek met een praktijkondersteuner helpt een deel van hen al verder.",
            source: "Wijkteam (voorbeeld)", date: day(2024, 11, 20),
            quote: "Soms is één goed gesprek genoeg om iemand weer op weg te helpen.", role: "praktijkondersteuner GGZ",
            goal: nil, example: true,
            indicators: ["tz_ggz_wachttijd"], regions: ["GM0034"]),
        DemoStory(
            title: "Nieuwe collega's blijven langer",
            text:
                "Een VVT-organisatie in Noordoostpolder koppelt elke nieuwe medewerker het eerste jaar aan een vaste buddy. Minder nieuwe collega's vertrekken in hun eerste jaar.",
            source: "Zorgorganisatie (voorbeeld)", date: day(2024, 3, 15), quote: nil, role: "teamleider", goal: nil,
            example: true,
            indicators: ["az_behoud_eerste_jaar", "az_uitstroom"], regions: ["GM0171"])
    ]
}
