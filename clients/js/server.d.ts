// Types for lifecycled's node-only server helper (server.js). No @types/node needed:
// Debian's tsc (node-typescript) ships without it.

import type { Client } from "./index.js";

/** A lifecycled process listening on a port it picked. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  /** A client for it. */
  client: Client;
  /** The child process (node's `ChildProcess`). */
  process: { readonly pid?: number; kill(signal?: string): boolean };
  /** What the server wrote on standard error so far. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `grace` ms (default 10000); answers the exit status. */
  stop(grace?: number): Promise<number | null>;
}

/**
 * `$LIFECYCLED_BIN`, else `lifecycled` on `PATH`, else `.build/release/lifecycled`, then
 * `.build/debug/lifecycled`, in `start` (default: the working directory) or the nearest parent
 * that has one; the same order as the Python and Swift clients. The error says how to build one.
 */
export function findBinary(start?: string, env?: Record<string, string | undefined>): string;

/** The error `findBinary` throws when it finds nothing. */
export const NOT_FOUND_MESSAGE: string;

/** Starts lifecycled on port 0 and waits for its listening line and `/healthz`. */
export function startServer(options?: {
  binary?: string;
  args?: string[];
  host?: string;
  timeout?: number;
}): Promise<RunningServer>;
