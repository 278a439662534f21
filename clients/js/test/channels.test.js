// Picking one channel out of a result: delegate receivers on live results, observer
// channels on a synthetic result shaped as the observer contract describes them
// (the server does not emit observer channels yet).
import { test } from "node:test";
import assert from "node:assert/strict";

import { OBSERVER_CHANNELS, appStateChanges, callbacksOf, channel, methodsOf } from "../index.js";
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
  // Today's results hold no observer items at all.
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
