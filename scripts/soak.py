#!/usr/bin/env python3
"""make soak: a bounded mixed load on every endpoint of a fresh lifecycled.

Starts the server (port 0, --quiet), runs --clients keep-alive clients for
--seconds, each cycling through: create a session, actions (some with
notification payloads), read it, page its callbacks, list sessions, /v1/simulate,
/healthz, bad requests (expected 4xx), delete. Reports requests, errors (any
unexpected status or failed connection), p50/p99 latency, and RSS at start, after
warm-up (the first 20% of the run) and at the end. Passes when there is no error
and the RSS at the end is within 20% (+16 MiB) of the RSS after warm-up.
"""
import argparse, http.client, json, os, random, re, subprocess, sys, threading, time

def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

class Client:
    def __init__(self, port, stats, rng):
        self.port, self.stats, self.rng = port, stats, rng
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def call(self, method, path, body=None, expect=(200,)):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
            r = self.conn.getresponse()
            payload = r.read()
            status = r.status
        except Exception as e:  # connection trouble is an error; start a fresh connection
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            self.stats.record(time.perf_counter() - start, f"{method} {path}: {type(e).__name__}: {e}")
            return None, None
        error = None if status in expect else f"{method} {path}: {status} {payload[:200]!r}"
        self.stats.record(time.perf_counter() - start, error)
        return status, payload

    def cycle(self):
        rng = self.rng
        scene = rng.random() < 0.5
        config = {"lifecycle": "scene", "iosVersion": "17.0"} if scene else \
                 {"lifecycle": "app", "iosVersion": rng.choice(["11.0", "13.0", "16.0"]),
                  "backgroundModes": ["remote-notification", "fetch"], "notificationCenterDelegate": True}
        status, body = self.call("POST", "/v1/sessions", config, expect=(201,))
        if status != 201:
            return
        sid = json.loads(body)["id"]
        base = f"/v1/sessions/{sid}"
        self.call("POST", base + "/actions", {"type": "launch"})
        payload = {"aps": {"alert": "Hi", "content-available": 1}, "blob": "x" * rng.choice([10, 2000, 20000])}
        steps = [{"type": "background"}, {"type": "launch"}, {"type": "receiveNotification", "payload": payload},
                 {"type": "advanceTime", "seconds": 5}, {"type": "memoryWarning"}, {"type": "push", "name": "Detail"},
                 {"type": "pop"}]
        for _ in range(rng.randint(3, 12)):
            # Refusals (409) are valid answers to valid requests in the wrong state.
            self.call("POST", base + "/actions", rng.choice(steps), expect=(200, 409))
        self.call("GET", base)
        self.call("GET", base + "/callbacks?after=0&limit=50")
        self.call("GET", "/v1/sessions?limit=5")
        self.call("POST", "/v1/simulate", {"session": config, "actions": [{"type": "launch"}, {"type": "background"}] * rng.randint(1, 20)})
        self.call("GET", "/healthz")
        self.call("POST", base + "/actions", b'{"type":', expect=(400,))
        self.call("POST", base + "/actions", {"type": "fly"}, expect=(400,))
        self.call("GET", "/v1/nothing", expect=(404,))
        self.call("PUT", "/v1/sessions", b"{}", expect=(405,))
        if rng.random() < 0.9:  # the rest expire (--session-ttl) or stay
            self.call("DELETE", base, expect=(204,))

class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.errors, self.requests = [], [], 0

    def record(self, seconds, error):
        with self.lock:
            self.requests += 1
            self.latencies.append(seconds)
            if error:
                self.errors.append(error)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/lifecycled")
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--server-args", default="--session-ttl 20")
    args = ap.parse_args()
    server = subprocess.Popen([args.binary, "--port", "0", "--quiet"] + args.server_args.split(),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r":(\d+)\s*$", line)
        if not match:
            print(f"soak: server did not start: {line!r}")
            return 1
        port = int(match.group(1))
        stats = Stats()
        rss = [(0.0, rss_mib(server.pid))]
        deadline = time.monotonic() + args.seconds
        started = time.monotonic()

        def run(seed):
            client = Client(port, stats, random.Random(seed))
            while time.monotonic() < deadline:
                client.cycle()

        threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(args.clients)]
        for t in threads:
            t.start()
        while time.monotonic() < deadline:
            time.sleep(min(2.0, max(0.0, deadline - time.monotonic())))
            rss.append((time.monotonic() - started, rss_mib(server.pid)))
        for t in threads:
            t.join(timeout=15)
        alive = server.poll() is None
        warm = next((m for t, m in rss if t >= args.seconds * 0.2), rss[-1][1])
        end = rss[-1][1]
        lat = sorted(stats.latencies)
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0
        print(f"soak: {args.seconds:.0f}s, {args.clients} clients, {stats.requests} requests "
              f"({stats.requests / args.seconds:.0f}/s), errors {len(stats.errors)}")
        print(f"soak: latency p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {p(1.0):.1f} ms")
        print(f"soak: RSS start {rss[0][1]:.1f} MiB, after warm-up {warm:.1f} MiB, end {end:.1f} MiB, "
              f"max {max(m for _, m in rss):.1f} MiB")
        for e in stats.errors[:10]:
            print(f"soak: error: {e}")
        flat = end <= warm * 1.2 + 16
        ok = alive and not stats.errors and flat
        if not alive:
            print("soak: the server exited")
        if not flat:
            print("soak: RSS grew after warm-up")
        print("soak: PASS" if ok else "soak: FAIL")
        return 0 if ok else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

if __name__ == "__main__":
    sys.exit(main())
