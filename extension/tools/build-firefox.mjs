// Builds the Firefox folder: the extension's files with manifest.firefox.json shipped as manifest.json.
// Usage: node extension/tools/build-firefox.mjs <output folder>   (then: npx web-ext lint --source-dir <output folder>)

import { cpSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LEFT_OUT = new Set(["test", "tools", "node_modules", "manifest.json", "manifest.firefox.json", "package.json", "package-lock.json"]);

export function buildFirefox(target) {
  const source = fileURLToPath(new URL("../", import.meta.url));
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(source, target, {
    recursive: true,
    filter: (path) => !LEFT_OUT.has(path.slice(source.length).split("/")[0]),
  });
  cpSync(new URL("../manifest.firefox.json", import.meta.url), `${target}/manifest.json`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error("usage: node extension/tools/build-firefox.mjs <output folder>");
    process.exit(2);
  }
  console.log(buildFirefox(target));
}
