"""Load-test `factcheck serve`: N concurrent clients POST /api/check; requests/s and p50/p95 latency.

    python -m benchmarks.serve_load [--clients 4] [--seconds 30] [--corpus seed] [--screenshots docs/]

Starts `factcheck serve` on a free localhost port with the real models, waits for /healthz, then each client
thread sends statements from examples/claims.csv (round robin) until the time is up. With --screenshots and a
Chromium + chromedriver installed, it also saves the web page (pasted draft) and its report as PNGs.
"""

from __future__ import annotations

import argparse
import csv
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: dict) -> dict:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)


def load(base: str, statements: list[str], clients: int, seconds: float, corpus: str | None) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                _post(base + "/api/check", {"statement": statements[i % len(statements)], "corpus": corpus})
            except OSError:
                with lock:
                    errors[0] += 1
                continue
            with lock:
                latencies.append(time.perf_counter() - t0)
            i += clients

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    qs = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else latencies * 19
    return {"clients": clients, "requests": len(latencies), "errors": errors[0], "seconds": round(wall, 2),
            "requests_per_s": round(len(latencies) / wall, 2), "p50_ms": round(statistics.median(latencies) * 1000),
            "p95_ms": round(qs[18] * 1000)}


def screenshots(base: str, out: Path) -> None:
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        out.mkdir(parents=True, exist_ok=True)
        driver.get(base + "/")
        driver.find_element("id", "text").send_keys((REPO / "examples" / "draft.md").read_text(encoding="utf-8"))
        driver.save_screenshot(str(out / "serve-page.png"))
        driver.find_element("id", "submit").click()
        bad = driver.find_elements("css selector", 'a.s[data-verdict="CONTRADICTED"]')
        (bad or driver.find_elements("css selector", "a.s"))[0].click()
        driver.save_screenshot(str(out / "review-report.png"))
    finally:
        driver.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve_load", description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--screenshots", type=Path, help="folder for serve-page.png and review-report.png")
    args = parser.parse_args(argv)
    with open(REPO / "examples" / "claims.csv", encoding="utf-8") as fh:
        statements = [row["statement"] for row in csv.DictReader(fh)]
    port = _free_port()
    cmd = [sys.executable, "-c", "from factcheck.cli import main; main()", "serve", "--port", str(port)]
    cmd += ["--corpus", args.corpus] if args.corpus else []
    server = subprocess.Popen(cmd, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.monotonic()
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() - t0 > 300:
                    raise SystemExit("factcheck serve did not start") from None
                time.sleep(0.5)
        startup = time.monotonic() - t0
        _post(base + "/api/check", {"statement": statements[0]})  # warm-up
        result = {"startup_s": round(startup, 1), **load(base, statements, args.clients, args.seconds, args.corpus)}
        print(json.dumps(result))
        if args.screenshots:
            screenshots(base, args.screenshots)
    finally:
        server.terminate()
        server.wait(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
