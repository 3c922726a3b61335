// Where the content script's time went on the 5,000-element login page when it looked for the login form and asked
// the worker as the page loaded (up to 4adb137): writes copies of that build's extension/ whose generated
// content/content.js stops a step further each time, for bench/content-script-variants.mjs to measure side by side.
// The difference between two neighbouring variants is what that step costs (bench/README.md, "Where the 2 ms
// went"). The edits are to the generated bundle; a variant whose edit does not apply is reported, not written.
//
//   git archive 4adb137 extension | tar -x -C /tmp/old
//   node bench/floor-variants.mjs /tmp/old/extension /tmp/floor
//   PW=<Playwright package folder> ROUNDS=6 PASSES=3 <its node> bench/content-script-variants.mjs $(ls -d /tmp/floor/*/extension | sort -t/ -k4 -n)
import fs from "node:fs";
import path from "node:path";

const [extension, out] = process.argv.slice(2);
if (!extension || !out) {
  console.error("usage: node bench/floor-variants.mjs <extension folder of the build> <output folder>");
  process.exit(2);
}

// The observer that watches for a late login form (the bundle has others: the remember-me lock's, the top layer's).
const OBSERVER = "const observer = new MutationObserver((records) => {\nif (Date.now() > until) {\n";
const inObserver = (line) => ({ find: OBSERVER, replace: OBSERVER.replace("{\nif", "{\n" + line + "\nif") });
const SIGNALS = "formActionOrigin: form ? serialisedOrigin(form.action) : null,\nbrandWords: brandWordsOf(doc),";
const ASK = "const answered = chrome.runtime\n.sendMessage({ type: PageMessage.ASSESS, signals })";

/** In the order of the steps a login page takes; each names the edits that stop it there. */
const variants = {
  "1-empty": "whole", // content.js is an empty script: the price of a content script at all (frame.js unchanged)
  "2-top-level": [{ find: "\n__pg_content_page_guard.start();\n", replace: "\n" }],
  "3-start-to-document": [{ find: "const capture = true;\nconst layerInput", replace: 'if (document.readyState === "loading") return;\nconst capture = true;\nconst layerInput' }],
  "4-listeners-and-scan": [inObserver("if (records.length > 0) { observer.disconnect(); return; }")],
  "5-records-no-element": [inObserver("if (records.length > 0) { void records[0].addedNodes.length; observer.disconnect(); return; }")],
  "6-first-element": [inObserver("if (records.length > 0) { void records[0].addedNodes[0].nodeType; observer.disconnect(); return; }")],
  "7-field-found": [{ find: "if (field !== null) {\nclearTimeout(timer);\ntimer = null;\ncheck(field);", replace: "if (field !== null) {\nobserver.disconnect(); return;" }],
  "8-signals-no-message": [
    { find: SIGNALS, replace: "formActionOrigin: null,\nbrandWords: []," },
    { find: ASK, replace: "const answered = Promise.resolve({ signals })" },
  ],
  "9-no-message": [{ find: ASK, replace: "const answered = Promise.resolve({ signals })" }],
  "10-no-signals": [{ find: SIGNALS, replace: "formActionOrigin: null,\nbrandWords: []," }],
  "11-all": [],
};

const source = fs.readFileSync(path.join(extension, "content", "content.js"), "utf8");
for (const [name, edits] of Object.entries(variants)) {
  let text = edits === "whole" ? "void 0;\n" : source;
  const missing = edits === "whole" ? [] : edits.filter((edit) => !text.includes(edit.find));
  if (missing.length > 0) {
    console.error(`${name}: not written, the bundle no longer has: ${JSON.stringify(missing[0].find)}`);
    continue;
  }
  if (edits !== "whole") for (const edit of edits) text = text.replace(edit.find, edit.replace);
  const folder = path.join(out, name, "extension");
  fs.rmSync(path.join(out, name), { recursive: true, force: true });
  fs.cpSync(extension, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "content", "content.js"), text);
  console.log(folder);
}
