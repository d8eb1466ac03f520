import Plot
import AppCore

/// The few extra CSS rules of the social map pages (one `<style>` node per page; candidates for
/// the shared stylesheet).
enum SocialMapStyle {
    static let css = """
    .sm-filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:1rem 0}\
    .sm-filters .field{margin:0;min-width:11rem}\
    .sm-list{list-style:none;padding:0;margin:0}\
    .sm-list li{border-bottom:1px solid var(--line);padding:.6rem 0}\
    .sm-list li p{margin:.15rem 0}\
    .sm-scores{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1.25rem}\
    .sm-check{display:block;margin:.3rem 0}\
    .badge-stale{background:#fdecea;color:#7a1a14;border:1px solid #b3261e}
    """
    static var node: BodyNode { .raw("<style>\(css)</style>") }
}


enum SocialMapForm {
    /// `<fieldset><legend>…</legend>…</fieldset>` inside a form.
    static func fieldset(_ legend: String, _ nodes: [BodyNode]) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [BodyNode.element(named: "legend", text: legend)] + nodes)
    }
}
