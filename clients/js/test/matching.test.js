// Order assertions on real results (and their diffs when the order is wrong).
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  assertCalled,
  assertNotCalled,
  assertOrder,
  callbacksIn,
  methods,
  orderDiff,
  OrderAssertionError,
  select,
} from "../index.js";
import { liveServer } from "./helpers.js";

const server = liveServer();

async function deepLinkFromBackground() {
  const app = await server().client.createSession({ lifecycle: "app", iosVersion: "11.0" });
  await app.batch(["launch", "background"]);
  return app.act("openURL", { url: "myapp://item/42" });
}

test("assertOrder passes on the documented order, with runs and globs", async () => {
  const result = await deepLinkFromBackground();
  assertOrder(
    result,
    ["applicationWillEnterForeground(_:)", "application(_:open:options:)", "applicationDidBecomeActive(_:)"],
    { receiver: "appDelegate" },
  );
  assertOrder(result, ["applicationWillEnterForeground(_:)", "...", "*DidBecomeActive(_:)", "..."]);
  assertOrder(result, [["app*", "applicationWillEnterForeground(_:)"], "*", "..."]);
});

test("a wrong order throws an AssertionError whose message is the diff", async () => {
  const result = await deepLinkFromBackground();
  const swapped = ["applicationWillEnterForeground(_:)", "applicationDidBecomeActive(_:)", "application(_:open:options:)"];
  const error = (() => {
    try {
      assertOrder(result, swapped, { receiver: "appDelegate" });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof OrderAssertionError);
  assert.equal(error.name, "AssertionError");
  const lines = error.message.split("\n");
  assert.equal(lines[0], 'callback order differs (2 differences; receiver="appDelegate"):');
  assert.ok(lines.some((l) => l === "  - applicationDidBecomeActive(_:)"), error.message);
  assert.ok(lines.some((l) => /^ {2}\+ #\d+ appDelegate applicationDidBecomeActive\(_:\) \(active\)$/.test(l)), error.message);
  assert.equal(orderDiff(result, swapped, { receiver: "appDelegate" }), error.message);
});

test("brackets and question marks in method names are not wildcards", () => {
  const callbacks = [{ seq: 1, receiver: "appDelegate", method: "application(_:open:options:)", appState: "inactive" }];
  assertOrder(callbacks, ["application(_:open:options:)"]);
  assert.notEqual(orderDiff(callbacks, ["application(_?open:options:)"]), undefined);
  assertOrder(callbacks, ["application(*)"]);
});

test("select, methods and callbacksIn read every kind of result", async () => {
  const client = server().client;
  const run = await client.simulate(["launch", "background"], { iosVersion: "17.0" });
  const all = callbacksIn(run);
  assert.deepEqual(all, [...run.steps[0].callbacks, ...run.steps[1].callbacks]);
  assert.deepEqual(
    methods(run, { receiver: "sceneDelegate" }).slice(-2),
    ["sceneWillResignActive(_:)", "sceneDidEnterBackground(_:)"],
  );
  assert.ok(select(run, { scene: "scene-1" }).every((c) => c.sceneId === "scene-1"));
  assert.ok(select(run, { viewController: "root" }).length > 0);
  assert.throws(() => callbacksIn({}), TypeError);
});

test("assertCalled answers the first match; assertNotCalled throws on one", async () => {
  const result = await deepLinkFromBackground();
  const hit = assertCalled(result, "application(_:open:options:)");
  assert.equal(hit.args.url, "myapp://item/42");
  assert.throws(() => assertCalled(result, "applicationWillTerminate(_:)"), OrderAssertionError);
  assertNotCalled(result, "applicationWillTerminate(_:)");
  assert.throws(() => assertNotCalled(result, "*DidBecomeActive(_:)"), /was called/);
});
