#!/usr/bin/env bash
# Prints the README's curl walkthrough with real output from a running server, so the
# README can be refreshed after a change: scripts/walkthrough.sh [BASE_URL]
set -euo pipefail
base=${1:-http://localhost:8080}
run() { echo "\$ $1"; eval "$1"; echo; }
cat <<'MD'
```console
MD
run "curl -s $base/healthz"
echo "\$ curl -s -d '{\"lifecycle\":\"app\",\"iosVersion\":\"11.0\",\"stateRestoration\":true}' $base/v1/sessions"
created=$(curl -s -d '{"lifecycle":"app","iosVersion":"11.0","stateRestoration":true}' "$base/v1/sessions")
echo "$created"; echo
ID=$(echo "$created" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "\$ ID=$ID   # the id above"
echo
echo "# Deep link, from not loaded: seed 001's 13 calls"
run "curl -s -d '{\"type\":\"openURL\",\"url\":\"appLaunchSeq://whatup\"}' $base/v1/sessions/\$ID/actions | python3 -m json.tool"
echo "# Home button; state is saved (stateRestoration)"
run "curl -s -d '{\"type\":\"background\"}' $base/v1/sessions/\$ID/actions"
echo "# Deep link, from backgrounded"
run "curl -s -d '{\"type\":\"openURL\",\"url\":\"appLaunchSeq://whatup\"}' $base/v1/sessions/\$ID/actions"
echo "# Something a device cannot do: tap the icon of the app on screen"
run "curl -s -d '{\"type\":\"launch\"}' $base/v1/sessions/\$ID/actions"
echo "# One shot, nothing kept"
run "curl -s -d '{\"session\":{\"lifecycle\":\"app\",\"iosVersion\":\"17.0\"},\"actions\":[{\"type\":\"launch\"},{\"type\":\"interruptionBegan\",\"kind\":\"call\"},{\"type\":\"interruptionEnded\",\"outcome\":\"resume\"}]}' $base/v1/simulate"
echo '```'
