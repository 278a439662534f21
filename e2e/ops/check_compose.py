#!/usr/bin/env python3
"""Lints deploy/compose.yaml without a container engine (`docker compose config` needs the
compose plugin, absent here): valid YAML, the services nginx.conf names, the image built
from the repository's Dockerfile, only environment variables lifecycled reads, and
nginx.conf mounted where the nginx image includes it.

Usage: e2e/ops/check_compose.py deploy/compose.yaml
"""
import os
import re
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# The environment variables Sources/lifecycled/Options.swift reads.
OPTIONS = open(os.path.join(ROOT, "Sources", "lifecycled", "Options.swift")).read()
KNOWN_ENV = set(re.findall(r'environment\["(LIFECYCLED_[A-Z_]+)"\]', OPTIONS))


def main(path):
    errors = []
    with open(path) as f:
        doc = yaml.safe_load(f)
    services = doc.get("services") or {}
    nginx_conf = open(os.path.join(ROOT, "deploy", "nginx.conf")).read()
    upstream_hosts = set(re.findall(r"^\s*server ([a-z0-9-]+):8080;", nginx_conf, re.M))
    instances = {name for name in services if name.startswith("lifecycled")}
    if len(instances) != 3:
        errors.append(f"want three lifecycled services, found {sorted(instances)}")
    if upstream_hosts != instances:
        errors.append(f"nginx.conf upstream servers {sorted(upstream_hosts)} != compose services {sorted(instances)}")
    for name in instances:
        s = services[name]
        build = s.get("build") or {}
        dockerfile = os.path.normpath(os.path.join(os.path.dirname(path), build.get("context", "."), build.get("dockerfile", "Dockerfile")))
        if not os.path.isfile(dockerfile):
            errors.append(f"{name}: no Dockerfile at {dockerfile}")
        env = s.get("environment") or {}
        unknown = set(env) - KNOWN_ENV
        if unknown:
            errors.append(f"{name}: environment variables lifecycled does not read: {sorted(unknown)} (it reads {sorted(KNOWN_ENV)})")
        if str(env.get("LIFECYCLED_PORT", "8080")) != "8080":
            errors.append(f"{name}: nginx.conf expects port 8080")
    nginx = services.get("nginx")
    if not nginx:
        errors.append("no nginx service")
    else:
        mounts = [v for v in nginx.get("volumes", []) if isinstance(v, str)]
        if not any(m.split(":")[0] == "./nginx.conf" and m.split(":")[1] == "/etc/nginx/conf.d/default.conf" for m in mounts):
            errors.append("nginx: ./nginx.conf must be mounted at /etc/nginx/conf.d/default.conf")
        missing = instances - set(nginx.get("depends_on") or {})
        if missing:
            errors.append(f"nginx: does not depend on {sorted(missing)}")
    for e in errors:
        print("compose.yaml:", e)
    if not errors:
        print(f"{path}: OK ({len(services)} services; environment {sorted(KNOWN_ENV)})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "deploy", "compose.yaml")))
