#!/usr/bin/env python3
"""API conformance gate: schemathesis with all its checks against the OpenAPI document the app
serves, anonymous and with a logged-in redacteur's session (the document's `session` security scheme,
given to schemathesis as its auth, plus the CSRF header), so that the write operations are generated
too.

Run by .ci/run on SQLite:  scripts/api-conformance.py .build/debug/vitaal
Needs `schemathesis` from PyPI. Prints `schemathesis: N cases, M failures` and exits non-zero
when M > 0. The seed is fixed so that a failure can be replayed; `API_SEED` picks another.
"""
import http.cookiejar, os, re, shutil, subprocess, sys, tempfile, urllib.parse, urllib.request

from vitaal_server import DemoServer

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/vitaal"
PORT = int(os.environ.get("API_PORT", "18091"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "conformance-wachtwoord-2026"
EXAMPLES = os.environ.get("API_EXAMPLES", "25")
SEED = os.environ.get("API_SEED", "20261205")




def session(email):
    """Logs in through the form; returns (session id, CSRF token)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/inloggen", timeout=30).read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"email": email, "password": PASSWORD, "csrf": token}).encode()
    opener.open(urllib.request.Request(BASE + "/inloggen", data=data), timeout=30).read()
    session_id = next(c.value for c in jar if c.name == "vitaal_sessie")
    # The session keeps its CSRF token across the login; read it from a page with a form.
    page = opener.open(BASE + "/account/wachtwoord", timeout=30).read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return session_id, token


# Operations whose valid input depends on more than the schema can say; for them schemathesis'
# `positive_data_acceptance` check (a schema-valid request must not get 4xx) is off. Every other
# check, including `negative_data_rejection` (a schema-violating request must get 4xx), stays on.
# - projection: `year` must lie between the scenario's own base year and horizon;
# - POST workforce scenarios: rules across the file (shares sum to 1, known ids, horizon after base year);
# - POST acute-care scenarios: posts and districts must lie in the model's area and be reachable by road,
#   dispatch time below the norm.
SEMANTIC = [
    ("GET", "/api/v1/workforce/scenarios/{id}/projection"),
    ("POST", "/api/v1/workforce/scenarios"),
    ("POST", "/api/v1/acute-care/scenarios"),
    # - the monitor's write API (#15): codes must be new (POST) or exist and belong to the user's
    #   organisation (PUT/DELETE); owners, "vervangt" links and formula inputs must exist, a norm must lie
    #   in the valid range, DELETE only without values or users; the imports' bodies are whole files.
    ("POST", "/api/v1/indicators"),
    ("PUT", "/api/v1/indicators/{code}"),
    ("DELETE", "/api/v1/indicators/{code}"),
    ("POST", "/api/v1/indicators/import"),
    ("POST", "/api/v1/data"),
]
# - the registers' writes (#18): keys must exist and belong to the user's organisation, versions must be
#   the current one, references (plan goals, networks, indicators) and a signal's region must exist, a
#   term's validity may not overlap, a status step may not skip without a reason.
for register in ["funds", "commitments", "terms", "signals", "sources", "data-gaps"]:
    SEMANTIC += [("POST", f"/api/v1/{register}"), ("PUT", f"/api/v1/{register}/{{key}}")]
    if register in ["funds", "commitments", "signals", "data-gaps"]:
        SEMANTIC.append(("POST", f"/api/v1/{register}/{{key}}/status"))


def config(path, session_id=None, token=None):
    """schemathesis.toml: the session as the `session` security scheme of the document (so that
    schemathesis knows which requests are authenticated), the CSRF header, and the exemptions."""
    lines = []
    if session_id:
        lines += [f'headers = {{ "X-CSRF-Token" = "{token}" }}', "",
                  "[auth.openapi.session]", f'api_key = "{session_id}"', ""]
    for method, route in SEMANTIC:
        lines += ["[[operations]]", f'include-method = "{method}"', f'include-path = "{route}"',
                  "checks.positive_data_acceptance.enabled = false", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def run(label, config_path):
    # All checks run by default; `--checks all` here would also override the exemptions in the config.
    # One worker: with two, hypothesis sometimes calls `ast.parse` from two threads at once and CPython
    # 3.11 fails with "AST constructor recursion depth mismatch" (a tool error, not an API failure).
    cmd = [shutil.which("schemathesis") or "schemathesis", "--config-file", config_path, "run",
           BASE + "/api/v1/openapi.json", "--max-examples", EXAMPLES, "--seed", SEED, "--no-shrink",
           "--workers", "1", "--max-response-time", "10", "--suppress-health-check", "all"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    text = out.stdout + out.stderr
    cases = re.search(r"(\d+) generated", text)
    failures = re.search(r"(\d+) found (\d+) unique failures", text)
    n = int(cases.group(1)) if cases else 0
    m = int(failures.group(2)) if failures else (0 if out.returncode == 0 else 1)
    if m:
        print(text[-12000:])
    print(f"schemathesis ({label}): {n} cases, {m} failures", flush=True)
    return n, m


def main():
    server = DemoServer(BINARY, PORT, PASSWORD, "schemathesis")
    work = tempfile.mkdtemp(prefix="vitaal-schemathesis-")
    try:
        total_cases, total_failures = 0, 0
        for label in ["anoniem", "redacteur"]:
            path = os.path.join(work, f"{label}.toml")
            if label == "anoniem":
                config(path)
            else:
                config(path, *session("redacteur@flever.example"))
            n, m = run(label, path)
            total_cases += n
            total_failures += m
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"schemathesis: {total_cases} cases, {total_failures} failures")
    sys.exit(1 if total_failures or total_cases < 1000 else 0)


if __name__ == "__main__":
    main()
