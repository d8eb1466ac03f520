/// Confirmations after a write, passed in the redirect as a code (`?melding=opgeslagen`) and
/// written out by the page; the query never carries text a user typed.
enum PlanNotice: String {
    case realisationSaved = "opgeslagen"
    case statusChanged = "status"
    case copied = "kopie"
    case logicModelSaved = "logisch-model"
    case indicatorLinked = "gekoppeld"
    case indicatorUnlinked = "ontkoppeld"
    case planCreated = "plan-aangemaakt"
    case nodeMoved = "volgorde"
    case nodeDeleted = "doel-verwijderd"
    case undone = "ongedaan"
    case realisationCorrected = "gecorrigeerd"
    case realisationDeleted = "realisatie-verwijderd"
    case targetSaved = "doelstelling-opgeslagen"
    case targetDeleted = "doelstelling-verwijderd"
    case assessmentSaved = "beoordeeld"
    case targetArchived = "gearchiveerd"
    case targetRestored = "hersteld"
    case planLinked = "bijdrage-gekoppeld"
    case planUnlinked = "bijdrage-verwijderd"
    case yearReportTextsSaved = "teksten-opgeslagen"

    /// The notice of a request's `melding` code; nil for none or an unknown code.
    init?(code: String?) {
        guard let code else { return nil }
        self.init(rawValue: code)
    }

    /// The Dutch text; `status` is the plan's status now (for `statusChanged`).
    func text(status: String = "") -> String {
        switch self {
        case .realisationSaved: "Realisatie opgeslagen. De status is opnieuw berekend."
        case .statusChanged: "Status gewijzigd: het plan is nu \(status)."
        case .copied: "Kopie gemaakt als concept."
        case .logicModelSaved: "Logisch model opgeslagen."
        case .indicatorLinked: "Indicator gekoppeld."
        case .indicatorUnlinked: "Indicator ontkoppeld."
        case .planCreated: "Plan aangemaakt als concept. Bouw nu de doelenboom op."
        case .nodeMoved: "Volgorde gewijzigd."
        case .nodeDeleted: "Doel verwijderd. U kunt dit ongedaan maken onder de doelenboom."
        case .undone: "De laatste wijziging van de doelenboom is ongedaan gemaakt."
        case .realisationCorrected: "Realisatie gecorrigeerd. De status is opnieuw berekend."
        case .realisationDeleted: "Realisatie verwijderd. De status is opnieuw berekend."
        case .targetSaved: "Doelstelling opgeslagen. De status is opnieuw berekend."
        case .targetDeleted: "Doelstelling verwijderd."
        case .assessmentSaved: "Beoordeling opgeslagen."
        case .targetArchived:
            "Doelstelling gearchiveerd. Ze staat met haar realisaties onder \u{201C}Gearchiveerde doelen\u{201D}."
        case .targetRestored: "Doelstelling hersteld; ze telt weer mee."
        case .planLinked: "Bijdrage aan het doel van het andere plan vastgelegd."
        case .planUnlinked: "Bijdrage verwijderd."
        case .yearReportTextsSaved: "Geleerde lessen en evaluatie opgeslagen."
        }
    }
}
