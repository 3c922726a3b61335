// Reaching into the shadow roots a page closed. A page's script cannot see into a closed shadow root; an extension can
// (Chromium: chrome.dom.openOrClosedShadowRoot, Firefox: element.openOrClosedShadowRoot). The lookup is costly (about
// 12 µs a call in Chromium, against well under 1 µs for .shadowRoot), so it is never run over the whole document on
// an ordinary page: only on the element an event is retargeted to, or on custom elements while shared-device mode
// looks for "remember me".

// PortalGuard's own hosts (overlay, banner) hold closed roots of ours, which are none of the gate's business.
const OWN_HOSTS = new Set(["portalguard-overlay", "portalguard-banner"]);
// Deeper nesting than this is not followed (a page could nest without end).
const MAX_DEPTH = 16;
// The only built-in elements that may host a shadow root (attachShadow); any other (input, button, a) is not asked.
const BUILT_IN_HOSTS = new Set(["article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "main", "nav", "p", "section", "span"]);

/** The element's shadow root, open or closed, or null. Never one of PortalGuard's own. */
export function shadowRootOf(element) {
  try {
    if (!(element instanceof HTMLElement)) return null;
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

/**
 * The element that really has the focus, given the element a focus or key event names: an event from inside a closed
 * shadow root reaches the document retargeted to its host, so follow each root's activeElement down.
 * The roots passed on the way are added to `roots`.
 */
export function focusedWithin(element, roots) {
  let current = element;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const root = shadowRootOf(current);
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
