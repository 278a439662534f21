#!/usr/bin/env bash
# swift format over the tree, with the committed .swift-format configuration:
#   scripts/format.sh          rewrite the files in place
#   scripts/format.sh --lint   report what is off and fail (make lint, make test)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find Sources Tests -name '*.swift' | sort; echo Package.swift)
if [ "${1:-}" = --lint ]; then
  swift format lint --strict --parallel "${files[@]}"
else
  swift format format --in-place --parallel "${files[@]}"
fi
