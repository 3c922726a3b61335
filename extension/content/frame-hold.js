// The frame guard's gate (see frame-guard.js, which loads it at the first sign of a password field in a frame): asks
// the worker for the frame's verdict, holds the password while the gate holds, and shows the overlay in the frame.
// From the moment it is loaded, frame-guard.js hands it every event its listeners see (handle), and the event that
// woke it (replay). On a shared device, "remember me" in the frame is locked from the gate's first answer on (the
// worker says whether the mode is on in that answer: nothing is asked of a frame that never shows a password field). Every entry point catches its own errors: a failure here must not reach the page.

import { followedFromTop } from "../common/frame-gate.js";
import { onTamperLimit, passwordHeld, submissionAllowed } from "../common/gate-rules.js";
import { serialisedOrigin } from "../common/origin.js";
import { PageMessage } from "../common/protocol.js";
import { hasPasswordField, isPasswordField, withholdFormData } from "./login-form.js";
import { overlayShown, showOverlay } from "./overlay-view.js";
import { lockRememberMe } from "./remember-me-lock.js";
import { isHtmlElement } from "./shadow-roots.js";
import { LAYER_INPUT_EVENTS, onInputToLayer, onTopLayerChange } from "./top-layer.js";

/** The gate's state for this frame: as in page-guard.js, plus whether this frame is the frame guard's at all. */
const gate = { applies: null, level: null, proceeded: false, pending: null, ours: null };
/** The remember-me lock while shared-device mode is on: { stop, enforce, namesIn }. */
let lock = null;

/** What frame-guard.js calls from now on: every event of its listeners, and the one that woke this module. */
export const guard = Object.freeze({
  /** An event of frame-guard.js's window capture listeners (see its EVENTS). */
  handle(event) {
    switch (event.type) {
      case "keydown":
        if (!onInputToLayer(event)) onTyping(event);
        break;
      case "focusin":
        onFocus(event);
        break;
      case "beforeinput":
        onTyping(event);
        break;
      case "submit":
        onSubmit(event);
        break;
      case "formdata":
        onFormData(event);
        break;
      case "toggle":
      case "fullscreenchange":
        onTopLayerChange(event);
        break;
      default:
        if (LAYER_INPUT_EVENTS.includes(event.type)) onInputToLayer(event);
    }
  },
  /**
   * The sign that woke this module, seen before it was loaded: a password or text field got the focus or a key, or a
   * form with a password field was submitted (frame-guard.js held that submission; it is sent again when the gate lets it).
   * @param {{ kind: "focus" | "submit", target: Element, submitter?: Element | null }} sign
   */
  replay(sign) {
    if (sign.kind === "submit") {
      holdSubmission(sign.target, sign.submitter ?? null);
    } else {
      focusedOn(sign.target);
    }
  },
});

/** Whether this frame is the frame guard's: decided at the first password field, never at load. */
function ours() {
  if (gate.ours === null) gate.ours = !followedFromTop(window);
  return gate.ours;
}

/** The element an event is really about: inside an open shadow root, not the host it is retargeted to. */
function eventTarget(event) {
  return event.composedPath()[0] ?? event.target;
}

function onFocus(event) {
  focusedOn(eventTarget(event));
}

function focusedOn(field) {
  if (!isPasswordField(field)) {
    if (isHtmlElement(field, "input") && field.type === "text") {
      // Some pages turn a text field into a password field in their own focus handler, which runs after this one.
      setTimeout(() => {
        try {
          if (field.ownerDocument.activeElement === field && isPasswordField(field)) onPasswordFocus(field);
        } catch {
          // Never into the page.
        }
      }, 0);
    }
    return;
  }
  onPasswordFocus(field);
}

function onPasswordFocus(field) {
  if (ours() && !gate.proceeded && !overlayShown()) runGate("focus", field).catch(() => {});
}

/** Keystrokes, paste and drop into a password field: held while the gate holds, and a reason to ask when not asked yet. */
function onTyping(event) {
  const held = passwordHeld(gate) || overlayShown();
  // Nothing to do on almost every keystroke of every frame: decided before looking at the field.
  if (!held && gate.applies !== null) {
    return;
  }
  const field = eventTarget(event);
  if (!isPasswordField(field) || !ours()) {
    return;
  }
  if (held) event.preventDefault();
  if (!overlayShown() && !gate.proceeded) runGate("focus", field).catch(() => {});
}

function onSubmit(event) {
  const form = event.target;
  if (!isHtmlElement(form, "form") || !hasPasswordField(form) || !ours()) {
    return;
  }
  lock?.enforce();
  if (submissionAllowed(gate)) {
    return;
  }
  // Not decided yet, warned without a decision, or blocked: hold the submission and ask.
  event.preventDefault();
  event.stopImmediatePropagation();
  holdSubmission(form, event.submitter ?? null);
}

/**
 * A submission already called off: asks, and sends it again when the gate lets it. One of a frame that is not the
 * frame guard's (page-guard.js has it), or that the gate lets through, goes again at once.
 */
function holdSubmission(form, submitter) {
  const again = () => {
    if (form.isConnected) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
  };
  if (!ours() || submissionAllowed(gate)) {
    again();
    return;
  }
  runGate("submit", form).then((allowed) => {
    if (allowed) again();
  }, () => {});
}

/**
 * Whenever a form's data is put together (a submission of any kind, new FormData(form)): while the gate holds, nothing
 * of a login form goes, and a submission is called off. Done again by a listener added to the form now, which runs
 * after every listener of the page's own.
 */
function onFormData(event) {
  const form = event.target;
  if (!isHtmlElement(form, "form")) {
    return;
  }
  const names = lock?.namesIn(form) ?? [];
  const held = passwordHeld(gate) && hasPasswordField(form);
  if (names.length === 0 && !held) {
    return;
  }
  lock?.enforce();
  const strip = withholdFormData(form, names, held);
  if (held) {
    chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "submissionBlocked" }).catch(() => {});
    runGate("submit", form).catch(() => {});
  }
  strip(event.formData);
}

/**
 * Asks the worker for the frame's verdict and, for warn or block, shows the overlay in the frame.
 * Resolves true when signing in may go on. `at` is the password field or the form.
 */
function runGate(trigger, at) {
  if (gate.pending !== null) {
    return gate.pending;
  }
  gate.pending = (async () => {
    const form = isHtmlElement(at, "form") ? at : at?.form ?? null;
    const signals = { hasPasswordField: true, formActionOrigin: form === null ? null : serialisedOrigin(form.action) };
    const reply = await chrome.runtime.sendMessage({ type: PageMessage.GATE, trigger, signals });
    applySharedDevice(reply?.sharedDevice === true);
    gate.level = reply?.level ?? gate.level;
    if (reply?.proceeded) {
      gate.applies = true;
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
      const focused = document.activeElement;
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
      chrome.runtime.sendMessage({ type: PageMessage.LEAVE }).catch(() => {});
    }
    return false;
  })().finally(() => {
    gate.pending = null;
  });
  return gate.pending;
}

/** Shared-device mode, as the worker's last answer said: "remember me" in this frame locked, or unlocked again. */
function applySharedDevice(on) {
  if (on && lock === null) {
    lock = lockRememberMe(document, (count) => {
      chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "rememberMeBlocked", count }).catch(() => {});
    });
  } else if (!on && lock !== null) {
    lock.stop();
    lock = null;
  }
}
