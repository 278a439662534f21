// startServer and findBinary as a test runner uses them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { NOT_FOUND_MESSAGE, findBinary, startServer } from "../server.js";

test("findBinary honours LIFECYCLED_BIN and refuses a path that is not executable", () => {
  const binary = process.env.LIFECYCLED_BIN;
  assert.ok(binary, "these tests need LIFECYCLED_BIN (scripts/test.sh sets it)");
  assert.equal(findBinary(), binary);
  const saved = process.env.LIFECYCLED_BIN;
  try {
    process.env.LIFECYCLED_BIN = join(tmpdir(), "no-such-lifecycled");
    assert.throws(() => findBinary(), /is not an executable file/);
  } finally {
    process.env.LIFECYCLED_BIN = saved;
  }
});

test("startServer: a server on a port of its own, stopped cleanly", async () => {
  const one = await startServer();
  const two = await startServer({ binary: process.env.LIFECYCLED_BIN });
  try {
    assert.match(one.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(one.url, two.url);
    assert.equal(await one.client.health(), true);
    const session = await one.client.createSession();
    await assert.rejects(two.client.session(session.id), (e) => e.status === 404);
  } finally {
    assert.equal(await one.stop(), 0);
    await two.stop();
  }
  await assert.rejects(one.client.health());
});

test("startServer fails with the server's own words when it cannot start", async () => {
  await assert.rejects(startServer({ args: ["--no-such-flag"] }), /exited \(status \d+\) before listening/);
  const dir = mkdtempSync(join(tmpdir(), "lifecycled-js-"));
  const silent = join(dir, "silent");
  writeFileSync(silent, "#!/bin/sh\nexec sleep 30\n");
  chmodSync(silent, 0o755);
  await assert.rejects(startServer({ binary: silent, timeout: 300 }), /printed no listening line within 300 ms/);
});

test("findBinary: LIFECYCLED_BIN, PATH, .build/release, .build/debug (the nearest folder with one)", (t) => {
  const root = mkdtempSync(join(tmpdir(), "lifecycled-find-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const executable = (relative) => {
    const path = join(root, relative);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, "#!/bin/sh\n");
    chmodSync(path, 0o755);
    return path;
  };
  const below = join(root, "checkout", "Tests", "deep");
  mkdirSync(below, { recursive: true });
  const debug = executable("checkout/.build/debug/lifecycled");
  assert.equal(findBinary(below, {}), debug);
  const release = executable("checkout/.build/release/lifecycled");
  assert.equal(findBinary(below, {}), release);
  const onPath = executable("bin/lifecycled");
  assert.equal(findBinary(below, { PATH: `/nonexistent:${join(root, "bin")}` }), onPath);
  const named = executable("named/lifecycled");
  assert.equal(findBinary(below, { LIFECYCLED_BIN: named, PATH: join(root, "bin") }), named);
  assert.throws(() => findBinary(join(root, "nowhere"), {}), (e) => e.message === NOT_FOUND_MESSAGE);
  assert.match(NOT_FOUND_MESSAGE, /swift build -c release --product lifecycled/);
});

// Node's fetch keeps its connection open after a request: SIGTERM must close it at once
// (it waited 1.1 s, per test file). A correctness check of the shutdown path, bounded at
// ten times what it takes; not a benchmark: a stop slowed by a busy machine is measured
// again, up to three times, and the broken path is slow every time.
test("stop() is fast while the client holds an idle keep-alive connection", async () => {
  const times = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const server = await startServer();
    await server.client.createSession();
    assert.equal(await server.client.health(), true);
    const started = performance.now();
    assert.equal(await server.stop(), 0);
    times.push(Math.round(performance.now() - started));
    if (times.at(-1) < 100) return;
  }
  assert.fail(`stop took ${times.join(", ")} ms with an idle keep-alive connection (the bound is 100 ms)`);
});
