#!/usr/bin/env python3
"""Prints an action result (or a callbacks page) from stdin one callback a line:
seq, receiver or view controller, method, app state, and scene id/state if any.
   curl -s -d '{"type":"launch"}' localhost:8080/v1/sessions/$ID/actions | python3 scripts/callbacks.py"""
import json
import sys

body = json.load(sys.stdin)
for c in body.get("callbacks", []):
    who = c.get("viewController") or c["receiver"]
    scene = f' {c["sceneId"]}/{c.get("sceneState", "")}' if "sceneId" in c else ""
    print(f'{c["seq"]:>3} {who:<26} {c["method"]:<62} {c["appState"]}{scene}')
if "state" in body:
    print(f'app: {body["state"]["app"]}')
