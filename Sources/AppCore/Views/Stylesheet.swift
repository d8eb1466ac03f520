/// The site's stylesheet, served at `/static/vitaal.css` (no external fonts or CDNs).
/// Colours meet WCAG AA contrast on white; focus states are a thick yellow outline.
public enum Stylesheet {
    public static let css = #"""
:root{--blue:#154273;--blue-2:#01689b;--blue-light:#e5f0f9;--ink:#1b1b1b;--muted:#535353;--line:#cad0d6;--bg:#f3f3f3;
--green:#2e7d32;--red:#b3261e;--orange:#9a5b00;--grey:#6b6b6b;--focus:#ffbf47;--white:#fff}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:var(--white);line-height:1.5}
a{color:var(--blue-2)}a:hover{color:var(--blue)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-999px;top:0;background:var(--focus);color:var(--ink);padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.site-header{background:var(--blue);color:var(--white);border-bottom:4px solid var(--blue-2)}
.header-inner{display:flex;align-items:center;gap:1.5rem;flex-wrap:wrap;min-height:4rem}
.brand{display:flex;align-items:center;gap:.6rem;color:var(--white);text-decoration:none;font-weight:700;font-size:1.15rem}
.brand-mark{display:inline-grid;place-items:center;width:2rem;height:2rem;background:var(--white);color:var(--blue);border-radius:4px;font-weight:800}
.main-nav ul{list-style:none;display:flex;gap:.25rem;margin:0;padding:0;flex-wrap:wrap}
.main-nav a{color:var(--white);text-decoration:none;padding:.55rem .8rem;display:block;border-radius:3px}
.main-nav a:hover,.main-nav a[aria-current]{background:rgba(255,255,255,.15);text-decoration:underline}
.account{margin-left:auto;display:flex;align-items:center;gap:.6rem;flex-wrap:wrap}
.who{font-size:.9rem;opacity:.95}
main{padding-top:1.25rem;padding-bottom:3rem;min-height:60vh}
h1{font-size:2rem;line-height:1.2;color:var(--blue);margin:.5rem 0 1rem}
h2{font-size:1.4rem;color:var(--blue);margin:2rem 0 .75rem}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
.lead{font-size:1.15rem;max-width:48rem}
.muted,.hint{color:var(--muted)}
.breadcrumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:0;font-size:.9rem}
.breadcrumbs li+li::before{content:"›";margin-right:.4rem;color:var(--muted)}
.button,button{display:inline-block;font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:3px;border:2px solid var(--blue-2);background:var(--blue-2);color:var(--white);cursor:pointer;text-decoration:none}
.button:hover,button:hover{background:var(--blue);border-color:var(--blue);color:var(--white)}
.button-light{background:transparent;border-color:var(--white);color:var(--white);padding:.35rem .8rem;font-size:.95rem}
.button-light:hover{background:var(--white);color:var(--blue)}
.button-secondary{background:var(--white);color:var(--blue-2)}
form.inline{display:inline}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem;margin:1.5rem 0}
.tile{border:1px solid var(--line);border-top:5px solid var(--blue-2);padding:1rem 1.1rem;background:var(--white)}
.tile h2,.tile h3{margin-top:0}
.tile a{font-weight:600}
.card{border:1px solid var(--line);padding:1rem 1.1rem;margin:1rem 0;background:var(--white)}
.grid-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.5rem;align-items:start}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.4rem 0;color:var(--ink)}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:var(--blue-light);border-bottom:2px solid var(--blue)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:700;border-top:2px solid var(--ink)}
tr.flag td{background:#fdecea}
.field{margin:0 0 1rem;max-width:32rem}
.field label{display:block;font-weight:600;margin-bottom:.25rem}
.field input,.field select,.field textarea,select,textarea,input[type=text],input[type=email],input[type=password],input[type=number],input[type=file],input[type=date]{font:inherit;padding:.45rem .55rem;border:2px solid var(--ink);border-radius:2px;width:100%;max-width:32rem;background:var(--white)}
.field-error input{border-color:var(--red)}
.field-message{color:var(--red);font-weight:600;margin:.2rem 0}
fieldset{border:1px solid var(--line);padding:1rem;margin:0 0 1rem}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.35rem 1.25rem}.checks label{display:flex;gap:.45rem;align-items:baseline;font-weight:400}.checks input{width:auto;flex:none}
legend{font-weight:700;padding:0 .3rem}
.notice{border-left:6px solid var(--blue-2);background:var(--blue-light);padding:.75rem 1rem;margin:1rem 0}
.notice p{margin:.2rem 0}
.notice-error{border-color:var(--red);background:#fdecea}
.notice-success{border-color:var(--green);background:#e8f3e9}
.notice-warning{border-color:var(--orange);background:#fff4e0}
.badge{display:inline-block;font-size:.78rem;font-weight:700;padding:.1rem .45rem;border-radius:2px;vertical-align:middle;letter-spacing:.01em}
.badge-example{background:#fff4e0;color:#6b3f00;border:1px solid #c98a1a}
.badge-schematic{background:#eef0f2;color:#333;border:1px solid #8a9399}
.badge-internal{background:#ede7f6;color:#3f2a73;border:1px solid #7e6bb0}
.status{font-weight:700}.status-good{color:var(--green)}.status-bad{color:var(--red)}.status-warn{color:var(--orange)}.status-none{color:var(--grey)}
.dot{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.35rem;vertical-align:baseline}
.dot-good{background:var(--green)}.dot-bad{background:var(--red)}.dot-warn{background:#e0a100}.dot-none{background:#9e9e9e}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:var(--muted)}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
.tree ul{list-style:none;padding-left:1.25rem;border-left:2px solid var(--line);margin:.25rem 0}
.tree>ul{padding-left:0;border-left:0}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}
.kv dt{font-weight:600}.kv dd{margin:0}
.site-footer{background:var(--bg);border-top:1px solid var(--line);margin-top:2rem;font-size:.92rem}
.footer-inner{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1.5rem;padding-top:1rem;padding-bottom:2rem}
.site-footer h2{font-size:1.05rem;margin-top:.5rem}
.site-footer ul{padding-left:1.1rem}
.pager{display:flex;gap:1rem;margin:1rem 0}
@media (max-width:40rem){h1{font-size:1.6rem}.account{margin-left:0}}
@media print{
 .site-header,.site-footer,.skip,.main-nav,.account,form,.no-print,.pager,.breadcrumbs{display:none!important}
 body{font-size:11pt;color:#000}main{padding:0}.wrap{max-width:none;padding:0}
 a{color:#000;text-decoration:none}
 h1,h2{color:#000;page-break-after:avoid}table,figure{page-break-inside:avoid}
 thead th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .badge,.dot,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 details{display:block}details>*{display:block}
}
"""#

    public static let favicon = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="5" fill="#154273"/><path d="M8 8l8 17 8-17" fill="none" stroke="#fff" stroke-width="4" stroke-linejoin="round"/></svg>"##
}
