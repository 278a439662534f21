// Every client method once, against a live server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { Client, LifecycledProblem, Session, action } from "../index.js";
import { liveServer } from "./helpers.js";

const server = liveServer();
const client = () => server().client;

test("health and openapi", async () => {
  assert.equal(await client().health(), true);
  const spec = await client().openapi();
  assert.ok(spec.startsWith("openapi: 3.1.0\n"), spec.slice(0, 40));
  assert.ok(spec.includes("\n  /v1/sessions:\n"));
});

test("a URL that is not http:// is refused before any request", () => {
  assert.throws(() => new Client("localhost:8080"), TypeError);
});

test("createSession, act, info, state, allowedActions, delete", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "11.0" });
  assert.ok(app instanceof Session);
  assert.match(app.id, /^[0-9a-f-]{36}$/);
  assert.equal(app.config.lifecycle, "app");
  assert.equal(app.config.iosVersion, "11.0");
  const launched = await app.act("launch");
  assert.equal(launched.state.app, "active");
  assert.equal(launched.callbacks[0].seq, 1);
  assert.equal(app.last, launched);
  const deepLink = await app.act(action("openURL", { url: "myapp://item/42" }));
  assert.deepEqual(deepLink.action, { type: "openURL", url: "myapp://item/42" });
  const info = await app.info();
  assert.equal(info.id, app.id);
  assert.equal(info.callbackCount, deepLink.callbacks.at(-1).seq);
  assert.equal((await app.state()).app, "active");
  const allowed = await app.allowedActions();
  assert.ok(allowed.includes("background") && !allowed.includes("launch"), allowed.join(", "));
  await app.delete();
  await assert.rejects(app.info(), (e) => e instanceof LifecycledProblem && e.status === 404);
  await app.delete({ missingOk: true });
  await assert.rejects(app.delete(), (e) => e.problemName === "session-not-found");
});

test("session(id) and putSession: created, then the same again, then another config", async () => {
  const id = randomUUID();
  const created = await client().putSession(id, { lifecycle: "app" });
  assert.equal(created.id, id);
  const again = await client().putSession(id, { lifecycle: "app" });
  assert.equal(again.id, id);
  assert.equal((await client().session(id)).config.lifecycle, "app");
  await assert.rejects(client().putSession(id, { lifecycle: "scene" }), (e) => {
    assert.equal(e.status, 409);
    assert.equal(e.problemName, "session-exists");
    return true;
  });
  await created.delete();
});

test("batch: all or nothing, a refused step names its index", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "11.0" });
  const batch = await app.batch(["launch", "background", { type: "advanceTime", seconds: 10 }]);
  assert.deepEqual(batch.steps.map((s) => s.action.type), ["launch", "background", "advanceTime"]);
  assert.equal(batch.state.app, "suspended");
  assert.equal(app.last, batch.steps[2]);
  const before = await app.info();
  await assert.rejects(app.batch(["launch", "launch"]), (e) => {
    assert.ok(e instanceof LifecycledProblem);
    assert.equal(e.status, 409);
    assert.equal(e.step, 1);
    return true;
  });
  assert.deepEqual(await app.info(), before, "a refused batch changed the session");
});

test("moveTo: the plain actions to a state, listed in path", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "11.0" });
  const result = await app.moveTo("suspended");
  assert.equal(result.state.app, "suspended");
  assert.ok(result.path.length > 0);
  assert.equal(result.path[0].action.type, "launch");
  const counted = result.path.reduce((n, step) => n + step.callbackCount, 0);
  assert.equal(counted, result.callbacks.length);
  const scene = await client().createSession({ iosVersion: "17.0" });
  const active = await scene.moveTo("active", "foregroundActive");
  assert.equal(active.state.scenes[0].state, "foregroundActive");
});

test("journal and replay give the same log", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "11.0" });
  await app.batch(["launch", "background"]);
  await app.act("openURL", { url: "myapp://x" });
  const journal = await app.journal();
  assert.equal(journal.complete, true);
  assert.deepEqual(journal.actions.map((a) => a.type), ["launch", "background", "openURL"]);
  const copy = await client().replay(journal);
  assert.notEqual(copy.id, app.id);
  assert.deepEqual(await copy.callbacks(), await app.callbacks());
});

test("callbackPage and callbacks page through the log", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "11.0" });
  const launched = await app.act("launch");
  const total = launched.callbacks.length;
  const page = await app.callbackPage(0, 2);
  assert.deepEqual(page.callbacks.map((c) => c.seq), [1, 2]);
  assert.equal(page.next, 2);
  assert.equal(page.total, total);
  const all = await app.callbacks(0, { pageSize: 3 });
  assert.deepEqual(all, launched.callbacks);
  assert.deepEqual((await app.callbacks(total - 1)).map((c) => c.seq), [total]);
});

test("sessions lists every page; reset forgets them all", async () => {
  const a = await client().createSession();
  const b = await client().createSession();
  const page = await client().sessionPage({ limit: 1 });
  assert.equal(page.sessions.length, 1);
  assert.notEqual(page.next, null);
  const ids = (await client().sessions({ pageSize: 1 })).map((s) => s.id);
  assert.ok(ids.includes(a.id) && ids.includes(b.id));
  await client().reset();
  assert.deepEqual(await client().sessions(), []);
  await assert.rejects(a.info(), (e) => e.status === 404);
});

test("simulate and simulateText", async () => {
  const run = await client().simulate(["launch", { type: "background" }], { lifecycle: "app", iosVersion: "11.0" });
  assert.deepEqual(run.steps.map((s) => s.action.type), ["launch", "background"]);
  assert.equal(run.config.iosVersion, "11.0");
  assert.equal(run.state.app, "background");
  const defaults = await client().simulate(["launch"]);
  assert.equal(defaults.config.lifecycle, "scene");
  const diagram = await client().simulateText("mermaid", ["launch"], { lifecycle: "app" });
  assert.ok(diagram.startsWith("sequenceDiagram"), diagram.slice(0, 40));
});

test("paths, coverage and diff", async () => {
  const path = await client().paths({ config: { lifecycle: "app", iosVersion: "11.0" }, to: { app: "suspended" } });
  assert.equal(path.state.app, "suspended");
  assert.equal(path.actions.length, path.steps.length);
  const from = await client().paths({ config: { iosVersion: "11.0" }, from: ["launch"], to: { app: "notRunning" } });
  assert.equal(from.state.app, "notRunning");
  const coverage = await client().coverage({ config: { lifecycle: "app", iosVersion: "11.0" }, bounds: { tasks: 1, depth: 1 } });
  assert.equal(coverage.covered, coverage.transitions);
  assert.ok(coverage.sequences.length > 0);
  const diff = await client().diff(
    [{ lifecycle: "app", iosVersion: "12.0" }, { lifecycle: "scene", iosVersion: "17.0" }],
    [{ type: "openURL", url: "myapp://item/42" }],
  );
  assert.equal(diff.steps.length, 1);
  assert.ok(diff.steps[0].alignment.some((row) => row.op === "second"));
  assert.equal(diff.configs[1].lifecycle, "scene");
});

test("a 409 is a LifecycledProblem with action, state, needs and allowedActions", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "11.0" });
  await app.act("launch");
  const refused = await app.act("launch").then(
    () => assert.fail("launch while active was accepted"),
    (e) => e,
  );
  assert.ok(refused instanceof LifecycledProblem && refused instanceof Error);
  assert.equal(refused.name, "LifecycledProblem");
  assert.equal(refused.status, 409);
  assert.equal(refused.problemName, "action-not-allowed");
  assert.equal(refused.action, "launch");
  assert.equal(refused.state, "active");
  assert.match(refused.needs, /not in the foreground/);
  assert.deepEqual(refused.allowedActions, await app.allowedActions());
  assert.equal(refused.method, "POST");
  assert.equal(refused.path, `/v1/sessions/${app.id}/actions`);
  assert.match(refused.message, /^POST \/v1\/sessions\/.* 409 /);
  assert.ok(refused.requestId);
});

test("a 400 names the field, the allowed values and a suggestion", async () => {
  const unknown = await client().createSession({ lifecycel: "app" }).catch((e) => e);
  assert.ok(unknown instanceof LifecycledProblem);
  assert.equal(unknown.status, 400);
  assert.equal(unknown.problemName, "invalid-field");
  assert.equal(unknown.field, "lifecycel");
  assert.equal(unknown.suggestion, "lifecycle");
  const scene = await client().createSession({ lifecycle: "scene", iosVersion: "12.4" }).catch((e) => e);
  assert.equal(scene.field, "lifecycle");
  assert.deepEqual(scene.allowed, ["app"]);
  const app = await client().createSession();
  const fly = await app.act("fly").catch((e) => e);
  assert.equal(fly.field, "type");
  assert.ok(fly.allowed.includes("launch") && fly.allowed.includes("moveTo"), fly.allowed.join(", "));
});

test("allowedVariants: a locked device can be ended by the system only", async () => {
  const app = await client().createSession({ lifecycle: "app", iosVersion: "17.0" });
  await app.batch(["launch", "lock"]);
  const info = await app.info();
  assert.deepEqual(info.allowedVariants, { terminate: { by: ["system"] } });
  await assert.rejects(app.act("terminate", { by: "user" }), (e) => {
    assert.deepEqual(e.allowedVariants, { terminate: { by: ["system"] } });
    assert.match(e.detail, /^terminate by user is not possible/);
    return true;
  });
});

test("explain: a log from a running app says what it assumed (issue #34)", async () => {
  const log = "applicationWillResignActive:\napplication Did Enter Background\napplicationDidBecomeActive:";
  const answer = await client().explain(log, { config: { lifecycle: "app", iosVersion: "11.0" } });
  assert.equal(answer.explained, true);
  assert.equal(answer.explainedEntries, 2);
  assert.deepEqual(answer.assumed.from.map((a) => a.type), ["launch"]);
  assert.ok(answer.alternatives.length > 0);
  assert.deepEqual(answer.hints, []);
  assert.equal(answer.unreadLines[0].method, "applicationDidEnterBackground(_:)");
});
