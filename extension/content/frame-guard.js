// The pre-login gate inside frames: a sign-in form in a cross-origin frame (a lookalike page that frames a login form
// from elsewhere, or a lookalike's form framed by an innocent page) is held like one in the top page.
// It runs in every frame (all_frames) at document_start and must cost next to nothing in the frames that never show a
// password field, which is nearly all of them (ads, videos, widgets): at load it only adds capture listeners on window,
// and looks at nothing in the document. The rest happens when a password field gets the focus, is typed into, or its
// form is submitted: then, once, it asks the worker, which has the host judge the frame's origin together with the
// tab's top page (docs/threat-model.md, "Sign-in forms inside frames").
// - In the top frame it returns at once (page-guard.js is there). A frame on the same origin as every window above it
//   is left to page-guard.js too, which reaches its document from the top page and gates it with the top page's verdict.
// - While the gate holds, the password does not leave the frame: submit, requestSubmit(), form.submit(), FormData and
//   keystrokes are held as in page-guard.js (common/gate-rules.js decides).
// - The overlay is drawn inside the frame, where the person's eyes and keyboard are (closed shadow root, top layer).
//   Drawing it in the top page would put it under the control of the very page a lookalike-top case is about, and
//   would need a round trip for every decision; the frame is also what the top page can least interfere with.
// - A "leave" asks the worker to take the whole tab back: leaving only the frame would leave the page around it.
// - Nothing is sent or kept but origins; the frame's address, title and form values never leave it.
// Every entry point catches its own errors: a failure here must not reach the page.

import { followedFromTop } from "../common/frame-gate.js";
import { onTamperLimit, passwordHeld, submissionAllowed } from "../common/gate-rules.js";
import { serialisedOrigin } from "../common/origin.js";
import { PageMessage } from "../common/protocol.js";
import { callOffSubmission, hasPasswordField, isPasswordField } from "./login-form.js";
import { overlayShown, showOverlay } from "./overlay-view.js";
import { isHtmlElement } from "./shadow-roots.js";
import { LAYER_INPUT_EVENTS, onInputToLayer, onTopLayerChange } from "./top-layer.js";

/** The gate's state for this frame: as in page-guard.js, plus whether this frame is the frame guard's at all. */
const gate = { applies: null, level: null, proceeded: false, pending: null, ours: null };

export function start() {
  try {
    if (window.top === window) {
      return;
    }
    const capture = true;
    // Layer input first and on window, so a page's own listeners cannot take the overlay's clicks and keys away.
    const layerInput = guarded((event) => onInputToLayer(event) || (event.type === "keydown" && onTyping(event)));
    for (const type of LAYER_INPUT_EVENTS) window.addEventListener(type, layerInput, capture);
    window.addEventListener("focusin", guarded(onFocus), capture);
    window.addEventListener("beforeinput", guarded(onTyping), capture);
    window.addEventListener("submit", guarded(onSubmit), capture);
    window.addEventListener("formdata", guarded(onFormData), capture);
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
  const field = eventTarget(event);
  if (!isPasswordField(field)) {
    if (isHtmlElement(field, "input") && field.type === "text") {
      // Some pages turn a text field into a password field in their own focus handler, which runs after this one.
      setTimeout(guarded(() => {
        if (field.ownerDocument.activeElement === field && isPasswordField(field)) onPasswordFocus(field);
      }), 0);
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
  if (!isHtmlElement(form, "form") || !hasPasswordField(form) || !ours() || submissionAllowed(gate)) {
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
 * Whenever a form's data is put together (a submission of any kind, new FormData(form)): while the gate holds, nothing
 * of a login form goes, and a submission is called off. Done again by a listener added to the form now, which runs
 * after every listener of the page's own.
 */
function onFormData(event) {
  const form = event.target;
  if (!passwordHeld(gate) || !isHtmlElement(form, "form") || !hasPasswordField(form)) {
    return;
  }
  const strip = (formData) => {
    for (const name of [...formData.keys()]) formData.delete(name);
  };
  strip(event.formData);
  form.addEventListener("formdata", guarded((last) => {
    strip(last.formData);
    callOffSubmission(form);
  }), { once: true });
  chrome.runtime.sendMessage({ type: PageMessage.PAGE_EVENT, event: "submissionBlocked" }).catch(() => {});
  runGate("submit", form).catch(() => {});
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
