// Draws the verdict banner at the top of the page inside a closed shadow root and in the top layer (a manual popover,
// see top-layer.js), so the page can neither read, restyle nor cover it. Text is set with textContent only; nothing
// from the host is ever parsed as HTML. The banner informs; the gate (overlay-view.js) is what holds a sign-in.

import { mountTopLayer } from "./top-layer.js";

const HOST_TAG = "portalguard-banner";

const STYLE = `
  .layer { position: fixed; inset: 0 0 auto 0; width: 100%; margin: 0; padding: 0; border: 0; background: transparent; overflow: visible; }
  .banner { box-sizing: border-box; width: 100%; padding: 12px 16px; display: flex; gap: 12px; align-items: flex-start;
    font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; border-bottom: 3px solid; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
  .warn { background: #fff4e5; color: #3d2600; border-color: #b35c00; }
  .block { background: #fdecea; color: #410e0b; border-color: #b3261e; }
  .mark { flex: none; width: 26px; height: 26px; border-radius: 50%; color: #fff; font: 700 18px/26px system-ui, sans-serif; text-align: center; }
  .warn .mark { background: #b35c00; }
  .block .mark { background: #b3261e; }
  .body { flex: 1; }
  .brand { font-size: 12px; letter-spacing: .04em; text-transform: uppercase; opacity: .8; }
  h2 { margin: 0 0 4px; font-size: 17px; }
  ul { margin: 0; padding-left: 18px; }
  li.info { opacity: .85; }
  button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
`;

let current = null;

/**
 * Shows the banner, replacing an earlier one. Returns true when it was drawn.
 * @param {{ level: string, title: string, lines: { code: string, severity: string, text: string }[], closeLabel: string, brand: string }} banner
 * @param {Document} doc
 */
export function showBanner(banner, doc) {
  try {
    current?.remove();
    current = null;
    const layer = element(doc, "div", "layer");
    layer.setAttribute("popover", "manual");

    const box = element(doc, "div", `banner ${banner.level === "block" ? "block" : "warn"}`);
    box.setAttribute("role", banner.level === "block" ? "alertdialog" : "alert");
    box.setAttribute("lang", chrome.i18n.getUILanguage());

    const mark = element(doc, "div", "mark", "!");
    mark.setAttribute("aria-hidden", "true");

    const body = element(doc, "div", "body");
    body.append(element(doc, "div", "brand", banner.brand), element(doc, "h2", "", banner.title));
    const list = element(doc, "ul", "");
    for (const line of banner.lines) {
      list.append(element(doc, "li", line.severity === "info" ? "info" : "", line.text));
    }
    body.append(list);

    const close = element(doc, "button", "", banner.closeLabel);
    close.type = "button";
    box.append(mark, body, close);
    layer.append(box);

    // A page that keeps removing the banner is left to it: the gate still stands between it and a password.
    const closeBanner = () => {
      mount.remove();
      if (current === mount) current = null;
    };
    const mount = mountTopLayer(doc, { tag: HOST_TAG, style: STYLE, layer, modal: false, buttons: [[close, closeBanner]], onGiveUp: () => {} });
    current = mount;
    return true;
  } catch {
    return false;
  }
}

function element(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
