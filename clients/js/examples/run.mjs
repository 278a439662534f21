#!/usr/bin/env node
// Runs the examples as a user's project would: the TypeScript examples here, compiled by
// tsc against the package's own types, and the ```js blocks of docs/guide/*.md, all under
// node --test against a live server, importing "lifecycled" from node_modules (a link to
// this package) in a folder whose package.json says it is an ES module. Jest-style files
// get Jest's globals from jest-globals.js (Debian's Jest needs another Node: see README).
//
//   node clients/js/examples/run.mjs     (make test)
//
// It compiles once and runs twice: every example and snippet must pass; then a copy of the
// React Native example with one expectation made wrong (the guess the service exists to
// correct) must fail exactly that test.
//
// LIFECYCLED_BIN names the server binary (scripts/test.sh sets it).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const examples = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(examples, "..");
const repository = join(packageRoot, "..", "..");

// The expectation the wrong run breaks: React Native's Home trip, as people guess it.
const TRUE_HOME = 'expect(appStateChanges(result)).toEqual(["inactive", "background"]);';
const GUESSED_HOME = 'expect(appStateChanges(result)).toEqual(["active", "background"]);';

/** The ```js blocks of the guide pages: each a whole test file. */
function guideSnippets() {
  const guide = join(repository, "docs", "guide");
  const out = [];
  for (const name of readdirSync(guide).filter((n) => n.endsWith(".md")).sort()) {
    const blocks = [...readFileSync(join(guide, name), "utf8").matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    blocks.forEach((code, i) => out.push({ name: `guide-${name.replace(/\.md$/, "")}-${i + 1}.test.js`, code }));
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), "lifecycled-examples-"));
try {
  process.exitCode = main();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Compiles the examples and runs them with the guide's snippets; answers the exit status. */
function main() {
  // A project folder: ES module, with the package installed (linked) as a user installs it.
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module", private: true }));
  mkdirSync(join(work, "node_modules"));
  symlinkSync(packageRoot, join(work, "node_modules", "lifecycled"), "dir");

  const sources = join(work, "src");
  mkdirSync(sources);
  for (const name of readdirSync(examples).filter((n) => n.endsWith(".ts") || n === "tsconfig.json")) {
    const text = readFileSync(join(examples, name), "utf8");
    writeFileSync(join(sources, name), text);
    if (name === "react-native-app-state.test.ts") {
      if (!text.includes(TRUE_HOME)) throw new Error(`${name} no longer holds ${TRUE_HOME}`);
      writeFileSync(join(sources, "wrong-expectation.ts"), text.replace(TRUE_HOME, GUESSED_HOME));
    }
  }
  const tsconfig = JSON.parse(readFileSync(join(sources, "tsconfig.json"), "utf8"));
  delete tsconfig.compilerOptions.baseUrl; // resolve "lifecycled" from node_modules, as a project does
  delete tsconfig.compilerOptions.paths;
  writeFileSync(join(sources, "tsconfig.json"), JSON.stringify(tsconfig));
  const out = join(work, "out");
  const tsc = spawnSync("tsc", ["-p", sources, "--noEmit", "false", "--outDir", out], { encoding: "utf8" });
  if (tsc.status !== 0) {
    console.log(`${tsc.stdout ?? ""}${tsc.stderr ?? ""}${tsc.error ?? ""}`);
    console.log("examples: tsc failed (Debian's node-typescript provides tsc)");
    return 1;
  }

  const shim = pathToFileURL(join(examples, "jest-globals.js")).href;
  const files = [];
  const add = (name, code) => {
    writeFileSync(join(out, name), `import ${JSON.stringify(shim)};\n${code}`);
    files.push(join(out, name));
  };
  for (const name of readdirSync(out).filter((n) => n.endsWith(".test.js"))) add(name, readFileSync(join(out, name), "utf8"));
  for (const { name, code } of guideSnippets()) add(name, code);

  add("wrong-expectation.js", readFileSync(join(out, "wrong-expectation.js"), "utf8"));
  const wrong = files.pop();

  const good = runTests(files);
  if (good.status !== 0 || !(good.passed > 0) || good.failed !== 0) {
    console.log(good.output);
    console.log(`examples: ${good.passed} passed, ${good.failed} failed (node --test exit status ${good.status})`);
    return 1;
  }
  const names = files.map((f) => f.split("/").pop()).join(", ");
  console.log(`examples: ${good.passed} tests passed in ${files.length} files (${names})`);

  const bad = runTests([wrong]);
  const caught = bad.status !== 0 && bad.failed === 1 && /not ok \d+ - React Native AppState changes/.test(bad.output);
  if (!caught) {
    console.log(bad.output);
    console.log(`examples: the guessed expectation did not fail exactly its test (${bad.failed} failed)`);
    return 1;
  }
  console.log(`examples: the guessed expectation (["active", "background"]) fails its test, as it must`);
  return 0;
}

/** node --test on `files` in the project folder: its exit status, counts and output. */
function runTests(files) {
  // Without the runner's own marker, the child runs its files as a top-level test run.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const run = spawnSync(process.execPath, ["--test", ...files], { cwd: work, env, encoding: "utf8" });
  const output = run.stdout + run.stderr;
  const count = (what) => Number(output.match(new RegExp(`^# ${what} (\\d+)$`, "m"))?.[1] ?? NaN);
  return { status: run.status, passed: count("pass"), failed: count("fail"), output };
}
