// Problems (RFC 9457) thrown as one Error subclass, like clients/python's problems.py.

/** The prefix of every problem `type` the server sends. */
export const PROBLEM_PREFIX = "urn:lifecycled:problem:";

/**
 * An error answered by lifecycled (`application/problem+json`).
 *
 * `type`, `title`, `status` and `detail` are always set; the other members are
 * `undefined` when the server did not send them. `problem` is the whole decoded body,
 * so members this client does not name are still reachable.
 */
export class LifecycledProblem extends Error {
  /**
   * @param {Record<string, any>} problem the decoded problem body
   * @param {{ method?: string, path?: string, headers?: Headers | Record<string, string> }} [where]
   *   the request that failed and the response's headers (for `Retry-After`, `X-Request-Id`)
   */
  constructor(problem, { method = "", path = "", headers } = {}) {
    const status = Number(problem.status ?? 0) || 0;
    const title = String(problem.title ?? "");
    const detail = String(problem.detail ?? "");
    super(`${method ? `${method} ${path}: ` : ""}${status} ${title}: ${detail}`);
    this.name = "LifecycledProblem";
    /** @type {Record<string, any>} the whole body */
    this.problem = { ...problem };
    /** @type {string} the problem type URN, e.g. `urn:lifecycled:problem:action-not-allowed` */
    this.type = String(problem.type ?? "");
    /** @type {string} */
    this.title = title;
    /** @type {number} the HTTP status */
    this.status = status;
    /** @type {string} */
    this.detail = detail;
    const header = (/** @type {string} */ name) => readHeader(headers, name);
    /** @type {string | undefined} the request's id: quote it in bug reports */
    this.requestId = problem.requestId ?? header("x-request-id");
    const retry = header("retry-after");
    /** @type {number | undefined} seconds to wait before retrying (503s) */
    this.retryAfter = retry !== undefined && /^\d+$/.test(retry) ? Number(retry) : undefined;
    // 400: the field at fault, its allowed values, the byte of a JSON error, a likely typo's fix
    /** @type {string | undefined} */
    this.field = problem.field;
    /** @type {string[] | undefined} */
    this.allowed = problem.allowed;
    /** @type {number | undefined} */
    this.offset = problem.offset;
    /** @type {string | undefined} */
    this.suggestion = problem.suggestion;
    // 409: what a real device could not do, in which state, what it needs, what is possible now
    /** @type {string | undefined} */
    this.action = problem.action;
    /** @type {string | undefined} */
    this.state = problem.state;
    /** @type {string | undefined} */
    this.needs = problem.needs;
    /** @type {string[] | undefined} */
    this.allowedActions = problem.allowedActions;
    /** @type {Record<string, Record<string, string[]>> | undefined} the types only partly possible, e.g. `{ terminate: { by: ["system"] } }` */
    this.allowedVariants = problem.allowedVariants;
    /** @type {number | undefined} batches and /v1/simulate: the index (from 0) of the action at fault */
    this.step = problem.step;
    /** @type {number | undefined} 413 and 503: the limit that was reached */
    this.limit = problem.limit;
    /** @type {string} */
    this.method = method;
    /** @type {string} */
    this.path = path;
  }

  /** The short name of the type, e.g. `action-not-allowed`. */
  get problemName() {
    return this.type.startsWith(PROBLEM_PREFIX) ? this.type.slice(PROBLEM_PREFIX.length) : this.type;
  }
}

/**
 * A header of a fetch `Headers` object or a plain record, by lowercase name.
 * @param {Headers | Record<string, string> | undefined} headers
 * @param {string} name
 * @returns {string | undefined}
 */
function readHeader(headers, name) {
  if (!headers) return undefined;
  if (typeof headers.get === "function") return /** @type {Headers} */ (headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}
