// A React Native team's Jest (or Vitest) test against the simulated iOS app. Type-checked by
// `tsc --noEmit -p clients/js/examples` (scripts/test.sh); run it in your own project with the
// `lifecycled` package installed and LIFECYCLED_BIN pointing at the server binary.
import { appStateChanges, assertOrder, LifecycledProblem, methodsOf, type Session } from "lifecycled";
import { startServer, type RunningServer } from "lifecycled/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(); // LIFECYCLED_BIN, PATH or ./.build/debug/lifecycled
});
afterAll(async () => {
  await server.stop();
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

  // Needs the server's observer channels (config `observers`); until they land the server
  // answers 400 naming `observers`.
  test("React Native AppState changes", async () => {
    const result = await server.client.simulate(["launch", "background"], { observers: ["reactNative"] });
    expect(appStateChanges(result)).toEqual(["active", "background"]);
  });
});
