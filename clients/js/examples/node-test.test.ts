// The same in node's own test runner (node --test), with the client's types. `make test`
// compiles it with tsc and runs it (examples/run.mjs).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { callbacksOf, type ActionResult, type SimulateResult } from "lifecycled";
import { startServer, type RunningServer } from "lifecycled/server";

let server: RunningServer | undefined;
before(async () => {
  server = await startServer(); // LIFECYCLED_BIN, PATH, .build/release or .build/debug
});
// `server?.`: when the start failed, `after` must not hide its error behind a TypeError.
after(async () => {
  await server?.stop();
});

test("a deep link from the background (iOS 11, sceneless)", async () => {
  const client = server!.client;
  const app = await client.createSession({ lifecycle: "app", iosVersion: "11.0" });
  await app.batch(["launch", "background"]);
  const result: ActionResult = await app.act("openURL", { url: "myapp://item/42" });
  assert.deepEqual(
    callbacksOf(result, "appDelegate").map((c) => c.method),
    ["applicationWillEnterForeground(_:)", "application(_:open:options:)", "applicationDidBecomeActive(_:)"],
  );
  const run: SimulateResult = await client.simulate(["launch"], { lifecycle: "app" });
  assert.equal(run.state.app, "active");
});
