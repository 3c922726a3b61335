// What the extension says when it has no answer from the host. It never says "safe" without one.

import { VerdictLevel } from "./protocol.js";

export const GUARD_OFFLINE = "guard-offline";
export const GUARD_ERROR = "guard-error";

/** Why the host could not be reached, from the browser's error text (Chromium and Firefox word them differently). */
export const HostFailure = Object.freeze({
  NOT_INSTALLED: "not-installed",
  FORBIDDEN: "forbidden",
  EXITED: "exited",
  UNKNOWN: "unknown",
});

export function classifyHostFailure(errorText) {
  const text = typeof errorText === "string" ? errorText.toLowerCase() : "";
  if (text.includes("not found") || text.includes("no such native application")) {
    return HostFailure.NOT_INSTALLED;
  }
  if (text.includes("forbidden") || text.includes("origin-not-allowed") || text.includes("not allowed")) {
    return HostFailure.FORBIDDEN;
  }
  if (text.includes("exited") || text.includes("disconnected")) {
    return HostFailure.EXITED;
  }
  return HostFailure.UNKNOWN;
}

/**
 * The verdict used when the host gave none: a warning that nothing could be checked.
 * @param {{ code?: string } | undefined} error why there is no answer: the host is unreachable ("guard-offline"),
 *   or it answered with an error (then the page is just as unchecked, but running "doctor" is not the obvious fix)
 */
export function uncheckedVerdict(error) {
  const unreachable = error?.code === undefined || error.code === GUARD_OFFLINE || error.code === "closed";
  return {
    level: VerdictLevel.WARN,
    reasons: [{ code: unreachable ? GUARD_OFFLINE : GUARD_ERROR, severity: VerdictLevel.WARN, message: "" }],
  };
}
