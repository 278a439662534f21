// Replaying the true iOS sequence into a framework's own test doubles.
//
// A framework's test utilities let a test set a life-cycle state by hand, so the test
// encodes a guess. These doubles are shaped like the ones an app's tests already use
// (React Native's Jest preset mock of AppState, Capacitor's App plugin, Cordova's
// document events), and `replay` drives them with exactly what the service's lens
// produced for each step, in order: the app's own listener code runs against the true
// sequence. Sources (docs/sources.md): [RN-appstate], [RN-current], [RN-jest], [CAP-app], [CAP-api],
// [CDV-vc], [CDV-js]; the lenses themselves are docs/observers.md.
//
//   const AppState = createAppState();
//   const run = await client.simulate(["launch", "background", "launch"], { observers: ["reactNative"] });
//   const player = replay(run, AppState);
//   player.next();                    // launch: AppState.currentState is "active", no change fired
//   player.rest();                    // Home and back: "inactive", "background", "active"

/**
 * The steps of a result, each `{ action, callbacks, state }`: a simulate, batch or paths
 * result gives its steps, an action result is one step, and an array of callbacks (a
 * session's log) is one step whose `state` is unknown (`undefined`).
 * @param {any} source
 * @returns {Array<{ action?: any, callbacks: any[], state?: any }>}
 */
export function stepsOf(source) {
  if (Array.isArray(source)) return [{ callbacks: source }];
  if (source && Array.isArray(source.steps)) return source.steps;
  if (source && Array.isArray(source.callbacks)) return [source];
  throw new TypeError("replay takes a simulate, batch, paths or action result, or an array of callbacks");
}

/**
 * Plays `source` step by step into the doubles (`createAppState()`, `createCapacitorApp()`,
 * `createCordovaDocument()`); nothing is played until `next()` or `rest()`.
 * @param {any} source a result (or an array of callbacks)
 * @param {...{ play: (step: any) => void }} doubles
 */
export function replay(source, ...doubles) {
  return new Replay(stepsOf(source), doubles);
}

/** A replay in progress: `next()` plays one step into every double, `rest()` the others. */
export class Replay {
  /**
   * @param {any[]} steps
   * @param {Array<{ play: (step: any) => void }>} doubles
   */
  constructor(steps, doubles) {
    if (doubles.length === 0) throw new TypeError("replay needs at least one double to drive");
    for (const double of doubles) {
      if (typeof double?.play !== "function") throw new TypeError("a replay double must have play(step)");
    }
    /** @type {any[]} */
    this.steps = steps;
    /** @type {number} how many steps have been played */
    this.played = 0;
    this._doubles = doubles;
  }

  /** True when every step has been played. */
  get done() {
    return this.played >= this.steps.length;
  }

  /** Plays the next step into every double and answers it (`undefined` when done). */
  next() {
    if (this.done) return undefined;
    const step = this.steps[this.played++];
    for (const double of this._doubles) double.play(step);
    return step;
  }

  /** Plays every step left; answers them. */
  rest() {
    const played = [];
    while (!this.done) played.push(this.next());
    return played;
  }

  [Symbol.iterator]() {
    return { next: () => (this.done ? { done: true, value: undefined } : { done: false, value: this.next() }) };
  }
}

/**
 * Whether the simulated process runs between steps, and whether a step started it: the
 * app is running unless its state is `notRunning`. A step without a state (a session's log)
 * ends in the state its last callback reports (callbacks only happen in a running process).
 */
class ProcessWatch {
  constructor() {
    this.running = false;
  }

  /**
   * @param {any} step
   * @param {any[]} items the step's callbacks
   * @returns {{ started: boolean, ended: boolean, endState: string | undefined }}
   */
  advance(step, items) {
    const endState = step.state?.app ?? items.at(-1)?.appState ?? (this.running ? undefined : "notRunning");
    const wasRunning = this.running;
    this.running = endState !== undefined ? endState !== "notRunning" : wasRunning;
    return { started: !wasRunning && this.running, ended: wasRunning && !this.running, endState };
  }
}

/** The items of one channel in a step, in order. */
function itemsOf(step, receiver) {
  return (step.callbacks ?? []).filter((c) => c.receiver === receiver);
}

/** Calls each listener, so that one that throws does not hide the others' calls; rethrows the first error. */
function callAll(listeners, args) {
  let failure;
  for (const listener of [...listeners]) {
    try {
      listener(...args);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

// --- React Native --------------------------------------------------------------------------

/** `RCTCurrentAppState`'s string for a UIApplication state ([RN-appstate]). */
function reactNativeState(appState) {
  return appState === "active" || appState === "inactive" || appState === "background" ? appState : "unknown";
}

/**
 * A React Native `AppState` double, shaped like the mock of React Native's Jest preset
 * ([RN-jest]: `currentState`, `addEventListener` answering a subscription with `remove`,
 * `removeEventListener`), that a replay drives with the `reactNative` lens's items
 * (config `observers: ["reactNative"]`).
 *
 * - `change` listeners get each `change` item's state; `memoryWarning` listeners each
 *   `memoryWarning` item. `focus` and `blur` are Android's (AppState.js maps them to
 *   `appStateFocusChange`, which iOS never sends): accepted, never called.
 * - `currentState` is updated before the `change` listeners run, as AppState.js's own
 *   listener (registered first) does ([RN-current]).
 * - Before any step: `null` (no JavaScript runs). At a process start with no `change`
 *   (a cold launch: the lens sends none, docs/observers.md), `currentState` is what
 *   AppState.js reads once the app's JavaScript runs: the native module's
 *   `initialAppState`, corrected by `getCurrentAppState`, i.e. `applicationState` as
 *   `RCTCurrentAppState` names it at the end of the launch: `"active"` after a launch into
 *   the foreground, `"background"` after one into the background ([RN-current]).
 *   Otherwise it is the last `change`'s state; after a step that ends the process it keeps
 *   the value its JavaScript last saw.
 */
export function createAppState() {
  /** @type {Record<string, Set<Function>>} */
  const listeners = { change: new Set(), memoryWarning: new Set(), focus: new Set(), blur: new Set() };
  const process = new ProcessWatch();
  let changedInProcess = false;

  const appState = {
    /** @type {string | null} */
    currentState: null,
    isAvailable: true,
    /**
     * @param {"change" | "memoryWarning" | "focus" | "blur"} type
     * @param {Function} handler
     */
    addEventListener(type, handler) {
      const set = listeners[type];
      if (!set) throw new Error(`Trying to subscribe to unknown event: ${type}`);  // AppState.js's words
      // AppState.js wraps every handler in a subscription of its own: one per call.
      const wrapped = Object.assign((...args) => handler(...args), { original: handler });
      set.add(wrapped);
      return { remove: () => set.delete(wrapped) };
    },
    /**
     * React Native's Jest preset mock has it; AppState.js itself dropped it (use the
     * subscription's `remove`). Removes every subscription of `handler`.
     */
    removeEventListener(type, handler) {
      const set = listeners[type];
      if (!set) return;
      for (const wrapped of [...set]) if (wrapped.original === handler) set.delete(wrapped);
    },
    /** How many listeners are subscribed to `type` (for a test that checks its code unsubscribes). */
    listenerCount(type) {
      return listeners[type]?.size ?? 0;
    },
    /** Plays one step's `reactNative` items (called by `replay`). */
    play(step) {
      const items = itemsOf(step, "reactNative");
      const { started, endState } = process.advance(step, step.callbacks ?? []);
      if (started) changedInProcess = false;
      for (const item of items) {
        if (item.method === "change") {
          changedInProcess = true;
          appState.currentState = item.args?.state;
          callAll(listeners.change, [item.args?.state]);
        } else if (item.method === "memoryWarning") {
          callAll(listeners.memoryWarning, []);
        }
      }
      // What AppState.js reads once the process's JavaScript runs, when no change came (a
      // process that ends the step suspended, as after a prewarm, runs no JavaScript yet).
      if (started && !changedInProcess && endState !== undefined && endState !== "suspended") {
        appState.currentState = reactNativeState(endState);
      }
    },
  };
  return appState;
}

// --- Capacitor -----------------------------------------------------------------------------

/**
 * A Capacitor `App` plugin double ([CAP-api]: `addListener` answering a promise of a handle
 * with `remove`, `removeAllListeners`, `getState`), that a replay drives with the
 * `capacitor` lens's items (config `observers: ["capacitor"]`).
 *
 * - `appStateChange` listeners get `{ isActive }`; `pause` and `resume` listeners get no
 *   argument (the plugin sends no data, and its definitions type them `() => void`).
 * - `getState()` answers `{ isActive }` with `isActive` true when `applicationState` is
 *   active as it is asked ([CAP-app] `getState`): during a listener, the item's
 *   `appState`; between steps, the state the step ended in; before any step, false.
 * - Listeners are registered at once (the promise is already resolved), so code that does
 *   not await `addListener` still hears the next step.
 */
export function createCapacitorApp() {
  const names = ["appStateChange", "pause", "resume"];
  /** @type {Record<string, Set<Function>>} */
  const listeners = Object.fromEntries(names.map((n) => [n, new Set()]));
  const process = new ProcessWatch();
  let active = false;

  const app = {
    /**
     * @param {"appStateChange" | "pause" | "resume"} eventName
     * @param {Function} listenerFunc
     */
    addListener(eventName, listenerFunc) {
      const set = listeners[eventName];
      if (!set) {
        return Promise.reject(new Error(`the App double replays ${names.join(", ")}; not ${eventName}`));
      }
      const wrapped = (...args) => listenerFunc(...args);
      set.add(wrapped);
      return Promise.resolve({ remove: async () => void set.delete(wrapped) });
    },
    /** Removes every listener of every event. */
    async removeAllListeners() {
      for (const set of Object.values(listeners)) set.clear();
    },
    /** `{ isActive }`: whether `applicationState` is active now. */
    async getState() {
      return { isActive: active };
    },
    /** How many listeners `eventName` has. */
    listenerCount(eventName) {
      return listeners[eventName]?.size ?? 0;
    },
    /** Plays one step's `capacitor` items (called by `replay`). */
    play(step) {
      const { endState } = process.advance(step, step.callbacks ?? []);
      for (const item of itemsOf(step, "capacitor")) {
        active = item.appState === "active";
        if (item.method === "appStateChange") callAll(listeners.appStateChange, [{ isActive: item.args?.isActive }]);
        else if (item.method === "pause") callAll(listeners.pause, []);
        else if (item.method === "resume") callAll(listeners.resume, []);
      }
      if (endState !== undefined) active = endState === "active";
    },
  };
  return app;
}

// --- Cordova -------------------------------------------------------------------------------

/** The document events Cordova fires on iOS: deviceready, and the four of the `cordova` lens. */
export const CORDOVA_EVENTS = Object.freeze(["deviceready", "pause", "resume", "active", "resign"]);

/**
 * A Cordova `document` double: an `EventTarget` that a replay drives with the `cordova`
 * lens's items (config `observers: ["cordova"]`) as `Event`s of the same names:
 * `resign`, `pause`, `resume`, `active` ([CDV-vc]).
 *
 * - `deviceready` fires once a process's page has loaded: at the end of the step that
 *   started the process (the page hears nothing of the launch itself, docs/observers.md),
 *   and again after a later launch (a new process, a new page).
 * - `deviceready` is sticky, as cordova.js makes it: a listener added after it fired runs
 *   at once ([CDV-js]).
 * - `ready` is true between deviceready and the end of the process.
 */
export function createCordovaDocument() {
  const target = new EventTarget();
  const process = new ProcessWatch();
  let ready = false;
  const add = target.addEventListener.bind(target);
  target.addEventListener = (type, listener, options) => {
    if (type === "deviceready" && ready) {
      // cordova.js's sticky channel calls a late subscriber at once, with the fired event.
      const event = new Event("deviceready");
      if (typeof listener === "function") listener.call(target, event);
      else listener?.handleEvent?.(event);
      return;
    }
    add(type, listener, options);
  };
  Object.defineProperty(target, "ready", { get: () => ready });
  target.play = (step) => {
    const { started, ended } = process.advance(step, step.callbacks ?? []);
    if (ended) ready = false;
    for (const item of itemsOf(step, "cordova")) {
      if (CORDOVA_EVENTS.includes(item.method)) target.dispatchEvent(new Event(item.method));
    }
    if (started && process.running) {
      ready = true;
      target.dispatchEvent(new Event("deviceready"));
    }
  };
  return target;
}
