// The top page's guard: runs the pre-login gate, shows what the worker hands it (the banner of a portal's verdict, the
// VPN-drop banner), and locks "remember me" on a shared device. Every entry point catches its own errors: a failure here
// must not reach the page.
//
// At load it only registers its listeners: it looks at nothing in the document and says nothing to the worker. Every
// page of the web pays for whatever a content script does as it loads, and most never show a sign-in form: the first
// look at the document, the first element, and the first message to the worker each cost a fixed price in the
// extension's world (bench/README.md, "Where the 2 ms went"). So:
// - what a page needs at load comes from the worker, which judges every navigation by its origin anyway (badge and
//   notification): the banner of a portal's or a lookalike's verdict, and shared-device mode (background/tab-delivery.js);
// - the page's facts (a password field, where its form sends it, brand words) go to the worker when the person reaches
//   the sign-in: a password field gets the focus or a key, or a form with one is sent. The gate asks then, with them.
//
// It runs at document_start, before any script of the page. The isolated world already keeps the page's globals away
// (a page that redefines Array.prototype, JSON, MutationObserver or HTMLInputElement.prototype.checked changes its own
// world only); what a page shares with it is the DOM: events, elements, form submissions. So:
// - every listener is on window in the capture phase, registered first: a page's own capture listeners run after
//   ours and cannot stopImmediatePropagation() them away;
// - the overlay and banner live in the top layer in closed shadow roots and are put back when the page undoes them;
// - a password never leaves in form data while the gate holds it, whichever way the form is sent (submit event,
//   requestSubmit(), form.submit(), new FormData(form)), and keystrokes into a password field are held with it;
// - nothing looks through the document on load;
// - a login form inside a shadow root (open or closed) is found when the person reaches it: focus from inside a
//   shadow root arrives retargeted to its host, which is followed down; the root then gets listeners of its own, since
//   submit and formdata never leave it and focus moving inside it never reaches window. A same-origin frame is reached
//   the same way when the top window loses the focus to it (nothing from inside a frame reaches window), and its
//   document gets listeners for keys too;
// - a password field drawn as type=text is recognised by what the page declares about it (common/password-field.js).

import { findBrandWords } from "../common/brand-words.js";
import { onTamperLimit, passwordHeld, submissionAllowed } from "../common/gate-rules.js";
import { serialisedOrigin } from "../common/origin.js";
import { PAGE_HANDLER, PageMessage, WorkerMessage } from "../common/protocol.js";
import { isSignOutLabel } from "../common/sign-out.js";
import { showBanner } from "./banner-view.js";
import { PASSWORD, hasPasswordField, isPasswordField, markSeenAsPassword, withholdFormData } from "./login-form.js";
import { overlayShown, showOverlay } from "./overlay-view.js";
import { allRoots, lockRememberMe } from "./remember-me-lock.js";
import { deepActiveElement, focusedWithin, isHtmlElement } from "./shadow-roots.js";
import { clearOwnStorage } from "./site-storage.js";
import { LAYER_INPUT_EVENTS, onInputToLayer, onTopLayerChange } from "./top-layer.js";

const MAX_LABEL_CHARS = 200;
// Shadow roots with listeners of ours, kept for the remember-me lock; past this many, no more are kept.
const MAX_ROOTS = 64;

/** Shadow roots that have our listeners. */
const watchedRoots = new WeakSet();
const rootsForLock = [];
/** Events already handled on window, when a shadow root's own listener sees them again. */
const handled = new WeakSet();
/** The remember-me lock while shared-device mode is on: { stop, enforce, namesIn, addRoot }. */
let lock = null;
/** The gate's state for this page: whether the verdict needs a decision, and whether the person already decided. */
const gate = { applies: null, level: null, proceeded: false, pending: null };
/** Whether the page's password fields were looked for and remembered (markPasswordFields). */
let passwordFieldsMarked = false;

export function start() {
  try {
    if (window.top !== window) {
      return;
    }
    // The worker's messages come through background/tab-delivery.js: listening for runtime messages would touch
    // chrome.runtime on every page (≈ 0.2 ms), most of which never hear from the worker.
    globalThis[PAGE_HANDLER] = onWorkerMessage;
    // The boolean form: an options object would be read property by property at every registration.
    const capture = true;
    // One listener per event type (each registration costs time on every page): keydown serves the layers and the gate.
    const layerInput = guarded((event) => {
      if (event.type === "click") markPasswordFields();
      return onInputToLayer(event) || (event.type === "keydown" && onTyping(event));
    });
    for (const type of LAYER_INPUT_EVENTS) window.addEventListener(type, layerInput, capture);
    window.addEventListener("focusin", guarded(onFocus), capture);
    window.addEventListener("submit", guarded(onSubmit), capture);
    window.addEventListener("beforeinput", guarded(onTyping), capture);
    window.addEventListener("formdata", guarded(onFormData), capture);
    window.addEventListener("blur", guarded(onWindowBlur), capture);
    window.addEventListener("toggle", guarded(onTopLayerChange), capture);
    window.addEventListener("fullscreenchange", guarded(onTopLayerChange), capture);
  } catch {
    // Never into the page.
  }
}

function guarded(handler) {
  return (event) => {
    try {
      handler(event);
    } catch {
      // Never into the page.
    }
  };
}

/**
 * At the first click or focus in the page (not as it loads): the password fields there are remembered as such, so a
 * "show password" button that turns one into type=text before the person reaches it does not hide it from the gate.
 * The page's own click handler (the button's) runs after this one.
 */
function markPasswordFields() {
  if (passwordFieldsMarked) return;
  passwordFieldsMarked = true;
  for (const field of document.querySelectorAll(PASSWORD)) markSeenAsPassword(field);
}

/** The element an event is really about: inside an open shadow root, not the host it is retargeted to. */
function eventTarget(event) {
  return event.composedPath()[0] ?? event.target;
}

// ── The pre-login gate ────────────────────────────────────────────────────────────────────────────────────────────

function onFocus(event) {
  if (handled.has(event)) {
    return;
  }
  handled.add(event);
  markPasswordFields();
  // Inside a closed shadow root the event names its host: follow the focus down, and watch every root on the way.
  const roots = event.composedPath().filter((node) => node.nodeType === Node.DOCUMENT_FRAGMENT_NODE);
  focusReached(focusedWithin(eventTarget(event), roots), roots);
}

/** The top window lost the focus: to another tab or program, or to a frame, whose document is then watched. */
function onWindowBlur(event) {
  if (event.target !== window) {
    return;
  }
  // The frame's own element has the focus only once this event is over.
  setTimeout(guarded(() => {
    const roots = [];
    const target = focusedWithin(document.activeElement, roots);
    if (roots.length > 0) focusReached(target, roots);
  }), 0);
}

/** The focus reached `target`, through `roots` (shadow roots and frame documents, outermost first). */
function focusReached(target, roots) {
  for (const root of roots) watchRoot(root);
  if (isPasswordField(target)) {
    onPasswordFocus(target);
    return;
  }
  if (isHtmlElement(target, "input") && target.type === "text") {
    // Some pages turn a text field into a password field in their own focus handler, which runs after this one.
    setTimeout(guarded(() => {
      if (deepActiveElement(document) === target && isPasswordField(target)) onPasswordFocus(target);
    }), 0);
  }
}

function onPasswordFocus(field) {
  if (!gate.proceeded && !overlayShown()) {
    runGate("focus", field).catch(() => {});
  }
}

/**
 * Gives a shadow root listeners of its own, once: submit and formdata are not composed (they never leave the root),
 * and focus moving from one field to another inside it does not reach window either. Keys do, retargeted; from a
 * frame's document nothing does, so it gets key listeners as well.
 */
function watchRoot(root) {
  if (watchedRoots.has(root)) {
    return;
  }
  watchedRoots.add(root);
  const capture = true;
  root.addEventListener("focusin", guarded(onFocus), capture);
  root.addEventListener("submit", guarded(onSubmit), capture);
  root.addEventListener("formdata", guarded(onFormData), capture);
  if (root.nodeType === Node.DOCUMENT_NODE) {
    root.addEventListener("keydown", guarded(onTyping), capture);
    root.addEventListener("beforeinput", guarded(onTyping), capture);
    // The remember-me lock works on this realm's elements only: a frame's controls are not locked.
    return;
  }
  if (rootsForLock.length < MAX_ROOTS) {
    rootsForLock.push(root);
    lock?.addRoot(root);
  }
}

/** Keystrokes, paste and drop into a password field wait while the gate holds it (see passwordHeld). */
function onTyping(event) {
  const held = passwordHeld(gate) || overlayShown();
  // Nothing to do on almost every keystroke: the gate was asked and lets the person type.
  if (!held && gate.applies !== null) {
    return;
  }
  const field = focusedWithin(eventTarget(event), []);
  if (!held) {
    // Not asked yet: a key into a password field whose focus the gate never saw (it had it before the page was shown).
    if (gate.pending === null && isHtmlElement(field, "input") && field.type === "password") runGate("focus", field).catch(() => {});
    return;
  }
  if (!isPasswordField(field)) {
    return;
  }
  event.preventDefault();
  if (!overlayShown()) runGate("focus", field).catch(() => {});
}

function onSubmit(event) {
  const form = event.target;
  if (!isHtmlElement(form, "form") || !hasPasswordField(form)) {
    return;
  }
  lock?.enforce();
  if (submissionAllowed(gate)) {
    return;
  }
  // Not decided yet, warned without a decision, or blocked: hold the submission and ask.
  event.preventDefault();
  event.stopImmediatePropagation();
  const submitter = event.submitter ?? null;
  runGate("submit", form).then((allowed) => {
    if (allowed && form.isConnected) {
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    }
  }, () => {});
}

/**
 * Fires whenever a form's data is put together: for a submission of any kind (form.submit() has no submit event, but
 * has this one) and for new FormData(form). Remember-me controls never go; while the gate holds, nothing of a
 * login form goes, and a submission is called off. The same work is done again by a listener added to the form now,
 * which therefore runs after every listener of the page's own.
 */
function onFormData(event) {
  const form = event.target;
  if (!isHtmlElement(form, "form")) {
    return;
  }
  const names = lock?.namesIn(form) ?? [];
  const held = (passwordHeld(gate) || (gate.applies === null && sentUnasked(form))) && hasPasswordField(form);
  if (names.length === 0 && !held) {
    return;
  }
  lock?.enforce();
  const strip = withholdFormData(form, names, held);
  if (held) {
    if (passwordHeld(gate)) chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "submissionBlocked" }).catch(() => {});
    runGate("submit", form).catch(() => {});
  }
  strip(event.formData);
}

/**
 * A login form put together before the gate was ever asked on this page (no one reached its password field: the
 * page's own script fills and sends it) whose password would leave the page's origin or travel unencrypted: held and
 * asked about, as a person's sign-in would have been. Same-origin HTTPS forms of pages the worker does not watch go on.
 */
function sentUnasked(form) {
  const action = serialisedOrigin(form.action);
  return action === null || action !== location.origin || !action.startsWith("https:");
}

/**
 * Asks the worker for the verdict, with the page's facts, and for warn or block shows the overlay. Resolves true when
 * signing in may go on. `at` is the password field or the form the person reached.
 */
function runGate(trigger, at) {
  if (gate.pending !== null) {
    return gate.pending;
  }
  gate.pending = (async () => {
    const signals = readSignals(document, at);
    const reply = await chrome.runtime.sendMessage({ type: PageMessage.GATE, trigger, signals });
    applySharedDevice(reply?.sharedDevice === true);
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
      for (const field of document.querySelectorAll(PASSWORD)) field.blur();
      const focused = deepActiveElement(document);
      if (isPasswordField(focused)) focused.blur();
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
    if (block || (choice === "gave-up" && onTamperLimit(gate.level) === "leave")) {
      leavePage();
    }
    return false;
  })().finally(() => {
    gate.pending = null;
  });
  return gate.pending;
}

// ── Messages from the worker ──────────────────────────────────────────────────────────────────────────────────────

/** A message from the worker (only the extension can run code in this world: see background/tab-delivery.js). */
function onWorkerMessage(message) {
  try {
    if (message === null || typeof message !== "object") {
      return null;
    }
    if (message.type === WorkerMessage.PAGE_STATE) {
      // What the worker's judgement of this page's address says, as the page has loaded.
      applySharedDevice(message.sharedDevice === true);
      if (message.gate === true && gate.applies === null) {
        gate.applies = true;
        gate.level = typeof message.level === "string" ? message.level : gate.level;
      }
      if (!message.banner) return { shown: false };
      // After the page's next frame: drawn before the page was first laid out, the banner would make the browser do
      // that at once, ahead of its own schedule (and again after the page's own changes that follow).
      return new Promise((resolve) => afterNextFrame(() => resolve({ shown: showBanner(message.banner, document) })));
    }
    if (message.type === WorkerMessage.SHOW_BANNER && message.banner) {
      // The posture changed (the VPN dropped): a new risk needs a new decision.
      gate.proceeded = false;
      gate.level = null;
      return { shown: showBanner(message.banner, document) };
    }
    if (message.type === WorkerMessage.SETTINGS) {
      applySharedDevice(message.sharedDevice === true);
      return {};
    }
    if (message.type === WorkerMessage.SIGN_OUT) {
      return { clicked: clickSignOut() };
    }
    if (message.type === WorkerMessage.CLEAR_STORAGE) {
      return clearOwnStorage(window).catch(() => ({ failed: ["page-storage"] }));
    }
  } catch {
    // Never into the page.
  }
  return null;
}

/** Runs `run` once, as soon as the page has drawn its next frame, or after half a second (a hidden tab draws none). */
function afterNextFrame(run) {
  let ran = false;
  const once = guarded(() => {
    if (ran) return;
    ran = true;
    run();
  });
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 500);
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
  if (on && lock === null) {
    lock = lockRememberMe(document, (count) => {
      chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "rememberMeBlocked", count }).catch(() => {});
    });
    for (const root of rootsForLock) lock.addRoot(root);
  } else if (!on && lock !== null) {
    lock.stop();
    lock = null;
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

/**
 * What the host needs about a login page, read as the person reaches its sign-in: where the form sends the password and
 * the brand words the page shows. `at` is the password field or the form (else the page's first password field).
 */
function readSignals(doc, at) {
  const form = isHtmlElement(at, "form") ? at : (isHtmlElement(at, "input") ? at : doc.querySelector(PASSWORD))?.form ?? null;
  return {
    topFrame: true,
    hasPasswordField: true,
    formActionOrigin: form ? serialisedOrigin(form.action) : null,
    brandWords: brandWordsOf(doc),
  };
}

// Where a portal shows its brand: the title, the first headings, the logo's alternative text. The host needs one brand
// word (it matters only on a site it does not know), so a title that names one ends the search: the headings and
// images are walked only when it does not. One query per tag name: the browser answers a lone tag name by a plain walk,
// several times faster than one selector list over the whole page or its live per-tag lists (which the page's own
// changes keep invalidating).
const MAX_BRAND_PARTS = 12;

function brandWordsOf(doc) {
  const inTitle = findBrandWords(doc.title);
  return inTitle.length > 0 ? inTitle : findBrandWords(brandText(doc));
}

function brandText(doc) {
  const parts = [];
  const add = (text) => {
    parts.push(text.slice(0, MAX_LABEL_CHARS));
    return parts.length >= MAX_BRAND_PARTS;
  };
  for (const tag of ["h1", "h2"]) {
    for (const heading of doc.querySelectorAll(tag)) {
      if (add(heading.textContent ?? "")) return parts.join(" \n ");
    }
  }
  for (const image of doc.querySelectorAll("img")) {
    const alt = image.getAttribute("alt");
    if (alt && (/logo/iu.test(alt) || image.closest("header, [class*='logo' i]") !== null) && add(alt)) break;
  }
  return parts.join(" \n ");
}
