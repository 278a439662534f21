#!/usr/bin/env bash
# A new Swift package outside the repository depends on the checkout by path as the README
# shows, and passes the README's Swift test (issue #37); built with libmicrohttpd out of
# reach, it compiles nothing of the server (issue #23).
#
# The checkout's files are copied (what git tracks or would add: no .build) into a folder
# whose name is not "lifecycled", so the dependency must name its package: SwiftPM takes a
# path dependency's identity from its folder. The package's Package.swift is the README's
# dependency block inside a Package(...); its test is the README's Swift example. One build
# from nothing of the client's two modules and the test (about a minute).
#   scripts/check-swift-dependency.sh [BINARY]     (make test runs it; BINARY: the server to test against)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/debug/lifecycled}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checkout="$work/checkout-under-another-name"
app="$work/app-under-test"
mkdir -p "$checkout" "$app/Tests/AppLifecycleTests" "$work/stub"
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null \
  | tar -xf - -C "$checkout"

# README "Swift client": the block after the dependency marker, its path pointed at the copy.
block=$(awk '/<!-- dependency: scripts\/check-swift-dependency.sh/ {on=1; next}
  on && /^```swift/ {inside=1; next} inside && /^```/ {exit} inside {print}' README.md)
[ -n "$block" ] || { echo "dependency check: README.md has no block after the dependency marker"; exit 1; }
grep -q 'package(name: "lifecycled", path: "../lifecycled")' <<<"$block" \
  || { echo "dependency check: the README's block no longer reads .package(name: \"lifecycled\", path: \"../lifecycled\")"; exit 1; }
{
  echo '// swift-tools-version:6.0'
  echo 'import PackageDescription'
  echo 'let package = Package('
  echo '    name: "AppUnderTest", platforms: [.macOS(.v15)],'
  sed 's#path: "../lifecycled"#path: "../checkout-under-another-name"#' <<<"$block"
  echo ')'
} >"$app/Package.swift"
sed -n '/^\/\/ begin README client example$/,/^\/\/ end README client example$/p' \
  Tests/LifecycledClientTests/ReadmeExampleTests.swift | sed '1d;$d' >"$app/Tests/AppLifecycleTests/ReadmeExampleTests.swift"

# libmicrohttpd out of reach: a pkg-config that finds nothing.
printf '#!/bin/sh\nexit 1\n' >"$work/stub/pkg-config"
chmod +x "$work/stub/pkg-config"
if ! (cd "$app" && PATH="$work/stub:$PATH" PKG_CONFIG_PATH=/nonexistent PKG_CONFIG_LIBDIR=/nonexistent \
  LIFECYCLED_BIN="$binary" swift test ${LIFECYCLED_BUILD_FLAGS-} >"$work/log" 2>&1); then
  cat "$work/log"
  echo "dependency check: swift test failed in a package that depends on the checkout as the README shows"
  exit 1
fi
grep -qE 'Test run with 1 test .*passed' "$work/log" || { cat "$work/log"; echo "dependency check: the README's test did not run"; exit 1; }
# Only the client's modules (and the test) may have been compiled: nothing of the server.
built=$(find "$app/.build" \( -name '*.o' -o -name '*.swiftmodule' \) -type f -not -path '*/ModuleCache/*' \
  | grep -E '/(LifecycleModel|LifecycleService|ServiceHTTP|MHDServer|lifecycled)\.(build|swiftmodule)' | head -5 || true)
if [ -n "$built" ]; then
  echo "dependency check: the server's modules were compiled for the client:"
  echo "$built"
  exit 1
fi
echo "dependency check: a package in another folder depends on the checkout as the README shows," \
  "builds without libmicrohttpd (nothing of the server compiled) and passes the README's Swift test"
