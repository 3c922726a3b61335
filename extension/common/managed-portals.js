// The browser policy's extra portals (managed storage, `extraPortals`) on their way to the host: the list to send with
// setManagedPortals, whether it changed, and which open tabs must be assessed again once the host has it.
// The host decides what they may change (docs/protocol.md): this side only sends, and never treats a page as a portal itself.

/** The most host names sent; the host uses no more than this either. */
export const MAX_MANAGED_PORTALS = 1000;

/** The host names to send: lowercase, each once, in the policy's order, at most MAX_MANAGED_PORTALS. */
export function managedPortalHosts(extraPortals) {
  if (!Array.isArray(extraPortals)) return [];
  const hosts = [];
  for (const value of extraPortals) {
    if (typeof value !== "string") continue;
    const host = value.toLowerCase();
    if (!hosts.includes(host)) hosts.push(host);
    if (hosts.length === MAX_MANAGED_PORTALS) break;
  }
  return hosts;
}

/** True when both lists hold the same host names in the same order. */
export function sameHosts(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((host, i) => host === b[i]);
}

/**
 * The tabs whose page is on one of the hosts: their verdict was given before the host knew (or after it forgot) the
 * managed portals, so they are assessed again.
 * @param {Array<[number, { origin: string }]>} tabEntries
 * @param {string[]} hosts
 */
export function tabsOnHosts(tabEntries, hosts) {
  const wanted = new Set(hosts);
  const ids = [];
  for (const [tabId, entry] of tabEntries) {
    let host = null;
    try {
      host = new URL(entry.origin).hostname;
    } catch {
      continue;
    }
    if (wanted.has(host)) ids.push(tabId);
  }
  return ids;
}

/** The host's reply in a shape the popup and the tests can rely on. */
export function readManagedPortalsReply(reply) {
  const strings = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
  const refused = Array.isArray(reply?.refused)
    ? reply.refused
        .filter((r) => r !== null && typeof r === "object" && Number.isInteger(r.index))
        .map((r) => ({
          index: r.index,
          code: typeof r.code === "string" ? r.code : "",
          problem: typeof r.problem === "string" ? r.problem : "",
          imitatedHost: typeof r.imitatedHost === "string" ? r.imitatedHost : null,
          imitatedName: typeof r.imitatedName === "string" ? r.imitatedName : null,
        }))
    : [];
  return { added: strings(reply?.added), alreadyKnown: strings(reply?.alreadyKnown), refused };
}
