// What the extension and the native host agree on: protocol v1 names, and the messages between content script and worker.

export const HOST_NAME = "com.portalguard.host";
export const PROTOCOL_VERSION = 1;

/** Request types the host answers (docs/protocol.md). */
export const HostRequest = Object.freeze({
  HELLO: "hello",
  ASSESS_PAGE: "assessPage",
  GET_POSTURE: "getPosture",
  CHECK_PORTAL: "checkPortal",
  GET_SETTINGS: "getSettings",
  SET_SETTINGS: "setSettings",
  REPORT_EVENT: "reportEvent",
  SET_MANAGED_PORTALS: "setManagedPortals",
});

/** reportEvent events about the device rather than a site: sent without an origin (docs/protocol.md). */
export const DEVICE_EVENTS = Object.freeze(["passwordSavingDisabled", "passwordSavingRestored", "idleTimeout"]);

/** Messages the host sends without an id. */
export const HostPush = Object.freeze({
  POSTURE_CHANGED: "postureChanged",
});

/** Messages from the content script to the service worker (never seen by the host). */
export const PageMessage = Object.freeze({
  /**
   * The content script asks for the tab's current verdict as an overlay (the pre-login gate), with the page's facts
   * (signals: a password field, where its form sends it, brand words), read as the person reaches the sign-in.
   */
  GATE: "pg:gate",
  /** The content script reports what the person or the gate did: proceeded, submissionBlocked, rememberMeBlocked. */
  PAGE_EVENT: "pg:pageEvent",
  /** A frame's content script, after a block: the person chose to leave, so the whole tab goes back (not only the frame). */
  LEAVE: "pg:leave",
});

/** Messages from the service worker to a content script. */
/** The name under which the top page's content script leaves its handler for the worker's messages (background/tab-delivery.js). */
export const PAGE_HANDLER = "__portalGuardPage";

export const WorkerMessage = Object.freeze({
  /** As a top page has loaded: the banner of its address's verdict (a portal's or a lookalike's; else null) and shared-device mode. */
  PAGE_STATE: "pg:pageState",
  SHOW_BANNER: "pg:showBanner",
  SIGN_OUT: "pg:signOut",
  SETTINGS: "pg:settings",
  // Firefox only: the page clears its own origin's storage before "log out & clear" closes it (see session-cleaner.js).
  CLEAR_STORAGE: "pg:clearStorage",
});

/** Messages from the popup and the options page to the service worker. */
export const ViewMessage = Object.freeze({
  STATE: "pg:viewState",
  CHECK_PORTAL: "pg:checkPortal",
  SET_SETTINGS: "pg:setSettings",
  CLEAR_PORTAL: "pg:clearPortal",
  CLEAR_ALL: "pg:clearAll",
});

/** Events a content script may report; the worker adds the origin from the browser's record of the sender. */
export const PAGE_EVENTS = Object.freeze(["proceeded", "submissionBlocked", "rememberMeBlocked"]);

export const VerdictLevel = Object.freeze({ OK: "ok", WARN: "warn", BLOCK: "block" });

const LEVELS = new Set(Object.values(VerdictLevel));

/**
 * The verdict of an assessPage reply in a shape the extension can rely on, or null when the reply has none.
 * A level the extension does not know is read as "warn": never as "ok".
 */
export function readVerdict(reply) {
  const verdict = reply?.verdict;
  if (verdict === null || typeof verdict !== "object") {
    return null;
  }
  const level = LEVELS.has(verdict.level) ? verdict.level : VerdictLevel.WARN;
  const reasons = Array.isArray(verdict.reasons)
    ? verdict.reasons
        .filter((r) => r !== null && typeof r === "object" && typeof r.code === "string")
        .map((r) => ({
          code: r.code,
          severity: typeof r.severity === "string" ? r.severity : level,
          message: typeof r.message === "string" ? r.message : "",
        }))
    : [];
  return { level, reasons };
}
