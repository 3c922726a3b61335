// Derives manifest.firefox.json from manifest.json, so the two engines' manifests cannot drift apart by hand.
// Run `node extension/tools/firefox-manifest.mjs` after changing manifest.json; a unit test fails when it was forgotten.
// To build the Firefox package, ship manifest.firefox.json under the name manifest.json.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FIREFOX_ADDON_ID = "portalguard@portalguard.org";
// The oldest Firefox ESR line still supported when this was written.
export const FIREFOX_MIN_VERSION = "128.0";

/** The Firefox manifest for a Chromium manifest object. */
export function toFirefoxManifest(chromium) {
  // Firefox reads managed settings from its own policies.json (3rdparty section), not from a schema in the manifest.
  const { key, minimum_chrome_version, background, storage, ...rest } = chromium;
  return {
    ...rest,
    background: {
      scripts: [background.service_worker],
      type: background.type,
    },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the computer: the only peer is the local host program.
        data_collection_permissions: { required: ["none"] },
      },
    },
  };
}

export function firefoxManifestText(chromiumText) {
  return `${JSON.stringify(toFirefoxManifest(JSON.parse(chromiumText)), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = new URL("../manifest.json", import.meta.url);
  const target = new URL("../manifest.firefox.json", import.meta.url);
  writeFileSync(target, firefoxManifestText(readFileSync(source, "utf8")));
  console.log(fileURLToPath(target));
}
