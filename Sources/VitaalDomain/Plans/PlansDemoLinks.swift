import Foundation

extension PlansDemoData {
    /// An example assessment of an inspanningsdoel: invented to show the qualitative assessment,
    /// marked as voorbeelddata on every page.
    static func exampleAssessment(
        _ judgement: QualitativeAssessment.Judgement, _ explanation: String, at date: PlanDate, period: String
    ) -> QualitativeAssessment {
        QualitativeAssessment(
            judgement: judgement, explanation: "Voorbeelddata: \(explanation)", date: date, period: period,
            assessedBy: "voorbeelddata", isExample: true)
    }

    /// An inspanningsdoel ("we streven naar …"): no streefwaarde or streefdatum; the plan's own words
    /// with their section in `sourceText`.
    static func inspanningsdoel(
        _ key: String, node: String, description: String, period: PlanPeriod, responsible: String, text: String,
        ref: String, assessments: [QualitativeAssessment]
    ) -> SmartTarget {
        var target = SmartTarget(
            key: key, nodeKey: node, measure: description, unit: "", baseline: DatedValue(0, at: period.start),
            targetValue: 0, targetDate: nil, direction: .increase, responsible: responsible,
            sourceText: "\(text) (\(ref))")
        target.isSmart = false
        target.assessments = assessments
        return target
    }

    /// Flever's targets that the year plan words as an effort ("We streven ernaar …"): the skills
    /// project (AO.t4, until now counted as one project) becomes an inspanningsdoel, and the national
    /// network for data-driven work is added as one; both with an example mid-year assessment.
    static func fleverInspanningsdoelen(_ targets: [SmartTarget]) -> [SmartTarget] {
        var out = targets
        let mid = date(2025, 6, 30)
        if let i = out.firstIndex(where: { $0.key == "AO.t4" }) {
            out[i].isSmart = false
            out[i].targetDate = nil
            out[i].targetValue = 0
            out[i].measure = "Een eerste project skillsgerichte benadering opstarten (bijv. skills paspoort)"
            out[i].assessments = [
                exampleAssessment(
                    .needsAttention,
                    "de verkenning van een skills paspoort loopt, maar een eerste project is nog niet gestart; "
                        + "partners worden in het tweede halfjaar benaderd.", at: mid, period: "2025-H1")
            ]
        }
        out.append(
            inspanningsdoel(
                "AO.t10", node: "A&O.T5",
                description: "Een (landelijk) netwerk Samen datagedreven werken in Zorg en Welzijn creëren",
                period: .year(2025), responsible: "Flever – programma A&O",
                text:
                    "We streven ernaar een (landelijk) netwerk te creëren waarin organisaties samenkomen, kennis delen en van elkaar leren.",
                ref: flever("Arbeidsmarkt & Onderwijs in 2025 – Datagedreven werken"),
                assessments: [
                    exampleAssessment(
                        .onCourse,
                        "kennis- en inspiratiesessies en datavolwassenheidsscans lopen; nieuwe deelnemers sluiten aan.",
                        at: mid, period: "2025-H1")
                ]))
        return out
    }

    /// The Contourenschets's effort in programme line 4: "We streven naar een goede samenwerking tussen
    /// onderwijs en werkgevers …", with an example assessment.
    static var krachtigeSamenlevingInspanningsdoelen: [SmartTarget] {
        [
            inspanningsdoel(
                "K4.i1", node: "K4",
                description: "Goede samenwerking tussen onderwijs en werkgevers (nieuwe profielen, aantrekkelijkheid "
                    + "van het vak)",
                period: PlanPeriod(start: date(2020, 1, 1), end: date(2025, 12, 31)),
                responsible: "Provincie Flevoland",
                text:
                    "We streven naar een goede samenwerking tussen onderwijs en werkgevers bij de ontwikkeling van nieuwe profielen en aantrekkelijkheid van het vak.",
                ref: krachtigeSamenleving("Programmalijnen, 4. Arbeidsmarkt & participatie"),
                assessments: [
                    exampleAssessment(
                        .onCourse,
                        "de samenwerking loopt via de Human Capital Agenda en het netwerk Zowelwerk.",
                        at: date(2023, 12, 31), period: "2023")
                ])
        ]
    }

    /// The Regioplan's first bouwsteen is an aim ("In Flevoland willen we … werken vanuit het
    /// gedachtegoed van Positieve Gezondheid"), not a measurable target: an inspanningsdoel.
    static var regioplanInspanningsdoelen: [SmartTarget] {
        [
            inspanningsdoel(
                "B1.i1", node: "B1.doel",
                description: "Werken vanuit het gedachtegoed van Positieve Gezondheid (inwoners, professionals, "
                    + "beleidsmakers en bestuurders)",
                period: PlanPeriod(start: date(2023, 1, 1), end: date(2026, 12, 31)),
                responsible: "Zorgzaam Flevoland",
                text:
                    "In Flevoland willen we als inwoners, professionals, beleidsmakers en bestuurders werken vanuit het gedachtegoed van Positieve Gezondheid.",
                ref: regioplan("hoofdstuk 4 Bouwstenen, Denken en doen vanuit Positieve Gezondheid"),
                assessments: [
                    exampleAssessment(
                        .notYetAssessable,
                        "de transformatiemonitor (hoofdstuk 7) levert de eerste procesgegevens pas na 2024.",
                        at: date(2024, 12, 31), period: "2024")
                ])
        ]
    }

    /// Plan links: the goals of Flever's year plan 2025 and of the province's Contourenschets that
    /// serve the Regioplan IZA's bouwstenen and fundamenten, each with the passage that says so.
    public static var planLinks: [PlanLink] {
        let flever = "flever-jaarplan-2025"
        let province = "krachtige-samenleving-2020"
        let iza = "regioplan-iza-flevoland"
        return [
            PlanLink(
                fromPlan: flever, fromNode: "VVI.doel2025", toPlan: iza, toNode: "F6.doel",
                note: "Flever is adviseur inwonersparticipatie van het Netwerkbureau Zorgzaam Flevoland "
                    + "(\(self.flever("Versterken van Inwoners – Zorgzaam Flevoland (regioplan)")))."),
            PlanLink(
                fromPlan: flever, fromNode: "A&O.doel2025", toPlan: iza, toNode: "F1.doel",
                note: "Het lerend netwerk maakt zoveel mogelijk verbinding met de inzet rond het regioplan "
                    + "Zorgzaam Flevoland (\(self.flever("Arbeidsmarkt & Onderwijs in 2025")))."),
            PlanLink(
                fromPlan: flever, fromNode: "A&O.T5", toPlan: iza, toNode: "F4.doel",
                note: "De RSPP wordt doorontwikkeld in samenhang met de transformatiemonitor op het regioplan "
                    + "(\(self.flever("Arbeidsmarkt & Onderwijs in 2025 – Regionale strategische personeelsplanning (RSPP)"))"
                    + ")."),
            PlanLink(
                fromPlan: flever, fromNode: "BAS.doel2025", toPlan: iza, toNode: "B3.doel",
                note: "Bijdrage aan het gesprek over een vitale samenleving, o.a. in de Verbindende Coalitie van het "
                    + "Regioplan IZA (\(self.flever("Bouwen aan de Samenleving – Opgavegerichte samenwerkingsvormen en coalities")))."
            ),
            PlanLink(
                fromPlan: flever, fromNode: "PG.doel2025", toPlan: iza, toNode: "B1.doel",
                note: "Het gedachtegoed van Positieve Gezondheid borgen (\(self.flever("Positieve gezondheid"))); "
                    + "koppeling aan bouwsteen 1 is een interpretatie."),
            PlanLink(
                fromPlan: province, fromNode: "K1", toPlan: iza, toNode: "B1.doel",
                note: "Programmalijn 1 werkt aan preventie en positieve gezondheid "
                    + "(\(krachtigeSamenleving("Programmalijnen, 1."))); koppeling is een interpretatie."),
            PlanLink(
                fromPlan: province, fromNode: "K4", toPlan: iza, toNode: "F1.doel",
                note: "Programmalijn 4 Arbeidsmarkt & participatie, onderdeel van de Human Capital Agenda "
                    + "(\(krachtigeSamenleving("Programmalijnen, 4. Arbeidsmarkt & participatie"))).")
        ]
    }
}
