// The files a browser reads: manifests, locales and icons agree with each other and with the code.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { Script } from "node:vm";
import { BUNDLES, contentBundleText, FRAME_OUTPUT, OUTPUT } from "../tools/content-bundle.mjs";
import { firefoxManifestText } from "../tools/firefox-manifest.mjs";
import { SIZES } from "../tools/make-icons.mjs";
import { extensionRoot, readJson } from "../tools/test-helpers.js";

const manifest = readJson("manifest.json");
const en = readJson("_locales/en/messages.json");
const es = readJson("_locales/es/messages.json");

function sourceFiles(dir = "") {
  const files = [];
  for (const entry of readdirSync(new URL(dir || ".", extensionRoot), { withFileTypes: true })) {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory() && !["test", "tools", "node_modules"].includes(entry.name)) {
      files.push(...sourceFiles(`${path}/`));
    } else if (entry.isFile() && entry.name.endsWith(".js")) {
      files.push(path);
    }
  }
  return files;
}

describe("manifest.json", () => {
  it("Key_gives_the_fixed_extension_id", () => {
    const digest = createHash("sha256").update(Buffer.from(manifest.key, "base64")).digest("hex");
    const id = [...digest.slice(0, 32)].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join("");
    assert.equal(id, "jmiahmlkaajnbmiihmbhdcjlennoiaoh");
  });

  it("Asks_only_for_the_permissions_its_features_use", () => {
    // nativeMessaging: the host. webNavigation: the badge at once. notifications: "opened without a VPN".
    // storage: managed policy. privacy: password saving. browsingData, cookies, history: log out & clear. idle: the timeout.
    // scripting: the worker's messages to a portal tab (background/tab-delivery.js), so pages need not listen for them.
    assert.deepEqual(manifest.permissions, ["nativeMessaging", "webNavigation", "notifications", "storage", "privacy", "browsingData", "cookies", "history", "idle", "scripting"]);
    // The pages the content script already runs on; cookies and tab addresses of portals need them.
    assert.deepEqual(manifest.host_permissions, ["https://*/*", "http://*/*"]);
  });

  it("Managed_schema_names_every_policy_setting", () => {
    const schema = readJson(manifest.storage.managed_schema);
    assert.deepEqual(Object.keys(schema.properties).sort(), ["extraPortals", "idleTimeoutMinutes", "requireVpn", "sharedDevice"]);
  });

  it("Every_file_it_names_exists", () => {
    const named = [
      manifest.background.service_worker,
      manifest.action.default_popup,
      manifest.options_ui.page,
      manifest.storage.managed_schema,
      ...manifest.content_scripts.flatMap((c) => c.js),
      ...Object.values(manifest.icons),
      ...Object.values(manifest.action.default_icon),
    ];
    for (const file of named) {
      assert.ok(existsSync(new URL(file, extensionRoot)), file);
    }
  });

  it("Content_scripts_are_one_classic_script_for_the_top_frame_and_one_for_every_other_frame_at_document_start", () => {
    // document_start: their listeners are registered before any script of the page, so the page's run after them.
    assert.deepEqual(
      manifest.content_scripts.map((c) => ({ js: c.js, run_at: c.run_at, all_frames: c.all_frames })),
      [
        { js: [OUTPUT], run_at: "document_start", all_frames: false },
        { js: [FRAME_OUTPUT], run_at: "document_start", all_frames: true },
      ],
    );
    for (const file of [OUTPUT, FRAME_OUTPUT]) {
      assert.doesNotThrow(() => new Script(readFileSync(new URL(file, extensionRoot), "utf8"), { filename: file }));
    }
  });

  it("Frame_script_stays_small_and_carries_nothing_of_the_top_pages_reading", () => {
    // It is parsed in every frame of the web: no brand words, no banner, nothing of the top page's reading.
    const frame = readFileSync(new URL(FRAME_OUTPUT, extensionRoot), "utf8");
    assert.ok(frame.length < 40_000, `${FRAME_OUTPUT} is ${frame.length} characters`);
    for (const module of ["common/brand-words.js", "content/banner-view.js", "content/page-guard.js"]) {
      assert.ok(!frame.includes(`// ${module}\n`), module);
    }
    // The gate itself waits for the first password field: nothing of it runs in a frame without one.
    for (const module of ["content/frame-hold.js", "content/overlay-view.js", "content/top-layer.js", "content/remember-me-lock.js", "common/protocol.js"]) {
      assert.ok(frame.includes(`// ${module} (runs at its first import())\n`), module);
    }
  });

  it("Pages_can_reach_no_file_of_the_extension", () => {
    // A web-accessible file lets any page probe for it and learn that PortalGuard is installed.
    assert.equal(manifest.web_accessible_resources, undefined);
  });

  for (const { entry, output } of BUNDLES) {
    it(`Content_script_${output}_is_the_bundle_of_its_modules`, () => {
      const committed = readFileSync(new URL(output, extensionRoot), "utf8");
      assert.ok(committed === contentBundleText(extensionRoot, entry), `${output} is out of date: run node extension/tools/content-bundle.mjs`);
    });
  }

  it("Every_content_module_is_in_a_bundle", () => {
    const bundles = BUNDLES.map(({ output }) => readFileSync(new URL(output, extensionRoot), "utf8"));
    const outputs = BUNDLES.map(({ output }) => output);
    const entries = BUNDLES.map(({ entry }) => entry);
    for (const file of sourceFiles().filter((f) => f.startsWith("content/") && !outputs.includes(f))) {
      assert.ok(entries.includes(file) || bundles.some((b) => b.includes(`// ${file}\n`) || b.includes(`// ${file} (`)), `${file} is imported by no bundle's entry`);
    }
  });

  it("Firefox_manifest_is_the_generated_one", () => {
    const committed = readFileSync(new URL("manifest.firefox.json", extensionRoot), "utf8");
    assert.equal(committed, firefoxManifestText(readFileSync(new URL("manifest.json", extensionRoot), "utf8")), "run node extension/tools/firefox-manifest.mjs");
    const firefox = JSON.parse(committed);
    assert.equal(firefox.browser_specific_settings.gecko.id, "portalguard@portalguard.org");
    assert.equal(firefox.key, undefined);
  });
});

describe("_locales", () => {
  it("English_and_spanish_have_the_same_messages_and_placeholders", () => {
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.deepEqual(es[key].placeholders ?? null, en[key].placeholders ?? null, key);
      const used = (text) => [...text.matchAll(/\$([A-Z_]+)\$/gu)].map((m) => m[1]).sort();
      assert.deepEqual(used(es[key].message), used(en[key].message), key);
      assert.ok(es[key].message.trim().length > 0, key);
    }
  });

  it("Every_message_the_code_asks_for_exists", () => {
    const asked = new Set();
    for (const file of sourceFiles()) {
      const text = readFileSync(new URL(file, extensionRoot), "utf8");
      for (const [, key] of text.matchAll(/\bt\("([A-Za-z0-9_]+)"/gu)) {
        asked.add(key);
      }
    }
    for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_]+)__/gu)) {
      asked.add(key);
    }
    assert.ok(asked.size > 5);
    for (const key of asked) {
      assert.ok(en[key], key);
    }
  });

  it("Every_reason_code_of_the_design_has_words", () => {
    const codes = [
      "vpn-off",
      "lookalike-domain",
      "not-https",
      "credentials-cross-site",
      "dns-outside-tunnel",
      "ipv6-bypasses-tunnel",
      "open-wifi",
      "certificate-invalid",
      "portal-may-block-vpn",
      "unknown-portal-brand",
      "guard-offline",
      "guard-error",
      "framed-by-lookalike",
    ];
    for (const code of codes) {
      assert.ok(en[`reason_${code.replaceAll("-", "_")}`], code);
    }
  });
});

describe("icons", () => {
  for (const size of SIZES) {
    it(`icon_${size}_is_a_${size}px_png`, () => {
      const png = readFileSync(new URL(`icons/icon-${size}.png`, extensionRoot));
      assert.equal(png.subarray(1, 4).toString("ascii"), "PNG");
      assert.equal(png.readUInt32BE(16), size);
      assert.equal(png.readUInt32BE(20), size);
    });
  }
});
