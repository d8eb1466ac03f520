import AppCore
import Vapor
import VitaalDomain

extension Request {
    /// The `:id` of a social map route (empty when absent, which no entry has).
    var socialMapID: String { parameters.get("id") ?? "" }

    /// Today in the Netherlands by the application's clock.
    var socialMapToday: SocialMap.Day { SocialMapDates.today(at: now) }

    /// The confirmation code of a redirect after a write (`?melding=…`).
    var socialMapNotice: SocialMapNotice? { SocialMapNotice(code: query[String.self, at: "melding"]) }

    /// The posted form as text fields.
    func formFields() throws -> [String: String] { try content.decode([String: String].self) }
}
