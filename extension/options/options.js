// The options page: shared-device mode, require-VPN and the idle timeout. Values set by the organisation's managed
// policy are shown and locked. The host keeps the person's choices; the worker applies them.

import { ViewMessage } from "../common/protocol.js";
import { localise } from "../common/view-text.js";

const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions);
const $ = (id) => document.getElementById(id);

function show(state) {
  const { settings, passwordSaving } = state;
  $("sharedDevice").checked = settings.sharedDevice;
  $("requireVpn").checked = settings.requireVpn;
  $("idleTimeoutMinutes").value = String(settings.idleTimeoutMinutes);
  for (const key of ["sharedDevice", "requireVpn", "idleTimeoutMinutes"]) {
    const managed = settings.managed.includes(key);
    $(key).disabled = managed;
    document.querySelector(`.managed[data-for="${key}"]`).hidden = !managed;
  }
  $("password-saving").textContent = !settings.sharedDevice ? ""
    : passwordSaving.controlledByUs ? t("popup_password_saving_off")
    : t("popup_password_saving_other");
}

async function main() {
  localise(document, t);
  document.documentElement.lang = chrome.i18n.getUILanguage();
  const state = await chrome.runtime.sendMessage({ type: ViewMessage.STATE });
  $("offline").hidden = state.connection.status === "online";
  show(state);
  $("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const minutes = Number.parseInt($("idleTimeoutMinutes").value, 10);
    const reply = await chrome.runtime.sendMessage({
      type: ViewMessage.SET_SETTINGS,
      settings: {
        sharedDevice: $("sharedDevice").checked,
        requireVpn: $("requireVpn").checked,
        idleTimeoutMinutes: Number.isInteger(minutes) ? Math.min(1440, Math.max(0, minutes)) : 0,
      },
    });
    if (reply?.error) {
      $("status").textContent = t("options_offline");
      return;
    }
    show(reply);
    $("status").textContent = t("options_saved");
  });
  document.body.dataset.ready = "true";
}

main().catch(() => {
  $("offline").hidden = false;
  document.body.dataset.ready = "true";
});
