// Picking one channel out of a result, so that a test reads like the app's own code
// (a React Native test asserts AppState changes, not UIKit callbacks).

import { callbacksIn, select } from "./matching.js";

/**
 * The observer channels a session can ask for (config `observers`), by the names their items
 * carry as `receiver` (the vocabulary of the observer contract: notifications and framework lenses).
 */
export const OBSERVER_CHANNELS = Object.freeze([
  "notifications",
  "reactNative",
  "flutter",
  "capacitor",
  "cordova",
  "maui",
  "composeMultiplatform",
]);

/**
 * The callbacks a receiver (or any of several) got, in order: `callbacksOf(result, "sceneDelegate")`.
 * @param {any} result an action, batch, simulate or paths result, or an array of callbacks
 * @param {string | string[]} receiver
 */
export function callbacksOf(result, receiver) {
  return select(result, { receiver });
}

/**
 * The method names a receiver got, in order; every callback's when `receiver` is left out.
 * @param {any} result
 * @param {string | string[]} [receiver]
 * @returns {string[]}
 */
export function methodsOf(result, receiver) {
  const chosen = receiver === undefined ? callbacksIn(result) : callbacksOf(result, receiver);
  return chosen.map((c) => c.method);
}

/**
 * One observer channel's items, in the order the app observes them: the items whose `receiver`
 * is the channel's name (`"reactNative"`, `"notifications"`, ...; a delegate's name works too).
 * A notification channel's items carry `receiver: "notificationCenter"`, so `"notifications"`
 * picks those.
 * @param {any} result
 * @param {string} name a channel name or any receiver
 */
export function channel(result, name) {
  return callbacksOf(result, name === "notifications" ? "notificationCenter" : name);
}

/**
 * React Native `AppState` changes in a result, as the `change` listener receives them
 * (`["active", "background", ...]`). Needs a session whose config has `observers: ["reactNative"]`
 * (empty otherwise).
 * @param {any} result
 * @returns {string[]}
 */
export function appStateChanges(result) {
  return channel(result, "reactNative")
    .filter((c) => c.method === "change")
    .map((c) => c.args?.state);
}

/**
 * A lens's states in order: `args.state` (or Capacitor's `args.isActive`) of each item of the
 * channel that has one, e.g. `states(result, "flutter")` is `["inactive", "resumed"]`.
 * @param {any} result
 * @param {string} name a channel name
 * @returns {any[]}
 */
export function states(result, name) {
  return channel(result, name)
    .map((c) => (c.args?.state !== undefined ? c.args.state : c.args?.isActive))
    .filter((s) => s !== undefined);
}
