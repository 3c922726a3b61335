// The pre-login gate inside frames: a sign-in form in a cross-origin frame (a lookalike page that frames a login form
// from elsewhere, or a lookalike's form framed by an innocent page) is held like one in the top page.
// It runs in every frame (all_frames) at document_start and must cost next to nothing in the frames that never show a
// password field, which is nearly all of them (ads, videos, widgets). So at load it adds its capture listeners on
// window and looks at nothing in the document; and the gate itself (frame-hold.js: asking the worker, holding the
// password, the overlay) is not even run until a password field shows up: the bundler leaves a module reached through
// import() unrun until then (tools/content-bundle.mjs), and running module code is what costs in each frame.
// - In the top frame it returns at once (page-guard.js is there). A frame on the same origin as every window above it
//   is left to page-guard.js too (frame-hold.js checks at the first password field), which reaches its document from
//   the top page and gates it with the top page's verdict.
// - The signs of a password field: one gets the focus (or becomes one in the page's own focus handler), gets a key,
//   or a form with one is submitted. A submission seen before the gate is loaded is held and handed over with it.
// - The worker has the host judge the frame's own origin together with the tab's top page (docs/threat-model.md,
//   "Sign-in forms inside frames"); only origins leave the frame.
// - The overlay is drawn inside the frame, where the person's eyes and keyboard are (closed shadow root, top layer):
//   in the top page it would be in the hands of the very page the lookalike-top case is about, and every decision
//   would need a round trip between two frames. A "leave" takes the whole tab back, through the worker.
// Every entry point catches its own errors: a failure here must not reach the page.

// Nothing is imported that would run at load: the rule for what counts as a password field (login-form.js) is the gate's.
const PASSWORD = 'input[type="password"]';

/**
 * Every event the gate needs, on window in the capture phase from document_start, so that the page's own listeners
 * run after these: the overlay's input (click and keys: top-layer.js), focus, typing, submissions, form data, and
 * what puts something of the page's own above the overlay.
 */
const EVENTS = ["click", "keydown", "keypress", "keyup", "focusin", "beforeinput", "submit", "formdata", "toggle", "fullscreenchange"];

/** frame-hold.js's guard once loaded; until then, the signs that woke it, waiting. */
let guard = null;
let loading = null;

export function start() {
  try {
    if (window.top === window) {
      return;
    }
    const capture = true;
    for (const type of EVENTS) window.addEventListener(type, onEvent, capture);
  } catch {
    // Never into the page.
  }
}

function onEvent(event) {
  try {
    if (guard !== null) {
      guard.handle(event);
    } else {
      watch(event);
    }
  } catch {
    // Never into the page.
  }
}

/**
 * Before the gate is loaded: only a sign of a password field matters, and nearly every event is none. A text field
 * may be one too (drawn as text, or turned into one by the page as it gets the focus): the gate is loaded for it, and
 * decides (common/password-field.js); loading it sends nothing.
 */
function watch(event) {
  const type = event.type;
  if (type === "submit") {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.querySelector(PASSWORD) !== null) {
      // Not known yet whether it may go: held, and sent again by the gate when it lets it.
      event.preventDefault();
      event.stopImmediatePropagation();
      wake({ kind: "submit", target: form, submitter: event.submitter ?? null });
    }
    return;
  }
  if (type !== "focusin" && type !== "keydown" && type !== "beforeinput") {
    return;
  }
  const target = event.composedPath()[0] ?? event.target;
  if (target instanceof HTMLInputElement && (target.type === "password" || target.type === "text")) {
    wake({ kind: "focus", target });
  }
}

/** Loads the gate (once) and hands it the sign. */
function wake(sign) {
  loading ??= import("./frame-hold.js").then((module) => {
    guard = module.guard;
    return guard;
  });
  loading.then((loaded) => loaded.replay(sign)).catch(() => {});
}
