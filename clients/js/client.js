// The HTTP client: global fetch only, so it runs in Node 18+ and in browsers alike.

import { LifecycledProblem } from "./problems.js";

/**
 * An action object: `action("openURL", { url: "x://y" })` -> `{ type: "openURL", url: "x://y" }`.
 * @param {string} type the action type
 * @param {Record<string, any>} [params] its members besides `type`
 * @returns {{ type: string, [member: string]: any }}
 */
export function action(type, params = {}) {
  return { type, ...params };
}

/**
 * `"launch"` -> `{ type: "launch" }`; an object is sent as it is.
 * @param {string | { type: string }} item
 */
export function asAction(item) {
  return typeof item === "string" ? { type: item } : { ...item };
}

/** One lifecycled server. Safe to share: every call is one independent request. */
export class Client {
  /**
   * @param {string} url the server's base, e.g. `http://127.0.0.1:8080`
   * @param {{ timeout?: number, fetch?: typeof fetch }} [options] `timeout`: per request, in
   *   milliseconds (default 30000); `fetch`: another fetch implementation (default: the global one)
   */
  constructor(url, { timeout = 30000, fetch: fetchImpl } = {}) {
    if (!/^https?:\/\/[^/]+/.test(url)) {
      throw new TypeError(`lifecycled URL must be http://HOST:PORT, got ${JSON.stringify(url)}`);
    }
    /** @type {string} the base URL, without a trailing slash */
    this.url = url.replace(/\/+$/, "");
    /** @type {number} */
    this.timeout = timeout;
    // Bound, so that a browser's window.fetch is not called on the client as `this`.
    this._fetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
  }

  /**
   * Sends one request. A status of 400 or more throws a `LifecycledProblem`.
   * @param {string} method
   * @param {string} path e.g. `/v1/sessions`
   * @param {{ body?: any, query?: Record<string, string | number | undefined>, accept?: string }} [options]
   *   `body` is sent as JSON, except a string, which is sent as it is
   * @returns {Promise<{ status: number, headers: Headers, body: any }>} `body`: the decoded JSON,
   *   the text for other content types, `undefined` when there is none
   */
  async request(method, path, { body, query, accept } = {}) {
    let target = this.url + path;
    const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null);
    if (pairs.length > 0) {
      target += "?" + new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString();
    }
    /** @type {Record<string, string>} */
    const headers = { Accept: accept ?? "application/json, application/problem+json" };
    let payload;
    if (typeof body === "string") {
      payload = body;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    const response = await this._fetch(target, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(this.timeout),
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const decoded = text === "" ? undefined : type.includes("json") ? JSON.parse(text) : text;
    if (response.status >= 400) {
      const problem =
        decoded !== null && typeof decoded === "object" && "type" in decoded
          ? decoded
          : { type: "", title: response.statusText || "Error", status: response.status, detail: text };
      throw new LifecycledProblem(problem, { method, path, headers: response.headers });
    }
    return { status: response.status, headers: response.headers, body: decoded };
  }

  /** @param {string} path @param {Record<string, any>} [query] */
  async get(path, query) {
    return (await this.request("GET", path, { query })).body;
  }

  /** @param {string} path @param {any} body @param {Record<string, any>} [query] */
  async post(path, body, query) {
    return (await this.request("POST", path, { body, query })).body;
  }

  /** `GET /healthz`: true when the server answers `{"status":"ok"}`. */
  async health() {
    const body = await this.get("/healthz");
    return body?.status === "ok";
  }

  /** `GET /openapi.yaml`: the contract the server was built with, as YAML text. */
  async openapi() {
    return (await this.request("GET", "/openapi.yaml", { accept: "application/yaml" })).body;
  }

  /**
   * `POST /v1/sessions`: a new session from a config (every field optional).
   * @param {Record<string, any>} [config] e.g. `{ lifecycle: "app", iosVersion: "11.0" }`
   */
  async createSession(config = {}) {
    return new Session(this, await this.post("/v1/sessions", config));
  }

  /**
   * `PUT /v1/sessions/{id}`: creates the session with your UUID, or answers it when it already
   * exists with the same config; another config throws a `session-exists` problem.
   * @param {string} id a UUID
   * @param {Record<string, any>} [config]
   */
  async putSession(id, config = {}) {
    const { body } = await this.request("PUT", `/v1/sessions/${encodeURIComponent(id)}`, { body: config });
    return new Session(this, body);
  }

  /**
   * An existing session by id (a `session-not-found` problem if there is none).
   * @param {string} id
   */
  async session(id) {
    return new Session(this, await this.get(`/v1/sessions/${encodeURIComponent(id)}`));
  }

  /**
   * One page of `GET /v1/sessions`: live sessions created after the cursor `after`.
   * @param {{ after?: number, limit?: number }} [page]
   * @returns {Promise<{ sessions: any[], next: number | null }>}
   */
  async sessionPage({ after, limit } = {}) {
    return this.get("/v1/sessions", { after, limit });
  }

  /**
   * Every live session, oldest first (every page of `GET /v1/sessions`).
   * @param {{ pageSize?: number }} [options]
   */
  async sessions({ pageSize = 100 } = {}) {
    const out = [];
    /** @type {number | null} */
    let after = 0;
    while (after !== null) {
      const page = await this.sessionPage({ after, limit: pageSize });
      out.push(...page.sessions);
      after = page.next;
    }
    return out;
  }

  /** `DELETE /v1/sessions`: forgets every session on the server (not only this client's). */
  async reset() {
    await this.request("DELETE", "/v1/sessions");
  }

  /**
   * A new session from a journal (`Session.journal()`): same config, same actions as one batch;
   * its log and state equal the journal's session's when the journal was read.
   * @param {{ config: Record<string, any>, actions: any[] }} journal
   */
  async replay(journal) {
    const session = await this.createSession(journal.config);
    if (journal.actions.length > 0) await session.batch(journal.actions);
    return session;
  }

  /**
   * `POST /v1/simulate`: runs the actions on a fresh session that is not kept.
   * @param {Array<string | { type: string }>} actions
   * @param {Record<string, any>} [config] the session config (absent: `{}`)
   */
  async simulate(actions, config) {
    /** @type {Record<string, any>} */
    const body = { actions: actions.map(asAction) };
    if (config !== undefined) body.session = config;
    return this.post("/v1/simulate", body);
  }

  /**
   * `POST /v1/simulate?format=text|mermaid|plantuml`: the same run drawn as text.
   * @param {"text" | "mermaid" | "plantuml"} format
   * @param {Array<string | { type: string }>} actions
   * @param {Record<string, any>} [config]
   * @returns {Promise<string>}
   */
  async simulateText(format, actions, config) {
    /** @type {Record<string, any>} */
    const body = { actions: actions.map(asAction) };
    if (config !== undefined) body.session = config;
    return this.post("/v1/simulate", body, { format });
  }

  /**
   * `POST /v1/paths`: the shortest sequence of plain actions from a fresh install (after `from`)
   * to the target state, with each step's result.
   * @param {{ to: { app: string, scene?: string }, config?: Record<string, any>,
   *   from?: Array<string | { type: string }> }} request
   */
  async paths({ to, config, from }) {
    /** @type {Record<string, any>} */
    const body = { to };
    if (config !== undefined) body.config = config;
    if (from !== undefined) body.from = from.map(asAction);
    return this.post("/v1/paths", body);
  }

  /**
   * `POST /v1/coverage`: action sequences that together take every reachable transition.
   * @param {{ config?: Record<string, any>, bounds?: { scenes?: number, tasks?: number, depth?: number } }} [request]
   */
  async coverage({ config, bounds } = {}) {
    /** @type {Record<string, any>} */
    const body = {};
    if (config !== undefined) body.config = config;
    if (bounds !== undefined) body.bounds = bounds;
    return this.post("/v1/coverage", body);
  }

  /**
   * `POST /v1/diff`: the same actions on two configs, callbacks aligned per step.
   * @param {[Record<string, any>, Record<string, any>]} configs
   * @param {Array<string | { type: string }>} actions
   */
  async diff(configs, actions) {
    return this.post("/v1/diff", { configs, actions: actions.map(asAction) });
  }

  /**
   * `POST /v1/explain`: the user actions behind a recorded callback log, or where no action
   * sequence goes on. `log` is the log's text (one callback a line, as pasted from a console) or
   * a list of lines (strings) or callback objects (`{ method, receiver?, viewController?, args? }`).
   * @param {string | Array<string | { method: string, receiver?: string, viewController?: string, args?: any }>} log
   * @param {{ config?: Record<string, any>, from?: Array<string | { type: string }>, maxActions?: number }} [options]
   */
  async explain(log, { config, from, maxActions } = {}) {
    /** @type {Record<string, any>} */
    const body = {};
    if (typeof log === "string") body.log = log;
    else if (log.every((item) => typeof item === "string")) body.log = log.join("\n");
    else body.callbacks = log.map((item) => (typeof item === "string" ? { method: item } : item));
    if (config !== undefined) body.config = config;
    if (from !== undefined) body.from = from.map(asAction);
    if (maxActions !== undefined) body.maxActions = maxActions;
    return this.post("/v1/explain", body);
  }
}

/** One simulated app on the server. */
export class Session {
  /**
   * @param {Client} client
   * @param {{ id: string, config: Record<string, any> }} created the server's session object
   */
  constructor(client, created) {
    /** @type {Client} */
    this.client = client;
    /** @type {string} */
    this.id = created.id;
    /** @type {Record<string, any>} the resolved config (every field present) */
    this.config = created.config;
    /** @type {any} the last action's result, `undefined` before the first */
    this.last = undefined;
    this._path = `/v1/sessions/${encodeURIComponent(created.id)}`;
  }

  /**
   * Applies one action: `act("launch")`, `act("openURL", { url })` or `act({ type, ... })`.
   * @param {string | { type: string }} type
   * @param {Record<string, any>} [params]
   */
  async act(type, params = {}) {
    const body = typeof type === "string" ? action(type, params) : { ...type, ...params };
    this.last = await this.client.post(`${this._path}/actions`, body);
    return this.last;
  }

  /**
   * Applies actions in order, all or nothing: a refused step throws (with `step`, its index from 0)
   * and leaves the session exactly as it was.
   * @param {Array<string | { type: string }>} actions
   */
  async batch(actions) {
    const result = await this.client.post(`${this._path}/actions`, actions.map(asAction));
    if (result.steps.length > 0) this.last = result.steps[result.steps.length - 1];
    return result;
  }

  /**
   * The `moveTo` action: the shortest sequence of plain actions to app state `app` (and, with
   * `scene`, some scene in that state); the result's `path` lists the actions taken.
   * @param {string} app e.g. `"suspended"`
   * @param {string} [scene] e.g. `"foregroundActive"`
   */
  async moveTo(app, scene) {
    return this.act("moveTo", scene === undefined ? { app } : { app, scene });
  }

  /** `GET /v1/sessions/{id}`: the resolved config, state, callback count and allowed actions. */
  async info() {
    return this.client.get(this._path);
  }

  /** The current state (asks the server). */
  async state() {
    return (await this.info()).state;
  }

  /** The action types possible now (asks the server). */
  async allowedActions() {
    return (await this.info()).allowedActions;
  }

  /** `GET /v1/sessions/{id}/journal`: the config and every accepted action, for `Client.replay`. */
  async journal() {
    return this.client.get(`${this._path}/journal`);
  }

  /**
   * One page of the log: callbacks with `seq` > `after`, at most `limit`.
   * @param {number} [after]
   * @param {number} [limit]
   */
  async callbackPage(after = 0, limit) {
    return this.client.get(`${this._path}/callbacks`, { after, limit });
  }

  /**
   * The whole log after `after` (every page), oldest first.
   * @param {number} [after]
   * @param {{ pageSize?: number }} [options]
   */
  async callbacks(after = 0, { pageSize = 1000 } = {}) {
    const out = [];
    for (;;) {
      const page = await this.callbackPage(after, pageSize);
      out.push(...page.callbacks);
      if (page.callbacks.length === 0 || page.next >= page.total) return out;
      after = page.next;
    }
  }

  /**
   * `DELETE /v1/sessions/{id}`.
   * @param {{ missingOk?: boolean }} [options] `missingOk`: no error when it is already gone
   */
  async delete({ missingOk = false } = {}) {
    try {
      await this.client.request("DELETE", this._path);
    } catch (error) {
      if (!(missingOk && error instanceof LifecycledProblem && error.status === 404)) throw error;
    }
  }
}
