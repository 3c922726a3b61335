// The options page: shared-device mode, require-VPN and the idle timeout. Values set by the organisation's managed
// policy are shown and locked, and so is what became of the policy's extra portals. The host keeps the person's
// choices; the worker applies them.

import { ViewMessage } from "../common/protocol.js";
import { managedPortalsSection } from "../common/managed-portals-text.js";
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

/** The policy's extra portals: shown only when the policy lists some. */
function showManagedPortals(state) {
  const section = managedPortalsSection(state.settings.extraPortals, state.managedPortals, t);
  $("managed-portals").hidden = section === null;
  if (section === null) return;
  $("managed-portals-heading").textContent = section.heading;
  const groups = section.groups.flatMap(({ text, items }) => {
    const intro = document.createElement("p");
    intro.textContent = text;
    const list = document.createElement("ul");
    list.append(...items.map((item) => Object.assign(document.createElement("li"), { textContent: item })));
    return [intro, list];
  });
  $("managed-portals-groups").replaceChildren(...groups);
}

async function main() {
  localise(document, t);
  document.documentElement.lang = chrome.i18n.getUILanguage();
  const state = await chrome.runtime.sendMessage({ type: ViewMessage.STATE });
  $("offline").hidden = state.connection.status === "online";
  show(state);
  showManagedPortals(state);
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
