#!/usr/bin/env python3
"""Load check (issue #35): cheap requests stay fast while heavy searches fill the server.

    scripts/loadcheck.py --binary .build/release/lifecycled            # make load: 64 + 16 heavy clients, 30 s
    scripts/loadcheck.py --binary .build/debug/lifecycled --short      # make test: 8 + 4, 5 s, a generous bound

Starts BINARY on a free port (loopback). EXPLAIN clients loop the heaviest explain request
and COVERAGE clients loop a coverage request, each on a keep-alive connection of its own;
on a 503 a client waits its Retry-After, as a client should. Meanwhile two probes run
every PERIOD, each request on a new connection: GET /readyz, and an action on a session
(background and launch in turn). At the end it prints the probes' latencies (p50, p99,
max), how many went unanswered, what the heavy clients got, and the server's search
metrics, then PASS or FAIL. It passes when every probe is answered within the p99
limit (--p99-ms) and every heavy answer is a 200 or a 503 with Retry-After, with no
connection dropped.

The heavy clients run in a process of their own, so their threads do not hold up the
probes' measurements. Nothing leaves loopback; the run is bounded by --seconds.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from typing import Dict, List, Optional

IPAD = {"lifecycle": "scene", "iosVersion": "17.0", "device": "ipad", "supportsMultipleScenes": True}


def explain_body(names: int) -> dict:
    """A log naming `names` view controllers (each loaded, appearing, appeared): every name
    multiplies the pushes, presentations and children the search tries."""
    lines = []
    for i in range(names):
        lines += [f"-[VC{i} viewDidLoad]", f"-[VC{i} viewWillAppear:]", f"-[VC{i} viewDidAppear:]"]
    return {"config": {"iosVersion": "17.0"}, "maxActions": 256, "log": "\n".join(lines)}


def heavy_requests(short: bool) -> Dict[str, tuple]:
    if short:
        return {
            "explain": ("/v1/explain", explain_body(2)),
            "coverage": ("/v1/coverage", {"config": {"iosVersion": "17.0"}}),
        }
    return {
        "explain": ("/v1/explain", explain_body(12)),
        "coverage": ("/v1/coverage", {"config": IPAD, "bounds": {"scenes": 1, "tasks": 2, "depth": 3}}),
    }


# ---- the heavy clients (a process of their own) -----------------------------------------


def heavy_worker(port: int, kind: str, count: int, seconds: float, short: bool) -> None:
    """Runs `count` clients looping the `kind` request for `seconds`; prints JSON tallies."""
    path, body = heavy_requests(short)[kind]
    payload = json.dumps(body).encode()
    tallies: Dict[str, int] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def count_as(outcome: str) -> None:
        with lock:
            tallies[outcome] = tallies.get(outcome, 0) + 1

    def client() -> None:
        conn: Optional[http.client.HTTPConnection] = None
        while time.monotonic() < stop_at:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            try:
                conn.request("POST", path, payload, {"Content-Type": "application/json"})
                reply = conn.getresponse()
                reply.read()
            except (OSError, http.client.HTTPException) as error:
                count_as(f"dropped ({type(error).__name__})")
                conn.close()
                conn = None
                continue
            if reply.status == 503:
                retry = reply.getheader("Retry-After")
                count_as("503 with Retry-After" if retry and retry.isdigit() else "503 without Retry-After")
                time.sleep(min(float(retry or 1), max(0.0, stop_at - time.monotonic())))
            else:
                count_as(str(reply.status))
            if reply.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(count)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    # Requests still in flight are not waited for (nor counted): the process ends and
    # closes their connections, and the server stops their searches.
    with lock:
        print(json.dumps(tallies), flush=True)
    os._exit(0)


# ---- the probes --------------------------------------------------------------------------


def probe(port: int, request: bytes) -> Optional[float]:
    """One request on a new connection: its latency in ms, or None if it was not answered."""
    start = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(request)
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None
    if not data.startswith(b"HTTP/1.1 200"):
        return None
    return (time.monotonic() - start) * 1000


def http_request(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: loadcheck\r\nConnection: close\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


def metrics(port: int) -> Dict[str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/metrics")
    text = conn.getresponse().read().decode()
    return dict(line.rsplit(" ", 1) for line in text.splitlines() if line.startswith("lifecycled_searches"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/lifecycled")
    parser.add_argument("--short", action="store_true", help="make test's version: 8 + 4 clients, 5 s, p99 ≤ 500 ms")
    parser.add_argument("--explain", type=int, help="clients looping the heaviest explain (default 64; short: 8)")
    parser.add_argument("--coverage", type=int, help="clients looping coverage (default 16; short: 4)")
    parser.add_argument("--seconds", type=float, help="length of the run (default 30; short: 5)")
    parser.add_argument("--period", type=float, default=0.1, help="seconds between two probes of each kind")
    parser.add_argument("--p99-ms", type=float, help="the probes' p99 limit (default 20; short: 500)")
    parser.add_argument("--server-args", default="", help="more flags for the server, e.g. '--search-threads 1'")
    parser.add_argument("--heavy-worker", nargs=2, metavar=("PORT", "KIND"), help=argparse.SUPPRESS)
    a = parser.parse_args()
    explain = a.explain if a.explain is not None else (8 if a.short else 64)
    coverage = a.coverage if a.coverage is not None else (4 if a.short else 16)
    seconds = a.seconds if a.seconds is not None else (5.0 if a.short else 30.0)
    limit = a.p99_ms if a.p99_ms is not None else (500.0 if a.short else 20.0)

    if a.heavy_worker:
        port, kind = a.heavy_worker
        heavy_worker(int(port), kind, explain if kind == "explain" else coverage, seconds, a.short)
        return 0

    server = subprocess.Popen(
        [a.binary, "--host", "127.0.0.1", "--port", "0", "--quiet", *a.server_args.split()],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline() if server.stdout else ""
        if not line.startswith("listening on http://"):
            print(f"loadcheck: the server did not start: {line!r}")
            return 1
        port = int(line.strip().rsplit(":", 1)[1])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/v1/sessions", json.dumps({"iosVersion": "17.0"}))
        session = json.loads(conn.getresponse().read())["id"]
        conn.close()

        workers = []
        for kind, count in (("explain", explain), ("coverage", coverage)):
            if count > 0:
                argv = [sys.executable, os.path.abspath(__file__), "--heavy-worker", str(port), kind,
                        "--explain", str(explain), "--coverage", str(coverage), "--seconds", str(seconds)]
                if a.short:
                    argv.append("--short")
                workers.append((kind, subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)))
        time.sleep(min(1.0, seconds / 5))  # let the heavy clients fill the search threads first

        readyz: List[Optional[float]] = []
        actions: List[Optional[float]] = []
        end = time.monotonic() + seconds - min(1.0, seconds / 5)
        turn = 0
        while time.monotonic() < end:
            started = time.monotonic()
            readyz.append(probe(port, http_request("GET", "/readyz")))
            action = '{"type":"launch"}' if turn % 2 == 0 else '{"type":"background"}'
            actions.append(probe(port, http_request("POST", f"/v1/sessions/{session}/actions", action.encode())))
            turn += 1
            time.sleep(max(0.0, a.period - (time.monotonic() - started)))

        heavy: Dict[str, Dict[str, int]] = {}
        for kind, worker in workers:
            out, _ = worker.communicate(timeout=seconds + 60)
            heavy[kind] = json.loads(out.strip().splitlines()[-1]) if out.strip() else {"no report": 1}
        searches = metrics(port)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    ok = True
    print(f"loadcheck: {explain} explain + {coverage} coverage clients, {seconds:g} s, {a.binary}")
    for name, results in (("readyz", readyz), ("action", actions)):
        answered = [r for r in results if r is not None]
        unanswered = len(results) - len(answered)
        p99 = percentile(answered, 0.99)
        print(f"  {name:7} answered {len(answered)}/{len(results)}  p50 {percentile(answered, 0.5):7.1f} ms"
              f"  p99 {p99:7.1f} ms  max {max(answered, default=float('nan')):7.1f} ms")
        if unanswered or not answered or p99 > limit:
            ok = False
    for kind, tallies in heavy.items():
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(tallies.items()))
        print(f"  {kind:7} {shown}")
        if any(k not in ("200", "503 with Retry-After") for k in tallies):
            ok = False
    print("  server  " + ", ".join(f"{k.replace('lifecycled_searches_', '')} {v}" for k, v in searches.items()))
    print(f"loadcheck: {'PASS' if ok else 'FAIL'} (probes p99 ≤ {limit:g} ms, none unanswered; heavy: 200 or 503 "
          f"with Retry-After, none dropped)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
