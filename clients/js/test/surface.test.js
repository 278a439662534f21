// The same surface as the Python client (clients/python): every public method of its Client
// and Session, every matching helper and every problem member has a JavaScript counterpart,
// so a method added there and not here fails this test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as lifecycled from "../index.js";

const python = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "python", "src", "lifecycled");
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
// Python names whose JavaScript counterpart is spelled otherwise.
const renamed = { act_batch: "batch" };

/** The public methods of a Python class in one of the client's files. */
function pythonMethods(file, cls) {
  const source = readFileSync(join(python, file), "utf8");
  const body = source.split(/^class /m).find((part) => part.startsWith(`${cls}`));
  assert.ok(body, `no class ${cls} in ${file}`);
  return [...body.matchAll(/^ {4}def ([a-z][a-z_]*)\(/gm)].map((m) => m[1]);
}

for (const cls of ["Client", "Session"]) {
  test(`${cls}: every public method of the Python client's ${cls}`, () => {
    const names = pythonMethods("client.py", cls);
    assert.ok(names.length >= 8, names.join(", "));
    const prototype = lifecycled[cls].prototype;
    const missing = names.filter((n) => typeof prototype[renamed[n] ?? camel(n)] !== "function");
    assert.deepEqual(missing, [], `the JavaScript ${cls} lacks ${missing.map((n) => renamed[n] ?? camel(n)).join(", ")}`);
  });
}

test("the matching helpers of matching.py", () => {
  const source = readFileSync(join(python, "matching.py"), "utf8");
  const names = [...source.matchAll(/^def ([a-z][a-z_]*)\(/gm)].map((m) => m[1]);
  assert.ok(names.includes("assert_order"), names.join(", "));
  const missing = names.filter((n) => typeof lifecycled[camel(n)] !== "function");
  assert.deepEqual(missing, []);
});

test("the problem members of problems.py", () => {
  const source = readFileSync(join(python, "problems.py"), "utf8");
  const members = [...source.matchAll(/^ {8}self\.([a-z][a-z_]*)(?::[^=]+)? = /gm)].map((m) => m[1]);
  assert.ok(members.includes("allowed_actions") && members.includes("needs"), members.join(", "));
  const problem = new lifecycled.LifecycledProblem({ type: "", title: "", status: 400, detail: "" });
  const missing = members.filter((m) => !(camel(m) in problem));
  assert.deepEqual(missing, []);
});
