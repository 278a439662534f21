#!/usr/bin/env python3
"""scripts/check-examples.py fails when an example drifts, and --update repairs it.

On a copy of openapi.yaml, examples are drifted the ways they drift in practice: an
action type missing from an `allowed` list, a callback renumbered, a state member
the server sends left out, and a request example with a member the server refuses.
Each must fail the check by name; `--update` must then write the response examples
back exactly as they were (the copy equals openapi.yaml again, byte for byte), while
the request example, which only a person can fix, still fails. The drifts are made
on the parsed examples (not on fixed text), so new action types or state members do
not break this test.

Usage: e2e/examples/test_drift.py .build/debug/lifecycled
"""

import copy
import importlib.util
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CHECK = os.path.join(ROOT, "scripts", "check-examples.py")


def load_checker():
    spec = importlib.util.spec_from_file_location("check_examples", CHECK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_examples"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def drop_last_allowed(value):
    value["allowed"] = value["allowed"][:-1]


def renumber(value):
    value["seq"] += 100


def forget_member(value):
    del value["state"]["userInterfaceStyle"]


def unknown_member(value):
    value["animated"] = True


# (example name, drift): response examples --update must restore.
DRIFTS = [
    ("response BadAction", drop_last_allowed),
    ("schema Callback", renumber),
    ("POST /v1/sessions/{id}/actions 200 terminateByUser", forget_member),
]
# A request example the server refuses: --update cannot know the intent.
REQUEST_DRIFT = ("schema PushAction", unknown_member)


def drifted(checker, text, drifts):
    found = {e.name: e for e in checker.examples(yaml.compose(text, Loader=yaml.SafeLoader))}
    edits = []
    for name, drift in drifts:
        assert name in found, f"openapi.yaml has no example {name}"
        value = copy.deepcopy(found[name].value)
        drift(value)
        edits.extend(checker.patches(found[name].node, found[name].value, value))
    return checker.apply(text, edits)


def run(binary, spec, *flags):
    result = subprocess.run([sys.executable, CHECK, "--binary", binary, "--spec", spec, *flags],
                            capture_output=True, text=True, timeout=600)
    return result.returncode, result.stdout + result.stderr


def main(binary):
    checker = load_checker()
    original = open(os.path.join(ROOT, "openapi.yaml")).read()
    with_request_drift = drifted(checker, original, [REQUEST_DRIFT])
    text = drifted(checker, with_request_drift, DRIFTS)
    failures = []
    if text == original:
        failures.append("the drifts changed nothing")
    with tempfile.TemporaryDirectory(prefix="lifecycled-drift-") as directory:
        spec = os.path.join(directory, "openapi.yaml")
        with open(spec, "w") as f:
            f.write(text)
        status, output = run(binary, spec)
        if status == 0:
            failures.append("the check passed on drifted examples")
        for name, _ in DRIFTS + [REQUEST_DRIFT]:
            if f"FAIL {name}:" not in output:
                failures.append(f"the check did not name {name}:\n{output}")
        status, output = run(binary, spec, "--update")
        if open(spec).read() != with_request_drift:
            failures.append("--update did not restore the response examples exactly:\n" + output)
        if status == 0 or f"FAIL {REQUEST_DRIFT[0]}:" not in output:
            failures.append("--update hid the request example that only a person can fix")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"example drift: {len(DRIFTS) + 1} drifts, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "lifecycled")))
