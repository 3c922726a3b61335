// Which frames the frame guard (content/frame-guard.js) leaves to the top frame's content script. No imports: it is
// part of the script that runs in every frame.

/**
 * True when every window from `win` up to the top is on the same origin as `win`: then the top frame's content script
 * (page-guard.js) reaches this frame's document itself, with the top page's verdict, and the frame guard stays out.
 * A cross-origin window anywhere on the way throws on .location.origin, which is the answer.
 */
export function followedFromTop(win) {
  try {
    const own = win.location.origin;
    if (own === "null") return false;
    let current = win;
    for (let depth = 0; current !== current.top && depth < 32; depth++) {
      current = current.parent;
      if (current.location.origin !== own) return false;
    }
    return current === current.top;
  } catch {
    return false;
  }
}
