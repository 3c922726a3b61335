// When the idle timeout logs out of the portals by itself. chrome.idle reports "idle" after the detection interval
// without input, and "locked" when the screen locks: both end an unattended portal session.

/** The chrome.idle detection interval for a timeout, or null when the timeout is off. Chromium's minimum is 15 s. */
export function idleDetectionSeconds(minutes) {
  return Number.isInteger(minutes) && minutes > 0 ? Math.max(15, minutes * 60) : null;
}

export function clearsOnIdle(state, minutes, openSessions) {
  return (state === "idle" || state === "locked") && idleDetectionSeconds(minutes) !== null && openSessions > 0;
}
