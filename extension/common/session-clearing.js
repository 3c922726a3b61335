// What "Log out & clear" removes, decided apart from the browser APIs that remove it.

/** The kinds of site data chrome.browsingData.remove is asked to remove for a portal's origins. */
export const REMOVED_DATA = Object.freeze({
  cookies: true,
  localStorage: true,
  indexedDB: true,
  cacheStorage: true,
  serviceWorkers: true,
  fileSystems: true,
  cache: true,
});

/** The host name of each origin, for cookie look-ups (cookies belong to hosts, not origins). */
export function hostsOf(origins) {
  const hosts = new Set();
  for (const origin of origins) {
    try {
      hosts.add(new URL(origin).hostname);
    } catch {
      // Not an origin: skip it.
    }
  }
  return [...hosts];
}

/** The history entries to delete: those whose origin is one of the portal's. */
export function historyUrlsToDelete(items, origins) {
  const wanted = new Set(origins);
  const urls = [];
  for (const item of items ?? []) {
    try {
      if (wanted.has(new URL(item.url).origin)) urls.push(item.url);
    } catch {
      // Not a URL.
    }
  }
  return urls;
}

/** True when a cookie belongs to one of the hosts (its domain is the host or a parent of it). */
export function cookieMatchesHosts(cookie, hosts) {
  const domain = String(cookie?.domain ?? "").replace(/^\./u, "").toLowerCase();
  return domain.length > 0 && hosts.some((h) => h === domain || h.endsWith(`.${domain}`));
}

/** The URL chrome.cookies.remove needs for a cookie. */
export function cookieUrl(cookie) {
  const host = String(cookie.domain).replace(/^\./u, "");
  return `${cookie.secure ? "https" : "http"}://${host}${cookie.path || "/"}`;
}
