// The package as published: no runtime dependencies, exports that exist, and an index.js
// that runs in a browser (no node: imports anywhere it reaches).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

test("package.json declares no runtime dependencies", () => {
  for (const key of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
    assert.equal(pkg[key], undefined, `package.json has ${key}`);
  }
  assert.equal(pkg.name, "lifecycled");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.engines.node, ">=18");
  assert.equal(pkg.types, "./index.d.ts");
});

test("every file the exports map and files list name exists", () => {
  const targets = [];
  const walk = (value) => (typeof value === "string" ? targets.push(value) : Object.values(value).forEach(walk));
  walk(pkg.exports);
  targets.push(...pkg.files);
  for (const target of targets) assert.ok(existsSync(join(root, target)), `${target} is missing`);
});

/** The relative modules a module imports, and the bare (package or node:) ones. */
function imports(file) {
  const source = readFileSync(join(root, file), "utf8");
  return [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms)].map((m) => m[1]);
}

test("index.js reaches only relative modules: no node: imports, no packages", () => {
  const seen = new Set();
  const queue = ["index.js"];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of imports(file)) {
      assert.ok(spec.startsWith("./"), `${file} imports ${spec}: index.js must run in a browser`);
      queue.push(spec.slice(2));
    }
  }
  assert.ok(seen.has("client.js") && seen.has("channels.js"), [...seen].join(", "));
  // server.js is the node-only part, and says so by its imports.
  assert.ok(imports("server.js").some((spec) => spec.startsWith("node:")));
});
