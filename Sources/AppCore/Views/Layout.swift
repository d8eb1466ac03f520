import Plot
import Vapor
import VitaalDomain

public typealias BodyNode = Node<HTML.BodyContext>

/// A server-rendered page in the site shell: header with navigation, main content, footer.
///
/// `@unchecked Sendable`: Plot's `Node` is an immutable tree of values and rendering closures that
/// capture only values; a page is built and rendered by one request and never mutated in between.
public struct SitePage: @unchecked Sendable {
    public var title: String
    public var content: [BodyNode]
    /// Breadcrumb trail above the title (label, path); the current page is `title`.
    public var breadcrumbs: [(String, String)]
    public var status: HTTPResponseStatus
    /// Hide the h1 (when the content has its own heading).
    public var showTitle: Bool
    public var description: String?

    public init(
        _ title: String, status: HTTPResponseStatus = .ok, breadcrumbs: [(String, String)] = [],
        showTitle: Bool = true, description: String? = nil, content: [BodyNode]
    ) {
        self.title = title
        self.content = content
        self.breadcrumbs = breadcrumbs
        self.status = status
        self.showTitle = showTitle
        self.description = description
    }
    public init(
        _ title: String, status: HTTPResponseStatus = .ok, breadcrumbs: [(String, String)] = [],
        showTitle: Bool = true, description: String? = nil, _ content: BodyNode...
    ) {
        self.init(
            title, status: status, breadcrumbs: breadcrumbs, showTitle: showTitle, description: description,
            content: content)
    }
}

extension SitePage: AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response { render(for: request) }

    public func render(for request: Request) -> Response {
        let html = Layout.document(page: self, context: request.pageContext)
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}

public enum Layout {
    public static let siteName = "Vitaal Flevoland"

    /// The whole HTML document of a page. Pure: the same page and context give the same text.
    public static func document(page: SitePage, context: PageContext) -> String {
        HTML(
            .lang(.dutch),
            head(page, context),
            .body(
                .a(.class("skip"), .href("#inhoud"), .text("Direct naar de inhoud")),
                header(context),
                main(page),
                footer()
            )
        ).render()
    }

    static func head(_ page: SitePage, _ context: PageContext) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            // Not Plot's `.title(…)`: it also writes the title into og:/twitter: meta attributes, unescaped.
            .element(named: "title", text: page.title == siteName ? siteName : "\(page.title) · \(siteName)"),
            .unwrap(page.description) { .meta(.name("description"), .content(attr($0))) },
            .link(.rel(.stylesheet), .href(attr(context.stylesheetPath))),
            .link(.rel(.icon), .href(SiteURL.favicon.path))
        )
    }

    static func header(_ context: PageContext) -> BodyNode {
        .header(
            .class("site-header"),
            .div(
                .class("wrap header-inner"),
                .a(
                    .class("brand"), .href(SiteURL.home.path),
                    .attribute(named: "aria-label", value: "\(siteName), naar de startpagina"),
                    .span(.class("brand-mark"), .text("V")), .span(.class("brand-name"), .text(siteName))),
                navigation(context),
                .div(.class("account"), accountNodes(context))
            )
        )
    }

    /// The main navigation; the current part of the site is marked `aria-current`.
    static func navigation(_ context: PageContext) -> BodyNode {
        .nav(
            .class("main-nav"), .attribute(named: "aria-label", value: "Hoofdmenu"),
            .ul(
                .forEach(context.navigation) { item in
                    let current = context.path == item.path || context.path.hasPrefix(item.path + "/")
                    return .li(
                        .a(
                            .href(item.path), .text(item.title),
                            .if(current, .attribute(named: "aria-current", value: "page"))))
                }
            )
        )
    }

    static func main(_ page: SitePage) -> BodyNode {
        .main(
            .id("inhoud"), .class("wrap"),
            .if(
                !page.breadcrumbs.isEmpty,
                .nav(
                    .class("breadcrumbs"), .attribute(named: "aria-label", value: "Kruimelpad"),
                    .ol(
                        .forEach(page.breadcrumbs) { crumb in .li(.a(.href(attr(crumb.1)), .text(crumb.0))) },
                        .li(.attribute(named: "aria-current", value: "page"), .text(page.title))))),
            .if(page.showTitle, .h1(.text(page.title))),
            .group(page.content)
        )
    }

    static func footer() -> BodyNode {
        .footer(
            .class("site-footer"),
            .div(
                .class("wrap footer-inner"),
                .div(
                    .h2(.text("Bronnen")),
                    .ul(
                        .li(.text("Provincie Flevoland, Contourenschets Krachtige Samenleving (2020)")),
                        .li(.text("CMO Flevoland, Meerjarenplan 2021–2024")),
                        .li(.text("Regioplan Integraal Zorgakkoord Flevoland")),
                        .li(.text("Flever, Jaarplan 2025")),
                        .li(.text("Provinciale Staten van Flevoland, 27 november 2024"))
                    )
                ),
                .div(
                    .h2(.text("Over Vitaal")),
                    .p(
                        .text(
                            "Open-source planning, monitoring en sociale kaart voor een vitale samenleving in "
                                + "Flevoland.")),
                    .ul(
                        .li(.a(.href(SiteURL.about.path), .text("Over deze site en de gegevens"))),
                        .li(.a(.href(SiteURL.accessibility.path), .text("Toegankelijkheid"))),
                        .li(.a(.href(SiteURL.openAPI.path), .text("Open data-API (OpenAPI)"))),
                        .li(.a(.href(SiteURL.regions.path), .text("Regio's")))
                    ),
                    .p(
                        .class("muted"),
                        .text(
                            "Cijfers met het label ‘voorbeelddata’ of ‘schematisch’ zijn geen "
                                + "officiële cijfers van Flevoland."))
                )
            )
        )
    }

    static func accountNodes(_ context: PageContext) -> BodyNode {
        guard let viewer = context.viewer else {
            return .a(.class("button button-light"), .href(SiteURL.login.path), .text("Inloggen"))
        }
        return .group(
            .span(.class("who"), .text("\(viewer.name) · \(viewer.role.label)")),
            .if(
                viewer.role == .beheerder,
                .a(.class("button button-light"), .href(SiteURL.admin.path), .text("Beheer"))),
            .form(
                .class("inline"), .method(.post), .action(SiteURL.logout.path),
                csrfField(context),
                .button(.type(.submit), .class("button button-light"), .text("Uitloggen")))
        )
    }

    /// The hidden CSRF field every form carries. The context must come from `req.formContext`
    /// (or a logged-in request) so that it has a token.
    public static func csrfField<C: HTML.BodyContext>(_ context: PageContext) -> Node<C> {
        .input(.type(.hidden), .name("csrf"), .value(attr(context.csrfToken ?? "")))
    }
}

// MARK: - Reusable page parts

public enum UI {
    /// A notice box: "info", "success", "warning", "error".
    public static func notice(_ kind: String, _ text: String) -> BodyNode {
        .div(
            .class("notice notice-\(kind)"), .attribute(named: "role", value: kind == "error" ? "alert" : "status"),
            .text(text))
    }

    /// The list of problems of a refused input (first 50), each with its place.
    public static func problems(_ message: String, _ problems: [Problem]) -> BodyNode {
        .div(
            .class("notice notice-error"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(message))),
            .if(!problems.isEmpty, .ul(.forEach(problems) { p in .li(.text(p.description)) })))
    }

    /// A label marking example, schematic or assumed data.
    public static func badge(_ text: String, kind: String = "example") -> BodyNode {
        .span(.class("badge badge-\(kind)"), .text(text))
    }

    /// The box around a table that scrolls sideways when the table is wider than the page. Keyboard
    /// users must be able to reach and scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`), so it
    /// is a named region in the Tab order.
    public static func tableWrap(label: String, class extra: String? = nil, _ table: BodyNode) -> BodyNode {
        .div(
            .class(extra.map { "table-wrap \($0)" } ?? "table-wrap"),
            .attribute(named: "role", value: "region"),
            .attribute(named: "aria-label", value: attr(label)),
            .attribute(named: "tabindex", value: "0"),
            table)
    }

    /// A simple data table with a caption.
    public static func table(
        caption: String?, headers: [String], rows: [[BodyNode]],
        numericColumns: Set<Int> = []
    ) -> BodyNode {
        tableWrap(
            label: caption ?? "Tabel",
            .table(
                .unwrap(caption) { .caption(.text($0)) },
                .thead(
                    .tr(
                        .forEach(Array(headers.enumerated())) { i, h in
                            .th(
                                .attribute(named: "scope", value: "col"),
                                .if(numericColumns.contains(i), .class("num")),
                                .text(h))
                        })),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .forEach(Array(row.enumerated())) { i, cell in
                                .td(.if(numericColumns.contains(i), .class("num")), cell)
                            })
                    })
            ))
    }

    /// A `<figure>` with content (usually an SVG chart) and its caption.
    public static func figure(_ content: BodyNode, caption: String, class className: String? = nil) -> BodyNode {
        .element(
            named: "figure",
            nodes: [
                className.map { .class($0) } ?? .empty,
                content,
                .element(named: "figcaption", nodes: [.text(caption)])
            ])
    }

    /// Inline SVG from the chart renderer (already escaped by the renderer).
    public static func svg(_ markup: String) -> BodyNode { .raw(markup) }

    /// A `<select>` with id `f-NAME` (pair it with a label `for: "f-NAME"`).
    public static func select<C: HTML.BodyContext>(
        _ name: String, options: [(value: String, label: String)],
        selected: String?
    ) -> Node<C> {
        .element(
            named: "select",
            nodes: [
                .attribute(named: "id", value: attr("f-\(name)")), .attribute(named: "name", value: attr(name))
            ]
                + options.map { option in
                    .element(
                        named: "option",
                        nodes: [
                            // Plot drops empty attributes by default; an option without `value` would post its label.
                            .attribute(named: "value", value: attr(option.value), ignoreIfValueIsEmpty: false),
                            option.value == selected ? .attribute(named: "selected", value: "selected") : .empty,
                            .text(option.label)
                        ])
                })
    }

    /// A multi-line text field with label, optional hint and the field's error message (the error, or
    /// else the hint, describes the field for screen readers). `id` (default: the name) makes the element ids
    /// unique when two forms on one page have a field of the same name. The one multi-line field of every form.
    public static func textarea<C: HTML.BodyContext>(
        _ name: String, label: String, value: String, error: String?, hint: String? = nil, rows: Int = 4,
        required: Bool = false, id idName: String? = nil
    ) -> Node<C> {
        let id = "f-\(idName ?? name)"
        let describedBy = error != nil ? "\(id)-error" : (hint != nil ? "\(id)-hint" : nil)
        return .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for(attr(id)), .text(label)),
            .unwrap(hint) { .small(.class("hint"), .id(attr("\(id)-hint")), .text($0)) },
            .unwrap(error) { .p(.class("field-message"), .id(attr("\(id)-error")), .text($0)) },
            .textarea(
                .id(attr(id)), .name(attr(name)), .attribute(named: "rows", value: String(rows)),
                .if(required, .attribute(named: "required", value: "required")),
                .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                .unwrap(describedBy) { .attribute(named: "aria-describedby", value: attr($0)) },
                .text(value)))
    }

    /// A text field with label, current value and the field's error message.
    public static func field<C: HTML.BodyContext>(
        _ name: String, label: String, type: HTMLInputType = .text,
        value: String? = nil,
        error: String? = nil, required: Bool = false, hint: String? = nil,
        attributes: [Attribute<HTML.InputContext>] = []
    ) -> Node<C> {
        let id = "f-\(name)"
        var inputAttributes: [Attribute<HTML.InputContext>] = [
            .type(type), .id(attr(id)), .name(attr(name)), .value(attr(value ?? ""))
        ]
        if required { inputAttributes.append(.required(true)) }
        if error != nil {
            inputAttributes += [
                .attribute(named: "aria-invalid", value: "true"),
                .attribute(named: "aria-describedby", value: attr("\(id)-error"))
            ]
        } else if hint != nil {
            inputAttributes.append(.attribute(named: "aria-describedby", value: attr("\(id)-hint")))
        }
        inputAttributes += attributes
        return .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for(attr(id)), .text(label)),
            .unwrap(hint) { .small(.class("hint"), .id(attr("\(id)-hint")), .text($0)) },
            .unwrap(error) { .p(.class("field-message"), .id(attr("\(id)-error")), .text($0)) },
            .selfClosedElement(named: "input", attributes: inputAttributes)
        )
    }
}
