// Puts PortalGuard's overlay or banner where a page cannot hide it: in a closed shadow root (the page can neither read
// nor restyle it) and in the browser's top layer (a modal <dialog> or a manual popover), which no z-index can cover.
// What a page can still do is undo it: remove the host element, add attributes to it (hidden, inert, style), or open
// its own dialog, popover or full screen above it. Each of those is repaired; a page that keeps removing or altering
// it past a limit is handed to onGiveUp, since a page that fights the warning is not one to sign in to.

import { TAMPER_LIMIT } from "../common/gate-rules.js";

// Inner-context !important wins over anything the page writes for the host, its inline style included.
const HOST_STYLE = `
  :host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important; left: 0 !important;
    width: 0 !important; height: 0 !important; overflow: visible !important; visibility: visible !important; opacity: 1 !important;
    transform: none !important; filter: none !important; clip-path: none !important; mask: none !important;
    content-visibility: visible !important; pointer-events: auto !important; z-index: 2147483647 !important; }
`;
const CHECK_EVERY_MS = 400;

/** Mounted layers, so that another element entering the top layer raises them again. */
const mounted = new Set();

/**
 * @param {Document} doc
 * @param {{ tag: string, style: string, layer: HTMLElement, modal: boolean, buttons: [HTMLElement, () => void][],
 *   focus?: () => void, onGiveUp: () => void }} options
 *   layer: a <dialog> (modal) or an element with popover="manual" (not modal), built by the caller.
 *   buttons: each button with what it does; run from onInputToLayer (below), never from a listener inside the layer.
 */
export function mountTopLayer(doc, options) {
  const host = doc.createElement(options.tag);
  const root = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = HOST_STYLE + options.style;
  root.append(style, options.layer);

  let tampered = 0;
  let live = true;
  const layer = options.layer;

  const isOpen = () => (options.modal ? layer.open && layer.matches(":modal") : layer.matches(":popover-open"));
  const open = () => {
    if (options.modal) {
      if (layer.open && !layer.matches(":modal")) layer.close();
      if (!layer.open) layer.showModal();
    } else if (!layer.matches(":popover-open")) {
      layer.showPopover();
    }
    options.focus?.();
  };
  const attach = () => {
    const parent = doc.documentElement;
    if (parent !== null && host.parentNode !== parent) {
      parent.append(host);
      observer.observe(parent, { childList: true });
    }
    for (const name of host.getAttributeNames()) host.removeAttribute(name);
    if (host.isConnected) open();
  };

  const buttons = new Map(options.buttons);
  const mount = {
    host,
    /** A trusted click on the layer: keyboard activation clicks the focused button, a pointer the one under it. */
    activate(event) {
      const inner = event.detail === 0 ? root.activeElement : root.elementFromPoint(event.clientX, event.clientY);
      const button = inner?.closest("button") ?? null;
      const action = button === null ? undefined : buttons.get(button);
      if (event.isTrusted && action !== undefined) action();
    },
    /** True while it is in the page and open. */
    get shown() {
      return live && host.isConnected && isOpen();
    },
    /**
     * To the top of the top layer again (another element was put above it). Not counted against the limit: the page
     * cannot see a raise (nothing in its DOM changes), so it cannot answer each one and turn it into a loop.
     */
    raise() {
      if (!live) return;
      guarded(() => {
        if (options.modal) {
          if (layer.open) layer.close();
        } else if (layer.matches(":popover-open")) {
          layer.hidePopover();
        }
        attach();
      });
    },
    remove() {
      live = false;
      mounted.delete(mount);
      observer.disconnect();
      clearInterval(timer);
      // Taken out without close(): closing a modal dialog gives the focus back to the password field, which would
      // open the gate again at once.
      guarded(() => host.remove());
    },
  };

  /** Counts one repair; false (and hands over to onGiveUp) once the page has gone past the limit. */
  const note = () => {
    tampered += 1;
    if (tampered <= TAMPER_LIMIT) return true;
    mount.remove();
    guarded(options.onGiveUp);
    return false;
  };
  const repair = () => {
    if (!live || (host.isConnected && host.getAttributeNames().length === 0 && isOpen())) return;
    if (note()) attach();
  };
  const observer = new MutationObserver(() => guarded(repair));
  // A full-page overlay is also checked on a timer: something of the page's own in the top layer above it (a dialog,
  // a popover, full screen) makes it no longer what the person sees. The banner relies on the observer alone.
  const timer = options.modal
    ? setInterval(() => guarded(() => {
      repair();
      if (live && mount.shown) {
        const hit = doc.elementFromPoint(innerWidth / 2, innerHeight / 2);
        if (hit !== null && hit !== host) mount.raise();
      }
    }), CHECK_EVERY_MS)
    : null;

  if (options.modal) {
    // Escape must not dismiss a decision; only the overlay's own buttons do.
    layer.setAttribute("closedby", "none");
    layer.addEventListener("cancel", (event) => event.preventDefault());
  }
  observer.observe(doc, { childList: true });
  observer.observe(host, { attributes: true });
  attach();
  mounted.add(mount);
  return mount;
}

/**
 * Called for every "toggle" and "fullscreenchange" the page causes (the listener is registered at document_start, so
 * the page cannot stop it): one of the page's own dialogs, popovers or a full-screen element went above ours.
 */
export function onTopLayerChange(event) {
  if (mounted.size === 0) return;
  if (event.type === "toggle" && event.newState !== "open") return;
  if (event.type === "fullscreenchange" && document.fullscreenElement !== null) {
    document.exitFullscreen().catch(() => {});
  }
  for (const mount of [...mounted]) mount.raise();
}

/**
 * Input the page must not cancel on PortalGuard's own layers: a click (it runs the button's action), and the keys that
 * move between and press the buttons (Tab on keydown, Enter on keypress, Space on keyup). A page that cancels or
 * stops any other event on them changes nothing the person can do.
 */
export const LAYER_INPUT_EVENTS = Object.freeze(["click", "keydown", "keypress", "keyup"]);

/**
 * Registered on window in the capture phase at document_start for LAYER_INPUT_EVENTS, before any listener of the page:
 * an event on one of our layers (retargeted to its host) goes no further, so a page's own capture listener cannot
 * stopImmediatePropagation() or preventDefault() the person's click or keys away; a click runs the button's action here.
 * Returns true when the event was ours.
 */
export function onInputToLayer(event) {
  for (const mount of mounted) {
    if (event.target === mount.host) {
      event.stopImmediatePropagation();
      if (event.type === "click") mount.activate(event);
      return true;
    }
  }
  return false;
}

function guarded(action) {
  try {
    action();
  } catch {
    // Never into the page.
  }
}
