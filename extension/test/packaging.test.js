// The store packages (scripts/pack-extension.py) hold what the browser loads and nothing of the tests or tools.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { readJson } from "../tools/test-helpers.js";

const repository = fileURLToPath(new URL("../../", import.meta.url));
const version = readJson("manifest.json").version;
const out = mkdtempSync(join(tmpdir(), "pg-pack-"));
after(() => rmSync(out, { recursive: true, force: true }));

function pack() {
  return execFileSync("python3", [join(repository, "scripts/pack-extension.py"), out], { encoding: "utf8" });
}

function entries(zip) {
  const listing = execFileSync("python3", ["-m", "zipfile", "-l", join(out, zip)], { encoding: "utf8" });
  return listing.split("\n").slice(1).map((line) => line.split(/\s+/)[0]).filter(Boolean);
}

describe("pack-extension.py", () => {
  it("Packs_the_popup_options_content_bundle_and_schema_for_both_stores_and_leaves_tests_and_tools_out", () => {
    pack();
    for (const zip of [`portalguard-chrome-${version}.zip`, `portalguard-firefox-${version}.zip`]) {
      const names = entries(zip);
      for (const needed of ["manifest.json", "popup/popup.html", "popup/popup.js", "options/options.html", "content/content.js", "content/frame.js",
        "background/service-worker.js", "managed-schema.json", "_locales/en/messages.json", "_locales/es/messages.json", "icons/icon-128.png"]) {
        assert.ok(names.includes(needed), `${zip} lacks ${needed}`);
      }
      assert.deepEqual(names.filter((n) => /^(test|tools|node_modules)\/|^package(-lock)?\.json$|manifest\.firefox\.json/.test(n)), [], zip);
    }
  });

  it("Store_manifest_for_chromium_carries_no_key", () => {
    pack();
    const manifest = JSON.parse(execFileSync("python3", ["-c",
      "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('manifest.json').decode())", join(out, `portalguard-chrome-${version}.zip`)],
      { encoding: "utf8" }));
    assert.equal(manifest.key, undefined);
    assert.equal(manifest.version, version);
  });
});
