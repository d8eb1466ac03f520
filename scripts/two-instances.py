#!/usr/bin/env python3
"""Two `vitaal serve` processes on one PostgreSQL database (the way users outgrow one machine).

Run by .ci/run in its PostgreSQL part: `DATABASE_URL=… scripts/two-instances.py .build/debug/vitaal`.
Checks, against real processes on loopback:
  1. both start cleanly when launched at the same moment on an empty database (migrations once);
  2. a login on A is valid on B (sessions in the database);
  3. a story written on A appears on B's page at once, and a value imported through A is served
     by B's data API at once (the data version that invalidates answer caches is in the database);
  4. wrong passwords spread over A and B are counted together (throttle in the database).
Prints one line per check and exits non-zero on the first failure.
"""
import http.cookiejar, os, re, subprocess, sys, time, urllib.error, urllib.parse, urllib.request, uuid

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/vitaal"
PORTS = (18081, 18082)
PASSWORD = "twee-instanties-wachtwoord"


def fail(msg):
    print("two instances: FAILED:", msg)
    sys.exit(1)


class Client:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf = None

    def request(self, method, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=30) as r:
                body, status = r.read().decode(), r.status
        except urllib.error.HTTPError as e:
            body, status = e.read().decode(), e.code
        m = re.search(r'name="csrf" value="([^"]+)"', body)
        if m:
            self.csrf = m.group(1)
        return status, body

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        if not self.csrf:
            self.get("/inloggen")
        data = urllib.parse.urlencode(dict(form, csrf=self.csrf)).encode()
        return self.request("POST", path, data, {"Content-Type": "application/x-www-form-urlencoded"})

    def share_cookies_with(self, other):
        for c in self.jar:
            other.jar.set_cookie(c)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def start(port, log):
    env = dict(os.environ, VITAAL_DEMO="0", LOG_LEVEL="warning")
    return subprocess.Popen([BINARY, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(port, proc, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=2) as r:
                if r.status == 200:
                    return True
        except Exception:
            time.sleep(0.3)
    return False


def cli(*args):
    env = dict(os.environ, VITAAL_DEMO_PASSWORD=PASSWORD)
    r = subprocess.run([BINARY, *args], env=env, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        fail(f"vitaal {' '.join(args)}: {r.stdout}{r.stderr}")
    return r.stdout


def main():
    if not os.environ.get("DATABASE_URL"):
        fail("DATABASE_URL is not set")
    logs = [open(f"/tmp/vitaal-instance-{p}.log", "w") for p in PORTS]
    procs = [start(p, log) for p, log in zip(PORTS, logs)]   # the same moment
    try:
        for port, proc in zip(PORTS, procs):
            if not wait_ready(port, proc):
                fail(f"instance on port {port} did not become ready; see /tmp/vitaal-instance-{port}.log")
        print("two instances: both started at the same moment and are ready (migrations ran once)")

        # Demo content and accounts, loaded while both run (regions, indicators, users).
        cli("demo")
        a, b = Client(PORTS[0]), Client(PORTS[1])
        status, _ = a.post("/inloggen", {"email": "beheerder@vitaal.example", "password": PASSWORD})
        if status != 303:
            fail(f"login on A answered {status}")
        a.share_cookies_with(b)
        status, body = b.get("/beheer")
        if status != 200 or "Beheer" not in body:
            fail(f"A's session is not valid on B ({status})")
        print("two instances: a login on A is valid on B")

        # A story written on A, on B's indicator page at once.
        title = "Verhaal " + uuid.uuid4().hex[:8]
        status, page = a.get("/monitor/verhalen/nieuw")
        codes = re.findall(r'name="ind_([A-Za-z0-9_]+)"', page)
        if status != 200 or not codes:
            fail(f"story form on A: {status}")
        status, _ = a.post("/monitor/verhalen", {"title": title, "text": "Geschreven op instantie A.",
                                                 "ind_" + codes[0]: "on"})
        if status not in (200, 303):
            fail(f"writing a story on A answered {status}")
        status, page = b.get("/monitor/indicator/" + codes[0])
        if title not in page:
            fail("the story written on A is not on B's indicator page")
        print("two instances: a story written on A appears on B's page at once")

        # B caches its data API answer; a value imported through A must be served by B at once.
        path = f"/api/v1/data?indicator={codes[0]}&region=GM0184"
        b.get(path)
        b.get(path)
        value = str(10 + int(uuid.uuid4().int % 80))   # within every demo indicator's valid range
        boundary = "----vitaal" + uuid.uuid4().hex
        # A year no demo series reaches (the population projection runs to 2040).
        csv = f"indicator;regio;periode;waarde;status\n{codes[0]};GM0184;2098;{value};voorbeeld\n"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                f"Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n").encode()
        status, answer = a.request("POST", "/monitor/import?csrf=" + urllib.parse.quote(a.csrf), body,
                                   {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        if status not in (200, 303):
            problems = re.findall(r"<li>([^<]*?)</li>", answer.split("<main", 1)[-1])[:5] or [answer[:300]]
            fail(f"import on A answered {status}: {problems}")
        status, answer = b.get(path)
        if status != 200 or '"period":"2098"' not in answer:
            fail(f"B's data API does not serve the value imported through A ({status})")
        print("two instances: a value imported through A is served by B's data API at once")

        # Wrong passwords alternating between A and B. The first five are free; after that each
        # attempt must wait 1, 2, 4, 8, 16 s after the last failure (LoginThrottle.Policy). Counted
        # together, one of attempts 6–10 is refused with 429 unless every one of them came more than
        # 16 s after the one before; counted per instance, none could be refused before attempt 11
        # (each instance would have seen only five). So this does not depend on how fast CI is.
        refused_at = None
        for i in range(10):
            c = Client(PORTS[i % 2])
            status, _ = c.post("/inloggen", {"email": "lezer@flevoland.example", "password": "fout-" + str(i)})
            if i < 5 and status != 401:
                fail(f"wrong password {i + 1} answered {status}, not 401")
            if status == 429:
                refused_at = i + 1
                break
            if status != 401:
                fail(f"wrong password {i + 1} answered {status}")
        if refused_at is None:
            fail("ten wrong passwords over A and B were all answered 401: the instances do not count together")
        print(f"two instances: wrong passwords over A and B are counted together (attempt {refused_at} refused)")
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                code = proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()
                fail("an instance did not stop within 40 s")
            if code not in (0, -15):
                fail(f"an instance exited with {code} on SIGTERM")
    print("two instances: both stopped cleanly")


if __name__ == "__main__":
    main()
