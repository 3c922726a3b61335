// What the pre-login gate lets through, decided from its state alone: a submission, keystrokes into a password
// field, and the form data a page submits without asking (form.submit(), new FormData(form)).
// gate: { applies: boolean | null (not known yet), level: "ok" | "warn" | "block" | null, proceeded: boolean }

/** True when a submission may go on without asking: the gate does not apply, the verdict is ok, or a warning was accepted. */
export function submissionAllowed(gate) {
  return gate.applies === false || gate.level === "ok" || (gate.level === "warn" && gate.proceeded === true);
}

/**
 * True when the gate is known to apply and has not let the person through: keystrokes into a password field are held,
 * and a password never leaves in form data. Unknown (the verdict is not back yet) is not held: PortalGuard runs on
 * every site and must not break sign-in on the ones that are none of its business.
 */
export function passwordHeld(gate) {
  return gate.applies === true && !submissionAllowed(gate);
}

/** How often a page may undo the overlay (remove it, hide it, cover it) before the gate gives up on the page. */
export const TAMPER_LIMIT = 25;

/**
 * What to do when the page has undone the overlay more than TAMPER_LIMIT times: a page that fights the warning is not
 * one to type a password into. A block leaves the page; a warning counts as "not now" (the sign-in stays held).
 */
export function onTamperLimit(level) {
  return level === "block" ? "leave" : "back";
}
