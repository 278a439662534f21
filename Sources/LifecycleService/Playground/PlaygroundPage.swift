import LifecycleModel

/// `GET /`: the playground, one self-contained HTML page (inline CSS and script, no
/// outside resources) compiled into the binary.
///
/// It drives the public API only: `POST /v1/sessions`, `POST /v1/sessions/{id}/actions`,
/// `GET /v1/sessions/{id}`, and `POST /v1/explain` for a pasted log. The sequence
/// diagram is drawn by the page as SVG, with the same participants, arrows and notes
/// as `format=mermaid`; every row is also in a visually hidden table (for screen
/// readers and the browser test). The journal is built from the actions the page sent.
enum PlaygroundPage {
    /// The page's bytes, built once.
    static let bytes: [UInt8] = Array(html.utf8)

    /// Only inline script and style, requests to this origin only: nothing outside loads.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"

    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>lifecycled playground</title>
        <style>
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; }
        header { padding: 10px 20px; border-bottom: 1px solid #bbb; }
        h1 { font-size: 20px; margin: 0; }
        header p { margin: 2px 0 0; color: #444; }
        main { display: grid; grid-template-columns: minmax(300px, 420px) minmax(0, 1fr); gap: 16px 20px; padding: 14px 20px; }
        section { margin-bottom: 14px; }
        h2 { font-size: 16px; margin: 0 0 8px; }
        h3 { font-size: 14px; margin: 10px 0 4px; }
        fieldset { border: 1px solid #aaa; border-radius: 6px; padding: 6px 10px; margin: 0 0 10px; }
        legend { font-weight: 600; padding: 0 4px; }
        .field { display: flex; align-items: center; gap: 8px; margin: 4px 0 8px; }
        .field label { min-width: 7.5em; }
        .checks label { display: inline-block; margin: 2px 12px 2px 0; }
        button { font: inherit; padding: 4px 10px; border: 1px solid #333; border-radius: 5px; background: #fff; color: #111; cursor: pointer; }
        button:hover { background: #e8e8e8; }
        :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        button.primary { font-weight: 700; border-width: 2px; }
        #actions { display: flex; flex-direction: column; }
        .action { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; padding: 4px 0; border-bottom: 1px dotted #bbb; }
        .action button { min-width: 10.5em; text-align: left; font: 13px ui-monospace, Menlo, Consolas, monospace; }
        .action label { font-size: 13px; color: #333; }
        .action input, .action select { font: 13px ui-monospace, Menlo, Consolas, monospace; width: 12.5em; }
        #status { min-height: 1.5em; margin: 6px 0; padding: 2px 0; }
        #status.error { font-weight: 600; border-left: 4px solid #000; padding-left: 8px; }
        #session-info code { font-size: 12px; }
        #diagram-box { overflow: auto; border: 1px solid #aaa; border-radius: 6px; max-height: 80vh; background: #fff; }
        svg text { font: 12px ui-monospace, Menlo, Consolas, monospace; fill: #000; }
        svg .head text { font-weight: 700; font-size: 11px; }
        svg .action text { font-weight: 700; }
        svg .halo { paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
        pre { font: 12px/1.35 ui-monospace, Menlo, Consolas, monospace; background: #f4f4f4; border: 1px solid #bbb; border-radius: 6px; padding: 8px; overflow: auto; max-height: 22em; margin: 4px 0; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .bottom { grid-column: 1 / -1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px 20px; }
        .legend { font-size: 13px; color: #333; margin: 4px 0 6px; }
        #explain-log { width: 100%; min-height: 9em; font: 12px/1.35 ui-monospace, Menlo, Consolas, monospace; }
        #explain-lines { font: 12px/1.35 ui-monospace, Menlo, Consolas, monospace; padding-left: 3.5em; margin: 4px 0; }
        #explain-lines li.ignored { color: #555; font-style: italic; }
        #explain-lines li.diverged { background: #ffe08a; font-weight: 700; border-left: 4px solid #000; padding-left: 4px; }
        #explain-status.error { font-weight: 600; border-left: 4px solid #000; padding-left: 8px; }
        @media (max-width: 900px) { main, .bottom { grid-template-columns: 1fr; } }
        </style>
        </head>
        <body>
        <header>
        <h1>lifecycled playground</h1>
        <p>A simulated iOS app: pick a config, press the actions the app allows now, read the UIKit callbacks it receives.</p>
        </header>
        <main>
        <div>
        <section aria-labelledby="config-h">
        <h2 id="config-h">1. Config</h2>
        <form id="config">
        <div class="field"><label for="iosVersion">iOS version</label><select id="iosVersion"></select></div>
        <div class="field"><label for="lifecycle">Life cycle</label><select id="lifecycle">
        <option value="">default (scene from iOS 13)</option><option value="app">app (app delegate only)</option><option value="scene">scene (UIScene)</option></select></div>
        <div class="field"><label for="device">Device</label><select id="device"><option value="iphone">iPhone</option><option value="ipad">iPad</option></select></div>
        <fieldset class="checks"><legend>Flags</legend>
        <label><input type="checkbox" id="stateRestoration"> stateRestoration</label>
        <label><input type="checkbox" id="supportsMultipleScenes"> supportsMultipleScenes</label>
        <label><input type="checkbox" id="notificationCenterDelegate"> notificationCenterDelegate</label>
        <label><input type="checkbox" id="registersForRemoteNotifications"> registersForRemoteNotifications</label>
        <label><input type="checkbox" id="bgTasks"> backgroundTasks: com.example.refresh (appRefresh)</label>
        </fieldset>
        <fieldset class="checks" id="modes"><legend>Background modes</legend></fieldset>
        <fieldset class="checks" id="observers"><legend>Observer channels (what an SDK or a framework sees)</legend></fieldset>
        <button type="submit" class="primary" id="create">Create session</button>
        </form>
        </section>
        <section aria-labelledby="actions-h">
        <h2 id="actions-h">2. Actions</h2>
        <p id="session-info">No session yet: create one above.</p>
        <div id="status" role="status" aria-live="polite"></div>
        <div id="actions" role="group" aria-labelledby="actions-h"></div>
        </section>
        </div>
        <div>
        <section aria-labelledby="diagram-h">
        <h2 id="diagram-h">3. Sequence diagram</h2>
        <p class="legend">Arrows: one per callback, <em>seq method</em>, from the system to its receiver. Solid box across the lifelines (&#9654;): an action. Dashed box: a state change.</p>
        <p id="diagram-summary">No callbacks yet.</p>
        <p id="log-links" hidden>This session's log from the server: <a id="log-text" href="#">as text</a>, <a id="log-mermaid" href="#">as Mermaid</a>, <a id="log-plantuml" href="#">as PlantUML</a>, <a id="log-json" href="#">as JSON</a>.</p>
        <div id="diagram-box" tabindex="0" role="region" aria-label="Sequence diagram (scrolls)">
        <svg id="diagram" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="diagram-h diagram-summary" width="400" height="60"></svg>
        </div>
        <table id="rows" class="visually-hidden">
        <caption>The diagram's rows, in order</caption>
        <thead><tr><th scope="col">row</th><th scope="col">kind</th><th scope="col">seq</th><th scope="col">participant</th><th scope="col">text</th></tr></thead>
        <tbody></tbody>
        </table>
        </section>
        </div>
        <div class="bottom">
        <section aria-labelledby="state-h">
        <h2 id="state-h">4. State</h2>
        <p id="state-summary">No session yet.</p>
        <pre id="state" tabindex="0" aria-label="State as JSON"></pre>
        </section>
        <section aria-labelledby="journal-h">
        <h2 id="journal-h">5. Journal</h2>
        <p>Every accepted action, in order: replay it with curl, or keep it as JSON.</p>
        <button type="button" id="copy-curl">Copy curl lines</button>
        <button type="button" id="copy-json">Copy JSON</button>
        <h3 id="curl-h">curl</h3>
        <pre id="journal-curl" tabindex="0" aria-labelledby="curl-h"></pre>
        <h3 id="json-h">JSON</h3>
        <pre id="journal-json" tabindex="0" aria-labelledby="json-h"></pre>
        </section>
        <section aria-labelledby="explain-h">
        <h2 id="explain-h">6. Explain a log</h2>
        <p>Paste a callback log an app recorded, as printed (one callback a line: #function, a selector or -[Class selector], a notification's name, a framework's print of its state; time stamps, tags and the app's own lines may stay). The config above is the app's. The server finds the user actions behind it, or the first line no action sequence produces; a log that starts in a running app is explained after the actions it needs, and a config near this one is named when it fits better.</p>
        <label for="explain-log" class="visually-hidden">Log to explain</label>
        <textarea id="explain-log" spellcheck="false" placeholder="SceneDelegate sceneWillEnterForeground(_:)&#10;SceneDelegate sceneDidBecomeActive(_:)"></textarea>
        <button type="button" id="explain">Explain</button>
        <p id="explain-status" role="status" aria-live="polite"></p>
        <p id="explain-assumed"></p>
        <h3 id="explain-actions-h">Actions</h3>
        <ol id="explain-actions" aria-labelledby="explain-actions-h"></ol>
        <h3 id="explain-alternatives-h">As short (the log cannot tell these apart)</h3>
        <ul id="explain-alternatives" aria-labelledby="explain-alternatives-h"></ul>
        <h3 id="explain-hints-h">Configs that read further</h3>
        <ul id="explain-hints" aria-labelledby="explain-hints-h"></ul>
        <h3 id="explain-lines-h">Lines</h3>
        <ol id="explain-lines" aria-labelledby="explain-lines-h"></ol>
        <h3 id="explain-expected-h">UIKit could call instead</h3>
        <ul id="explain-expected" aria-labelledby="explain-expected-h"></ul>
        </section>
        </div>
        </main>
        <script>
        "use strict";
        const $ = (id) => document.getElementById(id);
        const VERSIONS = ["11.0", "12.0", "13.0", "14.0", "15.0", "16.0", "17.0", "18.0", "26.0", "27.0"];
        const MODES = ["fetch", "remote-notification", "location", "audio", "processing"];
        // Issue #20: the channels of config `observers` (their items' receivers: notificationCenter, else the name).
        const CHANNELS = \#(channelList(\.rawValue));
        const OBSERVER_RECEIVERS = \#(channelList { Receiver.observer($0).rawValue });
        // Parameters the page offers, with defaults: [name, kind, default or choices],
        // from each action kind's definition (PlaygroundPage.parameterTable).
        const PARAMS = \#(parameterTable);

        let session = null;     // {id, config, state, allowed}
        let steps = [];         // [{label, callbacks, after}]
        let journal = [];       // the accepted actions, as sent
        let busy = false;
        const typed = {};       // parameter values the user changed, by input id

        function setup() {
          for (const v of VERSIONS) $("iosVersion").add(new Option(v, v, v === "17.0", v === "17.0"));
          for (const m of MODES) {
            const label = document.createElement("label");
            const box = document.createElement("input");
            box.type = "checkbox"; box.name = "mode"; box.value = m; box.id = "mode-" + m;
            label.append(box, " " + m);
            $("modes").append(label);
          }
          for (const ch of CHANNELS) {
            const label = document.createElement("label");
            const box = document.createElement("input");
            box.type = "checkbox"; box.name = "observer"; box.value = ch; box.id = "observer-" + ch;
            label.append(box, " " + ch);
            $("observers").append(label);
          }
          $("config").addEventListener("submit", (e) => { e.preventDefault(); createSession(); });
          $("copy-curl").addEventListener("click", () => copy("journal-curl", "curl lines"));
          $("copy-json").addEventListener("click", () => copy("journal-json", "JSON"));
          $("explain").addEventListener("click", explainLog);
          renderAll();
        }

        function configFromForm() {
          const c = {iosVersion: $("iosVersion").value};
          if ($("lifecycle").value) c.lifecycle = $("lifecycle").value;
          if ($("device").value !== "iphone") c.device = $("device").value;
          for (const f of ["stateRestoration", "supportsMultipleScenes", "notificationCenterDelegate", "registersForRemoteNotifications"]) if ($(f).checked) c[f] = true;
          if ($("bgTasks").checked) c.backgroundTasks = [{identifier: "com.example.refresh", kind: "appRefresh"}];
          const modes = [...document.querySelectorAll("input[name=mode]:checked")].map((b) => b.value);
          if (modes.length) c.backgroundModes = modes;
          const observers = [...document.querySelectorAll("input[name=observer]:checked")].map((b) => b.value);
          if (observers.length) c.observers = observers;
          return c;
        }

        async function call(method, path, body) {
          const init = {method, headers: {Accept: "application/json"}};
          if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
          try {
            const res = await fetch(path, init);
            const text = await res.text();
            let json = {};
            try { json = JSON.parse(text); } catch (e) { /* not JSON: keep the text */ }
            return {ok: res.ok, status: res.status, body: json, text};
          } catch (e) {
            return {ok: false, status: 0, body: {detail: "the server did not answer: " + e.message}, text: ""};
          }
        }

        function say(text, error) {
          const s = $("status");
          s.textContent = text;
          s.className = error ? "error" : "";
          s.setAttribute("role", error ? "alert" : "status");
        }

        async function createSession() {
          if (busy) return;
          busy = true;
          const config = configFromForm();
          const r = await call("POST", "/v1/sessions", config);
          busy = false;
          if (!r.ok) { say(r.body.detail || ("HTTP " + r.status + " " + r.text), true); return; }
          session = {id: r.body.id, config, state: r.body.state, allowed: r.body.allowedActions || [], resolved: r.body.config};
          steps = []; journal = [];
          say("Created session " + session.id + ".");
          renderAll();
          const first = document.querySelector("#actions button");
          if (first) first.focus();
        }

        function label(action) {
          const parts = [action.type];
          for (const [k, v] of Object.entries(action)) if (k !== "type") parts.push(k + "=" + (typeof v === "string" ? v : JSON.stringify(v)));
          return parts.join(" ");
        }

        async function act(type) {
          if (busy || !session) return;
          const action = {type};
          for (const input of document.querySelectorAll('[data-action="' + type + '"]')) {
            const name = input.dataset.param;
            let v = input.value;
            if (v === "") continue;
            if (input.dataset.kind === "json") {
              try { v = JSON.parse(v); } catch (e) { say(name + " is not valid JSON: " + e.message, true); input.focus(); return; }
            } else if (input.dataset.kind === "number" || input.dataset.kind === "task") {
              v = Number(v);
            }
            action[name] = v;
          }
          busy = true;
          const r = await call("POST", "/v1/sessions/" + session.id + "/actions", action);
          if (!r.ok) { busy = false; say(r.body.detail || ("HTTP " + r.status + " " + r.text), true); return; }
          steps.push({label: label(action), callbacks: r.body.callbacks || [], after: r.body.state.app});
          journal.push(action);
          session.state = r.body.state;
          const s = await call("GET", "/v1/sessions/" + session.id);
          if (s.ok) session.allowed = s.body.allowedActions || [];
          busy = false;
          const n = (r.body.callbacks || []).length;
          say(label(action) + ": " + n + (n === 1 ? " callback" : " callbacks") + "; the app is " + session.state.app + ".");
          renderAll();
        }

        function renderAll() {
          const focused = document.activeElement && document.activeElement.id;
          renderSessionInfo();
          renderActions();
          renderDiagram();
          renderState();
          renderJournal();
          if (focused && $(focused)) { if (document.activeElement !== $(focused)) $(focused).focus(); }
          else if (focused && focused.startsWith("act-")) {
            // The pressed action is no longer possible: keep keyboard users in the action list.
            const first = document.querySelector("#actions button");
            if (first) first.focus();
          }
        }

        function renderSessionInfo() {
          const info = $("session-info");
          $("log-links").hidden = !session;
          if (!session) { info.textContent = "No session yet: create one above."; return; }
          for (const f of ["text", "mermaid", "plantuml", "json"]) $("log-" + f).href = "/v1/sessions/" + session.id + "/callbacks?format=" + f;
          const c = session.resolved || {};
          info.innerHTML = "";
          info.append("Session ", Object.assign(document.createElement("code"), {textContent: session.id}),
            ": iOS " + (c.iosVersion || "?") + ", " + (c.lifecycle || "?") + " life cycle, " + (c.device || "?") +
            ". Possible now (" + session.allowed.length + "):");
        }

        function renderActions() {
          const box = $("actions");
          box.innerHTML = "";
          if (!session) return;
          const scenes = (session.state.scenes || []).map((s) => s.id);
          const tasks = (session.state.backgroundTasks || []).map((t) => String(t.id));
          for (const type of session.allowed) {
            const row = document.createElement("div");
            row.className = "action";
            const button = document.createElement("button");
            button.type = "button"; button.id = "act-" + type; button.textContent = type; button.dataset.actionButton = type;
            button.addEventListener("click", () => act(type));
            row.append(button);
            for (const [name, kind, def] of PARAMS[type] || []) {
              if (kind === "scene" && !session.state.scenes) continue;  // sceneless app: no scene to pick
              const id = "p-" + type + "-" + name;
              let input;
              if (kind === "choice" || kind === "scene" || (kind === "task" && tasks.length)) {
                input = document.createElement("select");
                const options = kind === "choice" ? def : kind === "task" ? tasks : [""].concat(scenes);
                for (const o of options) input.add(new Option(o === "" ? "(default)" : o, o));
              } else {
                input = document.createElement("input");
                input.type = kind === "number" || kind === "task" ? "number" : "text";
                if (kind === "number") { input.min = "0"; input.step = "any"; }
                if (kind === "task") { input.min = "1"; input.step = "1"; }
                input.value = def == null ? (kind === "task" ? "1" : "") : def;
                input.size = kind === "number" || kind === "task" ? 6 : 22;
              }
              input.id = id; input.dataset.action = type; input.dataset.param = name; input.dataset.kind = kind;
              // Keep what the user typed or picked across redraws (if it is still an option).
              if (id in typed && (!input.options || [...input.options].some((o) => o.value === typed[id]))) input.value = typed[id];
              for (const event of ["input", "change"]) input.addEventListener(event, () => { typed[id] = input.value; });
              input.addEventListener("keydown", (e) => { if (e.key === "Enter" && input.tagName === "INPUT") { e.preventDefault(); act(type); } });
              const l = document.createElement("label");
              l.htmlFor = id; l.textContent = name;
              row.append(l, input);
            }
            box.append(row);
          }
        }

        // The same participants, arrows and notes as the server's format=mermaid.
        function buildDiagram() {
          // A SwiftUI App life-cycle session (as TraceDiagram): the adaptor is the app-level lifeline.
          const swiftUI = steps.some((s) => s.callbacks.some((c) => ["app", "appDelegateAdaptor", "scene", "view"].includes(c.receiver)));
          const parts = [{alias: "System", label: "iOS (UIKit)"}, {alias: "App", label: swiftUI ? "appDelegateAdaptor" : "appDelegate"}];
          const keys = new Map();
          const counts = {};
          const declare = (key, prefix, text) => {
            if (keys.has(key)) return keys.get(key);
            counts[prefix] = (counts[prefix] || 0) + 1;
            const alias = prefix + counts[prefix];
            keys.set(key, alias);
            parts.push({alias, label: text});
            return alias;
          };
          const sceneDelegate = (id) => declare("scene|" + id, "SD", (swiftUI ? "scene " : "sceneDelegate ") + id);
          const receiver = (c) => {
            if (c.receiver === "appDelegate" || c.receiver === "appDelegateAdaptor") return "App";
            if (c.receiver === "sceneDelegate" || c.receiver === "scene") return sceneDelegate(c.sceneId || "scene");
            if (c.receiver === "app") return declare("app", "R", "App (SwiftUI)");
            if (c.receiver === "viewController" || c.receiver === "view") {
              const name = c.viewController || "viewController";
              return declare("vc|" + (c.sceneId || "") + "|" + name, "VC", c.sceneId ? name + " (" + c.sceneId + ")" : name);
            }
            if (OBSERVER_RECEIVERS.includes(c.receiver)) return declare(c.receiver, "O", c.receiver);
            return declare(c.receiver, "R", c.receiver);
          };
          const items = [];
          let app = "notRunning";
          const scenes = {};
          for (const step of steps) {
            items.push({kind: "action", over: "all", text: step.label + (step.callbacks.length ? "" : " (no callbacks)")});
            for (const c of step.callbacks) {
              if (OBSERVER_RECEIVERS.includes(c.receiver)) {
                // An observer item reads the state (it may lag, by design); it does not move it.
                const arg = c.args && typeof c.args.state === "string" ? " " + c.args.state
                  : c.args && typeof c.args.isActive === "boolean" ? " isActive=" + c.args.isActive : "";
                items.push({kind: "callback", over: receiver(c), seq: c.seq, method: c.method + arg, text: c.seq + " " + c.method + arg});
                continue;
              }
              if (c.appState !== app) { items.push({kind: "state", over: "App", text: "app " + c.appState}); app = c.appState; }
              if (c.sceneId && c.sceneState && scenes[c.sceneId] !== c.sceneState) {
                items.push({kind: "state", over: sceneDelegate(c.sceneId), text: c.sceneId + " " + c.sceneState});
                scenes[c.sceneId] = c.sceneState;
              }
              const phases = (c.receiver === "app" || c.receiver === "scene") && c.args && c.args.from && c.args.to ? " " + c.args.from + "→" + c.args.to : "";
              items.push({kind: "callback", over: receiver(c), seq: c.seq, method: c.method + phases, text: c.seq + " " + c.method + phases});
            }
            if (step.after && step.after !== app) { items.push({kind: "state", over: "App", text: "app " + step.after}); app = step.after; }
          }
          return {parts, items};
        }

        const NS = "http://www.w3.org/2000/svg";
        function svg(name, attrs, text) {
          const e = document.createElementNS(NS, name);
          for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
          if (text !== undefined) e.textContent = text;
          return e;
        }

        function renderDiagram() {
          const {parts, items} = buildDiagram();
          const COL = 172, X0 = 90, TOP = 46, ROW = 24, CHAR = 7.3;
          const x = {};
          parts.forEach((p, i) => { x[p.alias] = X0 + i * COL; });
          const last = X0 + (parts.length - 1) * COL;
          const longest = Math.max(0, ...items.filter((i) => i.kind === "callback").map((i) => i.text.length));
          const width = Math.max(last + X0, X0 + 12 + longest * CHAR + 20);
          const height = TOP + 14 + items.length * ROW + 16;
          const root = $("diagram");
          root.innerHTML = "";
          root.setAttribute("width", width);
          root.setAttribute("height", height);
          root.setAttribute("viewBox", "0 0 " + width + " " + height);
          const defs = svg("defs");
          const marker = svg("marker", {id: "arrowhead", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "8", markerHeight: "8", orient: "auto-start-reverse"});
          marker.append(svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#000"}));
          defs.append(marker);
          root.append(defs);
          for (const p of parts) {
            const g = svg("g", {class: "head", "data-participant": p.alias, "data-label": p.label});
            g.append(svg("line", {x1: x[p.alias], y1: 34, x2: x[p.alias], y2: height - 6, stroke: "#777", "stroke-dasharray": "4 4"}));
            g.append(svg("rect", {x: x[p.alias] - 80, y: 6, width: 160, height: 28, rx: 4, fill: "#fff", stroke: "#000"}));
            const shown = p.label.length > 21 ? p.label.slice(0, 20) + "\u2026" : p.label;
            const t = svg("text", {x: x[p.alias], y: 25, "text-anchor": "middle"}, shown);
            t.append(svg("title", {}, p.label));
            g.append(t);
            root.append(g);
          }
          items.forEach((it, i) => {
            const y = TOP + 14 + i * ROW;
            const g = svg("g", {class: "row " + it.kind, "data-row": i, "data-kind": it.kind, "data-participant": it.over, "data-text": it.text});
            if (it.kind === "callback") {
              g.setAttribute("data-seq", it.seq);
              g.setAttribute("data-method", it.method);
              g.append(svg("line", {x1: x.System, y1: y, x2: x[it.over] - 2, y2: y, stroke: "#000", "stroke-width": 1.4, "marker-end": "url(#arrowhead)"}));
              g.append(svg("text", {x: x.System + 8, y: y - 5, class: "halo"}, it.text));
            } else if (it.kind === "action") {
              g.append(svg("rect", {x: x.System - 80, y: y - 15, width: last - x.System + 160, height: 21, fill: "#ececec", stroke: "#000", "stroke-width": 1.5}));
              g.append(svg("text", {x: x.System - 72, y: y}, "\u25B6 " + it.text));
            } else {
              const w = it.text.length * CHAR + 14;
              g.append(svg("rect", {x: x[it.over] - w / 2, y: y - 14, width: w, height: 19, rx: 3, fill: "#fff", stroke: "#000", "stroke-dasharray": "3 2"}));
              g.append(svg("text", {x: x[it.over], y: y, "text-anchor": "middle"}, it.text));
            }
            root.append(g);
          });
          const body = $("rows").tBodies[0];
          body.innerHTML = "";
          const labels = Object.fromEntries(parts.map((p) => [p.alias, p.label]));
          items.forEach((it, i) => {
            const tr = document.createElement("tr");
            tr.dataset.kind = it.kind;
            if (it.seq !== undefined) tr.dataset.seq = it.seq;
            for (const cell of [i + 1, it.kind, it.seq === undefined ? "" : it.seq, it.over === "all" ? "all" : labels[it.over], it.kind === "callback" ? it.method : it.text]) {
              tr.append(Object.assign(document.createElement("td"), {textContent: String(cell)}));
            }
            body.append(tr);
          });
          const count = items.filter((i) => i.kind === "callback").length;
          $("diagram-summary").textContent = steps.length
            ? count + (count === 1 ? " callback" : " callbacks") + " from " + steps.length + (steps.length === 1 ? " action" : " actions") + "; participants: " + parts.map((p) => p.label).join(", ") + "."
            : "No callbacks yet.";
          const scroller = $("diagram-box");
          scroller.scrollTop = scroller.scrollHeight;
        }

        function renderState() {
          if (!session) { $("state-summary").textContent = "No session yet."; $("state").textContent = ""; return; }
          const s = session.state;
          const bits = ["App: " + s.app + "."];
          if (s.scenes) bits.push("Scenes: " + (s.scenes.length ? s.scenes.map((c) => c.id + " " + c.state).join(", ") : "none") + ".");
          bits.push("Clock: " + s.clock + " s.");
          bits.push("Locked: " + (s.locked ? "yes" : "no") + ".");
          if (s.backgroundTasks && s.backgroundTasks.length) bits.push("Background tasks: " + s.backgroundTasks.map((t) => t.id).join(", ") + ".");
          $("state-summary").textContent = bits.join(" ");
          $("state").textContent = JSON.stringify(s, null, 2);
        }

        function shellQuote(s) { return "'" + s.replace(/'/g, "'\\''") + "'"; }

        function renderJournal() {
          if (!session) { $("journal-curl").textContent = ""; $("journal-json").textContent = ""; return; }
          const lines = [
            "BASE=" + location.origin,
            "ID=$(curl -s \"$BASE/v1/sessions\" -d " + shellQuote(JSON.stringify(session.config)) +
              " | grep -o '\"id\":\"[0-9a-f-]*\"' | head -n 1 | cut -d '\"' -f 4)",
          ];
          for (const a of journal) lines.push("curl -s \"$BASE/v1/sessions/$ID/actions\" -d " + shellQuote(JSON.stringify(a)));
          lines.push("# or all at once, as a sequence diagram:");
          lines.push("curl -s \"$BASE/v1/simulate?format=mermaid\" -d " + shellQuote(JSON.stringify({session: session.config, actions: journal})));
          $("journal-curl").textContent = lines.join("\n") + "\n";
          $("journal-json").textContent = JSON.stringify({config: session.config, actions: journal}, null, 2) + "\n";
        }

        // POST /v1/explain with the config of the form: the actions, each line of the log
        // (ignored ones in italics, the one where it diverges highlighted), what UIKit
        // could call there instead.
        async function explainLog() {
          const text = $("explain-log").value;
          const r = await call("POST", "/v1/explain", {config: configFromForm(), log: text});
          const status = $("explain-status");
          for (const id of ["explain-actions", "explain-lines", "explain-expected", "explain-alternatives", "explain-hints"]) $(id).replaceChildren();
          $("explain-assumed").textContent = "";
          if (!r.ok) {
            status.textContent = r.body.detail || ("HTTP " + r.status + " " + r.text);
            status.className = "error";
            return;
          }
          const b = r.body;
          const d = b.divergence;
          status.className = b.explained ? "" : "error";
          if (b.explained) {
            status.textContent = "Explained by " + b.actions.length + " action(s).";
          } else if (d && d.observed) {
            status.textContent = "Not explained: no action sequence goes on at line " + d.line + " (" + d.observed.method + ").";
          } else {
            status.textContent = "Not explained: the log ends where UIKit goes on.";
          }
          if (b.reason) status.textContent += " The search stopped early (" + b.reason.bound + ") after " + b.reason.explainedEntries + " entries: " + b.reason.detail;
          if (b.assumed) $("explain-assumed").textContent = "Assumed: " + b.assumed.detail + ".";
          for (const a of b.actions) {
            const li = document.createElement("li");
            li.textContent = label(a);
            $("explain-actions").append(li);
          }
          for (const alternative of b.alternatives || []) {
            const li = document.createElement("li");
            li.textContent = alternative.map(label).join(", ");
            $("explain-alternatives").append(li);
          }
          for (const hint of b.hints || []) {
            const li = document.createElement("li");
            li.textContent = JSON.stringify(hint.config) + ": " + hint.detail;
            $("explain-hints").append(li);
          }
          const unread = new Map((b.unreadLines || []).map(u => [u.line, u.hint]));
          const ignored = new Set(b.ignoredLines);
          text.split(/\r\n|\n|\r/).forEach((line, i) => {
            if (!line.trim()) return;
            const li = document.createElement("li");
            li.value = i + 1;
            li.textContent = line;
            if (ignored.has(i + 1)) { li.className = "ignored"; li.title = "no callback on this line"; }
            if (unread.has(i + 1)) { li.title = unread.get(i + 1); li.textContent += "  \u2190 not read: " + unread.get(i + 1); }
            if (d && d.line === i + 1) { li.className = "diverged"; li.textContent += "  \u2190 diverges here"; }
            $("explain-lines").append(li);
          });
          for (const e of (d ? d.expected : [])) {
            const li = document.createElement("li");
            li.textContent = (e.viewController || e.receiver || "") + " " + e.method + " (after " + e.action + ")";
            $("explain-expected").append(li);
          }
        }

        async function copy(id, what) {
          const text = $(id).textContent;
          try {
            await navigator.clipboard.writeText(text);
            say("Copied the " + what + ".");
          } catch (e) {
            const range = document.createRange();
            range.selectNodeContents($(id));
            const sel = window.getSelection();
            sel.removeAllRanges(); sel.addRange(range);
            $(id).focus();
            say("Selected the " + what + ": press Ctrl+C (or \u2318C) to copy.");
          }
        }

        setup();
        </script>
        </body>
        </html>
        """#
}

extension PlaygroundPage {
    /// A JSON array of a name for each observer channel, in `ObserverChannel` order: a
    /// new channel shows up on the page without an edit to it.
    static func channelList(_ name: (ObserverChannel) -> String) -> String {
        // Names are identifiers: quoted as they are, spaced as the rest of the script.
        "[" + ObserverChannel.allCases.map { "\"\(name($0))\"" }.joined(separator: ", ") + "]"
    }

    /// The inputs of each kind's members as the page's script reads them,
    /// `{"<type>":[[name, kind, default or choices], …], …}`, built from the kinds'
    /// definitions (`ActionKind.parameterInputs`): a new kind's members show up here
    /// without an edit to the page.
    static var parameterTable: String {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        for kind in ActionKind.allCases where !kind.parameterInputs.isEmpty {
            w.key(escaping: kind.rawValue)
            w.beginArray()
            for parameter in kind.parameterInputs {
                w.beginArray()
                w.string(parameter.name)
                switch parameter.input {
                case .text(let example):
                    w.string("text")
                    w.string(example)
                case .number(let example):
                    w.string("number")
                    w.string(example)
                case .json(let example):
                    w.string("json")
                    w.string(example)
                case .choice(let values):
                    w.string("choice")
                    w.beginArray()
                    for value in values { w.string(value) }
                    w.endArray()
                case .scene:
                    w.string("scene")
                    w.null()
                case .task:
                    w.string("task")
                    w.null()
                }
                w.endArray()
            }
            w.endArray()
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
