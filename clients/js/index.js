// lifecycled for JavaScript: a dependency-free client for the iOS app life-cycle simulator.
// ES module, global fetch only (Node 18+ and browsers); starting a server for tests is node-only
// and lives in "lifecycled/server".
//
//   import { Client, assertOrder } from "lifecycled";
//   const app = await new Client("http://127.0.0.1:8080").createSession({ lifecycle: "app" });
//   const result = await app.act("launch");
//   assertOrder(result, ["application(_:willFinishLaunchingWithOptions:)", "...",
//                        "applicationDidBecomeActive(_:)"], { receiver: "appDelegate" });

export { Client, Session, action, asAction } from "./client.js";
export { LifecycledProblem, PROBLEM_PREFIX } from "./problems.js";
export {
  ANY_ONE,
  ANY_RUN,
  OrderAssertionError,
  assertCalled,
  assertExplained,
  assertNotCalled,
  assertOrder,
  callbacksIn,
  describeCallback,
  methods,
  orderDiff,
  select,
} from "./matching.js";
export { OBSERVER_CHANNELS, appStateChanges, callbacksOf, channel, methodsOf, states } from "./channels.js";
export {
  CORDOVA_EVENTS,
  Replay,
  createAppState,
  createCapacitorApp,
  createCordovaDocument,
  replay,
  stepsOf,
} from "./replay.js";
