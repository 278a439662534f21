// Hand-written types for lifecycled's JavaScript client (index.js). The server's JSON is
// described by openapi.yaml; these types name what tests read and keep index signatures
// where the contract grows (new state members, new callback args).

/** `UIApplication.State` as the simulator reports it, plus `notRunning` and `suspended`. */
export type AppState = "notRunning" | "inactive" | "active" | "background" | "suspended";

/** `UIScene.ActivationState`, plus `suspended`. */
export type SceneState = "unattached" | "foregroundInactive" | "foregroundActive" | "background" | "suspended";

/** A session config as `POST /v1/sessions` takes it; every field optional. */
export interface SessionConfig {
  lifecycle?: "app" | "scene";
  iosVersion?: string;
  device?: "iphone" | "ipad";
  stateRestoration?: boolean;
  notificationCenterDelegate?: boolean;
  backgroundModes?: Array<"fetch" | "remote-notification" | "location" | "audio" | "processing">;
  supportsMultipleScenes?: boolean;
  rootViewController?: string;
  ui?: "uikit" | "swiftui";
  tabs?: string[];
  sdkVersion?: string;
  backgroundTasks?: Array<{ identifier: string; kind: "appRefresh" | "processing" }>;
  registersForRemoteNotifications?: boolean;
  /** Observer channels (see `OBSERVER_CHANNELS`): their items join `callbacks`. */
  observers?: ObserverChannel[];
  quirks?: Record<string, string | number | boolean>;
  [field: string]: unknown;
}

/** The resolved config the server reports: every field present. */
export type ResolvedConfig = Required<Pick<SessionConfig, "lifecycle" | "iosVersion" | "device">> & SessionConfig;

/** An action: `{ type: "openURL", url: "myapp://x" }`. */
export interface Action {
  type: string;
  [member: string]: unknown;
}

/** What the action methods take: an action object or a bare type (`"launch"`). */
export type ActionLike = string | Action;

/** One callback (or observer item) as the app received it. */
export interface Callback {
  seq: number;
  receiver: string;
  method: string;
  appState: "inactive" | "active" | "background";
  sceneId?: string;
  sceneState?: SceneState;
  viewController?: string;
  args?: Record<string, any>;
}

/** A scene session of a scene-based app. */
export interface Scene {
  id: string;
  state: SceneState;
  hasRestorationActivity: boolean;
  [member: string]: unknown;
}

/** The session's state after an action. */
export interface State {
  app: AppState;
  clock: number;
  locked: boolean;
  restorationArchive: boolean;
  interruption: string | null;
  protectedDataAvailable: boolean;
  backgroundTasks: Array<Record<string, any>>;
  backgroundTimeRemaining: number | null;
  suspendsAt: number | null;
  userForceQuit: boolean;
  lastTermination: { reason: string; at: number } | null;
  windows: Array<Record<string, any>>;
  /** Scene-based sessions only. */
  scenes?: Scene[];
  [member: string]: unknown;
}

/** What one action did (`POST .../actions` with one action). */
export interface ActionResult {
  action: Action;
  callbacks: Callback[];
  state: State;
  /** `moveTo` only: the plain actions it took and how many callbacks each made. */
  path?: Array<{ action: Action; callbackCount: number }>;
}

/** A batch: every step's result and the state after the last. */
export interface BatchResult {
  steps: ActionResult[];
  state: State;
}

/** `POST /v1/simulate`: every step's result, the resolved config and the final state. */
export interface SimulateResult {
  steps: ActionResult[];
  config: ResolvedConfig;
  state: State;
}

/** `POST /v1/paths`: the plain actions to the target and each step's result. */
export interface PathsResult extends SimulateResult {
  actions: Action[];
}

/** `POST /v1/coverage`. */
export interface CoverageResult {
  states: number;
  transitions: number;
  covered: number;
  actions: number;
  sequences: Action[][];
  bounds: { scenes: number; tasks: number; depth: number };
  config: ResolvedConfig;
}

/** `POST /v1/diff`. */
export interface DiffResult {
  steps: Array<{
    action: Action;
    outcomes: [{ appState: AppState; refused?: string }, { appState: AppState; refused?: string }];
    alignment: Array<{ op: "same" | "first" | "second"; first?: Callback; second?: Callback }>;
  }>;
  summary: { same: number; firstOnly: number; secondOnly: number };
  configs: [ResolvedConfig, ResolvedConfig];
}

/** `GET /v1/sessions/{id}`. */
export interface SessionInfo {
  id: string;
  config: ResolvedConfig;
  state: State;
  callbackCount: number;
  allowedActions: string[];
  /** The types only partly possible now, with the values possible: `{ terminate: { by: ["system"] } }`. */
  allowedVariants?: Record<string, Record<string, string[]>>;
}

/** One page of `GET /v1/sessions`. */
export interface SessionPage {
  sessions: Array<Omit<SessionInfo, "allowedActions"> & { allowedActions?: string[] }>;
  next: number | null;
}

/** One page of the callback log. */
export interface CallbackPage {
  callbacks: Callback[];
  next: number;
  dropped: number;
  total: number;
}

/** `GET /v1/sessions/{id}/journal`: replay it with `Client.replay`. */
export interface Journal {
  config: ResolvedConfig;
  actions: Action[];
  complete: boolean;
}

/** Anything the matching and channel helpers read callbacks from. */
export type Callbacks = Callback[] | { callbacks: Callback[] } | { steps: Array<{ callbacks: Callback[] }> };

/** Filters of the matching helpers. */
export interface CallbackFilters {
  receiver?: string | string[];
  scene?: string;
  viewController?: string;
}

/** A pattern entry: a method (glob with `*`), `"*"`, `"..."`, or `[receiver, method]`. */
export type PatternEntry = string | [string, string];

/** The prefix of every problem `type`. */
export const PROBLEM_PREFIX: "urn:lifecycled:problem:";

/** An error answered by lifecycled (RFC 9457 problem), thrown by every client method. */
export class LifecycledProblem extends Error {
  constructor(
    problem: Record<string, any>,
    where?: { method?: string; path?: string; headers?: Headers | Record<string, string> },
  );
  readonly name: "LifecycledProblem";
  /** The whole decoded body. */
  problem: Record<string, any>;
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  retryAfter?: number;
  /** 400: the field at fault and, where enumerable, its allowed values. */
  field?: string;
  allowed?: string[];
  offset?: number;
  suggestion?: string;
  /** 409: the refused action, the app state, what it needs and what is possible now. */
  action?: string;
  state?: string;
  needs?: string;
  allowedActions?: string[];
  /** 409: the types only partly possible, with the values possible now. */
  allowedVariants?: Record<string, Record<string, string[]>>;
  /** Batches and /v1/simulate: the index (from 0) of the action at fault. */
  step?: number;
  limit?: number;
  method: string;
  path: string;
  /** The short name of the type, e.g. `action-not-allowed`. */
  readonly problemName: string;
}

/** One lifecycled server. */
export class Client {
  constructor(url: string, options?: { timeout?: number; fetch?: typeof fetch });
  readonly url: string;
  timeout: number;
  request(
    method: string,
    path: string,
    options?: { body?: unknown; query?: Record<string, string | number | undefined>; accept?: string },
  ): Promise<{ status: number; headers: Headers; body: any }>;
  get(path: string, query?: Record<string, string | number | undefined>): Promise<any>;
  post(path: string, body: unknown, query?: Record<string, string | number | undefined>): Promise<any>;
  health(): Promise<boolean>;
  openapi(): Promise<string>;
  createSession(config?: SessionConfig): Promise<Session>;
  putSession(id: string, config?: SessionConfig): Promise<Session>;
  session(id: string): Promise<Session>;
  sessionPage(page?: { after?: number; limit?: number }): Promise<SessionPage>;
  sessions(options?: { pageSize?: number }): Promise<SessionPage["sessions"]>;
  reset(): Promise<void>;
  replay(journal: Pick<Journal, "config" | "actions">): Promise<Session>;
  simulate(actions: ActionLike[], config?: SessionConfig): Promise<SimulateResult>;
  simulateText(format: "text" | "mermaid" | "plantuml", actions: ActionLike[], config?: SessionConfig): Promise<string>;
  paths(request: { to: { app: AppState; scene?: SceneState }; config?: SessionConfig; from?: ActionLike[] }): Promise<PathsResult>;
  coverage(request?: { config?: SessionConfig; bounds?: { scenes?: number; tasks?: number; depth?: number } }): Promise<CoverageResult>;
  diff(configs: [SessionConfig, SessionConfig], actions: ActionLike[]): Promise<DiffResult>;
  /** `POST /v1/explain`: the user actions behind a recorded log (text, lines or callback objects). */
  explain(
    log: string | Array<string | LogEntry>,
    options?: { config?: SessionConfig; from?: ActionLike[]; maxActions?: number },
  ): Promise<ExplainResult>;
}

/** One simulated app on the server. */
export class Session {
  constructor(client: Client, created: { id: string; config: ResolvedConfig });
  readonly client: Client;
  readonly id: string;
  readonly config: ResolvedConfig;
  /** The last action's result. */
  last: ActionResult | undefined;
  act(type: string, params?: Record<string, unknown>): Promise<ActionResult>;
  act(action: Action, params?: Record<string, unknown>): Promise<ActionResult>;
  batch(actions: ActionLike[]): Promise<BatchResult>;
  moveTo(app: AppState, scene?: SceneState): Promise<ActionResult>;
  info(): Promise<SessionInfo>;
  state(): Promise<State>;
  allowedActions(): Promise<string[]>;
  journal(): Promise<Journal>;
  callbackPage(after?: number, limit?: number): Promise<CallbackPage>;
  callbacks(after?: number, options?: { pageSize?: number }): Promise<Callback[]>;
  delete(options?: { missingOk?: boolean }): Promise<void>;
}

/** `action("openURL", { url })` -> `{ type: "openURL", url }`. */
export function action(type: string, params?: Record<string, unknown>): Action;
/** `"launch"` -> `{ type: "launch" }`. */
export function asAction(item: ActionLike): Action;

export const ANY_RUN: "...";
export const ANY_ONE: "*";
/** A failed order assertion (its `name` is `"AssertionError"`). */
export class OrderAssertionError extends Error {}
export function callbacksIn(result: Callbacks): Callback[];
export function select(result: Callbacks, filters?: CallbackFilters): Callback[];
export function methods(result: Callbacks, filters?: CallbackFilters): string[];
export function describeCallback(callback: Callback): string;
export function orderDiff(result: Callbacks, pattern: PatternEntry[], filters?: CallbackFilters): string | undefined;
export function assertOrder(result: Callbacks, pattern: PatternEntry[], filters?: CallbackFilters): void;
export function assertCalled(result: Callbacks, method: PatternEntry, filters?: CallbackFilters): Callback;
export function assertNotCalled(result: Callbacks, method: PatternEntry, filters?: CallbackFilters): void;

/** The observer channel names a session config's `observers` takes. */
export type ObserverChannel =
  | "notifications"
  | "reactNative"
  | "flutter"
  | "capacitor"
  | "cordova"
  | "maui"
  | "composeMultiplatform";
export const OBSERVER_CHANNELS: readonly ObserverChannel[];
/** The callbacks a receiver (or any of several) got, in order. */
export function callbacksOf(result: Callbacks, receiver: string | string[]): Callback[];
/** The method names a receiver got (every callback's without `receiver`). */
export function methodsOf(result: Callbacks, receiver?: string | string[]): string[];
/** One observer channel's items (`"notifications"` picks `receiver: "notificationCenter"`). */
export function channel(result: Callbacks, name: ObserverChannel | string): Callback[];
/** React Native `AppState` changes, as the `change` listener receives them. */
export function appStateChanges(result: Callbacks): Array<"active" | "background" | "inactive">;
/** A lens's states in order (`args.state`, or Capacitor's `args.isActive`). */
export function states(result: Callbacks, channel: string): unknown[];
/** Throws unless the log was explained (and, with `actions`, by those action types). */
export function assertExplained(result: ExplainResult, actions?: string[]): ExplainResult;

/** One entry of a log to explain. */
export interface LogEntry {
  method: string;
  receiver?: string;
  viewController?: string;
  args?: Record<string, unknown>;
}

/** The answer of `POST /v1/explain`. */
export interface ExplainResult {
  explained: boolean;
  actions: Array<{ type: string; [member: string]: unknown }>;
  steps: unknown[];
  ignoredLines?: number[];
  divergence?: {
    index: number;
    line?: number;
    observed?: LogEntry;
    expected: Array<LogEntry & { action?: string }>;
  };
  reason?: { bound: string; detail: string; explainedEntries?: number; [member: string]: unknown };
  nodesVisited?: number;
  /** Leading entries `actions` reproduce (issue #34). */
  explainedEntries?: number;
  /** Other explanations as short that tell another story. */
  alternatives?: Array<Array<{ type: string; [member: string]: unknown }>>;
  /** Actions assumed before a log from a running app, and the config members set otherwise. */
  assumed?: { from: Array<{ type: string; [member: string]: unknown }>; config: Record<string, unknown>; detail: string } | null;
  /** Configs near the request's under which more of the log is explained. */
  hints?: Array<{ config: Record<string, unknown>; explainedEntries: number; detail: string }>;
  /** Lines that spell a life-cycle event in words, with what to write. */
  unreadLines?: Array<{ line: number; text: string; method?: string; hint: string }>;
  [member: string]: unknown;
}

// --- Replay into a framework's test doubles (replay.js) ---

/** One step of a replay: an action's callbacks and the state after it (unknown for a bare log). */
export interface ReplayStep {
  action?: Action;
  callbacks: Callback[];
  state?: State;
}

/** Something a replay drives: a double with `play(step)`. */
export interface ReplayDouble {
  play(step: ReplayStep): void;
}

/** The steps of a simulate, batch, paths or action result; an array of callbacks is one step. */
export function stepsOf(source: Callbacks): ReplayStep[];

/** A replay in progress: nothing is played until `next()` or `rest()`. */
export class Replay implements Iterable<ReplayStep> {
  readonly steps: ReplayStep[];
  /** How many steps have been played. */
  readonly played: number;
  readonly done: boolean;
  /** Plays the next step into every double; `undefined` when done. */
  next(): ReplayStep | undefined;
  /** Plays every step left. */
  rest(): ReplayStep[];
  [Symbol.iterator](): Iterator<ReplayStep>;
}

/** Plays `source` step by step into the doubles. */
export function replay(source: Callbacks, ...doubles: ReplayDouble[]): Replay;

export type AppStateStatus = "active" | "background" | "inactive" | "unknown" | "extension";
export type AppStateEvent = "change" | "memoryWarning" | "focus" | "blur";

/**
 * A React Native `AppState` double, shaped like React Native's Jest preset mock, driven by the
 * `reactNative` lens. `currentState` is `null` before any step, then what AppState.js reads
 * (`"active"` after a launch into the foreground, with no `change` fired).
 */
export interface AppStateDouble extends ReplayDouble {
  currentState: AppStateStatus | null;
  isAvailable: boolean;
  addEventListener(type: "change", handler: (state: AppStateStatus) => void): { remove(): void };
  addEventListener(type: "memoryWarning" | "focus" | "blur", handler: () => void): { remove(): void };
  removeEventListener(type: AppStateEvent, handler: (...args: any[]) => void): void;
  listenerCount(type: AppStateEvent): number;
}
export function createAppState(): AppStateDouble;

/** A Capacitor `App` plugin double driven by the `capacitor` lens. */
export interface CapacitorAppDouble extends ReplayDouble {
  addListener(eventName: "appStateChange", listener: (state: { isActive: boolean }) => void): Promise<{
    remove(): Promise<void>;
  }>;
  addListener(eventName: "pause" | "resume", listener: () => void): Promise<{ remove(): Promise<void> }>;
  removeAllListeners(): Promise<void>;
  /** `{ isActive }`: whether `applicationState` is active now. */
  getState(): Promise<{ isActive: boolean }>;
  listenerCount(eventName: "appStateChange" | "pause" | "resume"): number;
}
export function createCapacitorApp(): CapacitorAppDouble;

/** The document events Cordova fires on iOS. */
export const CORDOVA_EVENTS: readonly ["deviceready", "pause", "resume", "active", "resign"];

/** A Cordova `document` double (an `EventTarget`) driven by the `cordova` lens; `deviceready` is sticky. */
export interface CordovaDocumentDouble extends EventTarget, ReplayDouble {
  /** True between deviceready and the end of the process. */
  readonly ready: boolean;
}
export function createCordovaDocument(): CordovaDocumentDouble;
