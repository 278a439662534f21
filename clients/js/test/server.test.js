// startServer and findBinary as a test runner uses them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { findBinary, startServer } from "../server.js";

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
