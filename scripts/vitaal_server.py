"""Starts `vitaal serve` with the demo data in a temporary SQLite data folder, for the checks in
scripts/ that need a real server (a11y-check.py, api-conformance.py)."""
import os, shutil, subprocess, sys, tempfile, time, urllib.request


class DemoServer:
    def __init__(self, binary, port, password, label):
        self.base = f"http://127.0.0.1:{port}"
        self.data_dir = tempfile.mkdtemp(prefix=f"vitaal-{label}-")
        env = dict(os.environ, VITAAL_DATA_DIR=self.data_dir, VITAAL_DEMO="1", VITAAL_DEMO_PASSWORD=password,
                   PORT=str(port), LOG_LEVEL="error")
        env.pop("DATABASE_URL", None)
        self.process = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        for _ in range(600):
            try:
                with urllib.request.urlopen(self.base + "/ready", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                time.sleep(0.5)
            if self.process.poll() is not None:
                sys.exit(f"{label}: the server did not start: " + self.process.stderr.read().decode()[-2000:])
        self.stop()
        sys.exit(f"{label}: the server did not become ready")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.data_dir, ignore_errors=True)
