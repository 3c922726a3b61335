// The extension's background: holds the one connection to the PortalGuard host, answers the content scripts,
// and keeps what each tab was told. Browser APIs are used here only; the decisions live in the imported modules.

import { HostConnection, ConnectionStatus } from "./host-connection.js";
import { assessPage } from "./page-assessment.js";
import { webOrigin } from "../common/origin.js";
import { sanitizeSignals } from "../common/page-signals.js";
import { HostRequest, PageMessage, VerdictLevel } from "../common/protocol.js";

const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions);

const connection = new HostConnection({
  connectNative: (name) => chrome.runtime.connectNative(name),
  lastError: () => chrome.runtime.lastError?.message,
});

/** tabId → what the tab's page was told: { origin, level, codes, answeredByHost, bannerShown }. Origins only. */
const tabs = new Map();

connection.onStateChange((state) => {
  showConnectionState(state).catch(() => {});
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || sender.tab?.id === undefined || message === null || typeof message !== "object") {
    return false;
  }
  if (message.type === PageMessage.ASSESS) {
    onAssess(message, sender).then(sendResponse, () => sendResponse({ banner: null }));
    return true;
  }
  if (message.type === PageMessage.BANNER_SHOWN) {
    onBannerShown(sender);
    return false;
  }
  return false;
});

chrome.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

async function onAssess(message, sender) {
  // The origin comes from the browser's record of the sender, not from anything the page could write.
  const origin = webOrigin(sender.url);
  if (origin === null) {
    return { banner: null };
  }
  const signals = sanitizeSignals(message.signals, sender);
  const result = await assessPage({ connection, origin, signals, t });
  tabs.set(sender.tab.id, {
    origin,
    level: result.verdict.level,
    codes: result.verdict.reasons.map((r) => r.code),
    answeredByHost: result.answeredByHost,
    bannerShown: false,
  });
  return { banner: result.banner };
}

function onBannerShown(sender) {
  const entry = tabs.get(sender.tab.id);
  const origin = webOrigin(sender.url);
  if (entry === undefined || origin !== entry.origin) {
    return;
  }
  entry.bannerShown = true;
  if (entry.answeredByHost && entry.level !== VerdictLevel.OK) {
    connection
      .request(HostRequest.REPORT_EVENT, { event: "warningShown", origin, level: entry.level })
      .catch(() => {});
  }
}

async function showConnectionState(state) {
  if (state.status === ConnectionStatus.OFFLINE) {
    await chrome.action.setBadgeBackgroundColor({ color: "#5f6368" });
    await chrome.action.setBadgeText({ text: t("badge_offline") });
    await chrome.action.setTitle({ title: t("action_title_offline", [state.error ?? ""]) });
  } else if (state.status === ConnectionStatus.ONLINE) {
    await chrome.action.setBadgeText({ text: "" });
    await chrome.action.setTitle({ title: t("action_title_online") });
  }
}

// For the browser's developer tools and the end-to-end tests: what the guard knows, read from the worker.
// Nothing here is reachable from a web page.
globalThis.portalGuard = Object.freeze({
  connectionState: () => connection.state,
  tabState: (tabId) => (tabs.has(tabId) ? { ...tabs.get(tabId) } : null),
  allTabStates: () => Object.fromEntries([...tabs].map(([id, entry]) => [id, { ...entry }])),
  reconnect: () => connection.connect().then(() => connection.state, () => connection.state),
});

connection.connect().catch(() => {});
