#!/usr/bin/env python3
"""Browser test of the playground (GET /): headless Chromium driven by Selenium.

Starts lifecycled on a free port, creates a session in the page, presses actions
(by mouse and by keyboard), reads the diagram's rows (the page's hidden table and
the SVG's data attributes) and checks them against the server's own callback log,
then replays the page's journal: its JSON through /v1/simulate, its curl lines with bash;
last, pastes a log into "Explain a log" and reads the actions and the divergence.

    e2e/browser/playground.py [BINARY] [--screenshot docs/playground.png]

Needs Debian's chromium, chromium-driver and curl, and selenium in .venv (scripts/setup.sh).
Bounded: the whole run stops after 180 s.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

TIME_LIMIT = 180
WAIT = 15


def start_server(binary):
    out = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen([binary, "--port", "0", "--quiet"], stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        out.seek(0)
        for line in out.read().splitlines():
            if line.startswith("listening on "):
                return proc, line.split(" ", 2)[2].strip()
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    out.seek(0)
    sys.exit(f"playground-test: {binary} did not start: {out.read()}")


def http(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1400", "--force-device-scale-factor=1", "--hide-scrollbars"]:
        options.add_argument(arg)
    service = ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    return driver


def rows(driver):
    """The diagram's rows as the page's table lists them: (kind, seq, participant, text)."""
    return driver.execute_script(
        "return [...document.querySelectorAll('#rows tbody tr')]"
        ".map(tr => [...tr.cells].slice(1).map(td => td.textContent));")


def svg_rows(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('#diagram g.row')]"
        ".map(g => ({kind: g.dataset.kind, seq: g.dataset.seq || '', method: g.dataset.method || '',"
        " text: g.dataset.text, participant: g.dataset.participant}));")


def press(driver, action, keyboard=False, **params):
    """Fills an action's parameters and clicks its button (or focuses it and presses
    Enter); waits for the diagram to grow."""
    before = len(rows(driver))
    for name, value in params.items():
        field = driver.find_element(By.ID, f"p-{action}-{name}")
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)
    button = driver.find_element(By.ID, f"act-{action}")
    if keyboard:
        button.send_keys(Keys.ENTER)
    else:
        button.click()
    WebDriverWait(driver, WAIT).until(lambda d: len(rows(d)) > before)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def check_against_log(driver, base, actions_pressed):
    sid = driver.find_element(By.CSS_SELECTOR, "#session-info code").text
    log = http(base, "GET", f"/v1/sessions/{sid}/callbacks")["callbacks"]
    table = rows(driver)
    callbacks = [r for r in table if r[0] == "callback"]
    check([(int(r[1]), r[3]) for r in callbacks] == [(c["seq"], c["method"]) for c in log],
          f"table callbacks differ from the log:\n{callbacks}\n{log}")
    check(len([r for r in table if r[0] == "action"]) == actions_pressed, f"one action row per action: {table}")
    svg = svg_rows(driver)
    check([(r["kind"], r["seq"], r["text"]) for r in svg] == [(r[0], r[1], r[3] if r[0] != "callback" else f"{r[1]} {r[3]}") for r in table],
          "the SVG rows and the table rows differ")
    declared = set(driver.execute_script("return [...document.querySelectorAll('#diagram g.head')].map(g => g.dataset.participant);"))
    check(all(r["participant"] in declared or r["participant"] == "all" for r in svg), "a row uses an undeclared participant")
    # The buttons are exactly the actions the session allows now.
    allowed = http(base, "GET", f"/v1/sessions/{sid}")["allowedActions"]
    buttons = driver.execute_script("return [...document.querySelectorAll('#actions button')].map(b => b.dataset.actionButton);")
    check(buttons == allowed, f"buttons {buttons} != allowedActions {allowed}")
    return sid, log, table


def run(binary, screenshot):
    server, base = start_server(binary)
    driver = None
    try:
        driver = browser()
        driver.get(base + "/")
        WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "create"))
        check(driver.title == "lifecycled playground", driver.title)

        # 1. An iPad scene app, by keyboard: the create button, then Enter on the first action.
        Select(driver.find_element(By.ID, "iosVersion")).select_by_value("17.0")
        Select(driver.find_element(By.ID, "device")).select_by_value("ipad")
        driver.find_element(By.ID, "supportsMultipleScenes").click()
        driver.find_element(By.ID, "create").send_keys(Keys.ENTER)
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.ID, "act-launch"))
        focused = driver.switch_to.active_element.get_attribute("id")
        check(focused == "act-launch", f"after creating, focus is on the first action, not {focused!r}")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        WebDriverWait(driver, WAIT).until(lambda d: len(rows(d)) > 0)
        press(driver, "push", name="detail")
        press(driver, "openScene", by="system")
        press(driver, "background", keyboard=True)
        # background is not possible any more: the focus stays in the action list.
        focused = driver.switch_to.active_element.get_attribute("id")
        check(focused.startswith("act-"), f"after a keyboard press focus stays on an action, not {focused!r}")
        press(driver, "advanceTime", seconds="60")
        sid, log, table = check_against_log(driver, base, 5)
        check(["state", "", "appDelegate", "app suspended"] in table, "the suspension shows as a state note")
        check(any(r[0] == "callback" and r[2] == "sceneDelegate scene-2" for r in table), "scene-2 has its lifeline")
        check("App: suspended." in driver.find_element(By.ID, "state-summary").text, "the state summary names the app state")
        # The page links the server's own renderings of the log; the Mermaid one has the same arrows.
        href = driver.find_element(By.ID, "log-mermaid").get_attribute("href")
        check(href == f"{base}/v1/sessions/{sid}/callbacks?format=mermaid", href)
        with urllib.request.urlopen(href, timeout=10) as r:
            arrows = [line.split(": ", 1)[1] for line in r.read().decode().splitlines() if "->>" in line]
        check(arrows == [f"{c['seq']} {c['method']}" for c in log], "the Mermaid log has one arrow per callback")

        # 2. The journal replays to the same callbacks.
        journal = json.loads(driver.find_element(By.ID, "journal-json").get_attribute("textContent"))
        check([a["type"] for a in journal["actions"]] == ["launch", "push", "openScene", "background", "advanceTime"], journal)
        replay = http(base, "POST", "/v1/simulate", {"session": journal["config"], "actions": journal["actions"]})
        check([c["method"] for s in replay["steps"] for c in s["callbacks"]] == [c["method"] for c in log], "the journal replays the log")
        curl = driver.find_element(By.ID, "journal-curl").get_attribute("textContent")
        check(curl.count("/actions\" -d '") == 5, curl)
        # The curl lines, run by bash, rebuild a session with the same log.
        shell = subprocess.run(["bash", "-c", curl + 'echo "ID=$ID"'], capture_output=True, text=True, timeout=30)
        replayed = shell.stdout.strip().splitlines()[-1].removeprefix("ID=")
        check(replayed and replayed != sid, f"the curl lines made a new session: {shell.stdout} {shell.stderr}")
        again = http(base, "GET", f"/v1/sessions/{replayed}/callbacks")["callbacks"]
        check([(c["seq"], c["method"]) for c in again] == [(c["seq"], c["method"]) for c in log], "the curl lines replay the log")

        # 3. A refused action shows its problem and changes nothing.
        n = len(rows(driver))
        driver.find_element(By.ID, "p-advanceTime-seconds").clear()
        driver.find_element(By.ID, "p-advanceTime-seconds").send_keys("-5")
        driver.find_element(By.ID, "act-advanceTime").click()
        WebDriverWait(driver, WAIT).until(lambda d: "error" in d.find_element(By.ID, "status").get_attribute("class"))
        check("seconds" in driver.find_element(By.ID, "status").text, driver.find_element(By.ID, "status").text)
        check(len(rows(driver)) == n, "a refused action adds no rows")

        # 4. Explain a pasted log (POST /v1/explain) with the form's config: the actions,
        #    the ignored line, then a log that diverges, its line highlighted.
        box = driver.find_element(By.ID, "explain-log")
        box.send_keys("10:00:00.1 [Lifecycle] SceneDelegate scene(_:willConnectTo:options:)\n"
                      "10:00:00.2 [Lifecycle] SceneDelegate sceneWillEnterForeground(_:)\n"
                      "10:00:00.3 [Lifecycle] SceneDelegate sceneDidBecomeActive(_:)\n"
                      "10:00:01.0 [Net] GET /feed 200\n"
                      "10:00:05.0 [Lifecycle] -[SceneDelegate sceneWillResignActive:]\n"
                      "10:00:05.1 [Lifecycle] SceneDelegate sceneDidEnterBackground(_:)")
        driver.find_element(By.ID, "explain").click()
        WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "explain-status").text)
        status = driver.find_element(By.ID, "explain-status").text
        check(status == "Explained by 2 action(s).", status)
        steps = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#explain-actions li")]
        check(steps == ["launch", "background"], steps)
        ignored = [li.get_attribute("value") for li in driver.find_elements(By.CSS_SELECTOR, "#explain-lines li.ignored")]
        check(ignored == ["4"], f"line 4 is shown as ignored: {ignored}")
        # An iPhone for the divergence: proving that nothing goes on searches every state,
        # and an iPad with two windows has many more of them.
        Select(driver.find_element(By.ID, "device")).select_by_value("iphone")
        driver.find_element(By.ID, "supportsMultipleScenes").click()
        box.clear()
        box.send_keys("SceneDelegate sceneWillEnterForeground(_:)\nSceneDelegate sceneDidBecomeActive(_:)\n"
                      "SceneDelegate sceneDidEnterBackground(_:)\nSceneDelegate sceneWillResignActive(_:)")
        driver.find_element(By.ID, "explain").click()
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#explain-lines li.diverged"))
        diverged = driver.find_element(By.CSS_SELECTOR, "#explain-lines li.diverged")
        check(diverged.get_attribute("value") == "3" and "diverges here" in diverged.text, diverged.text)
        check("line 3" in driver.find_element(By.ID, "explain-status").text, "the status names the line")
        expected = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#explain-expected li")]
        check(any("sceneWillResignActive(_:)" in e for e in expected), expected)

        # 5. The channel picker (issue #20): observers' items get their own lifelines, with
        # the same labels as the server's Mermaid rendering of the log.
        driver.get(base + "/")
        WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "create"))
        pickers = driver.execute_script("return [...document.querySelectorAll('input[name=observer]')].map(b => b.value);")
        check(pickers == ["notifications", "reactNative", "flutter", "capacitor", "cordova", "maui", "composeMultiplatform"],
              f"the channel picker offers every channel: {pickers}")
        driver.find_element(By.ID, "observer-notifications").click()
        driver.find_element(By.ID, "observer-flutter").click()
        driver.find_element(By.ID, "create").click()
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.ID, "act-launch"))
        press(driver, "launch")
        press(driver, "background")
        osid = driver.find_element(By.CSS_SELECTOR, "#session-info code").text
        check(http(base, "GET", f"/v1/sessions/{osid}")["config"].get("observers") == ["notifications", "flutter"],
              "the session has the picked channels")
        olog = http(base, "GET", f"/v1/sessions/{osid}/callbacks")["callbacks"]
        otable = [r for r in rows(driver) if r[0] == "callback"]
        check([int(r[1]) for r in otable] == [c["seq"] for c in olog], "one row per logged callback and item")
        lanes = {r[2] for r in otable}
        check({"notificationCenter", "flutter"} <= lanes, f"the channels have lifelines: {lanes}")
        flutter = [r[3] for r in otable if r[2] == "flutter" and r[3].startswith("didChangeAppLifecycleState")]
        check(flutter == ["didChangeAppLifecycleState inactive", "didChangeAppLifecycleState resumed",
                          "didChangeAppLifecycleState inactive", "didChangeAppLifecycleState hidden",
                          "didChangeAppLifecycleState paused"], f"Flutter's states as labelled: {flutter}")
        with urllib.request.urlopen(f"{base}/v1/sessions/{osid}/callbacks?format=mermaid", timeout=10) as r:
            oarrows = [line.split(": ", 1)[1] for line in r.read().decode().splitlines() if "->>" in line]
        check(oarrows == [f"{r[1]} {r[3]}" for r in otable], "the page labels items as the server's Mermaid does")

        # 6. The README's screenshot: an iPhone scene app with a deep link and navigation.
        if screenshot:
            driver.get(base + "/")
            WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "create"))
            driver.find_element(By.ID, "create").click()
            WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.ID, "act-launch"))
            press(driver, "openURL", url="myapp://item/42")
            press(driver, "push", name="detail")
            press(driver, "background")
            driver.execute_script("window.scrollTo(0, 0); document.getElementById('diagram-box').scrollTop = 0;")
            driver.save_screenshot(screenshot)
            print(f"playground-test: screenshot {screenshot}")
        print(f"playground-test: passed ({len(log)} callbacks in {len(table)} diagram rows, session {sid})")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    args = sys.argv[1:]
    screenshot = None
    if "--screenshot" in args:
        i = args.index("--screenshot")
        screenshot = args[i + 1]
        del args[i:i + 2]
    binary = args[0] if args else ".build/debug/lifecycled"

    def timeout(*_):
        raise TimeoutError(f"playground-test: over {TIME_LIMIT} s")
    signal.signal(signal.SIGALRM, timeout)
    signal.alarm(TIME_LIMIT)
    started = time.monotonic()
    try:
        run(binary, screenshot)
    except (AssertionError, TimeoutError, Exception) as e:  # noqa: BLE001 - report any failure as one line
        print(f"playground-test: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
    print(f"playground-test: {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
