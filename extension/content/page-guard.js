// Watches the top page for a login form, reports what it saw to the worker (facts, never the page's text or values),
// and shows the host's verdict. Every entry point catches its own errors: a failure here must not reach the page.

import { findBrandWords } from "../common/brand-words.js";
import { webOrigin } from "../common/origin.js";
import { PageMessage } from "../common/protocol.js";
import { isRememberMeLabel } from "../common/remember-me.js";
import { showBanner } from "./banner-view.js";

// A single-page app may draw its login form late; stop looking after this long.
const WATCH_FOR_MS = 120_000;
const SETTLE_MS = 150;
const MAX_LABEL_CHARS = 200;

let assessed = false;

export function start() {
  try {
    if (window.top !== window) {
      return;
    }
    if (!assessIfLoginPage()) {
      watchForLoginForm();
    }
  } catch {
    // Never into the page.
  }
}

function watchForLoginForm() {
  let timer = null;
  const observer = new MutationObserver(() => {
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        try {
          if (assessIfLoginPage()) {
            observer.disconnect();
          }
        } catch {
          observer.disconnect();
        }
      }, SETTLE_MS);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WATCH_FOR_MS);
}

/** Sends the page's signals once a password field exists. True when it did. */
function assessIfLoginPage() {
  if (assessed) {
    return true;
  }
  const signals = readSignals(document);
  if (signals === null) {
    return false;
  }
  assessed = true;
  chrome.runtime
    .sendMessage({ type: PageMessage.ASSESS, signals })
    .then((reply) => {
      if (reply?.banner && showBanner(reply.banner, document)) {
        return chrome.runtime.sendMessage({ type: PageMessage.BANNER_SHOWN });
      }
      return undefined;
    })
    .catch(() => {});
  return true;
}

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
    if (isRememberMeLabel(labelOf(control))) {
      return true;
    }
  }
  return false;
}

function labelOf(control) {
  const parts = [];
  if (control.labels) {
    for (const label of control.labels) {
      parts.push(label.textContent ?? "");
    }
  }
  parts.push(control.getAttribute("aria-label") ?? "");
  if (parts.join("").trim() === "" && control.parentElement) {
    parts.push(control.parentElement.textContent ?? "");
  }
  return parts.join(" ").slice(0, MAX_LABEL_CHARS);
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
