import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The four-eyes rule of the plan lifecycle (docs/plans-and-steering.md, "Approval"):
///
/// - concept → ingediend: an editor of the owning organisation (or a beheerder) submits;
/// - ingediend → vastgesteld: only a beheerder or a vaststeller (`User.mayApprove`) of the steering
///   organisation (`Organisation.isSteering`, the province), and never the one who submitted it;
/// - ingediend → concept: a vaststeller or beheerder rejects, or the owner withdraws, always with a reason;
/// - vastgesteld → afgesloten: an editor of the owner other than the submitter, or a beheerder.
///
/// Refusals are 403 with a Dutch message that names the rule.
enum PlanApproval {
    /// What the user may do with the plan now (for the approval page and the check before writing).
    struct Rights: Equatable {
        var owner: Bool
        var approver: Bool
        var isSubmitter: Bool
        var beheerder: Bool
    }

    static func rights(_ user: User, _ loaded: LoadedPlan, on db: any Database) async throws -> Rights {
        Rights(
            owner: user.mayWrite(organisationID: loaded.record.$organisation.id),
            approver: try await ApprovalRoles.isApprover(user, on: db),
            isSubmitter: loaded.record.submittedByID != nil && loaded.record.submittedByID == user.id,
            beheerder: user.role == .beheerder)
    }

    /// Throws 403 naming the rule when `rights` do not allow the step to `target`; returns whether a
    /// step back to concept is a rejection (by a vaststeller or beheerder) rather than a withdrawal.
    @discardableResult
    static func authorize(
        _ rights: Rights, to target: PlanStatus, record: PlanRecord, organisation: String, steering: String
    ) throws -> Bool {
        let mayAdopt = rights.beheerder || rights.approver
        switch target {
        case .ingediend:
            guard rights.owner else {
                throw VitaalError(
                    .forbidden,
                    "Alleen een redacteur van \(organisation) of een beheerder dient dit plan in; u mag alleen "
                        + "gegevens van uw eigen organisatie wijzigen.")
            }
        case .vastgesteld:
            if rights.isSubmitter {
                throw VitaalError(
                    .forbidden,
                    "Vier-ogenprincipe: u hebt dit plan zelf ingediend, dus een (andere) vaststeller van \(steering) "
                        + "of een beheerder moet het vaststellen.")
            }
            guard mayAdopt else {
                throw VitaalError(
                    .forbidden,
                    "Vier-ogenprincipe: een plan vaststellen doet een vaststeller van \(steering) of een beheerder, "
                        + "nooit de indiener. U bent geen vaststeller; een redacteur van de eigen organisatie kan het "
                        + "plan alleen indienen.")
            }
            if record.submittedByID == nil, !rights.beheerder {
                throw VitaalError(
                    .forbidden,
                    "Vier-ogenprincipe: van dit plan is niet bekend wie het heeft ingediend, dus alleen een "
                        + "beheerder kan het vaststellen (of laat de eigenaar het opnieuw indienen).")
            }
        case .concept:
            guard rights.owner || mayAdopt else {
                throw VitaalError(
                    .forbidden,
                    "Een ingediend plan wijst een vaststeller van \(steering) of een beheerder af; de eigenaar "
                        + "(\(organisation)) kan het terugtrekken. U bent geen van beide.")
            }
            return mayAdopt && !rights.isSubmitter
        case .afgesloten:
            guard rights.owner else {
                throw VitaalError(
                    .forbidden,
                    "Alleen een redacteur van \(organisation) of een beheerder sluit dit plan af; u mag alleen "
                        + "gegevens van uw eigen organisatie wijzigen.")
            }
            guard !rights.beheerder else { return false }
            guard record.submittedByID != nil else {
                throw VitaalError(
                    .forbidden,
                    "Vier-ogenprincipe: een plan afsluiten doet een tweede persoon. Van dit plan is niet bekend wie "
                        + "het heeft ingediend, dus alleen een beheerder kan het afsluiten.")
            }
            if rights.isSubmitter {
                throw VitaalError(
                    .forbidden,
                    "Vier-ogenprincipe: u hebt dit plan zelf ingediend, dus een andere redacteur van \(organisation) "
                        + "of een beheerder moet het afsluiten.")
            }
        }
        return false
    }
}
