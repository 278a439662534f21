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

/** `$LIFECYCLED_BIN`, else `lifecycled` on `PATH`, else `.build/debug/lifecycled` in `start` or a parent. */
export function findBinary(start?: string): string;

/** Starts lifecycled on port 0 and waits for its listening line and `/healthz`. */
export function startServer(options?: {
  binary?: string;
  args?: string[];
  host?: string;
  timeout?: number;
}): Promise<RunningServer>;
