#!/usr/bin/env python3
"""Operations over HTTP against a live lifecycled (issue #15): /metrics parsed with
prometheus_client and matching what the test did, X-Request-Id through the bridge,
CORS preflight and headers, and /readyz going 503 during the SIGTERM drain window.

Usage: e2e/ops/test_live_ops.py [BINARY]   (exit 0 pass, 1 fail)
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import time
import uuid

from prometheus_client.parser import text_string_to_metric_families

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ORIGIN = "https://app.example"
DRAIN = 2
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def start(binary):
    p = subprocess.Popen([binary, "--port", "0", "--quiet", "--cors-origin", ORIGIN, "--drain-seconds", str(DRAIN)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline().strip()
    assert line.startswith("listening on http://127.0.0.1:"), line
    return p, int(line.rsplit(":", 1)[1])


def request(port, method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request(method, path, body=None if body is None else json.dumps(body), headers=headers or {})
    r = c.getresponse()
    raw = r.read()
    c.close()
    ctype = r.getheader("Content-Type") or ""
    return r, (json.loads(raw) if "json" in ctype and raw else raw.decode())


def samples(port):
    r, text = request(port, "GET", "/metrics")
    assert r.status == 200 and r.getheader("Content-Type").startswith("text/plain; version=0.0.4")
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, frozenset(s.labels.items()))] = s.value
    return out


def value(m, name, **labels):
    return sum(v for (n, ls), v in m.items() if n == name and set(labels.items()) <= ls)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "lifecycled")
    server, port = start(binary)
    try:
        run(server, port)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    print("operations over HTTP:", "passed" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


def run(server, port):
    # Request ids: echoed, generated, and in problem bodies.
    r, _ = request(port, "GET", "/healthz", headers={"X-Request-Id": "live-1"})
    check(r.getheader("X-Request-Id") == "live-1", f"X-Request-Id not echoed: {r.getheader('X-Request-Id')}")
    r, body = request(port, "GET", f"/v1/sessions/{uuid.uuid4()}", headers={"X-Request-Id": "live-2"})
    check(r.status == 404 and body.get("requestId") == "live-2", f"problem requestId: {body}")
    r, _ = request(port, "GET", "/healthz")
    check(bool(r.getheader("X-Request-Id")), "no generated X-Request-Id")

    # CORS: preflight and the headers on a simple request; another origin gets none.
    r, _ = request(port, "OPTIONS", "/v1/sessions/" + str(uuid.uuid4()),
                   headers={"Origin": ORIGIN, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type"})
    check(r.status == 204, f"preflight: {r.status}")
    check(r.getheader("Access-Control-Allow-Origin") == ORIGIN, "preflight allow-origin")
    check("PUT" in (r.getheader("Access-Control-Allow-Methods") or ""), "preflight allow-methods")
    check(r.getheader("Access-Control-Max-Age") == "600", "preflight max-age")
    r, _ = request(port, "GET", "/healthz", headers={"Origin": ORIGIN})
    check(r.getheader("Access-Control-Allow-Origin") == ORIGIN and "X-Request-Id" in (r.getheader("Access-Control-Expose-Headers") or ""),
          "simple request CORS headers")
    r, _ = request(port, "GET", "/healthz", headers={"Origin": "https://other.example"})
    check(r.getheader("Access-Control-Allow-Origin") is None and r.getheader("Vary") == "Origin", "other origin")
    r, _ = request(port, "OPTIONS", "/healthz", headers={"Origin": "https://other.example", "Access-Control-Request-Method": "GET"})
    check(r.status == 405, f"preflight from another origin: {r.status}")

    # Metrics add up to what we do here.
    before = samples(port)
    r, a = request(port, "POST", "/v1/sessions", {"lifecycle": "app", "iosVersion": "11.0"})
    b, c = str(uuid.uuid4()), str(uuid.uuid4())
    check(request(port, "PUT", f"/v1/sessions/{b}", {})[0].status == 201, "PUT b")
    check(request(port, "PUT", f"/v1/sessions/{c}", {})[0].status == 201, "PUT c")
    check(request(port, "PUT", f"/v1/sessions/{c}", {"lifecycle": "app", "iosVersion": "12.0"})[0].status == 409, "PUT c conflict")
    logged = 0
    for sid, action, want in [(a["id"], "launch", 200), (a["id"], "launch", 409), (b, "launch", 200), (b, "background", 200), (c, "launch", 200)]:
        r, body = request(port, "POST", f"/v1/sessions/{sid}/actions", {"type": action})
        check(r.status == want, f"{action} on {sid}: {r.status}")
        if r.status == 200:
            logged += len(body["callbacks"])
    check(request(port, "DELETE", f"/v1/sessions/{c}")[0].status == 204, "DELETE c")
    after = samples(port)
    d = lambda name, **labels: value(after, name, **labels) - value(before, name, **labels)
    check(value(after, "lifecycled_sessions_live") == 2, "sessions_live")
    check(d("lifecycled_sessions_created_total") == 3, "sessions_created")
    check(d("lifecycled_sessions_deleted_total") == 1, "sessions_deleted")
    check(d("lifecycled_actions_total", type="launch", outcome="applied") == 3, "launch applied")
    check(d("lifecycled_actions_total", type="launch", outcome="refused") == 1, "launch refused")
    check(d("lifecycled_actions_total", type="background", outcome="applied") == 1, "background applied")
    check(d("lifecycled_callbacks_logged_total") == logged, f"callbacks_logged {d('lifecycled_callbacks_logged_total')} != {logged}")
    check(d("lifecycled_http_requests_total", route="/v1/sessions/{id}", status="409") == 1, "PUT 409 counted")
    check(d("lifecycled_http_requests_total", route="/v1/sessions/{id}/actions") == 5, "action requests counted")
    check(d("lifecycled_http_request_duration_seconds_count", route="/v1/sessions/{id}/actions") == 5, "latency histogram count")
    check(value(after, "lifecycled_build_info") == 1, "build_info")

    # Drain: SIGTERM, then /readyz is 503 with Retry-After while requests are still served.
    r, _ = request(port, "GET", "/readyz")
    check(r.status == 200, f"readyz before SIGTERM: {r.status}")
    server.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + DRAIN / 2
    status = 200
    while time.monotonic() < deadline and status == 200:
        r, body = request(port, "GET", "/readyz")
        status = r.status
        time.sleep(0.02)
    check(status == 503 and r.getheader("Retry-After") == str(DRAIN) and body.get("type") == "urn:lifecycled:problem:not-ready",
          f"readyz while draining: {status} {body}")
    check(request(port, "GET", "/healthz")[0].status == 200, "healthz while draining")
    check(request(port, "GET", f"/v1/sessions/{b}")[0].status == 200, "sessions served while draining")
    try:
        server.wait(timeout=DRAIN + 8)
        check(server.returncode == 0, f"exit status {server.returncode}")
    except subprocess.TimeoutExpired:
        check(False, "server did not stop after the drain window")


if __name__ == "__main__":
    sys.exit(main())
