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

/**
 * What Firefox's browsingData.remove is asked to remove instead: its schema refuses the kinds it lacks (cacheStorage,
 * fileSystems). The Cache API's storage it cannot remove at all: the portal's pages clear it (content/site-storage.js).
 */
export const REMOVED_DATA_FIREFOX = Object.freeze({
  cookies: true,
  localStorage: true,
  indexedDB: true,
  serviceWorkers: true,
  cache: true,
});

/**
 * The arguments of browsingData.remove for a portal's origins. Chromium filters by origin. Firefox filters by host name
 * only: its schema refuses `origins` with a TypeError, so asked as Chromium is asked it removes nothing at all.
 * @param {string[]} origins
 * @param {boolean} firefox
 * @returns {[object, object]} the filter and the kinds of data
 */
export function siteDataRemoval(origins, firefox) {
  return firefox ? [{ hostnames: hostsOf(origins) }, REMOVED_DATA_FIREFOX] : [{ origins }, REMOVED_DATA];
}

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
