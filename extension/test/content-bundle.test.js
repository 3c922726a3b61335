// The content-script bundler (tools/content-bundle.mjs): a module reached only through import() runs at its first
// import(), not when the bundle loads.

import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { runInNewContext } from "node:vm";
import { contentBundleText } from "../tools/content-bundle.mjs";

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), "pg-bundle-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return pathToFileURL(`${root}/`);
}

const FILES = {
  "content/entry.js": [
    'import { note } from "../common/log.js";',
    'export function start() { note("entry"); globalThis.later = () => import("./heavy.js").then((m) => m.heavy()); }',
  ].join("\n"),
  "content/heavy.js": [
    'import { note } from "../common/log.js";',
    'import { part } from "./part.js";',
    'note("heavy ran");',
    'export function heavy() { return part(); }',
  ].join("\n"),
  "content/part.js": 'import { note } from "../common/log.js";\nnote("part ran");\nexport function part() { return 42; }\n',
  "common/log.js": "export const seen = [];\nexport function note(text) { globalThis.seen.push(text); }\n",
};

describe("content bundle", () => {
  it("Runs_a_module_reached_only_through_import_at_its_first_import_and_only_once", async () => {
    const bundle = contentBundleText(tree(FILES), "content/entry.js");
    const context = { seen: [], performance, Promise };
    runInNewContext(bundle, context);
    assert.deepEqual(context.seen, ["entry"]);
    assert.equal(await context.later(), 42);
    assert.equal(await context.later(), 42);
    assert.deepEqual(context.seen, ["entry", "part ran", "heavy ran"]);
  });

  it("Leaves_a_bundle_without_import_as_it_was", () => {
    const bundle = contentBundleText(tree({ ...FILES, "content/entry.js": 'import { note } from "../common/log.js";\nexport function start() { note("x"); }\n' }), "content/entry.js");
    assert.ok(!bundle.includes("runs at its first import()"));
    assert.ok(!bundle.includes("heavy"));
  });

  it("Refuses_module_syntax_it_does_not_handle", () => {
    assert.throws(() => contentBundleText(tree({ ...FILES, "content/entry.js": 'export default function start() {}\n' }), "content/entry.js"), /does not handle/u);
  });
});
