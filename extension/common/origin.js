// The origin of a web address: the only part of an address PortalGuard sends to the host or keeps.
// A path or query can carry a patient id, so nothing here ever returns one.

/** "https://mychart.ucsf.edu" for any http(s) URL on that origin; null for other schemes and for text that is not a URL. */
export function webOrigin(url, base) {
  if (typeof url !== "string" || url.length === 0) {
    return null;
  }
  try {
    const parsed = base === undefined ? new URL(url) : new URL(url, base);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}
