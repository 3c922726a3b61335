// What both content scripts (page-guard.js in the top frame, frame-guard.js in the others) need to know about a login
// form: which inputs are password fields, whether a form holds one, and how a submission already under way is called off.

import { formDataNames } from "../common/form-data.js";
import { isPasswordLike } from "../common/password-field.js";
import { isHtmlElement } from "./shadow-roots.js";

export const PASSWORD = 'input[type="password"]';

/** Inputs seen as type=password: one a "show password" button turns into type=text is still one. */
const seenAsPassword = new WeakSet();

/** Remembers an input seen as type=password (see isPasswordField). */
export function markSeenAsPassword(field) {
  seenAsPassword.add(field);
}

/** A password field, or a text field the page marks as one (see common/password-field.js). */
export function isPasswordField(element) {
  if (!isHtmlElement(element, "input")) {
    return false;
  }
  const type = element.type;
  if (type === "password") {
    seenAsPassword.add(element);
    return true;
  }
  return type === "text" && isPasswordLike({
    type,
    wasPassword: seenAsPassword.has(element),
    autocomplete: element.getAttribute("autocomplete"),
    textSecurity: getComputedStyle(element).getPropertyValue("-webkit-text-security"),
  });
}

/** Whether a form holds a password field: the cheap query first, then each of its fields by the rule. */
export function hasPasswordField(form) {
  if (form.querySelector(PASSWORD) !== null) {
    return true;
  }
  for (const element of form.elements) {
    if (isPasswordField(element)) return true;
  }
  return false;
}

/**
 * A form that is not in the document cannot navigate, and the browser checks that right after the formdata event:
 * taking it out for that moment calls off form.submit(). It goes back at once, where it was.
 */
export function callOffSubmission(form) {
  const parent = form.parentNode;
  const next = form.nextSibling;
  if (parent === null) return;
  form.remove();
  queueMicrotask(() => {
    try {
      parent.insertBefore(form, next !== null && next.parentNode === parent ? next : null);
    } catch {
      // Never into the page.
    }
  });
}

/**
 * A form's data is being put together (a submission of any kind, new FormData(form)) while remember-me boxes are locked
 * (`names`) or the gate holds the password (`held`). The submission is called off here, where the caller runs (on window
 * in the capture phase, which no listener of the page's can stop: a page that stops formdata's propagation would keep
 * the form's own listener from running, and form.submit() went out), and again from a listener on the form, after the
 * page's own, which also strips what the page may have added meanwhile. Returns how to strip a FormData: the locked
 * boxes, or, while the gate holds, every field (names through formDataNames: [...formData.keys()] throws in a Firefox
 * content script). The caller reports and runs the gate before it strips: should stripping fail, the form is still not sent.
 * @param {HTMLFormElement} form
 * @param {string[]} names
 * @param {boolean} held
 * @returns {(formData: FormData) => void}
 */
export function withholdFormData(form, names, held) {
  const strip = (formData) => {
    for (const name of held ? formDataNames(formData) : names) formData.delete(name);
  };
  if (held) callOffSubmission(form);
  form.addEventListener("formdata", (last) => {
    try {
      if (held) callOffSubmission(form);
      strip(last.formData);
    } catch {
      // Never into the page.
    }
  }, { once: true });
  return strip;
}
