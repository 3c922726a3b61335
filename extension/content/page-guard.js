// Watches the top page for a login form, reports what it saw to the worker (facts, never the page's text or values),
// shows the host's verdict, runs the pre-login gate, and locks "remember me" on a shared device.
// Every entry point catches its own errors: a failure here must not reach the page.

import { findBrandWords } from "../common/brand-words.js";
import { webOrigin } from "../common/origin.js";
import { PageMessage, WorkerMessage } from "../common/protocol.js";
import { isRememberMeLabel } from "../common/remember-me.js";
import { isSignOutLabel } from "../common/sign-out.js";
import { showBanner } from "./banner-view.js";
import { overlayShown, showOverlay } from "./overlay-view.js";
import { allRoots, labelOf, lockRememberMe } from "./remember-me-lock.js";

// A single-page app may draw its login form late; stop looking after this long.
const WATCH_FOR_MS = 120_000;
const SETTLE_MS = 150;
const MAX_LABEL_CHARS = 200;

let assessed = false;
let stopLocking = null;
/** The gate's state for this page: whether the verdict needs a decision, and whether the person already decided. */
const gate = { applies: null, level: null, proceeded: false, pending: null };
/** Timing figures (numbers only), handed to the worker with "banner shown" for the end-to-end measurements. */
const timing = { startMs: 0, signalsMs: 0, observerMs: 0, verdictMs: null, shownAt: null };

export function start() {
  try {
    if (window.top !== window) {
      return;
    }
    const began = performance.now();
    chrome.runtime.onMessage.addListener(onWorkerMessage);
    document.addEventListener("focusin", onFocus, true);
    window.addEventListener("submit", onSubmit, true);
    if (!assessIfLoginPage()) {
      watchForLoginForm();
    }
    timing.startMs = performance.now() - began;
  } catch {
    // Never into the page.
  }
}

function watchForLoginForm() {
  let timer = null;
  const check = () => {
    try {
      if (assessIfLoginPage()) {
        observer.disconnect();
      }
    } catch {
      observer.disconnect();
    }
  };
  const observer = new MutationObserver((records) => {
    const began = performance.now();
    // A password field that just appeared is checked at once; anything else waits for the page to settle.
    if (records.some(addsPasswordField)) {
      clearTimeout(timer);
      timer = null;
      check();
    } else if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        check();
      }, SETTLE_MS);
    }
    timing.observerMs += performance.now() - began;
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WATCH_FOR_MS);
}

function addsPasswordField(record) {
  for (const node of record.addedNodes) {
    if (node.nodeType === 1 && (node.matches('input[type="password"]') || node.querySelector('input[type="password"]') !== null)) {
      return true;
    }
  }
  return false;
}

/** Sends the page's signals once a password field exists. True when it did. */
function assessIfLoginPage() {
  if (assessed) {
    return true;
  }
  const began = performance.now();
  const signals = readSignals(document);
  timing.signalsMs += performance.now() - began;
  if (signals === null) {
    return false;
  }
  assessed = true;
  const askedAt = performance.now();
  chrome.runtime
    .sendMessage({ type: PageMessage.ASSESS, signals })
    .then((reply) => {
      gate.applies = reply?.gate === true;
      gate.level = typeof reply?.level === "string" ? reply.level : null;
      applySharedDevice(reply?.sharedDevice === true);
      if (reply?.banner && showBanner(reply.banner, document)) {
        timing.shownAt = performance.now();
        timing.verdictMs = timing.shownAt - askedAt;
        return chrome.runtime.sendMessage({ type: PageMessage.BANNER_SHOWN, timing: { ...timing } });
      }
      return undefined;
    })
    .catch(() => {});
  return true;
}

// ── The pre-login gate ────────────────────────────────────────────────────────────────────────────────────────────

function onFocus(event) {
  try {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === "password" && !gate.proceeded && !overlayShown()) {
      runGate("focus").catch(() => {});
    }
  } catch {
    // Never into the page.
  }
}

function onSubmit(event) {
  try {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.querySelector('input[type="password"]') === null) {
      return;
    }
    if (gate.applies === false || gate.level === "ok" || (gate.level === "warn" && gate.proceeded)) {
      return;
    }
    // Not decided yet, warned without a decision, or blocked: hold the submission and ask.
    event.preventDefault();
    event.stopImmediatePropagation();
    const submitter = event.submitter ?? null;
    runGate("submit").then((allowed) => {
      if (allowed && form.isConnected) {
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      }
    }, () => {});
  } catch {
    // Never into the page.
  }
}

/** Asks the worker for the verdict and, for warn or block, shows the overlay. Resolves true when signing in may go on. */
function runGate(trigger) {
  if (gate.pending !== null) {
    return gate.pending;
  }
  gate.pending = (async () => {
    const reply = await chrome.runtime.sendMessage({ type: PageMessage.GATE, trigger });
    gate.level = reply?.level ?? gate.level;
    if (reply?.proceeded) {
      gate.proceeded = true;
      return true;
    }
    if (!reply?.overlay) {
      gate.applies = false;
      return true;
    }
    gate.applies = true;
    const block = reply.overlay.level === "block";
    if (block) {
      for (const field of document.querySelectorAll('input[type="password"]')) field.blur();
      if (trigger === "submit") {
        chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "submissionBlocked" }).catch(() => {});
      }
    }
    const choice = await showOverlay(reply.overlay, document);
    if (!block && choice === "continue") {
      gate.proceeded = true;
      await chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "proceeded" }).catch(() => {});
      return true;
    }
    if (block) {
      leavePage();
    }
    return false;
  })().finally(() => {
    gate.pending = null;
  });
  return gate.pending;
}

// ── Messages from the worker ──────────────────────────────────────────────────────────────────────────────────────

function onWorkerMessage(message, sender, sendResponse) {
  try {
    if (sender.id !== chrome.runtime.id || message === null || typeof message !== "object") {
      return false;
    }
    if (message.type === WorkerMessage.SHOW_BANNER && message.banner) {
      // The posture changed (the VPN dropped): a new risk needs a new decision.
      gate.proceeded = false;
      gate.level = null;
      sendResponse({ shown: showBanner(message.banner, document) });
      return false;
    }
    if (message.type === WorkerMessage.SETTINGS) {
      applySharedDevice(message.sharedDevice === true);
      return false;
    }
    if (message.type === WorkerMessage.SIGN_OUT) {
      sendResponse({ clicked: clickSignOut() });
      return false;
    }
  } catch {
    // Never into the page.
  }
  return false;
}

/** After a block the person chose to leave: back where they came from, or an empty page. */
function leavePage() {
  try {
    if (history.length > 1) {
      history.back();
    } else {
      location.replace("about:blank");
    }
  } catch {
    // Never into the page.
  }
}

function applySharedDevice(on) {
  if (on && stopLocking === null) {
    stopLocking = lockRememberMe(document, (count) => {
      chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "rememberMeBlocked", count }).catch(() => {});
    });
  } else if (!on && stopLocking !== null) {
    stopLocking();
    stopLocking = null;
  }
}

/** Clicks the page's own sign-out link or button. True when one was found. */
function clickSignOut() {
  for (const root of allRoots(document)) {
    for (const element of root.querySelectorAll("a, button, [role='button'], input[type='submit']")) {
      const text = (element.textContent || element.getAttribute("aria-label") || element.value || "").trim();
      if (isSignOutLabel(text)) {
        element.click();
        return true;
      }
    }
  }
  return false;
}

// ── Signals ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** What the host needs about a login page, or null when the page has no password field. */
export function readSignals(doc) {
  const password = doc.querySelector('input[type="password"]');
  if (password === null) {
    return null;
  }
  const form = password.form;
  return {
    topFrame: true,
    hasPasswordField: true,
    hasRememberMe: hasRememberMeControl(form ?? doc),
    formActionOrigin: form ? webOrigin(form.action) : null,
    brandWords: findBrandWords(brandText(doc)),
  };
}

function hasRememberMeControl(scope) {
  const controls = scope.querySelectorAll('input[type="checkbox"], [role="checkbox"], [role="switch"]');
  for (const control of controls) {
    if (isRememberMeLabel(labelOf(control, document))) {
      return true;
    }
  }
  return false;
}

// Where a portal shows its brand: the title, the first headings, the logo's alternative text.
function brandText(doc) {
  const parts = [doc.title];
  for (const element of doc.querySelectorAll("h1, h2, header img[alt], img[alt*='logo' i], [class*='logo' i] img[alt]")) {
    parts.push((element.getAttribute("alt") ?? element.textContent ?? "").slice(0, MAX_LABEL_CHARS));
    if (parts.length > 12) {
      break;
    }
  }
  return parts.join(" \n ");
}
