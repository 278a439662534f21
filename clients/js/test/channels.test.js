// Picking one channel out of a result: delegate receivers on live results, observer
// channels on live results of sessions with `observers`, and on a synthetic result shaped
// as the observer contract describes them.
import { test } from "node:test";
import assert from "node:assert/strict";

import { OBSERVER_CHANNELS, appStateChanges, assertExplained, callbacksOf, channel, methodsOf, states } from "../index.js";
import { liveServer } from "./helpers.js";

const server = liveServer();

test("callbacksOf and methodsOf pick a delegate's callbacks out of a live result", async () => {
  const app = await server().client.createSession({ iosVersion: "17.0" });
  const launch = await app.act("launch");
  const scene = callbacksOf(launch, "sceneDelegate");
  assert.ok(scene.length > 0 && scene.every((c) => c.receiver === "sceneDelegate"));
  assert.deepEqual(methodsOf(launch, "sceneDelegate"), [
    "scene(_:willConnectTo:options:)",
    "sceneWillEnterForeground(_:)",
    "sceneDidBecomeActive(_:)",
  ]);
  assert.deepEqual(
    methodsOf(launch, ["appDelegate", "sceneDelegate"]),
    launch.callbacks.filter((c) => c.receiver !== "viewController").map((c) => c.method),
  );
  assert.deepEqual(methodsOf(launch), launch.callbacks.map((c) => c.method));
  assert.deepEqual(channel(launch, "sceneDelegate"), scene);
  // A session without observers has no observer items.
  assert.deepEqual(channel(launch, "reactNative"), []);
  assert.deepEqual(appStateChanges(launch), []);
});

// A launch and a trip to the home screen with notifications and React Native observing,
// as the observer contract describes the items (receiver = channel name, one list).
const observed = {
  steps: [
    {
      callbacks: [
        { seq: 1, receiver: "appDelegate", method: "application(_:didFinishLaunchingWithOptions:)", appState: "inactive" },
        { seq: 2, receiver: "notificationCenter", method: "UIApplication.didFinishLaunchingNotification", appState: "inactive" },
        { seq: 3, receiver: "appDelegate", method: "applicationDidBecomeActive(_:)", appState: "active" },
        { seq: 4, receiver: "notificationCenter", method: "UIApplication.didBecomeActiveNotification", appState: "active" },
        { seq: 5, receiver: "reactNative", method: "change", appState: "active", args: { state: "active" } },
      ],
    },
    {
      callbacks: [
        { seq: 6, receiver: "appDelegate", method: "applicationWillResignActive(_:)", appState: "active" },
        { seq: 7, receiver: "reactNative", method: "change", appState: "active", args: { state: "inactive" } },
        { seq: 8, receiver: "reactNative", method: "memoryWarning", appState: "background" },
        { seq: 9, receiver: "appDelegate", method: "applicationDidEnterBackground(_:)", appState: "background" },
        { seq: 10, receiver: "reactNative", method: "change", appState: "background", args: { state: "background" } },
      ],
    },
  ],
};

test("channel picks one observer channel's items, in order, across steps", () => {
  assert.deepEqual(channel(observed, "reactNative").map((c) => c.seq), [5, 7, 8, 10]);
  assert.deepEqual(methodsOf(channel(observed, "notifications")), [
    "UIApplication.didFinishLaunchingNotification",
    "UIApplication.didBecomeActiveNotification",
  ]);
  assert.deepEqual(channel(observed, "flutter"), []);
  assert.deepEqual(channel(observed.steps[1].callbacks, "reactNative").map((c) => c.seq), [7, 8, 10]);
});

test("appStateChanges is what React Native's AppState change listener receives", () => {
  assert.deepEqual(appStateChanges(observed), ["active", "inactive", "background"]);
  assert.deepEqual(appStateChanges(observed.steps[0]), ["active"]);
});

test("the channel names are the observer contract's", () => {
  assert.deepEqual([...OBSERVER_CHANNELS].sort(), [
    "capacitor", "composeMultiplatform", "cordova", "flutter", "maui", "notifications", "reactNative",
  ]);
  assert.ok(Object.isFrozen(OBSERVER_CHANNELS));
});

test("OBSERVER_CHANNELS is the running server's contract: its ObserverChannel enum", async () => {
  const contract = await (await fetch(`${server().url}/openapi.yaml`)).text();
  const listed = contract.match(/\n {4}ObserverChannel:\n(?: {6}.*\n)*? {6}enum: \[([^\]]*)\]/);
  assert.ok(listed, "the served openapi.yaml has no ObserverChannel enum");
  assert.deepEqual([...OBSERVER_CHANNELS], listed[1].split(",").map((name) => name.trim()));
});

test("a live session with observers: React Native's AppState and the notifications", async () => {
  const app = await server().client.createSession({
    lifecycle: "app", iosVersion: "17.0", observers: ["notifications", "reactNative"],
  });
  await app.act("launch");
  const home = await app.act("background");
  assert.deepEqual(appStateChanges(home), ["inactive", "background"]);
  const notes = channel(home, "notifications").map((c) => c.method);
  assert.deepEqual(notes.filter((m) => m.startsWith("UIApplication.")), [
    "UIApplication.willResignActiveNotification",
    "UIApplication.didEnterBackgroundNotification",
  ]);
  const back = await app.act("launch");
  assert.deepEqual(appStateChanges(back), ["active"]);
});

test("states and explain: a Flutter plugin's log read back into user actions", async () => {
  const client = server().client;
  const config = { iosVersion: "17.0", observers: ["flutter"] };
  const run = await client.simulate(["launch", "background"], config);
  assert.deepEqual(states(run, "flutter"), ["inactive", "resumed", "inactive", "hidden", "paused"]);
  const log = channel(run, "flutter").map((c) => ({ method: c.method, receiver: "flutter", args: c.args }));
  const explained = assertExplained(await client.explain(log, { config }));
  assert.ok(explained.explained);
  // Two states swapped: no action sequence makes Flutter report resumed first.
  const swapped = await client.explain([log[1], log[0], ...log.slice(2)], { config });
  assert.equal(swapped.explained, false);
  assert.throws(() => assertExplained(swapped), /not explained/);
});
