// The replay into each framework's test double, against the live server: a small listener
// written the way an app writes it hears exactly what the service's lens produced, in order,
// and a fault put into the replay (a dropped or a reordered event) is caught.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  CORDOVA_EVENTS,
  appStateChanges,
  channel,
  createAppState,
  createCapacitorApp,
  createCordovaDocument,
  replay,
  stepsOf,
} from "../index.js";
import { liveServer } from "./helpers.js";

const server = liveServer();

// iOS 12, sceneless: launch, Home, back, Control Center pulled and dismissed.
const ACTIONS = [
  "launch",
  "background",
  "launch",
  { type: "interruptionBegan", kind: "controlCenter" },
  { type: "interruptionEnded", outcome: "resume" },
];
const simulate = (observers) =>
  server().client.simulate(ACTIONS, { lifecycle: "app", iosVersion: "12.0", observers });

/** A copy of `run` with one item of `receiver` dropped (`drop`) or two adjacent ones swapped (`swap`). */
function withFault(run, receiver, fault) {
  const copy = structuredClone(run);
  const located = copy.steps.flatMap((step) =>
    step.callbacks.map((c, index) => ({ step, index, c })).filter(({ c }) => c.receiver === receiver),
  );
  if (fault === "drop") {
    const { step, index } = located[0];
    step.callbacks.splice(index, 1);
  } else {
    // The first two items of one step that differ, swapped.
    const pair = located.findIndex((a, i) => {
      const b = located[i + 1];
      return b && b.step === a.step && JSON.stringify(a.c.args) + a.c.method !== JSON.stringify(b.c.args) + b.c.method;
    });
    assert.ok(pair >= 0, "no two different items in one step to swap");
    const { step, index } = located[pair];
    const other = located[pair + 1].index;
    [step.callbacks[index], step.callbacks[other]] = [step.callbacks[other], step.callbacks[index]];
  }
  return copy;
}

// --- React Native ----------------------------------------------------------------------

/** App code, as React Native's AppState guide writes it: a refresh when the app comes back. */
function watchForeground(AppState, onForeground) {
  let last = AppState.currentState;
  const seen = [];
  const subscription = AppState.addEventListener("change", (next) => {
    seen.push(next);
    if (/inactive|background/.test(last) && next === "active") onForeground();
    last = next;
  });
  return { seen, remove: () => subscription.remove() };
}

/** Replays `run` into a fresh double; the app's code starts once the launch is done. */
function runReactNative(run) {
  const AppState = createAppState();
  const player = replay(run, AppState);
  const before = AppState.currentState;
  player.next(); // the launch: the app's JavaScript runs from here on
  const atLaunch = AppState.currentState;
  let refreshes = 0;
  const app = watchForeground(AppState, () => (refreshes += 1));
  const between = [];
  while (!player.done) {
    player.next();
    between.push(AppState.currentState);
  }
  app.remove();
  return { before, atLaunch, seen: app.seen, between, refreshes, listeners: AppState.listenerCount("change") };
}

test("React Native: AppState replays the lens, and currentState is right between steps", async () => {
  const run = await simulate(["reactNative"]);
  const lens = appStateChanges(run);
  assert.deepEqual(lens, ["inactive", "background", "active", "inactive", "active"]);
  const r = runReactNative(run);
  assert.equal(r.before, null, "no JavaScript runs before the launch");
  assert.equal(r.atLaunch, "active", "AppState.currentState after a cold launch, with no change fired");
  assert.deepEqual(r.seen, lens);
  assert.deepEqual(r.between, ["background", "active", "inactive", "active"]);
  // Back from Home, and back from Control Center: the guide's check counts both.
  assert.equal(r.refreshes, 2);
  assert.equal(r.listeners, 0, "remove() unsubscribed");
});

test("React Native: a dropped or reordered change in the replay is caught", async () => {
  const run = await simulate(["reactNative"]);
  const lens = appStateChanges(run);
  for (const fault of ["drop", "swap"]) {
    const r = runReactNative(withFault(run, "reactNative", fault));
    assert.notDeepEqual(r.seen, lens, `a ${fault} went unnoticed`);
    assert.throws(() => assert.deepEqual(r.seen, lens));
  }
});

test("React Native: a launch into the background reads background; memory warnings reach their listeners", async () => {
  const run = await server().client.simulate(["backgroundFetch", "memoryWarning", "launch"], {
    lifecycle: "app",
    iosVersion: "17.0",
    backgroundModes: ["fetch"],
    observers: ["reactNative"],
  });
  const AppState = createAppState();
  const warnings = [];
  const changes = [];
  AppState.addEventListener("memoryWarning", () => warnings.push(AppState.currentState));
  AppState.addEventListener("change", (s) => changes.push(s));
  const player = replay(run, AppState);
  player.next();
  assert.equal(AppState.currentState, "background");
  player.rest();
  assert.equal(warnings.length, channel(run, "reactNative").filter((c) => c.method === "memoryWarning").length);
  assert.ok(warnings.length >= 1);
  assert.deepEqual(changes, appStateChanges(run));
  assert.equal(AppState.currentState, "active");
});

// --- Capacitor -------------------------------------------------------------------------

/** App code, as Capacitor apps write it: pause and resume, and the active flag. */
async function capacitorLog(App) {
  const log = [];
  await App.addListener("appStateChange", ({ isActive }) => log.push(isActive ? "active" : "inactive"));
  await App.addListener("pause", () => log.push("pause"));
  await App.addListener("resume", () => log.push("resume"));
  return log;
}

/** The lens's items in the same words. */
const capacitorLens = (run) =>
  channel(run, "capacitor").map((c) =>
    c.method === "appStateChange" ? (c.args.isActive ? "active" : "inactive") : c.method,
  );

async function runCapacitor(run) {
  const App = createCapacitorApp();
  const states = [(await App.getState()).isActive];
  const log = await capacitorLog(App);
  for (const _ of replay(run, App)) states.push((await App.getState()).isActive);
  return { log, states };
}

test("Capacitor: the App double replays the lens, and getState is right between steps", async () => {
  const run = await simulate(["capacitor"]);
  const lens = capacitorLens(run);
  assert.deepEqual(lens, ["inactive", "pause", "resume", "active", "inactive", "active"]);
  const { log, states } = await runCapacitor(run);
  assert.deepEqual(log, lens);
  // Before the launch, after it (no event: the launch's appStateChange is lost), Home, back,
  // Control Center, dismissed.
  assert.deepEqual(states, [false, true, false, true, false, true]);
});

test("Capacitor: a dropped or reordered event in the replay is caught", async () => {
  const run = await simulate(["capacitor"]);
  const lens = capacitorLens(run);
  for (const fault of ["drop", "swap"]) {
    const { log } = await runCapacitor(withFault(run, "capacitor", fault));
    assert.notDeepEqual(log, lens, `a ${fault} went unnoticed`);
  }
});

test("Capacitor: remove and removeAllListeners stop the calls; getState reads the moment inside a listener", async () => {
  const run = await simulate(["capacitor"]);
  const App = createCapacitorApp();
  const during = [];
  const handle = await App.addListener("appStateChange", async () => during.push((await App.getState()).isActive));
  const paused = [];
  await App.addListener("pause", () => paused.push(true));
  const player = replay(run, App);
  player.next();
  player.next(); // Home: appStateChange(false) while still active, then pause
  await handle.remove();
  player.next();
  await App.removeAllListeners();
  player.rest();
  assert.deepEqual(during, [true]); // willResignActive: applicationState is still active
  assert.deepEqual(paused, [true]);
  assert.equal(App.listenerCount("pause"), 0);
  await assert.rejects(App.addListener("backButton", () => {}), /replays appStateChange, pause, resume/);
});

// --- Cordova -----------------------------------------------------------------------------

/** App code, as Cordova apps write it: lifecycle listeners once deviceready has fired. */
function cordovaApp(document) {
  const log = [];
  document.addEventListener(
    "deviceready",
    () => {
      log.push("deviceready");
      for (const name of ["pause", "resume", "active", "resign"]) {
        document.addEventListener(name, (event) => log.push(event.type), false);
      }
    },
    false,
  );
  return log;
}

function runCordova(run) {
  const document = createCordovaDocument();
  const log = cordovaApp(document);
  const ready = [document.ready];
  for (const _ of replay(run, document)) ready.push(document.ready);
  return { log, ready };
}

test("Cordova: document events replay the lens, after deviceready", async () => {
  const run = await simulate(["cordova"]);
  const lens = channel(run, "cordova").map((c) => c.method);
  assert.deepEqual(lens, ["resign", "pause", "resume", "active", "resign", "active"]);
  const { log, ready } = runCordova(run);
  assert.deepEqual(log, ["deviceready", ...lens]);
  assert.deepEqual(ready, [false, true, true, true, true, true]);
});

test("Cordova: a dropped or reordered event in the replay is caught", async () => {
  const run = await simulate(["cordova"]);
  const lens = ["deviceready", ...channel(run, "cordova").map((c) => c.method)];
  for (const fault of ["drop", "swap"]) {
    const { log } = runCordova(withFault(run, "cordova", fault));
    assert.notDeepEqual(log, lens, `a ${fault} went unnoticed`);
  }
});

test("Cordova: deviceready is sticky, and fires again for a new process", async () => {
  const run = await server().client.simulate(["launch", "background", { type: "terminate", by: "user" }, "launch"], {
    lifecycle: "app",
    iosVersion: "17.0",
    observers: ["cordova"],
  });
  const document = createCordovaDocument();
  const readies = [];
  const player = replay(run, document);
  player.next();
  document.addEventListener("deviceready", (e) => readies.push(`late ${e.type}`)); // added after it fired
  assert.deepEqual(readies, ["late deviceready"]);
  player.next();
  player.next();
  assert.equal(document.ready, false, "the process ended");
  document.addEventListener("deviceready", () => readies.push("next process"));
  player.next();
  assert.deepEqual(readies, ["late deviceready", "next process"]);
  assert.deepEqual([...CORDOVA_EVENTS], ["deviceready", "pause", "resume", "active", "resign"]);
});

// --- The replay itself -----------------------------------------------------------------

test("replay takes simulate, batch and action results and a session's log, one step at a time", async () => {
  const app = await server().client.createSession({ lifecycle: "app", iosVersion: "12.0", observers: ["reactNative"] });
  const AppState = createAppState();
  const seen = [];
  AppState.addEventListener("change", (s) => seen.push(s));
  replay(await app.act("launch"), AppState).rest();
  assert.equal(AppState.currentState, "active");
  const batch = await app.batch(["background", "launch"]);
  assert.equal(stepsOf(batch).length, 2);
  const player = replay(batch, AppState);
  assert.equal(player.next(), batch.steps[0]);
  assert.equal(AppState.currentState, "background");
  player.rest();
  assert.deepEqual(seen, ["inactive", "background", "active"]);
  // A session's log: one step, whose items are the same.
  const logDouble = createAppState();
  const fromLog = [];
  logDouble.addEventListener("change", (s) => fromLog.push(s));
  replay(await app.callbacks(), logDouble).rest();
  assert.deepEqual(fromLog, seen);
  assert.throws(() => replay({}, AppState), TypeError);
  assert.throws(() => replay([]), /at least one double/);
});
