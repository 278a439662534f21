#!/usr/bin/env python3
"""scripts/check-examples.py fails when an example drifts, and --update repairs it.

On a copy of openapi.yaml: examples drifted the ways they drift in practice (an
action type missing from an `allowed` list, a callback renumbered, a state member
dropped, an unknown config field in a request example) must each fail the check by
name; `--update` must then write the response examples back exactly as they were
(the copy equals openapi.yaml again, byte for byte), while the request example,
which only a person can fix, still fails.

Usage: e2e/examples/test_drift.py .build/debug/lifecycled
"""

import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CHECK = os.path.join(ROOT, "scripts", "check-examples.py")

# (example name, text in openapi.yaml, drifted text): each text occurs once in its example.
DRIFTS = [
    ("response BadAction",
     "dismiss, cancelInteractivePop, rotate, setAppearance, selectTab, addChild, removeChild, runBackgroundTask, "
     "backgroundURLSessionEvents, prewarm, moveTo]\n    BadSimulate:",
     "dismiss, cancelInteractivePop]\n    BadSimulate:"),
    ("schema Callback",
     "      example:\n        seq: 26\n        receiver: appDelegate\n",
     "      example:\n        seq: 20\n        receiver: appDelegate\n"),
    ("POST /v1/sessions/{id}/actions 200 terminateByUser",
     "lastTermination: {reason: userForceQuit, at: 0}\n                      userInterfaceStyle: light\n",
     "lastTermination: {reason: userForceQuit, at: 0}\n"),
]
REQUEST_DRIFT = ("schema PushAction",
                 "      example:\n        type: push\n        name: detail\n",
                 "      example:\n        type: push\n        name: detail\n        animated: true\n")


def run(binary, spec, *flags):
    result = subprocess.run([sys.executable, CHECK, "--binary", binary, "--spec", spec, *flags],
                            capture_output=True, text=True, timeout=600)
    return result.returncode, result.stdout + result.stderr


def main(binary):
    original = open(os.path.join(ROOT, "openapi.yaml")).read()
    drifted = original
    for name, before, after in DRIFTS + [REQUEST_DRIFT]:
        assert drifted.count(before) == 1, f"{name}: the text to drift is not in openapi.yaml once: {before!r}"
        drifted = drifted.replace(before, after)
    failures = []
    with tempfile.TemporaryDirectory(prefix="lifecycled-drift-") as directory:
        spec = os.path.join(directory, "openapi.yaml")
        with open(spec, "w") as f:
            f.write(drifted)
        status, output = run(binary, spec)
        if status == 0:
            failures.append("the check passed on drifted examples")
        for name, _, _ in DRIFTS + [REQUEST_DRIFT]:
            if f"FAIL {name}:" not in output:
                failures.append(f"the check did not name {name}")
        status, output = run(binary, spec, "--update")
        repaired = open(spec).read()
        expected = original.replace(REQUEST_DRIFT[1], REQUEST_DRIFT[2])
        if repaired != expected:
            failures.append("--update did not restore the response examples exactly:\n" + output)
        if status == 0 or f"FAIL {REQUEST_DRIFT[0]}:" not in output:
            failures.append("--update hid the request example that only a person can fix")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"example drift: {len(DRIFTS) + 1} drifts, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "lifecycled")))
