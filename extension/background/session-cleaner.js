// "Log out & clear": sign out, remove every trace the browser keeps for a portal's origins, close its tabs.
// Browser APIs come in as one object, so the order of steps can be followed without a browser.

import { WorkerMessage } from "../common/protocol.js";
import { deliverToTab } from "./tab-delivery.js";
import { cookieMatchesHosts, cookieUrl, historyUrlsToDelete, hostsOf, siteDataRemoval } from "../common/session-clearing.js";

const SIGN_OUT_WAIT_MS = 1_500;

/**
 * @param {object} input
 * @param {typeof chrome} input.browser
 * @param {string[]} input.origins every origin of the portal seen in this session
 * @param {string | null} input.signOutPath the catalog's sign-out path, when known
 * @param {(ms: number) => Promise<void>} [input.wait] time for the portal to end the session before its cookies go
 * @returns {Promise<{ origins: number, tabsClosed: number, historyDeleted: number, partitionedCookiesRemoved: number, notRemoved: string[] }>}
 */
export async function logOutAndClear({ browser, origins, signOutPath, wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }) {
  const notRemoved = [];
  const tabs = (await browser.tabs.query({})).filter((tab) => originOf(tab.url) !== null && origins.includes(originOf(tab.url)));

  // 1. Sign out while the session cookies still exist, so the portal ends the session on its side too.
  if (tabs.length > 0) {
    const tab = tabs[0];
    try {
      if (signOutPath) {
        await browser.tabs.update(tab.id, { url: new URL(signOutPath, originOf(tab.url)).href });
      } else {
        await deliverToTab(browser, tab.id, { type: WorkerMessage.SIGN_OUT });
      }
      await wait(SIGN_OUT_WAIT_MS);
    } catch {
      notRemoved.push("server-session");
    }
  }

  // 1b. Firefox's browsingData cannot remove the Cache API's storage, nor storage kept under a port other than the
  // default one: each open page of the portal clears its own origin's storage, before its tab is closed.
  const firefox = typeof browser.runtime?.getBrowserInfo === "function";
  if (firefox) {
    let cleared = true;
    for (const tab of tabs) {
      try {
        const reply = await deliverToTab(browser, tab.id, { type: WorkerMessage.CLEAR_STORAGE });
        cleared &&= Array.isArray(reply?.failed) && reply.failed.length === 0;
      } catch {
        cleared = false;
      }
    }
    if (!cleared) notRemoved.push("page-storage");
  }

  // 2. Close the tabs, so no page writes its data back after it is removed.
  let tabsClosed = 0;
  for (const tab of tabs) {
    try {
      await browser.tabs.remove(tab.id);
      tabsClosed += 1;
    } catch {
      // Already closed.
    }
  }

  // 3. Site data of every origin (Firefox, the one engine with runtime.getBrowserInfo, is asked by host name).
  try {
    await browser.browsingData.remove(...siteDataRemoval(origins, firefox));
  } catch {
    notRemoved.push("site-data");
  }

  // 4. Cookies browsingData does not reach: partitioned ones (set under another top-level site) and parent-domain ones.
  let partitionedCookiesRemoved = 0;
  const hosts = hostsOf(origins);
  try {
    const all = await browser.cookies.getAll({ partitionKey: {} });
    for (const cookie of all.filter((c) => cookieMatchesHosts(c, hosts) || partitionedUnder(c, hosts))) {
      const removed = await browser.cookies.remove({ url: cookieUrl(cookie), name: cookie.name, storeId: cookie.storeId, partitionKey: cookie.partitionKey });
      if (removed !== null && cookie.partitionKey !== undefined) partitionedCookiesRemoved += 1;
    }
    const left = (await browser.cookies.getAll({ partitionKey: {} })).filter((c) => cookieMatchesHosts(c, hosts));
    if (left.length > 0) notRemoved.push("cookies");
  } catch {
    notRemoved.push("partitioned-cookies");
  }

  // 5. History entries of the portal (the addresses are handled here and never stored or sent).
  let historyDeleted = 0;
  try {
    for (const host of hosts) {
      const items = await browser.history.search({ text: host, startTime: 0, maxResults: 10_000 });
      for (const url of historyUrlsToDelete(items, origins)) {
        await browser.history.deleteUrl({ url });
        historyDeleted += 1;
      }
    }
  } catch {
    notRemoved.push("history");
  }

  return { origins: origins.length, tabsClosed, historyDeleted, partitionedCookiesRemoved, notRemoved };
}

function partitionedUnder(cookie, hosts) {
  const site = cookie?.partitionKey?.topLevelSite;
  if (typeof site !== "string") return false;
  let siteHost;
  try {
    siteHost = new URL(site).hostname;
  } catch {
    return false;
  }
  // topLevelSite is a schemeful site (https://ucsf.edu): cookies third parties set inside the portal's pages.
  return hosts.some((h) => h === siteHost || h.endsWith(`.${siteHost}`));
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
