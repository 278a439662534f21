#!/usr/bin/env python3
"""Scale-out test (issue #15): three lifecycled instances behind nginx (deploy/cluster.sh).

Creates 300 sessions with PUT and client UUIDs through nginx, drives each through a few
actions, and checks that
- every session's log is complete and contiguous (seq 1..total, the callbacks the
  action answers returned, in order),
- the sessions are spread over all three instances (each one's /metrics, parsed with
  prometheus_client), and the metrics add up to what the test did,
- stopping one instance affects only its own sessions: through nginx they answer 404
  (nginx passes the request to the instance the id now hashes to, which never held
  it), every other session answers as before and still takes actions.

Usage: e2e/cluster/test_cluster.py [BINARY]   (exit 0 pass, 1 fail, 77 skipped)
"""
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from urllib.parse import urlsplit

from prometheus_client.parser import text_string_to_metric_families

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLUSTER = os.path.join(ROOT, "deploy", "cluster.sh")
SESSIONS = 300
INSTANCES = 3
# Two configs, so that both life cycles run: each plan's actions are valid in order.
PLANS = [
    ({"lifecycle": "app", "iosVersion": "11.0"},
     [{"type": "launch"}, {"type": "background"}, {"type": "launch"}, {"type": "lock"}]),
    ({},  # the default: a scene-based iOS 17 app
     [{"type": "launch"}, {"type": "background"}, {"type": "launch"}, {"type": "memoryWarning"}]),
]


class Client:
    """One keep-alive HTTP/1.1 connection; JSON in, (status, headers, parsed body) out."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)

    def request(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=headers or {})
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()  # a dropped keep-alive connection: retry once on a new one
                if attempt == 2:
                    raise
        ctype = r.getheader("Content-Type", "")
        parsed = json.loads(raw) if "json" in ctype and raw else raw.decode()
        return r.status, r, parsed


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        if len(failures) <= 20:
            print("FAIL:", message)


def metrics(url):
    """{(sample name, frozenset(labels)): value} of one instance's /metrics."""
    status, response, text = Client(url).request("GET", "/metrics")
    assert status == 200, f"/metrics on {url}: {status}"
    assert response.getheader("Content-Type").startswith("text/plain; version=0.0.4")
    samples = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return samples


def total(samples, name, **labels):
    want = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and want <= ls)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "lifecycled")
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        print("SKIPPED: nginx is not installed (scripts/setup.sh installs it)")
        return 77
    state = tempfile.mkdtemp(prefix="lifecycled-cluster-test-")
    env = dict(os.environ, CLUSTER_DIR=os.path.join(state, "cluster"), LIFECYCLED=os.path.abspath(binary))
    started = time.monotonic()
    subprocess.run([CLUSTER, "start", str(INSTANCES)], env=env, check=True)
    try:
        run(env["CLUSTER_DIR"])
    finally:
        subprocess.run([CLUSTER, "stop"], env=env, check=False)
        shutil.rmtree(state, ignore_errors=True)
    print(f"cluster test: {SESSIONS} sessions over {INSTANCES} instances in {time.monotonic() - started:.1f} s; "
          + ("passed" if not failures else f"{len(failures)} failures"))
    return 0 if not failures else 1


def run(cluster_dir):
    with open(os.path.join(cluster_dir, "nginx.url")) as f:
        nginx_url = f.read().strip()
    with open(os.path.join(cluster_dir, "instances")) as f:
        instances = [(int(i), f"http://127.0.0.1:{port}") for i, port, _ in (line.split() for line in f)]
    client = Client(nginx_url)
    t0 = time.monotonic()

    # 1. Create with PUT, drive through the plan, remember what each action answered.
    sessions = {}  # id -> {"plan": i, "calls": [(seq, method)], "actions": n}
    for n in range(SESSIONS):
        sid = str(uuid.uuid4())
        config, actions = PLANS[n % len(PLANS)]
        status, response, body = client.request("PUT", f"/v1/sessions/{sid}", config)
        check(status == 201, f"PUT {sid}: {status} {body}")
        check(response.getheader("Location") == f"/v1/sessions/{sid}", f"PUT {sid}: Location")
        # Idempotent: the same PUT again is a 200 and changes nothing.
        status, _, _ = client.request("PUT", f"/v1/sessions/{sid}", config)
        check(status == 200, f"PUT {sid} again: {status}")
        calls = []
        for action in actions:
            rid = f"cluster-{n}-{action['type']}"
            status, response, body = client.request("POST", f"/v1/sessions/{sid}/actions", action, {"X-Request-Id": rid})
            check(status == 200, f"{action} on {sid}: {status} {body}")
            check(response.getheader("X-Request-Id") == rid, f"X-Request-Id not echoed through nginx: {response.getheader('X-Request-Id')}")
            if status == 200:
                calls += [(c["seq"], c["method"]) for c in body["callbacks"]]
        sessions[sid] = {"plan": n % len(PLANS), "calls": calls, "actions": len(actions)}

    print(f"created and drove {len(sessions)} sessions in {time.monotonic() - t0:.1f} s")
    # 2. Every log complete and contiguous, and equal to what the actions answered.
    def check_log(sid):
        expected = sessions[sid]["calls"]
        status, _, body = client.request("GET", f"/v1/sessions/{sid}/callbacks?limit=10000")
        check(status == 200, f"callbacks of {sid}: {status}")
        if status != 200:
            return
        got = [(c["seq"], c["method"]) for c in body["callbacks"]]
        check([s for s, _ in got] == list(range(1, len(got) + 1)), f"{sid}: seqs not 1..n: {[s for s, _ in got][:10]}")
        check(got == expected, f"{sid}: log differs from the action answers")
        check(body["total"] == len(expected) and body["dropped"] == 0, f"{sid}: total {body['total']} dropped {body['dropped']}")

    for sid in sessions:
        check_log(sid)

    # 3. Where each session lives (each instance's own list), and the metrics.
    owner = {}
    for index, url in instances:
        status, _, body = Client(url).request("GET", "/v1/sessions?limit=1000")
        for s in body["sessions"]:
            check(s["id"] not in owner, f"{s['id']} on two instances")
            owner[s["id"]] = index
    check(set(owner) == set(sessions), f"instances hold {len(owner)} sessions, the test made {len(sessions)}")
    per_instance = {index: metrics(url) for index, url in instances}
    live = {i: total(m, "lifecycled_sessions_live") for i, m in per_instance.items()}
    print("sessions per instance (lifecycled_sessions_live):", live)
    for index, _ in instances:
        mine = [sid for sid, i in owner.items() if i == index]
        m = per_instance[index]
        check(live[index] > 0, f"instance {index} holds no session: not spread")
        check(live[index] == len(mine), f"instance {index}: live {live[index]} but lists {len(mine)}")
        check(total(m, "lifecycled_sessions_created_total") == len(mine), f"instance {index}: created_total")
        check(total(m, "lifecycled_http_requests_total", route="/v1/sessions/{id}", status="201") == len(mine),
              f"instance {index}: PUT 201 count")
        check(total(m, "lifecycled_http_requests_total", route="/v1/sessions/{id}", status="200") == len(mine),
              f"instance {index}: PUT 200 count")
        actions = sum(sessions[sid]["actions"] for sid in mine)
        check(total(m, "lifecycled_actions_total", outcome="applied") == actions, f"instance {index}: actions applied")
        check(total(m, "lifecycled_actions_total", outcome="refused") == 0, f"instance {index}: actions refused")
        check(total(m, "lifecycled_actions_total", type="launch", outcome="applied") == 2 * len(mine), f"instance {index}: launches")
        check(total(m, "lifecycled_callbacks_logged_total") == sum(len(sessions[sid]["calls"]) for sid in mine),
              f"instance {index}: callbacks logged")
        check(total(m, "lifecycled_http_request_duration_seconds_count", route="/v1/sessions/{id}/actions") == actions,
              f"instance {index}: latency histogram count")
        check(total(m, "lifecycled_build_info") == 1, f"instance {index}: build_info")
    check(sum(live.values()) == SESSIONS, f"live sessions sum to {sum(live.values())}")

    # 4. Stop one instance: its sessions are gone (404), the others untouched.
    victim = 2
    counts_before = {}
    for sid in sessions:
        if owner.get(sid) != victim:
            counts_before[sid] = client.request("GET", f"/v1/sessions/{sid}")[2]["callbackCount"]
    t1 = time.monotonic()
    subprocess.run([CLUSTER, "stop-instance", str(victim)], env=dict(os.environ, CLUSTER_DIR=cluster_dir), check=True)
    print(f"instance {victim} stopped in {time.monotonic() - t1:.1f} s")
    lost = kept = 0
    for sid in sessions:
        status, _, body = client.request("GET", f"/v1/sessions/{sid}")
        if owner.get(sid) == victim:
            lost += 1
            check(status == 404, f"{sid} of the stopped instance: {status} (want 404)")
        else:
            kept += 1
            check(status == 200 and body["callbackCount"] == counts_before[sid], f"{sid} changed after instance {victim} stopped: {status}")
    for sid in sessions:
        if owner.get(sid) != victim:
            check_log(sid)
            status, _, body = client.request("POST", f"/v1/sessions/{sid}/actions", {"type": "advanceTime", "seconds": 1})
            check(status == 200, f"action on {sid} after instance {victim} stopped: {status} {body}")
    print(f"after stopping instance {victim}: {lost} sessions answer 404, {kept} answer as before")


if __name__ == "__main__":
    sys.exit(main())
