#!/usr/bin/env python3
"""bench/perf_tree.py: the call tree below one function, from `perf script` output.

Reads `perf script -F comm,tid,period,ip,sym` text (demangled) on stdin and prints,
as percentages of ALL samples, the inclusive time of the callees of the frames whose
symbol contains ROOT, down to DEPTH levels, hiding nodes below MIN percent. Used by
bench/profile.sh to split the request handler's time into its parts.

usage: perf script ... | swift demangle --simplified | perf_tree.py ROOT [DEPTH] [MIN]
"""
import re
import sys
from collections import defaultdict

root = sys.argv[1]
depth = int(sys.argv[2]) if len(sys.argv) > 2 else 4
minimum = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5


def clean(symbol):
    symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol.strip())
    symbol = re.sub(r"^(specialized |closure #\d+ in |implicit closure #\d+ in )+", lambda m: m.group(0), symbol)
    return symbol[:110]


samples, stacks, frames = 0, [], []
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        if frames:
            stacks.append(frames)
        frames = []
        continue
    if line.startswith((" ", "\t")):
        parts = line.strip().split(None, 1)
        frames.append(clean(parts[1]) if len(parts) > 1 else "?")
    else:
        samples += 1
if frames:
    stacks.append(frames)
total = max(samples, len(stacks), 1)

tree = defaultdict(float)  # path tuple -> samples
inside = 0
for frames in stacks:
    chain = list(reversed(frames))  # outermost first
    at = next((i for i, f in enumerate(chain) if root in f), None)
    if at is None:
        continue
    inside += 1
    below = chain[at + 1:at + 1 + depth]
    seen = set()
    for n in range(1, len(below) + 1):
        path = tuple(below[:n])
        if path not in seen:
            seen.add(path)
            tree[path] += 1

print(f"{100 * inside / total:5.1f}%  {root} (inclusive, of all samples)")


def show(prefix):
    children = [(p, v) for p, v in tree.items() if len(p) == len(prefix) + 1 and p[:len(prefix)] == prefix]
    for path, value in sorted(children, key=lambda pv: -pv[1]):
        percent = 100 * value / total
        if percent < minimum:
            continue
        print(f"{percent:5.1f}%  {'  ' * len(prefix)}{path[-1]}")
        show(path)


show(())
