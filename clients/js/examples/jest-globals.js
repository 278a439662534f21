// The Jest globals the examples and docs/guide snippets use (describe, test, beforeAll,
// afterAll, expect with toBe, toEqual, toContain, toMatchObject and rejects), on node's own
// test runner, so that `make test` runs them as written without Jest (run.mjs imports this
// first). Not a Jest replacement: just enough for these files, each matcher failing as
// Jest's would.
import { after, before, describe as nodeDescribe, test as nodeTest } from "node:test";
import assert from "node:assert/strict";

/** Whether `actual` has every member of `expected`, recursively (Jest's toMatchObject). */
function matchesObject(actual, expected) {
  if (expected === null || typeof expected !== "object") return Object.is(actual, expected);
  if (actual === null || typeof actual !== "object") return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesObject(actual[i], e));
  }
  return Object.entries(expected).every(([key, value]) => matchesObject(actual[key], value));
}

function matchers(actual) {
  return {
    toBe: (expected) => assert.ok(Object.is(actual, expected), `expected ${String(actual)} to be ${String(expected)}`),
    toEqual: (expected) => assert.deepEqual(actual, expected),
    toContain: (item) => assert.ok(actual?.includes(item), `expected ${JSON.stringify(actual)} to contain ${JSON.stringify(item)}`),
    toMatchObject: (expected) =>
      assert.ok(matchesObject(actual, expected), `expected ${JSON.stringify(actual)} to match ${JSON.stringify(expected)}`),
    rejects: {
      toMatchObject: async (expected) => {
        let error;
        await actual.then(
          () => assert.fail("expected the promise to reject"),
          (e) => (error = e),
        );
        assert.ok(matchesObject(error, expected), `expected ${String(error)} to match ${JSON.stringify(expected)}`);
      },
    },
  };
}

Object.assign(globalThis, {
  describe: (name, body) => nodeDescribe(name, body),
  test: (name, body) => nodeTest(name, body),
  it: (name, body) => nodeTest(name, body),
  beforeAll: (body) => before(body),
  afterAll: (body) => after(body),
  expect: matchers,
});
