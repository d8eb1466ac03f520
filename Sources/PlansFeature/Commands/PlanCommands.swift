import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `vitaal plans list`: every plan with status and progress.
struct PlansListCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Toont alle plannen met status en voortgang." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        for record in try await PlanStore.all(on: app.db) {
            let loaded = try await PlanStore.load(record: record, audience: .internal, on: app.db)
            let rollUp = loaded.plan.rollUp()
            context.console.print(
                "\(record.key)  \(record.title)  [\(loaded.plan.status.label), versie \(record.version)]  \(rollUp.status.label): \(PlanViews.counts(rollUp))"
            )
        }
    }
}

/// `vitaal plans report KEY`: progress summary in text (targets by status, budget totals and differences).
struct PlansReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "plan", help: "Sleutel van het plan, bv. flever-jaarplan-2025") var plan: String
        @Option(name: "soort", help: "voortgang (standaard) of jaarverslag") var soort: String?
        @Option(name: "jaar", help: "Jaar van het jaarverslag (standaard het laatst afgelopen jaar van het plan)")
        var jaar: String?
        init() {}
    }
    var help: String {
        "Voortgang van één plan als tekst: doelstellingen per status, begrotingstotalen en verschillen; "
            + "met --soort jaarverslag [--jaar 2025] het jaarverslag van één jaar."
    }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let loaded = try await PlanStore.load(key: signature.plan, audience: .internal, on: app.db)
        let plan = loaded.plan
        let console = context.console
        if try ReportPage.Kind(query: signature.soort) == .jaarverslag {
            let year =
                try ReportPage.Annual.year(signature.jaar, of: plan)
                ?? AnnualReport.defaultYear(of: plan, today: PlanDate(day: app.clock.now()))
            for line in try await AnnualReportText.lines(loaded, year: year, on: app.db) { console.print(line) }
            return
        }
        console.print("\(plan.title) (\(plan.period), \(plan.status.label))")
        console.print("Voortgang: \(plan.rollUp().status.label) – \(PlanViews.counts(plan.rollUp()))")
        for t in plan.targets {
            console.print(
                "  [\(t.status().label)] \(t.key): \(t.measure) – stand \(t.currentValue().map { PlanViews.number($0.value) } ?? "–") van \(PlanViews.number(t.targetValue))"
            )
        }
        for table in plan.budgets {
            console.print("Begroting: \(table.title)")
            for section in table.sections {
                let totals = table.columns.indices.map {
                    "\(table.columns[$0].label) \(table.computedTotal(section: section.key, column: $0).formatted)"
                }
                console.print("  \(section.label): " + totals.joined(separator: "; "))
            }
            for d in table.check(percentTolerance: 1) { console.print("  ! \(d.message)") }
        }
    }
}

/// `vitaal export plan KEY --out FILE.xlsx|FILE.csv [--what doelstellingen|begroting]`.
struct PlansExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "plan", help: "Sleutel van het plan") var plan: String
        @Option(name: "out", help: "Uitvoerbestand (.xlsx of .csv)") var out: String?
        @Option(name: "what", help: "doelstellingen (standaard) of begroting") var what: String?
        init() {}
    }
    var help: String { "Exporteert de doelstellingen of de begroting van een plan naar xlsx of CSV." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let loaded = try await PlanStore.load(key: signature.plan, audience: .internal, on: app.db)
        let what = signature.what ?? "doelstellingen"
        let out = signature.out ?? "\(loaded.key)-\(what).xlsx"
        let xlsx = out.lowercased().hasSuffix(".xlsx")
        guard xlsx || out.lowercased().hasSuffix(".csv") else {
            throw VitaalError.invalid("onbekend formaat; gebruik .xlsx of .csv", at: SourceLocation(file: out))
        }
        let data: Data
        switch what {
        case "doelstellingen":
            let (headers, rows) = PlanDownloadController.targetRows(loaded, csv: !xlsx)
            if xlsx {
                data = try Download.xlsxData([
                    XLSX.Sheet(name: "Doelstellingen", rows: [headers.map { .text($0) }] + rows)
                ])
            } else {
                var writer = CSVWriter(separator: .semicolon, includeBOM: true)
                writer.append(headers)
                for row in rows { writer.append(row.map(PlanDownloadController.csvText)) }
                data = writer.data
            }
        case "begroting":
            guard xlsx else {
                throw VitaalError.invalid(
                    "de begroting exporteert de opdrachtregel als .xlsx; CSV via de website",
                    at: SourceLocation(file: out))
            }
            data = try Download.xlsxData(
                loaded.plan.budgets.enumerated().map { i, t in
                    var s = XLSX.Sheet(budget: t)
                    s.name = String(s.name.prefix(28)) + " \(i + 1)"
                    return s
                })
        default:
            throw VitaalError.invalid(
                "onbekend onderdeel \"\(what)\" (doelstellingen of begroting)", at: SourceLocation(field: "what"))
        }
        try data.write(to: URL(fileURLWithPath: out))
        context.console.print("\(out) geschreven (\(data.count) bytes).")
    }
}
