// Builds the classic scripts the browser injects into pages from the content scripts' ES modules: content/content.js
// (the top frame's, from content/page-guard.js and what it imports) and content/frame.js (every frame's, from
// content/frame-guard.js and what it imports). Why a bundle: a content script cannot be a module, and loading
// modules with import() costs a round trip per file and forces every module to be web-accessible, so any page could
// probe for them and learn that PortalGuard is installed.
// Each module becomes a function scope of its own (their private names may clash); imports become destructuring of
// the imported module's exports. Only the module syntax the content script uses is accepted: named imports from a
// relative path, `export` before a function, class or const/let declaration, and import("./relative.js") expressions.
// Anything else stops the build.
// A module the entry reaches only through import() is not run when the bundle loads: it becomes a function that runs
// it once, at its first import(), so a script that rarely needs most of its code (the frame guard, in every frame of
// the web) pays at load only for the part it runs. Compiling is cheap; running each module's body is what costs.
// Run `node extension/tools/content-bundle.mjs` after changing a module; a unit test fails when it was forgotten.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ENTRY = "content/page-guard.js";
export const OUTPUT = "content/content.js";
export const FRAME_ENTRY = "content/frame-guard.js";
export const FRAME_OUTPUT = "content/frame.js";
/** Every bundle: its entry module and the file it is written to. */
export const BUNDLES = Object.freeze([
  Object.freeze({ entry: ENTRY, output: OUTPUT }),
  Object.freeze({ entry: FRAME_ENTRY, output: FRAME_OUTPUT }),
]);

const extensionRoot = new URL("../", import.meta.url);
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*"(\.{1,2}\/[^"]+)";\s*$/u;
const EXPORT = /^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/u;
const DYNAMIC_IMPORT = /\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/gu;
/** Stands in for an import() target in a module's lines until it is known whether the target runs at load. */
const DYNAMIC_MARK = (target) => `\u0000${target}\u0000`;

/** The bundle's text for `entry` and the modules it imports, under `root` (a file: URL of the extension folder). */
export function contentBundleText(root = extensionRoot, entry = ENTRY) {
  const modules = new Map(); // path → { body, exports, imports, dynamic }
  const order = [];
  const visit = (path, trail) => {
    if (modules.has(path)) return;
    if (trail.includes(path)) throw new Error(`import cycle: ${[...trail, path].join(" → ")}`);
    const source = readFileSync(new URL(path, root), "utf8");
    const imports = [];
    const dynamic = [];
    const exports = [];
    const lines = [];
    let inDocBlock = false;
    const markDynamic = (line) => line.replace(DYNAMIC_IMPORT, (_, relative) => {
      const target = new URL(relative, new URL(path, "file:///")).pathname.slice(1);
      dynamic.push(target);
      return DYNAMIC_MARK(target);
    });
    for (const line of source.split("\n")) {
      const imported = IMPORT.exec(line);
      if (imported) {
        const target = new URL(imported[2], new URL(path, "file:///")).pathname.slice(1);
        imports.push({ target, names: imported[1] });
        continue;
      }
      if (/^\s*(?:import|export)\b/u.test(line) && !EXPORT.test(line)) {
        throw new Error(`${path}: module syntax the bundler does not handle: ${line.trim()}`);
      }
      const exported = EXPORT.exec(line);
      if (exported) {
        exports.push(exported[2]);
        lines.push(markDynamic(line.replace(/^export\s+/u, "").trimStart()));
        continue;
      }
      // Comments stay in the modules; the bundle, parsed on every page, goes without whole-line ones and doc blocks.
      if (inDocBlock || /^\s*\/\*\*/u.test(line)) {
        inDocBlock = !/\*\/\s*$/u.test(line);
        continue;
      }
      // Indentation goes too (a line is never joined to the next, so no statement changes meaning; the only
      // multi-line strings are style sheets, where it does not matter).
      if (!/^\s*(?:\/\/|$)/u.test(line)) {
        lines.push(markDynamic(line.trimStart()));
      }
    }
    for (const { target } of imports) visit(target, [...trail, path]);
    // An import() may point back up the chain: it runs later, so that is no cycle at load.
    for (const target of dynamic) visit(target, []);
    modules.set(path, { lines, exports, imports });
    order.push(path);
  };
  visit(entry, []);

  // What runs at load: the entry and what it imports statically, all the way down. The rest waits for its import().
  const atLoad = new Set();
  const reach = (path) => {
    if (atLoad.has(path)) return;
    atLoad.add(path);
    for (const { target } of modules.get(path).imports) reach(target);
  };
  reach(entry);
  const reference = (target) => (atLoad.has(target) ? moduleVariable(target) : `${moduleVariable(target)}()`);
  const bodyOf = (path) => {
    const { lines, imports } = modules.get(path);
    const header = imports.map(({ target, names }) => {
      const bindings = names
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .map((n) => n.replace(/^([\w$]+)\s+as\s+([\w$]+)$/u, "$1: $2"));
      return `const { ${bindings.join(", ")} } = ${reference(target)};`;
    });
    const code = lines.map((line) => line.replace(/\u0000([^\u0000]+)\u0000/gu, (_, target) =>
      atLoad.has(target) ? `Promise.resolve(${moduleVariable(target)})` : `Promise.resolve().then(${moduleVariable(target)})`));
    return [...header, ...code].join("\n").trim();
  };

  const parts = [
    `// GENERATED by extension/tools/content-bundle.mjs from ${entry} and its imports: do not edit.`,
    "// The content script as one classic script (see the tool for why).",
    "(() => {",
    '"use strict";',
  ];
  // Deferred modules first: only functions, nothing runs, and each is declared before anything could call it.
  for (const path of order.filter((p) => !atLoad.has(p))) {
    const name = moduleVariable(path);
    parts.push(`// ${path} (runs at its first import())`);
    parts.push(`let ${name}_exports = null;`, `const ${name} = () => ${name}_exports ??= (() => {`, bodyOf(path),
      `return { ${modules.get(path).exports.join(", ")} };`, "})();");
  }
  for (const path of order.filter((p) => atLoad.has(p))) {
    parts.push(`// ${path}`);
    parts.push(`const ${moduleVariable(path)} = (() => {`, bodyOf(path), `return { ${modules.get(path).exports.join(", ")} };`, "})();");
  }
  parts.push(`${moduleVariable(entry)}.start();`, "})();", "");
  return parts.join("\n");
}

function moduleVariable(path) {
  return `__pg_${path.replace(/\.js$/u, "").replace(/[^A-Za-z0-9]+/gu, "_")}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { entry, output } of BUNDLES) {
    const target = new URL(output, extensionRoot);
    writeFileSync(target, contentBundleText(extensionRoot, entry));
    console.log(fileURLToPath(target));
  }
}
