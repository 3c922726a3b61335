// Reaching into the shadow roots a page closed. A page's script cannot see into a closed shadow root; an extension can
// (Chromium: chrome.dom.openOrClosedShadowRoot, Firefox: element.openOrClosedShadowRoot). The lookup is costly (about
// 12 µs a call in Chromium, against well under 1 µs for .shadowRoot), so it is never run over the whole document on
// an ordinary page: only on the element an event is retargeted to, or on custom elements while shared-device mode
// looks for "remember me".
// The same walk goes on into a same-origin frame's document, where the top frame's content script can reach too; its
// elements come from another realm, so they are recognised by their names, never with instanceof.

// PortalGuard's own hosts (overlay, banner) hold closed roots of ours, which are none of the gate's business.
const OWN_HOSTS = new Set(["portalguard-overlay", "portalguard-banner"]);
// Deeper nesting than this is not followed (a page could nest without end).
const MAX_DEPTH = 16;
// The only built-in elements that may host a shadow root (attachShadow); any other (input, button, a) is not asked.
const BUILT_IN_HOSTS = new Set(["article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "main", "nav", "p", "section", "span"]);

const HTML = "http://www.w3.org/1999/xhtml";

/** True for an HTML element named `name` (any name when none is given), from this realm or a frame's. */
export function isHtmlElement(node, name) {
  return node !== null && typeof node === "object" && node.nodeType === 1 && node.namespaceURI === HTML &&
    (name === undefined || node.localName === name);
}

/** The element's shadow root, open or closed, or null. Never one of PortalGuard's own. */
export function shadowRootOf(element) {
  try {
    if (!isHtmlElement(element)) return null;
    if (element.shadowRoot !== null) return element.shadowRoot;
    const name = element.localName;
    if (OWN_HOSTS.has(name) || !(name.includes("-") || BUILT_IN_HOSTS.has(name))) return null;
    const reach = globalThis.chrome?.dom?.openOrClosedShadowRoot;
    if (typeof reach === "function") return reach(element) ?? null;
    return element.openOrClosedShadowRoot ?? null;
  } catch {
    return null;
  }
}

/** The shadow root a custom element hosts, open or closed; for any other element only an open one (see above). */
export function hostedRoot(element) {
  return element.shadowRoot ?? (element.localName.includes("-") ? shadowRootOf(element) : null);
}

/** The document of a same-origin frame, or null (not a frame, cross-origin, not loaded). */
export function frameDocumentOf(element) {
  try {
    return isHtmlElement(element, "iframe") || isHtmlElement(element, "frame") ? element.contentDocument ?? null : null;
  } catch {
    return null;
  }
}

/**
 * The element that really has the focus, given the element a focus or key event names: an event from inside a closed
 * shadow root reaches the document retargeted to its host, and a focused frame hides its own focused element, so
 * follow each root's (or same-origin frame document's) activeElement down. The roots passed on the way are added to `roots`.
 */
export function focusedWithin(element, roots) {
  let current = element;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const root = shadowRootOf(current) ?? frameDocumentOf(current);
    const inner = root?.activeElement ?? null;
    if (inner === null || inner === current) break;
    roots.push(root);
    current = inner;
  }
  return current;
}

/** The element with the focus in the whole page, inside shadow roots open or closed. */
export function deepActiveElement(doc) {
  return focusedWithin(doc.activeElement, []);
}
