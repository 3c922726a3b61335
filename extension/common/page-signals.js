// The facts a content script reports about a page, cleaned by the worker before they go to the host.
// The page is not trusted: types are forced, origins reduced, brand words limited to the known list.

import { knownBrandWords } from "./brand-words.js";
import { webOrigin } from "./origin.js";

/**
 * The signals the host receives. topFrame comes from the browser (the sender's frame), not from the page.
 * @param {unknown} raw what the content script sent
 * @param {{ frameId: number | undefined }} sender
 */
export function sanitizeSignals(raw, sender) {
  const given = raw !== null && typeof raw === "object" ? raw : {};
  return {
    topFrame: sender?.frameId === 0,
    hasPasswordField: given.hasPasswordField === true,
    formActionOrigin: webOrigin(given.formActionOrigin),
    brandWords: knownBrandWords(given.brandWords),
  };
}
