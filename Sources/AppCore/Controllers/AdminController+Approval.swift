import Plot
import Vapor
import VitaalDomain

/// The four-eyes roles (#16): the vaststeller flag of an account and the steering organisation. A
/// refused change shows the page again with the message next to the checkbox (409).
extension AdminController {
    @Sendable func changeApprover(_ req: Request) async throws -> Response {
        let id = try Self.userID(req)
        let approve = req.formText("approver") == "ja"
        do {
            try await ApprovalRoles.setApprover(approve, userID: id, on: req)
        } catch let error as VitaalError where error.kind == .conflict {
            var model = try await AdminUserPage.Model.load(id: id, on: req.db, now: req.now)
            (model.errors, model.status) = (error.fieldMessages(default: "approver"), error.kind.status)
            return AdminUserPage.view(model, req.pageContext).render(for: req)
        }
        return req.redirect(to: SiteURL.adminUser(.value(id.uuidString)), notice: "opgeslagen")
    }

    @Sendable func changeSteering(_ req: Request) async throws -> Response {
        let slug = try Self.slug(req)
        let steering = req.formText("steering") == "ja"
        do {
            try await ApprovalRoles.setSteering(steering, slug: slug, on: req)
        } catch let error as VitaalError where error.kind == .conflict {
            var model = try await AdminOrganisationPage.Model.load(slug: slug, on: req.db)
            (model.errors, model.status) = (error.fieldMessages(default: "steering"), error.kind.status)
            return AdminOrganisationPage.view(model, req.pageContext).render(for: req)
        }
        return req.redirect(to: SiteURL.adminOrganisation(.value(slug)), notice: "opgeslagen")
    }

    /// A checkbox with its label and the field's error message (`f-NAME`).
    static func checkbox<C: HTML.BodyContext>(
        _ name: String, label: String, checked: Bool, error: String?, hint: String
    ) -> Node<C> {
        let id = "f-\(name)"
        return .div(
            .class(error == nil ? "field field-check" : "field field-check field-error"),
            .unwrap(error) { .p(.class("field-message"), .id("\(id)-error"), .text($0)) },
            .div(
                .class("checks"),
                .label(
                    .for(id),
                    .input(
                        .type(.checkbox), .id(id), .name(name), .value("ja"), .checked(checked),
                        .attribute(
                            named: "aria-describedby", value: error == nil ? "\(id)-hint" : "\(id)-error \(id)-hint")),
                    .text(label))),
            .small(.class("hint"), .id("\(id)-hint"), .text(hint)))
    }
}
