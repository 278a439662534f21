#!/usr/bin/env python3
"""Connection-exhaustion check (issue #9, item 3), loopback only, bounded.

Opens N attacker sockets from one address that either send one byte a second
(slowloris) or stay silent, and meanwhile probes GET /healthz once every
PERIOD from another client, each probe on a new connection. Prints how many
probes were answered and their latency (p50, p99, max).

    scripts/slowloris.py --port 8080 --sockets 1000 --seconds 40 [--silent] [--probe-from 127.0.0.2]
"""
import argparse, socket, statistics, time

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, default=8080)
p.add_argument("--sockets", type=int, default=1000)
p.add_argument("--seconds", type=float, default=40)
p.add_argument("--silent", action="store_true", help="attackers send nothing after connecting")
p.add_argument("--attack-from", default="127.0.0.1")
p.add_argument("--probe-from", default="127.0.0.1")
p.add_argument("--period", type=float, default=0.2)
a = p.parse_args()

def connect(source):
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(2)
    s.connect(("127.0.0.1", a.port))
    return s

attackers, refused = [], 0
head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 10000
for _ in range(a.sockets):
    try:
        s = connect(a.attack_from)
        s.setblocking(False)
        attackers.append([s, 0])
    except OSError:
        refused += 1

latencies, failures = [], 0
start = time.time()
next_byte = start
cut = 0
while time.time() - start < a.seconds:
    now = time.time()
    if now >= next_byte and not a.silent:
        for entry in attackers:
            if entry[0] is None:
                continue
            try:
                entry[0].send(head[entry[1]:entry[1] + 1])
                entry[1] = (entry[1] + 1) % len(head)
            except OSError:
                entry[0].close(); entry[0] = None; cut += 1
        next_byte = now + 1
    t = time.time()
    try:
        s = connect(a.probe_from)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            d = s.recv(4096)
            if not d:
                break
            data += d
        s.close()
        if data.startswith(b"HTTP/1.1 200"):
            latencies.append((time.time() - t) * 1000)
        else:
            failures += 1
    except OSError:
        failures += 1
    time.sleep(max(0, a.period - (time.time() - t)))

for entry in attackers:  # a socket the server closed reads as end of stream (or a reset)
    if entry[0] is not None:
        try:
            if entry[0].recv(1) == b"":
                entry[0].close(); entry[0] = None; cut += 1
        except BlockingIOError:
            pass
        except OSError:
            entry[0].close(); entry[0] = None; cut += 1
alive = sum(1 for e in attackers if e[0] is not None)
for e in attackers:
    if e[0] is not None:
        e[0].close()
mode = "silent" if a.silent else "slowloris"
print(f"{mode}: {a.sockets} sockets from {a.attack_from} ({refused} refused at connect, {cut} closed by the server, "
      f"{alive} open at the end); probes from {a.probe_from}: {len(latencies)} answered, {failures} failed")
if latencies:
    q = sorted(latencies)
    p99 = q[min(len(q) - 1, int(len(q) * 0.99))]
    print(f"probe latency ms: p50 {statistics.median(q):.1f}  p99 {p99:.1f}  max {q[-1]:.1f}")
