// Starting a lifecycled binary on a free port for the duration of a test run (Node only),
// as clients/python's server.py does: `--port 0`, then the port it announces on stdout.
//
//   import { startServer } from "lifecycled/server";
//   const server = await startServer();   // LIFECYCLED_BIN, PATH, .build/release or .build/debug
//   const app = await server.client.createSession();
//   ...
//   await server.stop();

import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";

import { Client } from "./index.js";

/** The line lifecycled prints once it listens: `listening on http://HOST:PORT`. */
const LISTENING = /^listening on (http:\/\/\S+)\s*$/;

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What every lifecycled client says when it finds no binary: where it looked, and how to build one. */
export const NOT_FOUND_MESSAGE =
  "no lifecycled binary: set LIFECYCLED_BIN to its path, put lifecycled on PATH, or build it with " +
  "`swift build -c release --product lifecycled` (in the lifecycled checkout, or in a package that " +
  "depends on it) and run from that folder or below it, where .build/release/lifecycled is found";

/**
 * The lifecycled binary, in the order every lifecycled client looks (JavaScript, Python,
 * Swift): `$LIFECYCLED_BIN`; else `lifecycled` on `PATH`; else `.build/release/lifecycled`,
 * then `.build/debug/lifecycled`, in `start` (default: the working directory) or the
 * nearest parent that has one. The error says how to build one.
 * @param {string} [start]
 * @param {Record<string, string | undefined>} [env] default: `process.env`
 * @returns {string}
 */
export function findBinary(start, env = process.env) {
  const fromEnv = env.LIFECYCLED_BIN;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`LIFECYCLED_BIN=${JSON.stringify(fromEnv)} is not an executable file`);
    return fromEnv;
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, "lifecycled"))) return join(dir, "lifecycled");
  }
  let here = resolve(start ?? process.cwd());
  for (;;) {
    for (const configuration of ["release", "debug"]) {
      const candidate = join(here, ".build", configuration, "lifecycled");
      if (isExecutable(candidate)) return candidate;
    }
    const parent = dirname(here);
    if (parent === here) break;
    here = parent;
  }
  throw new Error(NOT_FOUND_MESSAGE);
}

/**
 * Starts lifecycled on a port it picks, waits for its listening line and for `/healthz`.
 * @param {{ binary?: string, args?: string[], host?: string, timeout?: number }} [options]
 *   `binary`: a path (default: `findBinary()`); `args`: more flags (default `["--quiet"]`);
 *   `timeout`: milliseconds to wait for the server (default 20000)
 * @returns {Promise<{ url: string, client: Client, process: import("node:child_process").ChildProcess,
 *   stderr: () => string, stop: (timeout?: number) => Promise<number | null> }>}
 */
export async function startServer({ binary, args = ["--quiet"], host = "127.0.0.1", timeout = 20000 } = {}) {
  const path = binary ?? findBinary();
  const command = [path, "--host", host, "--port", "0", ...args];
  const child = spawn(path, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  /** @type {Promise<number | null>} */
  const exited = new Promise((done) => child.once("exit", (code, signal) => done(code ?? (signal ? null : 0))));

  const url = await new Promise((done, fail) => {
    let buffered = "";
    const timer = setTimeout(() => fail(new Error(`${command.join(" ")} printed no listening line within ${timeout} ms`)), timeout);
    // Keeps reading after the line, so the pipe never fills.
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const found = LISTENING.exec(line);
        if (found) {
          clearTimeout(timer);
          done(found[1]);
        }
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      fail(error);
    });
    exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${command.join(" ")} exited (status ${code}) before listening:\n${stderr}`));
    });
  }).catch(async (error) => {
    child.kill("SIGKILL");
    await exited;
    throw error;
  });

  const client = new Client(url);
  /**
   * SIGTERM (a clean stop), then SIGKILL after `grace` ms; answers the exit status.
   * @param {number} [grace]
   */
  const stop = async (grace = 10000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), grace);
      const code = await exited;
      clearTimeout(timer);
      return code;
    }
    return exited;
  };
  if (!(await client.health())) {
    await stop();
    throw new Error(`${url}/healthz did not answer {"status":"ok"}`);
  }
  return { url, client, process: child, stderr: () => stderr, stop };
}
