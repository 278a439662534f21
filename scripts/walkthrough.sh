#!/usr/bin/env bash
# Prints the README's curl walkthrough with real output from a running server, so the
# README can be refreshed after a change: scripts/walkthrough.sh [BASE_URL]
set -euo pipefail
base=${1:-http://localhost:8080}
# The commands call scripts/callbacks.py by its path from the repository root.
cd "$(dirname "$0")/.."
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
echo "# Deep link, from not loaded: seed 001's 13 app-delegate calls, then the root view controller's"
run "curl -s -d '{\"type\":\"openURL\",\"url\":\"appLaunchSeq://whatup\"}' $base/v1/sessions/\$ID/actions | python3 scripts/callbacks.py"
echo "# Home button; state is saved (stateRestoration)"
run "curl -s -d '{\"type\":\"background\"}' $base/v1/sessions/\$ID/actions"
echo "# Deep link, from backgrounded"
run "curl -s -d '{\"type\":\"openURL\",\"url\":\"appLaunchSeq://whatup\"}' $base/v1/sessions/\$ID/actions"
echo "# Something a device cannot do: tap the icon of the app on screen"
run "curl -s -d '{\"type\":\"launch\"}' $base/v1/sessions/\$ID/actions"
echo "# A scene-based app: {} is an iOS 17 scene session. A cold deep link arrives in the connection options"
created=$(curl -s -d '{}' "$base/v1/sessions")
SCENE=$(echo "$created" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "\$ SCENE=\$(curl -s -d '{}' $base/v1/sessions | sed -E 's/.*\"id\":\"([^\"]+)\".*/\\1/')"
echo
run "curl -s -d '{\"type\":\"openURL\",\"url\":\"myapp://item/7\"}' $base/v1/sessions/\$SCENE/actions | python3 scripts/callbacks.py"
echo "# Push a view controller onto the scene's window"
run "curl -s -d '{\"type\":\"push\",\"name\":\"detail\"}' $base/v1/sessions/\$SCENE/actions | python3 scripts/callbacks.py"
echo "# Turn the phone to landscape: size classes change, so the trait transition comes first (issue #12)"
run "curl -s -d '{\"type\":\"rotate\",\"orientation\":\"landscapeLeft\"}' $base/v1/sessions/\$SCENE/actions | python3 scripts/callbacks.py"
echo "# The same rotation's state: the window's orientation"
run "curl -s $base/v1/sessions/\$SCENE | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"state\"][\"windows\"])'"
echo "# Dark Mode, switched while the app is in the background: it arrives on the way back, before sceneDidBecomeActive"
run "curl -s -d '{\"type\":\"background\"}' $base/v1/sessions/\$SCENE/actions | python3 scripts/callbacks.py"
run "curl -s -d '{\"type\":\"setAppearance\",\"style\":\"dark\"}' $base/v1/sessions/\$SCENE/actions | python3 scripts/callbacks.py"
run "curl -s -d '{\"type\":\"launch\"}' $base/v1/sessions/\$SCENE/actions | python3 scripts/callbacks.py"
echo "# A tab bar: the second tab loads at its first selection"
run "curl -s -d '{\"session\":{\"tabs\":[\"home\",\"search\"]},\"actions\":[{\"type\":\"launch\"},{\"type\":\"selectTab\",\"index\":1}]}' '$base/v1/simulate?format=text'"
echo "# One shot, nothing kept"
run "curl -s -d '{\"session\":{\"lifecycle\":\"app\",\"iosVersion\":\"17.0\"},\"actions\":[{\"type\":\"memoryWarning\"},{\"type\":\"terminate\",\"by\":\"system\"}]}' $base/v1/simulate"
echo '```'
echo
echo "The background-work walkthrough (README, \"Background work, prewarming and iOS 27\"):"
echo
cat <<'MD'
```console
MD
echo "# A BGTaskScheduler refresh task launches an iOS 27 app that is not running"
echo "\$ BG=\$(curl -s -d '{\"iosVersion\":\"27.0\",\"backgroundModes\":[\"fetch\"],\"backgroundTasks\":[{\"identifier\":\"com.example.refresh\",\"kind\":\"appRefresh\"}],\"registersForRemoteNotifications\":true}' $base/v1/sessions | sed -E 's/.*\"id\":\"([^\"]+)\".*/\\1/')"
created=$(curl -s -d '{"iosVersion":"27.0","backgroundModes":["fetch"],"backgroundTasks":[{"identifier":"com.example.refresh","kind":"appRefresh"}],"registersForRemoteNotifications":true}' "$base/v1/sessions")
BG=$(echo "$created" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo
run "curl -s -d '{\"type\":\"runBackgroundTask\",\"identifier\":\"com.example.refresh\",\"seconds\":2}' $base/v1/sessions/\$BG/actions | python3 scripts/callbacks.py"
echo "# A prewarm that runs through didFinishLaunching (quirk prewarmStopsAt), then the user's launch"
echo "\$ PRE=\$(curl -s -d '{\"iosVersion\":\"27.0\",\"quirks\":{\"prewarmStopsAt\":\"afterDidFinish\"}}' $base/v1/sessions | sed -E 's/.*\"id\":\"([^\"]+)\".*/\\1/')"
created=$(curl -s -d '{"iosVersion":"27.0","quirks":{"prewarmStopsAt":"afterDidFinish"}}' "$base/v1/sessions")
PRE=$(echo "$created" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo
run "curl -s -d '{\"type\":\"prewarm\"}' $base/v1/sessions/\$PRE/actions"
run "curl -s -d '{\"type\":\"launch\"}' $base/v1/sessions/\$PRE/actions | python3 scripts/callbacks.py"
echo "# iOS 27 SDK without scenes: a 400 that says what to send"
run "curl -s -d '{\"lifecycle\":\"app\",\"iosVersion\":\"27.0\"}' $base/v1/sessions"
echo '```'
