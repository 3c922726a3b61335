// The extension's background: holds the one connection to the PortalGuard host, answers the content scripts, the
// popup and the options page, and keeps what each tab was told. Browser APIs are used here only; the decisions live
// in the imported modules. Only origins are kept — never a path, a title or anything typed.

import { HostConnection, ConnectionStatus } from "./host-connection.js";
import { frameOrigins, frameSignals, gateReply } from "./frame-gate.js";
import { assessPage } from "./page-assessment.js";
import { applyPasswordSaving, readPasswordSaving } from "./password-saving.js";
import { logOutAndClear } from "./session-cleaner.js";
import { deliverToTab } from "./tab-delivery.js";
import { badgeFor } from "../common/badge.js";
import { webOrigin } from "../common/origin.js";
import { sanitizeSignals } from "../common/page-signals.js";
import { gateApplies, isPortalIdentity, isRealPortal, tabsToReassess, vpnDropped, vpnOffNotification } from "../common/portal-visit.js";
import { DEVICE_EVENTS, HostPush, HostRequest, PAGE_EVENTS, PageMessage, VerdictLevel, ViewMessage, WorkerMessage } from "../common/protocol.js";
import { clearsOnIdle, idleDetectionSeconds } from "../common/idle.js";
import { managedPortalHosts, readManagedPortalsReply, sameHosts, tabsOnHosts } from "../common/managed-portals.js";
import { allowedChange, effectiveSettings } from "../common/settings.js";

const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions);

const connection = new HostConnection({
  connectNative: (name) => chrome.runtime.connectNative(name),
  lastError: () => chrome.runtime.lastError?.message,
});

/**
 * tabId → what the tab's page was told: { origin, level, codes, answeredByHost, bannerShown, identityStatus, portalKey,
 * portalName, brandWords, notified, proceeded, overlay, banner }. Origins only.
 */
const tabs = new Map();
/**
 * tabId → { topOrigin, frames: Map(frame origin → { level, codes, answeredByHost, overlay, proceeded, gateShown, events }) }:
 * what the sign-in forms in the tab's cross-origin frames were told (content/frame-guard.js). Origins only.
 */
const frameGates = new Map();
/** Messages from content scripts in frames (any frame but the top one), for the end-to-end tests: none on a page without a frame sign-in form. */
let subframeMessages = 0;
/** portal key (its registrable domain) → { origins: Set, signOutPath, name }: every origin of a portal seen this session. */
const portalSessions = new Map();
/** tabId → { origin, title } of the "without a VPN" notification raised for it: once per visit, even when the
 * navigation and the page's own assessment answer at the same moment. */
const notifiedVisits = new Map();
/** The settings in force and the browser's password-saving state, for the popup. */
let settings = effectiveSettings(null, null);
let passwordSaving = { value: null, levelOfControl: "unknown", controlledByUs: false };
let lastNetwork = null;
let lastClear = null;
/** The browser policy's extra portals as the host took them on this connection; `sent` is null until sent to this host process. */
let managedPortals = { sent: null, added: [], alreadyKnown: [], refused: [], supported: null };

// ── Connection and settings ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The settings refresh that a new connection started. It begins before `hello` resolves, so a page's first answer can
 * wait for it: otherwise a page that asks at once (a worker woken by that very page) is told the settings of before
 * the host answered, and shared-device protections would start late or not at all.
 */
let settingsRefresh = Promise.resolve();

connection.onStateChange((state) => {
  showConnectionState(state).catch(() => {});
  if (state.status === ConnectionStatus.ONLINE && state.settings) {
    managedPortals = { ...managedPortals, sent: null }; // a new host process knows none of them yet
    settingsRefresh = refreshSettings(state.settings).catch(() => {});
  }
});

connection.onPush(onHostPush);

function onHostPush(message) {
  if (message?.type === HostPush.POSTURE_CHANGED) {
    return onPostureChanged(message.network).catch(() => {});
  }
  return Promise.resolve();
}

async function readManaged() {
  try {
    return (await chrome.storage?.managed?.get(null)) ?? null;
  } catch {
    // No policy installed (Chromium reports an error when the schema has no values).
    return null;
  }
}

async function refreshSettings(hostSettings) {
  const before = settings;
  settings = effectiveSettings(hostSettings ?? before, await readManaged());
  await applySharedDevice(before.sharedDevice, settings.sharedDevice);
  applyIdleTimeout();
  applyManagedPortals().catch(() => {});
  // Every open page: a sign-in form the person has not reached yet is on a page the worker knows only by its address.
  for (const tabId of tabs.keys()) {
    deliverToTab(chrome, tabId, { type: WorkerMessage.SETTINGS, sharedDevice: settings.sharedDevice }).catch(() => {});
  }
}

async function applySharedDevice(wasOn, isOn) {
  const setting = chrome.privacy?.services?.passwordSavingEnabled;
  const before = passwordSaving;
  try {
    passwordSaving = await applyPasswordSaving(setting, isOn);
  } catch {
    passwordSaving = { value: null, levelOfControl: "unknown", controlledByUs: false };
  }
  // Password saving is the browser's, not a site's: the event is about the device and has no origin.
  if (isOn && passwordSaving.controlledByUs && !before.controlledByUs) {
    report("passwordSavingDisabled", null);
  } else if (!isOn && before.controlledByUs && !passwordSaving.controlledByUs) {
    report("passwordSavingRestored", null);
  }
}

/** Sends the browser policy's extra portals to the host when this host process has not got them, or they changed. */
async function applyManagedPortals() {
  const state = connection.state;
  if (state.status !== ConnectionStatus.ONLINE) return;
  if (!(state.capabilities ?? []).includes(HostRequest.SET_MANAGED_PORTALS)) {
    managedPortals = { sent: null, added: [], alreadyKnown: [], refused: [], supported: false };
    return;
  }
  const hosts = managedPortalHosts(settings.extraPortals);
  const previous = managedPortals.sent;
  if ((previous === null && hosts.length === 0) || (previous !== null && sameHosts(previous, hosts))) {
    managedPortals = { ...managedPortals, sent: hosts, supported: true };
    return;
  }
  managedPortals = { ...managedPortals, sent: hosts };
  let reply;
  try {
    reply = await connection.request(HostRequest.SET_MANAGED_PORTALS, { hosts });
  } catch (error) {
    managedPortals = { ...managedPortals, sent: previous }; // not taken: sent again on the next settings change or connection
    throw error;
  }
  managedPortals = { sent: hosts, ...readManagedPortalsReply(reply), supported: true };
  // Pages assessed before the host had the list (or after it lost one of its hosts) are assessed again.
  for (const tabId of tabsOnHosts([...tabs], [...(previous ?? []), ...hosts])) {
    const result = await reassess(tabId);
    if (result !== null) maybeNotify(tabId, result.entry, result.assessment);
  }
}

function report(event, origin, fields = {}) {
  if (connection.state.status !== ConnectionStatus.ONLINE) {
    return;
  }
  const request = { event, ...fields };
  if (origin && !DEVICE_EVENTS.includes(event)) request.origin = origin;
  connection.request(HostRequest.REPORT_EVENT, request).catch(() => {});
}

// ── Navigation: badge and notification at once ──────────────────────────────────────────────────────────────────

/** tabId → { origin, done }: the judgement of the tab's newest navigation, which its page's state waits for. */
const navigations = new Map();

chrome.webNavigation?.onCommitted.addListener((details) => {
  if (details.frameId !== 0) return;
  const origin = webOrigin(details.url);
  if (frameGates.get(details.tabId)?.topOrigin !== origin) frameGates.delete(details.tabId);
  if (origin === null) {
    clearTab(details.tabId);
    return;
  }
  judge(details.tabId, origin);
});

/** Judges a tab's page by its address (onNavigation), kept as the tab's newest navigation. */
function judge(tabId, origin) {
  const navigation = { origin, done: onNavigation(tabId, origin).catch(() => {}) };
  navigations.set(tabId, navigation);
  return navigation;
}

// A worker that starts knows no tab: one the browser started again (it stops an idle one) has forgotten them, and on
// the first start after installation the browser did not yet know whom to tell of the navigations already under way.
// So the open tabs are judged by their address, as a navigation would have had them judged, and their pages told.
const startedAt = Date.now();
chrome.tabs.query({}).then((open) => {
  for (const tab of open) {
    const origin = webOrigin(tab.url);
    if (origin === null || navigations.has(tab.id)) continue;
    // A page still loading has no content script yet: its DOMContentLoaded, below, hands it its state then.
    judge(tab.id, origin).done.then(() => sendPageState(tab.id, origin)).catch(() => {});
  }
}).catch(() => {});

// The page has loaded (its content script has been there since it began): hand it what the address's verdict says.
chrome.webNavigation?.onDOMContentLoaded.addListener((details) => {
  if (details.frameId !== 0) return;
  const origin = webOrigin(details.url);
  if (origin === null) return;
  const known = navigations.get(details.tabId);
  // A worker started again while the page loaded knows nothing of its navigation: it is judged now.
  const navigation = known?.origin === origin ? known : judge(details.tabId, origin);
  navigation.done.then(() => sendPageState(details.tabId, origin)).catch((error) => {
    const entry = tabs.get(details.tabId);
    if (entry?.origin === origin) entry.pageStateError = String(error?.message ?? error); // for the tests' reports
  });
});

/**
 * The banner of a portal's or a lookalike's verdict (the person learns of a risk before reaching the sign-in), and
 * shared-device mode; nothing at all for the pages of the web that are none of PortalGuard's business.
 */
async function sendPageState(tabId, origin) {
  await settingsRefresh;
  const entry = tabs.get(tabId);
  if (entry === undefined || entry.origin !== origin) return;
  const portal = entry.answeredByHost && isPortalIdentity({ status: entry.identityStatus });
  const banner = portal ? entry.banner : null;
  // The gate of a portal or lookalike is known to apply before the person reaches the sign-in: a form the page's own
  // script sends (form.submit()) is held from the start, as on any page whose gate was asked.
  const gate = portal ? gateApplies(entry) : null;
  if (banner === null && gate !== true && !settings.sharedDevice) return;
  const reply = await deliverToTab(chrome, tabId, { type: WorkerMessage.PAGE_STATE, banner, gate, level: entry.level, sharedDevice: settings.sharedDevice });
  // The record may have been renewed meanwhile (the same page judged again): the banner is on the page either way.
  const current = tabs.get(tabId);
  if (reply?.shown === true && current?.origin === origin) bannerShown(current);
}

/** A banner of the entry's verdict is on its page: kept for the popup and the tests, and into the audit trail. */
function bannerShown(entry) {
  entry.bannerShown = true;
  if (entry.answeredByHost && entry.level !== VerdictLevel.OK) {
    report("warningShown", entry.origin, { level: entry.level });
  }
}

async function onNavigation(tabId, origin) {
  const previous = tabs.get(tabId);
  if (previous?.origin === origin && previous.answeredByHost) {
    await showBadge(tabId, previous);
    return;
  }
  // A tab that was on a portal keeps its session: later origins in it are the portal's login chain.
  const chainKey = previous?.portalKey ?? previous?.chainKey ?? null;
  const result = await assessPage({ connection, origin, signals: { topFrame: true }, t });
  const entry = record(tabId, origin, result, { hasPasswordField: false, brandWords: [] });
  if (entry.portalKey === null && chainKey !== null && portalSessions.has(chainKey)) {
    entry.chainKey = chainKey;
    portalSessions.get(chainKey).origins.add(origin);
  }
  await showBadge(tabId, entry);
  maybeNotify(tabId, entry, result);
}

function record(tabId, origin, result, signals) {
  const identity = result.identity;
  const previous = tabs.get(tabId);
  const samePage = previous?.origin === origin;
  const portalKey = isRealPortal(identity) ? identity.registrableDomain ?? identity.host : null;
  const entry = {
    origin,
    level: result.verdict.level,
    codes: result.verdict.reasons.map((r) => r.code),
    answeredByHost: result.answeredByHost,
    bannerShown: samePage ? previous.bannerShown : false,
    identityStatus: identity?.status ?? null,
    portalKey,
    portalName: result.context?.portalName ?? null,
    context: result.context,
    brandWords: signals.brandWords ?? [],
    formActionOrigin: signals.formActionOrigin ?? (samePage ? previous.formActionOrigin ?? null : null),
    hasPasswordField: signals.hasPasswordField === true || (samePage && previous.hasPasswordField === true),
    notified: notifiedVisits.get(tabId)?.origin === origin,
    notification: notifiedVisits.get(tabId)?.origin === origin ? notifiedVisits.get(tabId).title : null,
    proceeded: samePage ? previous.proceeded : false,
    chainKey: samePage ? previous.chainKey ?? null : null,
    verdict: result.verdict,
    overlay: result.overlay,
    banner: result.banner,
  };
  if (portalKey !== null) {
    const session = portalSessions.get(portalKey) ?? { origins: new Set(), signOutPath: null, name: entry.portalName };
    session.origins.add(origin);
    session.signOutPath = identity.portal?.signOutPath ?? session.signOutPath;
    portalSessions.set(portalKey, session);
  }
  if (result.network) lastNetwork = result.network;
  tabs.set(tabId, entry);
  return entry;
}

function relevant(entry) {
  return isPortalIdentity({ status: entry.identityStatus }) || entry.brandWords.length > 0 || entry.level !== VerdictLevel.OK;
}

async function showBadge(tabId, entry) {
  if (!relevant(entry) && entry.answeredByHost) {
    await chrome.action.setBadgeText({ tabId, text: "" });
    return;
  }
  if (!entry.answeredByHost && !relevant(entry)) {
    return; // The global "OFF" badge already says the guard is offline.
  }
  const badge = badgeFor(entry.verdict, t);
  entry.badge = badge.text;
  await chrome.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await chrome.action.setBadgeText({ tabId, text: badge.text });
}

function maybeNotify(tabId, entry, result) {
  if (notifiedVisits.get(tabId)?.origin === entry.origin || !isPortalIdentity({ status: entry.identityStatus })) return;
  const notification = vpnOffNotification(result.verdict, entry.portalName, t);
  if (notification === null || chrome.notifications === undefined) return;
  notifiedVisits.set(tabId, { origin: entry.origin, title: notification.title });
  const current = tabs.get(tabId) ?? entry;
  current.notified = true;
  current.notification = notification.title;
  chrome.notifications
    .create(`vpn-off-${tabId}-${Date.now()}`, {
      type: "basic",
      iconUrl: chrome.runtime.getURL("icons/icon-128.png"),
      title: notification.title,
      message: notification.message,
      priority: 2,
    })
    .catch(() => {});
}

function clearTab(tabId) {
  tabs.delete(tabId);
  frameGates.delete(tabId);
  navigations.delete(tabId);
}

chrome.tabs.onRemoved.addListener((tabId) => {
  clearTab(tabId);
  notifiedVisits.delete(tabId);
});

// ── The VPN drops: re-assess every open portal tab and tell it ─────────────────────────────────────────────────────

async function onPostureChanged(network) {
  const dropped = vpnDropped(lastNetwork, network);
  lastNetwork = network ?? lastNetwork;
  for (const tabId of tabsToReassess([...tabs])) {
    const reassessed = await reassess(tabId);
    if (reassessed === null) continue; // closed while an earlier tab was re-assessed
    const { entry: updated, assessment: result } = reassessed;
    updated.proceeded = false; // A new risk needs a new "continue anyway".
    if (dropped && result.banner !== null) {
      const portal = updated.portalName || t("portal_fallback_name");
      const lines = result.banner.lines.map((line) => (line.code === "vpn-off" ? { ...line, text: t("banner_vpn_dropped_line", [portal]) } : line));
      const banner = { ...result.banner, title: t("banner_vpn_dropped_title"), lines };
      deliverToTab(chrome, tabId, { type: WorkerMessage.SHOW_BANNER, banner })
        .then(() => {
          updated.bannerShown = true;
          updated.vpnDropBanner = true;
          report("warningShown", updated.origin, { level: updated.level });
        })
        .catch(() => {});
    }
  }
  // The push is the newest word on the network; the re-assessments above may have raced with it.
  lastNetwork = network ?? lastNetwork;
}

/** Asks the host again about a tab's page (its origin and what its page showed before) and updates badge and record. */
async function reassess(tabId) {
  const entry = tabs.get(tabId);
  if (entry === undefined) return null;
  // The facts its page gave at the gate, if it got that far: a form that sends the password elsewhere stays blocked.
  const signals = { topFrame: true, hasPasswordField: entry.hasPasswordField === true, formActionOrigin: entry.formActionOrigin ?? null, brandWords: entry.brandWords };
  const assessment = await assessPage({ connection, origin: entry.origin, signals, t });
  const updated = record(tabId, entry.origin, assessment, entry);
  await showBadge(tabId, updated);
  return { entry: updated, assessment };
}

// ── Messages from pages and from the extension's own views ──────────────────────────────────────────────────────────

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || message === null || typeof message !== "object") {
    return false;
  }
  const fromView = sender.tab?.id === undefined || (typeof sender.url === "string" && sender.url.startsWith(chrome.runtime.getURL("")));
  if (fromView) {
    const handler = VIEW_HANDLERS[message.type];
    if (handler === undefined) return false;
    handler(message).then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  }
  if (sender.frameId !== 0) {
    subframeMessages += 1;
    return onFrameMessage(message, sender, sendResponse);
  }
  switch (message.type) {
    case PageMessage.GATE:
      onGate(message, sender).then(sendResponse, () => sendResponse({ overlay: null }));
      return true;
    case PageMessage.PAGE_EVENT:
      onPageEvent(message, sender);
      return false;
    default:
      return false;
  }
});

/**
 * The pre-login gate of a top page: the host judges the page again with the facts its content script read as the person
 * reached the sign-in (a password field, where the form sends it, brand words), unless it already has with the same ones.
 */
async function onGate(message, sender) {
  const origin = webOrigin(sender.url);
  if (origin === null) return { overlay: null };
  const signals = { ...sanitizeSignals(message.signals, sender), hasPasswordField: true };
  let entry = tabs.get(sender.tab.id);
  if (entry === undefined || entry.origin !== origin || !entry.answeredByHost || !sameSignals(entry, signals)) {
    const result = await assessPage({ connection, origin, signals, t });
    entry = record(sender.tab.id, origin, result, signals);
    await showBadge(sender.tab.id, entry).catch(() => {});
    maybeNotify(sender.tab.id, entry, result);
  }
  const reply = gateReply(entry);
  if (reply.overlay !== null) entry.gateShown = (entry.gateShown ?? 0) + 1;
  await settingsRefresh;
  return { ...reply, sharedDevice: settings.sharedDevice };
}

/** Whether the tab's record was judged with these facts of its page already. */
function sameSignals(entry, signals) {
  return entry.hasPasswordField === true && entry.formActionOrigin === signals.formActionOrigin
    && entry.brandWords.length === signals.brandWords.length && entry.brandWords.every((word, i) => word === signals.brandWords[i]);
}

function onPageEvent(message, sender) {
  const entry = tabs.get(sender.tab.id);
  const origin = webOrigin(sender.url);
  if (origin === null || entry === undefined || entry.origin !== origin) {
    return;
  }
  recordPageEvent(message, entry, origin);
}

/** A page event of a top page's or a frame's record (`entry`), and into the audit trail with `origin`. */
function recordPageEvent(message, entry, origin) {
  if (!PAGE_EVENTS.includes(message.event)) {
    return;
  }
  if (message.event === "proceeded") {
    if (entry.level !== VerdictLevel.WARN) return; // A block cannot be overridden from the page.
    entry.proceeded = true;
  }
  const count = Number.isInteger(message.count) && message.count > 0 && message.count <= 1000 ? message.count : 1;
  entry.events = { ...(entry.events ?? {}), [message.event]: (entry.events?.[message.event] ?? 0) + count };
  report(message.event, origin, { level: entry.level, count });
}

// ── Sign-in forms inside frames (content/frame-guard.js) ──────────────────────────────────────────────────────────

function onFrameMessage(message, sender, sendResponse) {
  switch (message.type) {
    case PageMessage.GATE:
      onFrameGate(message, sender).then(sendResponse, () => sendResponse({ overlay: null }));
      return true;
    case PageMessage.PAGE_EVENT: {
      const found = frameRecord(sender, false);
      if (found !== null) recordPageEvent(message, found.record, found.origin);
      return false;
    }
    case PageMessage.LEAVE:
      onFrameLeave(sender);
      return false;
    default:
      return false;
  }
}

/** The record of the sender's frame ({ record, origin }), made when `create` and missing; null when there is none. */
function frameRecord(sender, create) {
  const origins = frameOrigins(sender);
  const tabId = sender.tab?.id;
  if (origins === null || tabId === undefined) return null;
  let tab = frameGates.get(tabId);
  if (tab === undefined || tab.topOrigin !== origins.topOrigin) {
    if (!create) return null;
    tab = { topOrigin: origins.topOrigin, frames: new Map() };
    frameGates.set(tabId, tab);
  }
  let record = tab.frames.get(origins.origin);
  if (record === undefined) {
    if (!create) return null;
    record = { level: null, codes: [], answeredByHost: false, overlay: null, proceeded: false, gateShown: 0 };
    tab.frames.set(origins.origin, record);
  }
  return { record, origin: origins.origin, topOrigin: origins.topOrigin };
}

/** The host judges the frame's origin with the tab's top page around it, each time a frame asks (a form may differ). */
async function onFrameGate(message, sender) {
  const found = frameRecord(sender, true);
  if (found === null) return { overlay: null };
  const { record, origin, topOrigin } = found;
  const result = await assessPage({ connection, origin, signals: frameSignals(message.signals, sender, topOrigin), t });
  if (result.verdict.level !== record.level) record.proceeded = false; // a new risk needs a new decision
  record.level = result.verdict.level;
  record.codes = result.verdict.reasons.map((r) => r.code);
  record.answeredByHost = result.answeredByHost;
  record.overlay = result.overlay;
  const reply = gateReply(record);
  if (reply.overlay !== null) record.gateShown += 1;
  await settingsRefresh;
  return { ...reply, sharedDevice: settings.sharedDevice };
}

/** After a block in a frame the person chose to leave: the whole tab goes back (or to an empty page), not only the frame. */
function onFrameLeave(sender) {
  const found = frameRecord(sender, false);
  const tabId = sender.tab?.id;
  if (found === null || found.record.gateShown === 0 || tabId === undefined) return;
  chrome.tabs.goBack(tabId).catch(() => chrome.tabs.update(tabId, { url: "about:blank" })).catch(() => {});
}

const VIEW_HANDLERS = {
  [ViewMessage.STATE]: (message) => viewState(message.tabId),
  [ViewMessage.CHECK_PORTAL]: (message) => checkPortal(message.host),
  [ViewMessage.SET_SETTINGS]: (message) => setSettings(message.settings),
  [ViewMessage.CLEAR_PORTAL]: (message) => clearPortalOfTab(message.tabId),
  [ViewMessage.CLEAR_ALL]: () => clearAllPortals("popup"),
};

async function viewState(tabId) {
  const state = connection.state;
  const entry = Number.isInteger(tabId) ? tabs.get(tabId) ?? null : null;
  let portal = null;
  if (entry?.identityStatus && state.status === ConnectionStatus.ONLINE) {
    portal = await checkPortal(new URL(entry.origin).hostname).catch(() => null);
  }
  if (state.status === ConnectionStatus.ONLINE && lastNetwork === null) {
    lastNetwork = (await connection.request(HostRequest.GET_POSTURE).catch(() => null))?.network ?? null;
  }
  return {
    connection: { status: state.status, error: state.error, failure: state.failure },
    tab: entry === null ? null : {
      origin: entry.origin,
      level: entry.level,
      identityStatus: entry.identityStatus,
      portalName: entry.portalName,
      lines: entry.banner?.lines ?? [],
      isPortal: entry.portalKey !== null,
    },
    portal,
    vpn: lastNetwork?.vpn ?? null,
    settings,
    passwordSaving,
    managedPortals,
    lastClear,
    sessions: portalSessions.size,
  };
}

async function checkPortal(host) {
  const reply = await connection.request(HostRequest.CHECK_PORTAL, { host: String(host ?? "").slice(0, 300) });
  const identity = reply.identity ?? {};
  return {
    host: reply.host ?? host,
    status: identity.status ?? "unknown",
    lookalikeOf: identity.lookalikeOf ?? null,
    portal: identity.portal
      ? {
          name: identity.portal.name,
          vpnCompatibility: identity.portal.vpnCompatibility,
          notes: identity.portal.notes ?? null,
          twoFactor: identity.portal.twoFactor,
        }
      : null,
  };
}

async function setSettings(change) {
  const allowed = allowedChange(change, settings.managed);
  if (Object.keys(allowed).length > 0) {
    const reply = await connection.request(HostRequest.SET_SETTINGS, { settings: allowed });
    await refreshSettings(reply.settings);
  }
  return { settings, passwordSaving };
}

// ── Log out and clear ──────────────────────────────────────────────────────────────────────────────────────────────

async function clearPortalOfTab(tabId) {
  const entry = tabs.get(tabId);
  const key = entry?.portalKey ?? entry?.chainKey ?? null;
  if (key === null || !portalSessions.has(key)) {
    return { error: "not-a-portal" };
  }
  return clearSessions([key], "popup");
}

async function clearAllPortals(trigger) {
  return clearSessions([...portalSessions.keys()], trigger);
}

async function clearSessions(keys, trigger) {
  const totals = { portals: 0, origins: 0, tabsClosed: 0, historyDeleted: 0, partitionedCookiesRemoved: 0, notRemoved: [], trigger };
  for (const key of keys) {
    const session = portalSessions.get(key);
    if (session === undefined) continue;
    const origins = [...session.origins];
    const result = await logOutAndClear({ browser: chrome, origins, signOutPath: session.signOutPath });
    portalSessions.delete(key);
    for (const [tabId, entry] of [...tabs]) {
      if (origins.includes(entry.origin)) tabs.delete(tabId);
    }
    totals.portals += 1;
    totals.origins += result.origins;
    totals.tabsClosed += result.tabsClosed;
    totals.historyDeleted += result.historyDeleted;
    totals.partitionedCookiesRemoved += result.partitionedCookiesRemoved;
    totals.notRemoved.push(...result.notRemoved.filter((w) => !totals.notRemoved.includes(w)));
    for (const origin of origins) {
      report("sessionCleared", origin, { count: result.tabsClosed + result.historyDeleted });
    }
  }
  lastClear = totals;
  return totals;
}

// ── Idle timeout ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Set only by the end-to-end test (portalGuard.setIdleDetectionSeconds): a detection interval under a minute. */
let idleDetectionOverride = null;

function applyIdleTimeout() {
  if (chrome.idle === undefined) return;
  const seconds = idleDetectionSeconds(settings.idleTimeoutMinutes);
  if (seconds !== null) {
    chrome.idle.setDetectionInterval(idleDetectionOverride ?? seconds);
  }
}

chrome.idle?.onStateChanged.addListener((state) => {
  if (clearsOnIdle(state, settings.idleTimeoutMinutes, portalSessions.size)) {
    // The timeout is about the device; each portal's own sessionCleared follows it in the audit trail.
    report("idleTimeout", null, { count: portalSessions.size });
    clearAllPortals("idle").catch(() => {});
  }
});

chrome.storage?.onChanged.addListener((_changes, area) => {
  if (area === "managed") refreshSettings(null).catch(() => {});
});

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
const snapshot = (entry) => {
  const { verdict, overlay, banner, context, ...rest } = entry;
  return { ...rest };
};
globalThis.portalGuard = Object.freeze({
  connectionState: () => connection.state,
  tabState: (tabId) => (tabs.has(tabId) ? snapshot(tabs.get(tabId)) : null),
  allTabStates: () => Object.fromEntries([...tabs].map(([id, entry]) => [id, { tabId: id, ...snapshot(entry) }])),
  settings: () => settings,
  passwordSaving: () => readPasswordSaving(chrome.privacy?.services?.passwordSavingEnabled),
  setSettings: (change) => setSettings(change),
  portalSessions: () => Object.fromEntries([...portalSessions].map(([key, s]) => [key, [...s.origins]])),
  clearPortalOfTab: (tabId) => clearPortalOfTab(tabId),
  clearAll: () => clearAllPortals("test"),
  viewState: (tabId) => viewState(tabId),
  reconnect: () => connection.connect().then(() => connection.state, () => connection.state),
  // Plays a message as if the host had pushed it (a VPN cannot be dropped on this test machine).
  receiveHostPush: (message) => onHostPush(message),
  startedAt: () => startedAt,
  managedPortals: () => managedPortals,
  frameStates: () => Object.fromEntries([...frameGates].map(([id, tab]) => [id, {
    topOrigin: tab.topOrigin,
    frames: Object.fromEntries([...tab.frames].map(([origin, { overlay, ...rest }]) => [origin, rest])),
  }])),
  subframeMessages: () => subframeMessages,
  lastClear: () => lastClear,
  // Shortens chrome.idle's detection interval below the setting's whole minutes (Chromium's minimum is 15 s), so a
  // test waits 15 s, not 60. The idle detection and what follows it are the browser's and the worker's own.
  setIdleDetectionSeconds: (seconds) => {
    idleDetectionOverride = Number.isInteger(seconds) && seconds >= 15 ? seconds : null;
    applyIdleTimeout();
    return idleDetectionOverride;
  },
});

connection.connect().catch(() => {});
