// The node:test examples of clients/js/README.md and of the repository's README.md run as
// written (imports of "lifecycled" pointed at this checkout), so they stay true.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The ```js blocks of a Markdown file that start a server (complete test files). */
function testBlocks(markdown) {
  return [...markdown.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => b.includes("lifecycled/server"));
}

for (const [name, path] of [
  ["clients/js/README.md", join(here, "README.md")],
  ["README.md", join(here, "..", "..", "README.md")],
]) {
  test(`${name}: its node:test example passes against the live server`, () => {
    const blocks = testBlocks(readFileSync(path, "utf8"));
    assert.equal(blocks.length, 1, `${name} should hold one complete node:test example`);
    const source = blocks[0]
      .replace('from "lifecycled/server"', `from ${JSON.stringify(pathToFileURL(join(here, "server.js")).href)}`)
      .replace('from "lifecycled"', `from ${JSON.stringify(pathToFileURL(join(here, "index.js")).href)}`);
    assert.ok(!source.includes('"lifecycled'), "an import was not redirected");
    const dir = mkdtempSync(join(tmpdir(), "lifecycled-readme-"));
    try {
      writeFileSync(join(dir, "readme.test.mjs"), source);
      // Without the runner's own marker, the child runs its file as a top-level test run.
      const { NODE_TEST_CONTEXT, ...env } = process.env;
      const output = execFileSync(process.execPath, ["--test", join(dir, "readme.test.mjs")], { encoding: "utf8", env });
      assert.match(output, /^# pass 1$/m, output);
      assert.match(output, /^# fail 0$/m, output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
