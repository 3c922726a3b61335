// The pre-login gate for a sign-in form inside a frame, the worker's part: the frame's and the top page's origins from
// the browser's record of the sender, the signals the host judges the frame by, and the answer to a gate request.
// The verdict itself is the host's (assessPage with topFrame false and the top page's origin): one place decides.

import { webOrigin } from "../common/origin.js";
import { sanitizeSignals } from "../common/page-signals.js";
import { gateApplies } from "../common/portal-visit.js";
import { VerdictLevel } from "../common/protocol.js";

/**
 * The frame's origin and its tab's top origin, both from the browser's record of the sender (never from the page);
 * null for the top frame, or when either is not a web page.
 * @param {{ frameId?: number, url?: string, origin?: string, tab?: { url?: string } } | undefined} sender
 */
export function frameOrigins(sender) {
  if (typeof sender?.frameId !== "number" || sender.frameId === 0) {
    return null;
  }
  // sender.origin is the frame's own origin even for an about: document; sender.url is what Firefox gives.
  const origin = webOrigin(sender.origin) ?? webOrigin(sender.url);
  const topOrigin = webOrigin(sender.tab?.url);
  return origin === null || topOrigin === null ? null : { origin, topOrigin };
}

/**
 * The assessPage signals for a frame's sign-in form: a password field is there (the frame asks only then), the form's
 * target origin as the frame saw it, no brand words (a frame's words are not read), and the top page's origin.
 */
export function frameSignals(raw, sender, topOrigin) {
  const clean = sanitizeSignals(raw, sender);
  return { topFrame: clean.topFrame, hasPasswordField: true, formActionOrigin: clean.formActionOrigin, brandWords: [], topOrigin };
}

/**
 * What the worker answers a gate request, from what it recorded for the page or frame:
 * { level, codes, overlay, proceeded, brandWords? }. No overlay when the gate does not apply, or a warning was accepted.
 */
export function gateReply(record) {
  if (!gateApplies(record)) return { overlay: null, level: record?.level ?? null };
  if (record.level === VerdictLevel.WARN && record.proceeded === true) return { overlay: null, level: record.level, proceeded: true };
  return { overlay: record.overlay ?? null, level: record.level };
}
