// Shared-device mode on a page: every "remember me" control is unchecked and locked — native checkboxes (and so
// their labels), role="checkbox"/"switch" toggles, controls inside open shadow roots, and controls a single-page app
// adds later. Other checkboxes ("I agree to the terms") are never touched. Only a count leaves the page.

import { isRememberMeLabel } from "../common/remember-me.js";

const CONTROLS = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';
// Kept here, not as a mark on the page's elements: the page learns nothing from PortalGuard but the locked control.
const locked = new WeakSet();
const MAX_LABEL_CHARS = 200;
const SETTLE_MS = 100;

/**
 * Locks what is there now and watches for more. Returns a function that stops watching and unlocks the controls
 * (shared-device mode was turned off); they stay unchecked.
 * @param {Document} doc
 * @param {(count: number) => void} onBlocked called with how many controls were newly locked
 */
export function lockRememberMe(doc, onBlocked) {
  const observed = new WeakSet();
  const ours = [];
  let timer = null;
  const observer = new MutationObserver(() => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, SETTLE_MS);
  });
  const watch = (root) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["checked", "aria-checked"] });
  };
  const run = () => {
    try {
      let count = 0;
      for (const root of allRoots(doc)) {
        watch(root);
        for (const control of root.querySelectorAll(CONTROLS)) {
          if (isRememberMeLabel(labelOf(control, root))) {
            if (lock(control)) {
              ours.push(control);
              count += 1;
            }
          }
        }
      }
      if (count > 0) onBlocked(count);
    } catch {
      // Never into the page.
    }
  };
  run();
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const control of ours.splice(0)) unlock(control);
  };
}

function unlock(control) {
  locked.delete(control);
  control.removeEventListener("click", stop, true);
  control.removeEventListener("keydown", stop, true);
  if (control instanceof HTMLInputElement) {
    control.disabled = false;
  } else {
    control.removeAttribute("aria-disabled");
  }
}

/** The document and every open shadow root inside it. Closed roots are out of reach by design. */
export function allRoots(doc) {
  const roots = [doc];
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i].querySelectorAll("*")) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return roots;
}

/** Unchecks and locks one control. True when it was not locked before. */
function lock(control) {
  const fresh = !locked.has(control);
  if (control instanceof HTMLInputElement) {
    if (control.checked) {
      control.checked = false;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
    control.disabled = true;
  } else {
    if (control.getAttribute("aria-checked") !== "false") control.setAttribute("aria-checked", "false");
    control.setAttribute("aria-disabled", "true");
  }
  if (fresh) {
    locked.add(control);
    // A toggle drawn with divs reacts to clicks, not to "disabled": swallow them before the page's handlers run.
    control.addEventListener("click", stop, true);
    control.addEventListener("keydown", stop, true);
  }
  return fresh;
}

function stop(event) {
  if (event.type === "keydown" && event.key !== " " && event.key !== "Enter") return;
  event.preventDefault();
  event.stopImmediatePropagation();
}

export function labelOf(control, root) {
  const parts = [];
  if (control.labels) {
    for (const label of control.labels) parts.push(label.textContent ?? "");
  }
  parts.push(control.getAttribute("aria-label") ?? "");
  const labelledBy = control.getAttribute("aria-labelledby");
  if (labelledBy && root.getElementById) {
    for (const id of labelledBy.split(/\s+/u)) parts.push(root.getElementById(id)?.textContent ?? "");
  } else if (labelledBy && root.querySelector) {
    for (const id of labelledBy.split(/\s+/u)) parts.push(root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? "");
  }
  if (control.getAttribute("role")) parts.push(control.textContent ?? "");
  if (parts.join("").trim() === "" && control.parentElement) {
    parts.push(control.parentElement.textContent ?? "");
  }
  return parts.join(" ").trim().slice(0, MAX_LABEL_CHARS);
}
