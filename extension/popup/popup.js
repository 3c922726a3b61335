// The toolbar popup: this tab's verdict, the VPN, the portal's VPN compatibility, shared-device mode, log out & clear.
// It decides nothing; it asks the service worker and shows the answer.

import { ViewMessage } from "../common/protocol.js";
import { compatibilityLines, localise, vpnText } from "../common/view-text.js";

const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions);
const $ = (id) => document.getElementById(id);

async function currentTabId() {
  // Opened in a tab (as the tests do) the popup describes the tab named in its address: popup.html?tab=N.
  const named = Number.parseInt(new URLSearchParams(location.search).get("tab") ?? "", 10);
  if (Number.isInteger(named)) return named;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function fillList(list, lines) {
  list.replaceChildren(...lines.map((line) => {
    const item = document.createElement("li");
    item.textContent = typeof line === "string" ? line : line.text;
    return item;
  }));
}

async function render(tabId) {
  const state = await chrome.runtime.sendMessage({ type: ViewMessage.STATE, tabId });
  const offline = state.connection.status !== "online";
  $("offline").hidden = !offline;
  $("offline-error").textContent = offline ? state.connection.error ?? "" : "";

  const tab = state.tab;
  $("page-origin").textContent = tab?.origin ?? "";
  const page = $("page");
  page.className = `card ${tab?.level ?? ""}`;
  if (tab === null || (tab.identityStatus === null && tab.lines.length === 0)) {
    $("page-summary").textContent = offline ? t("popup_offline_title") : t("popup_page_not_portal");
    fillList($("page-reasons"), []);
  } else if (tab.level === "ok") {
    $("page-summary").textContent = t("popup_page_ok");
    fillList($("page-reasons"), []);
  } else {
    $("page-summary").textContent = t(tab.level === "block" ? "banner_title_block" : "banner_title_warn");
    fillList($("page-reasons"), tab.lines);
  }
  const vpn = $("vpn");
  vpn.textContent = vpnText(offline ? null : state.vpn, t);
  vpn.className = `pill ${state.vpn ?? ""}`;

  $("compat").hidden = offline;
  fillList($("compat-lines"), state.portal ? compatibilityLines(state.portal, t) : []);

  const shared = $("shared-device");
  shared.checked = state.settings.sharedDevice;
  shared.disabled = offline || state.settings.managed.includes("sharedDevice");
  $("shared-managed").hidden = !state.settings.managed.includes("sharedDevice");
  const saving = state.passwordSaving;
  $("password-saving").textContent = !state.settings.sharedDevice ? ""
    : saving.controlledByUs ? t("popup_password_saving_off")
    : t("popup_password_saving_other");

  $("clear-portal").disabled = !tab?.isPortal;
  $("clear-all").disabled = state.sessions === 0;
  return state;
}

function showClearResult(result) {
  if (result?.error) {
    $("clear-result").textContent = result.error;
    return;
  }
  const parts = [t("popup_cleared", [String(result.origins), String(result.tabsClosed)])];
  if (result.notRemoved.length > 0) parts.push(t("popup_not_removed", [result.notRemoved.join(", ")]));
  $("clear-result").textContent = parts.join(" ");
}

async function main() {
  localise(document, t);
  document.documentElement.lang = chrome.i18n.getUILanguage();
  const tabId = await currentTabId();
  await render(tabId);

  $("check-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const host = $("check-host").value.trim();
    if (host === "") return;
    const check = await chrome.runtime.sendMessage({ type: ViewMessage.CHECK_PORTAL, host });
    fillList($("check-lines"), check?.error ? [check.error] : compatibilityLines(check, t));
  });
  $("shared-device").addEventListener("change", async (event) => {
    await chrome.runtime.sendMessage({ type: ViewMessage.SET_SETTINGS, settings: { sharedDevice: event.target.checked } });
    await render(tabId);
  });
  $("clear-portal").addEventListener("click", async () => {
    showClearResult(await chrome.runtime.sendMessage({ type: ViewMessage.CLEAR_PORTAL, tabId }));
  });
  $("clear-all").addEventListener("click", async () => {
    showClearResult(await chrome.runtime.sendMessage({ type: ViewMessage.CLEAR_ALL }));
  });
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  $("clear-result").textContent = String(error?.message ?? error);
  document.body.dataset.ready = "true";
});
