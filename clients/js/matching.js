// Assertions on callback order that read well in a test and fail with a diff
// (the same patterns as clients/python's matching.py).
//
// A pattern is an array matched against the WHOLE (filtered) list of callbacks:
// - a method name matches a callback with exactly that method;
// - a name with `*` is a glob on the method (`"scene*"`, `"*DidBecomeActive(_:)"`);
// - `"*"` alone matches any one callback;
// - `"..."` (ANY_RUN) matches any run of callbacks, none included;
// - `[receiver, method]` matches that receiver (a glob too) and method.

/** Matches any run of callbacks, none included. */
export const ANY_RUN = "...";
/** Matches any one callback. */
export const ANY_ONE = "*";

/**
 * The callbacks of a result: an array of callbacks as it is, an action result's `callbacks`,
 * or every step's callbacks of a batch, `/v1/simulate` or `/v1/paths` result, in order.
 * @param {any} result
 * @returns {any[]}
 */
export function callbacksIn(result) {
  if (Array.isArray(result)) return result;
  if (result && Array.isArray(result.callbacks)) return result.callbacks;
  if (result && Array.isArray(result.steps)) return result.steps.flatMap((/** @type {any} */ s) => s.callbacks ?? []);
  throw new TypeError("expected callbacks, an action result or a result with steps");
}

/**
 * The callbacks that pass the filters, in order.
 * @param {any} result callbacks or a result (see `callbacksIn`)
 * @param {{ receiver?: string | string[], scene?: string, viewController?: string }} [filters]
 */
export function select(result, { receiver, scene, viewController } = {}) {
  const receivers = receiver === undefined ? undefined : new Set(Array.isArray(receiver) ? receiver : [receiver]);
  return callbacksIn(result).filter(
    (c) =>
      (receivers === undefined || receivers.has(c.receiver)) &&
      (scene === undefined || c.sceneId === scene) &&
      (viewController === undefined || c.viewController === viewController),
  );
}

/**
 * The method names of the callbacks that pass the filters.
 * @param {any} result
 * @param {{ receiver?: string | string[], scene?: string, viewController?: string }} [filters]
 * @returns {string[]}
 */
export function methods(result, filters) {
  return select(result, filters).map((c) => c.method);
}

/** @param {string} glob @param {string} text only `*` is special: method names hold `(_:)` */
function globMatches(glob, text) {
  const source = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "s").test(text);
}

/** @param {any} entry @param {any} callback */
function matches(entry, callback) {
  if (Array.isArray(entry)) return globMatches(entry[0], callback.receiver) && matches(entry[1], callback);
  if (entry === ANY_ONE) return true;
  if (entry.includes("*")) return globMatches(entry, callback.method);
  return callback.method === entry;
}

/** @param {any} entry */
const isRun = (entry) => entry === ANY_RUN;

/** @param {any} entry */
const label = (entry) => (Array.isArray(entry) ? `${entry[0]} ${entry[1]}` : String(entry));

/**
 * A callback as one line: `#12 sceneDelegate@scene-1 sceneDidBecomeActive(_:) (active)`.
 * @param {any} c
 */
export function describeCallback(c) {
  let who = c.receiver;
  if (c.viewController !== undefined) who += `[${c.viewController}]`;
  if (c.sceneId !== undefined) who += `@${c.sceneId}`;
  return `#${c.seq} ${who} ${c.method} (${c.appState})`;
}

/**
 * Fewest edits that make `actual` match `pattern`, and the alignment: runs absorb callbacks
 * for free, an unmatched callback (`+`) or pattern entry (`-`) costs 1.
 * @param {any[]} pattern
 * @param {any[]} actual
 * @returns {[number, Array<[string, any]>]}
 */
function align(pattern, actual) {
  const n = pattern.length;
  const m = actual.length;
  const cost = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(Infinity));
  cost[n][m] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = Infinity;
      if (i < n && isRun(pattern[i])) {
        best = Math.min(best, cost[i + 1][j]);
        if (j < m) best = Math.min(best, cost[i][j + 1]);
      } else {
        if (i < n && j < m && matches(pattern[i], actual[j])) best = Math.min(best, cost[i + 1][j + 1]);
        if (i < n) best = Math.min(best, cost[i + 1][j] + 1);
        if (j < m) best = Math.min(best, cost[i][j + 1] + 1);
      }
      cost[i][j] = best;
    }
  }
  /** @type {Array<[string, any]>} */
  const steps = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = cost[i][j];
    if (i < n && isRun(pattern[i])) {
      if (j < m && cost[i][j + 1] === here) steps.push(["~", actual[j++]]);
      else i++;
      continue;
    }
    if (i < n && j < m && matches(pattern[i], actual[j]) && cost[i + 1][j + 1] === here) {
      steps.push([" ", actual[j]]);
      i++;
      j++;
    } else if (i < n && cost[i + 1][j] + 1 === here) {
      steps.push(["-", pattern[i++]]);
    } else {
      steps.push(["+", actual[j++]]);
    }
  }
  return [cost[0][0], steps];
}

/**
 * `undefined` when the filtered callbacks match `pattern`, else a readable diff.
 * @param {any} result
 * @param {Array<string | [string, string]>} pattern
 * @param {{ receiver?: string | string[], scene?: string, viewController?: string }} [filters]
 * @returns {string | undefined}
 */
export function orderDiff(result, pattern, filters = {}) {
  const actual = select(result, filters);
  const [edits, steps] = align([...pattern], actual);
  if (edits === 0) return undefined;
  const shown = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  const lines = [
    `callback order differs (${edits} difference${edits === 1 ? "" : "s"}${shown ? `; ${shown}` : ""}):`,
    "  '-' expected, not there; '+' there, not expected" +
      (steps.some(([mark]) => mark === "~") ? "; '~' taken by '...'" : ""),
  ];
  for (const [mark, item] of steps) {
    lines.push(mark === "-" ? `  - ${label(item)}` : `  ${mark} ${describeCallback(item)}`);
  }
  if (actual.length === 0) lines.push("  (no callbacks passed the filters)");
  return lines.join("\n");
}

/** A failed order assertion; test runners show its message, the diff. */
export class OrderAssertionError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    // The name test runners print for failed assertions.
    this.name = "AssertionError";
  }
}

/**
 * Throws an `OrderAssertionError` with a diff unless the callbacks (after the filters) match
 * `pattern` from first to last.
 * @param {any} result
 * @param {Array<string | [string, string]>} pattern
 * @param {{ receiver?: string | string[], scene?: string, viewController?: string }} [filters]
 */
export function assertOrder(result, pattern, filters = {}) {
  const diff = orderDiff(result, pattern, filters);
  if (diff !== undefined) throw new OrderAssertionError(diff);
}

/**
 * Throws unless some callback (after the filters) matches `method`; answers the first.
 * @param {any} result
 * @param {string | [string, string]} method
 * @param {{ receiver?: string | string[], scene?: string, viewController?: string }} [filters]
 */
export function assertCalled(result, method, filters = {}) {
  const chosen = select(result, filters);
  const hit = chosen.find((c) => matches(method, c));
  if (hit !== undefined) return hit;
  const listing = chosen.map((c) => `    ${describeCallback(c)}`).join("\n") || "    (none)";
  throw new OrderAssertionError(`no callback ${JSON.stringify(method)} among:\n${listing}`);
}

/**
 * Throws if some callback (after the filters) matches `method`.
 * @param {any} result
 * @param {string | [string, string]} method
 * @param {{ receiver?: string | string[], scene?: string, viewController?: string }} [filters]
 */
export function assertNotCalled(result, method, filters = {}) {
  const hits = select(result, filters).filter((c) => matches(method, c));
  if (hits.length > 0) {
    throw new OrderAssertionError(
      `${JSON.stringify(method)} was called:\n` + hits.map((c) => `    ${describeCallback(c)}`).join("\n"),
    );
  }
}

/**
 * Asserts that a log was explained (`Client.explain`) and, with `actions`, that the
 * explanation's action types are those; returns the result. On failure the message says where
 * the log diverged, what UIKit would call there instead and the bound that stopped the search.
 * @param {any} result an explain result
 * @param {string[]} [actions] the expected action types
 */
export function assertExplained(result, actions) {
  const types = (result.actions ?? []).map((/** @type {any} */ a) => a.type);
  if (!result.explained) {
    const d = result.divergence ?? {};
    const where = d.line !== undefined ? `line ${d.line}` : `entry ${(d.index ?? 0) + 1}`;
    const lines = ["the log is not explained"];
    if (d.observed) lines.push(`${where}: ${d.observed.method} is where no action sequence goes on`);
    else lines.push(`the log ends after ${d.index ?? 0} entries where UIKit goes on`);
    lines.push(`explained up to there by: ${types.length ? types.join(", ") : "no action"}`);
    for (const e of d.expected ?? []) {
      lines.push(`  UIKit could call instead: ${e.viewController ?? e.receiver ?? ""} ${e.method} (after ${e.action})`);
    }
    if (result.reason) lines.push(`the search stopped early: ${result.reason.detail}`);
    throw new Error(lines.join("\n"));
  }
  if (actions !== undefined && JSON.stringify(actions) !== JSON.stringify(types)) {
    throw new Error(`explained by ${JSON.stringify(types)}, not ${JSON.stringify(actions)}`);
  }
  return result;
}
