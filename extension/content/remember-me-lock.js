// Shared-device mode on a page: every "remember me" control is unchecked and locked — native checkboxes (and so
// their labels), role="checkbox"/"switch" toggles, controls inside shadow roots (open ones, closed ones a custom element
// hosts, and any other the gate came across: addRoot), and controls a single-page app adds later. Other checkboxes ("I agree to the terms") are never touched. Only a count leaves the page.

import { isRememberMeLabel } from "../common/remember-me.js";
import { hostedRoot } from "./shadow-roots.js";

const CONTROLS = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';
// Kept here, not as a mark on the page's elements: the page learns nothing from PortalGuard but the locked control.
const locked = new WeakSet();
const MAX_LABEL_CHARS = 200;
const SETTLE_MS = 100;
const POLL_MS = 250;
const HOSTILE_POLL_MS = 50;
const WATCHED_ATTRIBUTES = ["checked", "aria-checked", "disabled", "aria-disabled"];

/**
 * Locks what is there now and watches for more. Returns { stop, enforce, namesIn, addRoot }: stop() stops watching and unlocks
 * the controls (shared-device mode was turned off; they stay unchecked); enforce() unchecks and locks them again at once
 * (before a submission); namesIn(form) names the locked controls of a form, to keep them out of its form data;
 * addRoot(root) locks and watches a shadow root found some other way (a closed one the person focused into).
 * A page's own script can set .checked = true without any event; a disabled control is never submitted, the
 * "disabled" attribute is watched, and the controls are checked again on a timer, faster once a page was seen undoing them.
 * @param {Document} doc
 * @param {(count: number) => void} onBlocked called with how many controls were newly locked
 */
export function lockRememberMe(doc, onBlocked) {
  const observed = new WeakSet();
  const ours = [];
  const pending = new Set();
  let timer = null;
  let poll = null;
  let pollMs = POLL_MS;
  let relocks = 0;
  let relockWindow = 0;
  const observer = new MutationObserver((records) => {
    try {
      for (const record of records) {
        if (record.type === "attributes") {
          if (locked.has(record.target) && relockAllowed()) relock(record.target);
          continue;
        }
        for (const node of record.addedNodes) {
          if (node.nodeType === 1) pending.add(node);
        }
      }
      if (pending.size > 0 && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          run(takePending());
        }, SETTLE_MS);
      }
    } catch {
      // Never into the page.
    }
  });
  // A page that undoes the lock from its own MutationObserver would ping-pong with ours: past a rate, only the timer relocks.
  const relockAllowed = () => {
    const now = performance.now();
    if (now - relockWindow > 1000) {
      relockWindow = now;
      relocks = 0;
    }
    relocks += 1;
    return relocks <= 50;
  };
  const relock = (control) => {
    if (!isChecked(control) && isDisabled(control)) return; // As we left it (our own change being reported).
    lock(control);
    // It was ours and the page undid it: check more often from now on.
    if (pollMs !== HOSTILE_POLL_MS) {
      pollMs = HOSTILE_POLL_MS;
      clearInterval(poll);
      poll = setInterval(enforce, pollMs);
    }
  };
  const takePending = () => {
    const nodes = [...pending].filter((node) => node.isConnected);
    pending.clear();
    return nodes;
  };
  const watch = (root) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  };
  /** Looks only inside the given subtrees (the whole document the first time), and the open shadow roots in them. */
  const run = (scopes) => {
    try {
      let count = 0;
      for (const root of rootsUnder(scopes)) {
        if (root.nodeType !== 1) watch(root);
        const controls = [...root.querySelectorAll(CONTROLS)];
        if (root.nodeType === 1 && root.matches(CONTROLS)) controls.push(root);
        for (const control of controls) {
          if (!locked.has(control) && isRememberMeLabel(labelOf(control, control.getRootNode()))) {
            lock(control);
            ours.push(control);
            count += 1;
          }
        }
      }
      if (count > 0) onBlocked(count);
    } catch {
      // Never into the page.
    }
  };
  const enforce = () => {
    try {
      for (const control of ours) {
        if (control.isConnected && (isChecked(control) || !isDisabled(control))) relock(control);
      }
    } catch {
      // Never into the page.
    }
  };
  run([doc]);
  poll = setInterval(enforce, pollMs);
  return {
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      for (const control of ours.splice(0)) unlock(control);
    },
    enforce,
    addRoot(root) {
      if (!observed.has(root)) run([root]);
    },
    namesIn(form) {
      return ours.filter((c) => c instanceof HTMLInputElement && c.form === form && c.name !== "").map((c) => c.name);
    },
  };
}

function isChecked(control) {
  return control instanceof HTMLInputElement ? control.checked : control.getAttribute("aria-checked") !== "false";
}

function isDisabled(control) {
  return control instanceof HTMLInputElement ? control.disabled : control.getAttribute("aria-disabled") === "true";
}

/** The given roots and every shadow root inside them: open ones, and closed ones that custom elements host. */
function rootsUnder(scopes) {
  const roots = [...scopes];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i];
    const own = root.nodeType === 1 ? hostedRoot(root) : null;
    if (own !== null) roots.push(own);
    for (const element of root.querySelectorAll("*")) {
      const hosted = hostedRoot(element);
      if (hosted !== null) roots.push(hosted);
    }
  }
  return roots;
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

/** The document and every shadow root inside it (open ones, and closed ones that custom elements host). */
export function allRoots(doc) {
  return rootsUnder([doc]);
}

/** Unchecks and locks one control. True when it was not locked before. */
function lock(control) {
  const fresh = !locked.has(control);
  if (control instanceof HTMLInputElement) {
    if (control.checked) {
      control.checked = false;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
    if (!control.disabled) control.disabled = true;
  } else {
    if (control.getAttribute("aria-checked") !== "false") control.setAttribute("aria-checked", "false");
    if (control.getAttribute("aria-disabled") !== "true") control.setAttribute("aria-disabled", "true");
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
