#!/usr/bin/env python3
"""API conformance gate: schemathesis with all its checks against the OpenAPI document the app
serves, anonymous and with a logged-in redacteur's session (cookie + CSRF header), so that the
write operations are generated too.

Run by .ci/run on SQLite:  scripts/api-conformance.py .build/debug/vitaal
Needs `schemathesis` from PyPI. Prints `schemathesis: N cases, M failures` and exits non-zero
when M > 0. The seed is fixed so that a failure can be replayed; `API_SEED` picks another.
"""
import http.cookiejar, os, re, shutil, subprocess, sys, urllib.parse, urllib.request

from vitaal_server import DemoServer

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/vitaal"
PORT = int(os.environ.get("API_PORT", "18091"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "conformance-wachtwoord-2026"
EXAMPLES = os.environ.get("API_EXAMPLES", "40")
SEED = os.environ.get("API_SEED", "20261205")




def session(email):
    """Logs in through the form; returns (cookie header, CSRF token)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/inloggen", timeout=30).read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"email": email, "password": PASSWORD, "csrf": token}).encode()
    opener.open(urllib.request.Request(BASE + "/inloggen", data=data), timeout=30).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    # The session keeps its CSRF token across the login; read it from a page with a form.
    page = opener.open(BASE + "/account/wachtwoord", timeout=30).read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return cookie, token


def run(label, headers):
    cmd = [shutil.which("schemathesis") or "schemathesis", "run", BASE + "/api/v1/openapi.json",
           "--checks", "all", "--max-examples", EXAMPLES, "--seed", SEED, "--no-shrink",
           "--workers", "2", "--max-response-time", "10", "--suppress-health-check", "all"]
    for h in headers:
        cmd += ["-H", h]
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
    try:
        total_cases, total_failures = 0, 0
        for label, headers in [("anoniem", []), ("redacteur", None)]:
            if headers is None:
                cookie, token = session("redacteur@flever.example")
                headers = [f"Cookie: {cookie}", f"X-CSRF-Token: {token}"]
            n, m = run(label, headers)
            total_cases += n
            total_failures += m
    finally:
        server.stop()
    print(f"schemathesis: {total_cases} cases, {total_failures} failures")
    sys.exit(1 if total_failures or total_cases < 1000 else 0)


if __name__ == "__main__":
    main()
