#!/usr/bin/env bash
# Issue #23: a build that only needs the Swift client must not involve libmicrohttpd.
# Builds the products LifecycledClient and LifecycledTestSupport in a scratch path of their
# own with a pkg-config that finds nothing (so libmicrohttpd is out of reach), then checks
# that the build passed and that none of the server's modules was compiled there.
#   scripts/check-client-build.sh     (make test runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build/client-only
rm -rf "$scratch"  # from nothing: what is built is what these products need (about 30 s)
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
printf '#!/bin/sh\nexit 1\n' >"$stub/pkg-config"
chmod +x "$stub/pkg-config"
for product in LifecycledClient LifecycledTestSupport; do
  if ! PATH="$stub:$PATH" PKG_CONFIG_PATH=/nonexistent PKG_CONFIG_LIBDIR=/nonexistent \
    swift build --product "$product" --scratch-path "$scratch" >"$stub/log" 2>&1; then
    cat "$stub/log"
    echo "client build: swift build --product $product failed without libmicrohttpd"
    exit 1
  fi
done
# Only the client's objects and modules may exist there (SwiftPM plans every target, so
# each has a folder; the compiled .o and .swiftmodule files say what was built).
built=$(find "$scratch" \( -name '*.o' -o -name '*.swiftmodule' -o -name lifecycled \) -type f \
  -not -path '*/ModuleCache/*' \
  | grep -vE '/(LifecycledClient|LifecycledTestSupport)\.build/|/Modules/Lifecycled(Client|TestSupport)\.(o|swiftmodule)$' \
  | head -5 || true)
if [ -n "$built" ]; then
  echo "client build: more than the client was built for the client products:"
  echo "$built"
  exit 1
fi
if [ ! -f "$scratch/debug/Modules/LifecycledClient.swiftmodule" ] && [ ! -f "$scratch/debug/LifecycledClient.swiftmodule" ]; then
  echo "client build: no LifecycledClient module in $scratch/debug"
  exit 1
fi
echo "client build: LifecycledClient and LifecycledTestSupport built without libmicrohttpd (pkg-config found nothing); no server module in $scratch"
