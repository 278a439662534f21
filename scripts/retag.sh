#!/usr/bin/env bash
# Rewrites citations of the old research-note file names (which live outside this
# repository) into the in-repo forms that docs/sources.md defines:
#   LIFECYCLE.md §N          -> facts §N     (docs/lifecycle-facts.md)
#   LIFECYCLE-BREADTH.md §N  -> breadth §N   (docs/lifecycle-breadth.md)
#   API.md                   -> contract     (docs/api-contract.md)
#   MHD.md, spec/MHD.md      -> [MHD]
#   radar 14295449           -> [OR14295449]
# Only comments and documentation text carry these names (plus the rule texts in
# Sources/LifecycleModel/Reference, which render docs/model.md: this script rewrites
# docs/model.md the same way, and `make docs` must then leave it unchanged).
#
# Idempotent: a second run changes nothing. Safe to re-run after merging branches.
#   scripts/retag.sh           rewrite in place, list the files changed
#   scripts/retag.sh --check   change nothing; exit 1 if an old citation is left
set -euo pipefail
cd "$(dirname "$0")/.."

old='(\.\./)?(shared/)?(spec/)?(LIFECYCLE(-BREADTH)?|API|MHD)\.md|radar 14295449'

files() {
    find Sources Tests -name '*.swift' ! -name SourceTagTests.swift
    find docs -name '*.md' ! -name sources.md
    find . -maxdepth 1 \( -name '*.md' -o -name openapi.yaml \) | sed 's|^\./||'
}

if [ "${1:-}" = --check ]; then
    if files | xargs grep -nE "$old"; then
        echo "old citations left: run scripts/retag.sh" >&2
        exit 1
    fi
    exit 0
fi

files | while read -r f; do
    grep -qE "$old" "$f" || continue
    sed -E -i \
        -e 's#(\.\./)?(shared/)?spec/(LIFECYCLE|LIFECYCLE-BREADTH|API|MHD)\.md#\3.md#g' \
        -e 's#LIFECYCLE-BREADTH\.md ?§#breadth §#g' \
        -e 's#LIFECYCLE-BREADTH\.md#docs/lifecycle-breadth.md#g' \
        -e 's#LIFECYCLE\.md ?§#facts §#g' \
        -e 's#(short names of|as in) LIFECYCLE\.md#\1 docs/sources.md#g' \
        -e 's#LIFECYCLE\.md#docs/lifecycle-facts.md#g' \
        -e 's#contract \(API\.md\)#contract (docs/api-contract.md)#g' \
        -e 's#error contract of API\.md#error rules of the contract#g' \
        -e 's#(of|in) API\.md#\1 the contract#g' \
        -e 's#API\.md#contract#g' \
        -e 's#MHD\.md#[MHD]#g' \
        -e 's#radar 14295449#[OR14295449]#g' \
        "$f"
    echo "retagged $f"
done
