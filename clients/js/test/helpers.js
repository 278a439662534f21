// One live server per test file, started as a user's test would (startServer, LIFECYCLED_BIN).
import { after, before } from "node:test";
import { startServer } from "../server.js";

/** Starts lifecycled before the file's tests and stops it after them; answers a getter. */
export function liveServer() {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });
  return () => server;
}
