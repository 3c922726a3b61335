// The pre-login overlay: a modal <dialog> over the whole page, in a closed shadow root and in the top layer (see
// top-layer.js), so the page can neither read, restyle, cover nor click it, and the page under it is inert.
// Text is set with textContent only. Resolves with "continue", "back", or "gave-up" when the page will not let it show.

import { mountTopLayer } from "./top-layer.js";

const HOST_TAG = "portalguard-overlay";

const STYLE = `
  dialog.veil { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0; border: 0;
    box-sizing: border-box; background: rgba(20, 20, 20, .55); display: flex; align-items: center; justify-content: center;
    font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; visibility: visible; opacity: 1; }
  dialog.veil::backdrop { background: transparent; }
  .card { box-sizing: border-box; max-width: 560px; width: calc(100% - 32px); background: #fff; color: #1f1f1f; border-radius: 12px;
    padding: 24px 28px; box-shadow: 0 8px 32px rgba(0,0,0,.35); border-top: 8px solid; }
  .warn { border-color: #b35c00; }
  .block { border-color: #b3261e; }
  .brand { font-size: 12px; letter-spacing: .06em; text-transform: uppercase; color: #555; margin-bottom: 4px; }
  h2 { margin: 0 0 12px; font-size: 22px; line-height: 1.25; }
  .block h2 { color: #8c1d18; }
  .warn h2 { color: #6b3600; }
  p { margin: 0 0 8px; }
  ul { margin: 0 0 20px; padding-left: 20px; }
  li { margin: 6px 0; }
  li.info { color: #444; }
  .actions { display: flex; gap: 12px; flex-wrap: wrap; justify-content: flex-end; }
  button { font: inherit; padding: 10px 18px; border-radius: 8px; cursor: pointer; }
  .back { background: #0b57d0; color: #fff; border: 1px solid #0b57d0; font-weight: 600; }
  .continue { background: #fff; color: #6b3600; border: 1px solid #b35c00; }
`;

let current = null;

/**
 * @param {{ level: string, brand: string, title: string, intro: string, lines: { severity: string, text: string }[],
 *   backLabel: string, continueLabel: string | null }} overlay
 * @param {Document} doc
 * @returns {Promise<"continue" | "back" | "gave-up">} "gave-up": the page kept undoing the overlay (top-layer.js)
 */
export function showOverlay(overlay, doc) {
  return new Promise((resolve) => {
    try {
      current?.remove();
      current = null;
      const veil = element(doc, "dialog", "veil");
      const card = element(doc, "div", `card ${overlay.level === "block" ? "block" : "warn"}`);
      card.setAttribute("role", "alertdialog");
      card.setAttribute("aria-modal", "true");
      const title = element(doc, "h2", "", overlay.title);
      title.id = "pg-title";
      card.setAttribute("aria-labelledby", "pg-title");
      card.append(element(doc, "div", "brand", overlay.brand), title, element(doc, "p", "", overlay.intro));
      const list = element(doc, "ul", "");
      for (const line of overlay.lines) {
        list.append(element(doc, "li", line.severity === "info" ? "info" : "", line.text));
      }
      card.append(list);
      const actions = element(doc, "div", "actions");
      let mount = null;
      let settled = false;
      // Clicks reach these through top-layer.js (onInputToLayer), only when trusted: the page cannot click them.
      const buttons = [];
      const finish = (choice) => {
        if (settled) return;
        settled = true;
        mount?.remove();
        if (current === mount) current = null;
        resolve(choice);
      };
      if (overlay.continueLabel) {
        const go = element(doc, "button", "continue", overlay.continueLabel);
        go.type = "button";
        buttons.push([go, () => finish("continue")]);
        actions.append(go);
      }
      const back = element(doc, "button", "back", overlay.backLabel);
      back.type = "button";
      buttons.push([back, () => finish("back")]);
      actions.append(back);
      card.append(actions);
      veil.append(card);
      mount = mountTopLayer(doc, {
        tag: HOST_TAG,
        style: STYLE,
        layer: veil,
        modal: true,
        buttons,
        focus: () => back.focus(),
        onGiveUp: () => finish("gave-up"),
      });
      current = mount;
    } catch {
      resolve("back");
    }
  });
}

export function overlayShown() {
  return current !== null && current.shown;
}

function element(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
