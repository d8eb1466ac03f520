/// Confirmations after a write, passed as a code in the redirect (`?melding=opgeslagen`) and shown
/// in Dutch by the page; the query never carries text a user typed.
enum SocialMapNotice: String, Sendable {
    case saved = "opgeslagen"
    case checked = "gecontroleerd"
    case collaborationSaved = "samenwerking-opgeslagen"

    var text: String {
        switch self {
        case .saved: "De wijzigingen zijn opgeslagen."
        case .checked: "De gegevens zijn gemarkeerd als gecontroleerd (vandaag)."
        case .collaborationSaved: "De samenwerking is opgeslagen."
        }
    }

    /// The notice of a `melding` query value; unknown codes show nothing.
    init?(code: String?) {
        guard let code else { return nil }
        self.init(rawValue: code)
    }
}
