/// Confirmations after a write, passed as a code in the redirect (`?melding=opgeslagen`) and shown
/// in Dutch by the page; the query never carries text a user typed.
enum SocialMapNotice: String, Sendable {
    case saved = "opgeslagen"
    case checked = "gecontroleerd"
    case collaborationSaved = "samenwerking-opgeslagen"
    case created = "toegevoegd"
    case archived = "gearchiveerd"
    case memberAdded = "deelnemer-toegevoegd"
    case memberRemoved = "deelnemer-verwijderd"

    var text: String {
        switch self {
        case .saved: "De wijzigingen zijn opgeslagen."
        case .checked: "De gegevens zijn gemarkeerd als gecontroleerd (vandaag)."
        case .collaborationSaved: "De samenwerking is opgeslagen."
        case .created: "Toegevoegd aan de sociale kaart."
        case .archived: "Gearchiveerd: het staat niet meer op de sociale kaart."
        case .memberAdded: "De deelnemer is toegevoegd; de netwerkanalyse is bijgewerkt."
        case .memberRemoved: "De deelnemer is uit het netwerk gehaald; de netwerkanalyse is bijgewerkt."
        }
    }

    /// The notice of a `melding` query value; unknown codes show nothing.
    init?(code: String?) {
        guard let code else { return nil }
        self.init(rawValue: code)
    }
}
