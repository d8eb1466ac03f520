import AppCore
import VitaalDomain

/// The form "Samenwerking toevoegen" of an organisation's page (fields `partner`, `onderwerp`,
/// `sinds`). A refused form is answered with the error page, which lists every problem.
struct CollaborationForm: Sendable {
    static let maxTopicLength = 200

    var partner: String
    var topic: String
    var since: String

    init(body: [String: String]) {
        partner = (body["partner"] ?? "").trimmingCharacters(in: .whitespaces)
        topic = (body["onderwerp"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        since = (body["sinds"] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The collaboration of `organisationID` with the partner. Refused with a clear message for a
    /// collaboration with itself, an unknown partner, a bad date or a topic that is too long.
    func collaboration(of organisationID: String, in register: SocialMap.Register) throws -> SocialMap.Collaboration {
        var problems = ProblemCollector()
        if partner.isEmpty {
            problems.add("kies een samenwerkingspartner", at: SourceLocation(field: "partner"))
        } else if register.organisation(partner) == nil && register.service(partner) == nil {
            problems.add("onbekende partner \"\(partner)\"", at: SourceLocation(field: "partner"))
        }
        if topic.isEmpty {
            problems.add("vul het onderwerp van de samenwerking in", at: SourceLocation(field: "onderwerp"))
        } else if topic.count > Self.maxTopicLength {
            problems.add(
                "het onderwerp mag hoogstens \(Self.maxTopicLength) tekens hebben (zijn er \(topic.count))",
                at: SourceLocation(field: "onderwerp"))
        }
        let day = since.isEmpty ? nil : SocialMap.Day(iso: since)
        if !since.isEmpty && day == nil {
            problems.add("\"\(since)\" is geen datum (jjjj-mm-dd)", at: SourceLocation(field: "sinds"))
        }
        var collaboration: SocialMap.Collaboration?
        do {
            collaboration = try SocialMap.Collaboration(organisationID, partner, topic: topic, since: day)
        } catch {
            if !partner.isEmpty { problems.add(error.message, at: SourceLocation(field: "partner")) }
        }
        guard problems.isEmpty, let collaboration else {
            throw VitaalError(
                .invalidInput, "Samenwerking niet opgeslagen: \(problems.totalCount) fout(en)",
                problems: problems.problems)
        }
        return collaboration
    }
}
