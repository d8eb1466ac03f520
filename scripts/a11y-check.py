#!/usr/bin/env python3
"""Accessibility gate: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) and a keyboard check in a real
Chromium, on one page of every kind of the demo, for anonymous visitors and for every role.

Run by .ci/run on SQLite:  scripts/a11y-check.py .build/debug/vitaal
Needs Debian's `chromium` and `chromium-driver`, and from PyPI `selenium` and
`axe-playwright-python` (only for the axe.min.js it ships; nothing is downloaded at run time).

1. Starts `vitaal serve` with the demo data in a temporary data folder.
2. Crawls the site (links of every page, anonymous and per role) and keeps a few pages of every
   kind (a kind is the path with its identifying segments left out); adds error pages, forms that
   are only reached by a button, and the print layout.
3. Runs axe-core on each page in headless Chromium; every violation is printed with its rule, the
   page and the element, and fails the run.
4. Keyboard: on a set of pages, Tab from the top reaches every visible control in document order,
   and every control shows a visible focus indicator (outline or box-shadow).
Prints `accessibility: N pages checked, M violations` and exits non-zero when M > 0.
"""
import html.parser, http.cookiejar, os, re, shutil, sys, time, urllib.error
import urllib.parse, urllib.request

from vitaal_server import DemoServer

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/vitaal"
PORT = int(os.environ.get("A11Y_PORT", "18090"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "toegankelijk-wachtwoord-2026"
ROLES = {
    "beheerder": "beheerder@vitaal.example",
    "redacteur": "redacteur@flever.example",
    "lezer": "lezer@flevoland.example",
}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PER_KIND = 2          # pages kept of every kind
MAX_PAGES = 90        # per visitor
MAX_FETCH = 600       # pages fetched while crawling, per visitor
SKIP = re.compile(r"\.(csv|json|xlsx|pdf|svg|css|zip|geojson)$|^/api/|^/uitloggen|^/metrics|^/health|^/ready")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


class Client:
    """A urllib client with cookies, for crawling and logging in."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        try:
            with self.opener.open(BASE + path, timeout=60) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace")

    def login(self, email):
        _, _, page = self.get("/inloggen")
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"email": email, "password": PASSWORD, "csrf": token}).encode()
        with self.opener.open(urllib.request.Request(BASE + "/inloggen", data=data), timeout=60) as r:
            r.read()


def kind(path):
    """The kind of a page: its path with identifying segments (codes, keys, ids) left out."""
    parts = [p for p in path.split("/") if p]
    shape = []
    for i, part in enumerate(parts):
        word = re.fullmatch(r"[a-z][a-z-]{1,30}", part) is not None and not re.search(r"\d", part)
        # The first segment and plain words name the page; anything else identifies a record.
        shape.append(part if i == 0 or (word and i % 2 == 0) else "*")
    return "/" + "/".join(shape)


def crawl(client, skip=frozenset()):
    """Up to MAX_PAGES pages, PER_KIND of every kind, breadth-first from the home page. Kinds in `skip`
    (already checked for another visitor) are followed for their links but not counted, so that a
    role's own pages are reached however many public pages lie before them."""
    seen, pages, queue = set(), [], ["/"]
    kinds = {}
    fetched = 0
    while queue and len(pages) < MAX_PAGES and fetched < MAX_FETCH:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        k = kind(path.split("?")[0])
        if kinds.get(k, 0) >= PER_KIND:
            continue
        status, ctype, body = client.get(path)
        fetched += 1
        if status != 200 or "text/html" not in ctype:
            continue
        kinds[k] = kinds.get(k, 0) + 1
        if k not in skip:
            pages.append(path)
        parser = Links()
        parser.feed(body)
        for href in parser.links:
            url = urllib.parse.urlparse(urllib.parse.urljoin(BASE + path, href))
            if url.netloc != f"127.0.0.1:{PORT}" or SKIP.search(url.path):
                continue
            target = url.path + ("?" + url.query if url.query else "")
            if target not in seen:
                queue.append(target)
    return pages




def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=nl"]:
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def axe_source():
    import axe_playwright_python
    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    return open(path, encoding="utf-8").read()


def run_axe(driver, axe, disabled=()):
    # axe is injected through WebDriver; the page's CSP governs the page's own scripts, not WebDriver's.
    driver.execute_script(axe)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const rules = Object.fromEntries(arguments[1].map(r => [r, {enabled: false}]));"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, rules, resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))).catch(e => done([{id: 'axe-error',"
        " help: String(e), nodes: []}]));", TAGS, list(disabled))


def browser_login(driver, email):
    from selenium.webdriver.common.by import By
    driver.get(BASE + "/inloggen")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form[action='/inloggen'] button[type=submit]").click()
    time.sleep(0.3)


KEYBOARD_SCRIPT = """
const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
const sel = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]),'
  + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
return Array.from(document.querySelectorAll(sel)).filter(e => visible(e) || e.classList.contains('skip'))
  .map(e => e.outerHTML.slice(0, 80));
"""
FOCUS_SCRIPT = """
const e = document.activeElement; if (!e || e === document.body) return null;
const s = getComputedStyle(e);
const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
return [e.outerHTML.slice(0, 80), shown];
"""


def keyboard_check(driver, path):
    """Tab through the page: every control is reached, and shows where the focus is."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.get(BASE + path)
    controls = driver.execute_script(KEYBOARD_SCRIPT)
    reached, problems = [], []
    for _ in range(len(controls) + 2):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(FOCUS_SCRIPT)
        if focused is None:
            break
        html_text, shown = focused
        if reached and html_text == reached[0]:
            break
        reached.append(html_text)
        if not shown:
            problems.append(f"geen zichtbare focus op {html_text}")
    missing = [c for c in controls if c not in reached]
    if missing:
        problems.append(f"{len(missing)} van {len(controls)} bedieningselementen niet met Tab bereikt, "
                        f"eerste: {missing[0]}")
    if reached != [c for c in controls if c in reached]:
        problems.append("de Tab-volgorde wijkt af van de volgorde in het document")
    return len(controls), problems


def main():
    server = DemoServer(BINARY, PORT, PASSWORD, "accessibility")
    axe = axe_source()
    checked, violations, failures = 0, 0, []
    seen_kinds = set()
    try:
        visitors = {"anoniem": None, **ROLES}
        driver = browser()
        try:
            for visitor, email in visitors.items():
                client = Client()
                if email:
                    client.login(email)
                pages = crawl(client, skip=frozenset(seen_kinds))
                if visitor == "anoniem":
                    # The error page, the login form and the accessibility statement, crawled or not.
                    pages += [p for p in ["/bestaat-niet", "/inloggen", "/toegankelijkheid"] if p not in pages]
                else:
                    # A role sees the public pages too; check its own kinds, and the home page (its header).
                    # The account pages are reached from the header only by a click on the name.
                    extra = [p for p in ["/account/wachtwoord", "/account/tokens"] if p not in pages]
                    pages = ["/"] + [p for p in pages + extra if kind(p.split("?")[0]) not in seen_kinds]
                seen_kinds.update(kind(p.split("?")[0]) for p in pages)
                driver.delete_all_cookies()
                if email:
                    browser_login(driver, email)
                for path in pages:
                    driver.get(BASE + path)
                    found = run_axe(driver, axe)
                    checked += 1
                    for v in found:
                        violations += 1
                        failures.append(f"[{visitor}] {path}: {v['id']} ({v.get('impact')}): {v['help']} "
                                        f"— {', '.join(v['nodes'])}")
                print(f"accessibility: {visitor}: {len(pages)} pages", flush=True)
                if visitor == "anoniem":
                    # The print layout of a long page.
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                    for path in pages[:3]:
                        driver.get(BASE + path)
                        # Paper has no pointer: the touch-target size rule does not apply to print.
                        for v in run_axe(driver, axe, disabled=["target-size"]):
                            violations += 1
                            failures.append(f"[print] {path}: {v['id']}: {v['help']} — {', '.join(v['nodes'])}")
                        checked += 1
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
                    for path in ["/", "/inloggen", "/monitor", "/sociale-kaart"]:
                        count, problems = keyboard_check(driver, path)
                        print(f"keyboard: {path}: {count} controls, {len(problems)} problems", flush=True)
                        for p in problems:
                            violations += 1
                            failures.append(f"[toetsenbord] {path}: {p}")
        finally:
            driver.quit()
    finally:
        server.stop()
    for f in failures:
        print("  " + f)
    print(f"accessibility: {checked} pages checked, {violations} violations")
    sys.exit(1 if violations else 0)


if __name__ == "__main__":
    main()
