// How the worker reaches the content script of a tab's top page: a function run in the extension's own world of that
// page (scripting.executeScript), which hands the message to the handler page-guard.js left there (PAGE_HANDLER).
// Not runtime messaging: a content script that listens for messages must touch chrome.runtime as every page loads, which
// costs ≈ 0.2 ms on every page of the web (bench/README.md), while the worker speaks to a handful of portal tabs.
// Pages cannot reach that world, so no page can call the handler or answer in its place.

import { PAGE_HANDLER } from "../common/protocol.js";

/**
 * The content script's answer to `message`. Rejects when the tab is gone, cannot be scripted, or has no content script
 * of ours (a page loaded before the extension was).
 * @param {typeof chrome} browser
 * @param {number} tabId
 * @param {{ type: string }} message
 */
export async function deliverToTab(browser, tabId, message) {
  const results = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: handOver, args: [PAGE_HANDLER, message] });
  const answer = results?.[0]?.result;
  if (answer === null || typeof answer !== "object" || answer.delivered !== true) {
    throw new Error("no PortalGuard content script in this tab");
  }
  return answer.reply;
}

/** Runs in the page's extension world: it is serialised, so it uses nothing from this module. Exported for its tests. */
export async function handOver(name, message) {
  const handler = globalThis[name];
  return typeof handler === "function" ? { delivered: true, reply: (await handler(message)) ?? null } : { delivered: false };
}
