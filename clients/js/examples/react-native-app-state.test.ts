// A React Native team's Jest (or Vitest) test against the simulated iOS app: the true
// AppState sequence, and the app's own listener driven by it through an AppState double
// shaped like React Native's Jest preset mock. `make test` compiles it with tsc and runs it
// under node --test (examples/run.mjs supplies the Jest globals it uses).
import {
  appStateChanges,
  assertOrder,
  createAppState,
  LifecycledProblem,
  methodsOf,
  replay,
  type Session,
} from "lifecycled";
import { startServer, type RunningServer } from "lifecycled/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(); // LIFECYCLED_BIN, PATH, .build/release or .build/debug
});
afterAll(async () => {
  await server?.stop(); // `?.`: a failed start keeps its own error
});

describe("an iOS 17 scene app", () => {
  test("going to the background and back by a deep link", async () => {
    const app: Session = await server.client.createSession({ iosVersion: "17.0" });
    await app.act("launch");
    const away = await app.act("background");
    expect(methodsOf(away, "sceneDelegate")).toEqual(["sceneWillResignActive(_:)", "sceneDidEnterBackground(_:)"]);
    const back = await app.act("openURL", { url: "myapp://item/42" });
    expect(back.state.app).toBe("active");
    assertOrder(back, ["sceneWillEnterForeground(_:)", "...", "sceneDidBecomeActive(_:)"], {
      receiver: "sceneDelegate",
    });
  });

  test("a refused action is a typed problem", async () => {
    const app = await server.client.createSession();
    await expect(app.act("background")).rejects.toMatchObject({ status: 409, action: "background" });
    try {
      await app.act("background");
    } catch (error) {
      if (!(error instanceof LifecycledProblem)) throw error;
      const possible: string[] | undefined = error.allowedActions;
      expect(possible).toContain("launch");
    }
  });

  // Going Home reads inactive, then background: React Native's RCTAppState sends "inactive"
  // on willResignActive, and nothing at launch (its script is still loading).
  test("React Native AppState changes", async () => {
    const result = await server.client.simulate(["launch", "background"], { observers: ["reactNative"] });
    expect(appStateChanges(result)).toEqual(["inactive", "background"]);
  });

  // The app's own code, as React Native's AppState guide writes it, against the true sequence.
  test("the app's AppState listener, driven by the true sequence", async () => {
    const run = await server.client.simulate(["launch", "background", "launch"], { observers: ["reactNative"] });
    const AppState = createAppState();
    const player = replay(run, AppState);
    player.next(); // the launch: no change event, yet currentState already reads "active"
    expect(AppState.currentState).toBe("active");
    let refreshes = 0;
    let last = AppState.currentState;
    const subscription = AppState.addEventListener("change", (next) => {
      if (/inactive|background/.test(String(last)) && next === "active") refreshes += 1;
      last = next;
    });
    player.rest();
    subscription.remove();
    expect(refreshes).toBe(1);
    expect(AppState.currentState).toBe("active");
  });
});
