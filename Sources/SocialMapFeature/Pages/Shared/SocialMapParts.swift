import AppCore
import Plot
import VitaalDomain

/// View parts shared by the social map's pages (only Plot).
enum SocialMapParts {
    static let breadcrumb = ("Sociale kaart", SocialMapURL.map.path)

    static func staleBadge(_ status: CheckStatus) -> BodyNode {
        .unwrap(status.badge) { .group(.text(" "), UI.badge($0, kind: "stale")) }
    }

    static func checkedRows(_ status: CheckStatus) -> Node<HTML.DescriptionListContext> {
        .group(
            .dt(.text("Laatst gecontroleerd")),
            .dd(.text(status.lastCheckedText ?? ""), staleBadge(status))
        )
    }

    static func staleNotice(_ status: CheckStatus) -> BodyNode {
        guard status.isStale else { return .empty }
        guard let checked = status.lastCheckedText else {
            return UI.notice(
                "warning",
                "Deze gegevens zijn nog nooit gecontroleerd. "
                    + "Controleer ze bij de organisatie voordat u erop vertrouwt.")
        }
        return UI.notice(
            "warning",
            "Deze gegevens zijn langer dan een jaar geleden voor het laatst gecontroleerd "
                + "(\(checked)). Ze kunnen verouderd zijn.")
    }

    static func notice(_ notice: SocialMapNotice?) -> BodyNode {
        .unwrap(notice) { UI.notice("success", $0.text) }
    }

    static func tagRows(_ tags: SocialMap.Tags) -> Node<HTML.DescriptionListContext> {
        .group(
            row("Thema's", tags.themes.joined(separator: ", ")),
            row("Positieve Gezondheid", tags.dimensions.map(\.label).joined(separator: ", ")),
            row("Doelgroepen", tags.targetGroups.joined(separator: ", "))
        )
    }

    /// A term and its description; nothing when the text is empty.
    static func row(_ term: String, _ text: String?) -> Node<HTML.DescriptionListContext> {
        guard let text, !text.isEmpty else { return .empty }
        return .group(.dt(.text(term)), .dd(.text(text)))
    }

    /// A stored web address as a link only when it is a valid http(s) address (escaped); else as text.
    static func webLink(_ url: String) -> Node<HTML.BodyContext> {
        guard let address = SocialMap.webAddress(url) else { return .text(url) }
        return .a(.href(attr(address)), .attribute(named: "rel", value: "noopener noreferrer"), .text(address))
    }

    /// A stored e-mail address as a mailto link only when it has the simple shape; else as text.
    static func mailLink(_ email: String) -> Node<HTML.BodyContext> {
        guard SocialMap.isEmailAddress(email) else { return .text(email) }
        return .a(.href(attr("mailto:" + email)), .text(email))
    }

    static func link(_ route: SocialMapURL, _ text: String) -> BodyNode {
        .a(.href(attr(route.path)), .text(text))
    }

    static func selectField<C: HTML.BodyContext>(
        _ name: String, _ label: String, _ options: [SelectOption],
        _ selected: String?
    ) -> Node<C> {
        .div(
            .class("field"), .label(.for("f-\(name)"), .text(label)),
            UI.select(name, options: options.map { ($0.value, $0.label) }, selected: selected ?? ""))
    }

    /// `<fieldset><legend>…</legend>…</fieldset>` inside a form.
    static func fieldset(_ legend: String, _ nodes: [BodyNode]) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [BodyNode.element(named: "legend", text: legend)] + nodes)
    }

    static func checkbox<C: HTML.BodyContext>(
        _ name: String, value: String = "1", checked: Bool = false,
        _ label: String
    ) -> Node<C> {
        .label(
            .class("sm-check"), .input(.type(.checkbox), .name(name), .value(value), .checked(checked)),
            .text(" " + label))
    }

    /// A form that posts to `route` with the CSRF field and one secondary button.
    static func buttonForm(_ route: SocialMapURL, _ label: String, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(route.path)), Layout.csrfField(context),
            .button(.type(.submit), .class("button button-secondary"), .text(label)))
    }
}

/// One option of a `<select>`.
struct SelectOption: Sendable, Equatable {
    var value: String
    var label: String
}
