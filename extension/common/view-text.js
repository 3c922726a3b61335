// Words the popup shows for facts the host reports (VPN state, VPN compatibility, two-factor support).

const VPN_KEYS = { on: "popup_vpn_on", off: "popup_vpn_off", split: "popup_vpn_split" };
// One key per catalog value (docs/protocol.md: yes, usually, sometimes, no, unknown).
const COMPAT_KEYS = { yes: "popup_compat_yes", usually: "popup_compat_usually", sometimes: "popup_compat_sometimes", no: "popup_compat_no" };

export function vpnText(vpn, t) {
  return t(VPN_KEYS[vpn] ?? "popup_vpn_unknown");
}

/**
 * @param {{ host: string, status: string, portal: { name: string, vpnCompatibility: string, notes: string | null, twoFactor: string } | null } | null} check
 * @returns {string[]} the lines to show, in order
 */
export function compatibilityLines(check, t) {
  if (check === null || check === undefined) {
    return [];
  }
  if (check.portal === null || check.status === "unknown" || check.status === "lookalike") {
    return [t("popup_compat_not_portal", ["", "", check.host ?? ""])];
  }
  const lines = [t(COMPAT_KEYS[check.portal.vpnCompatibility] ?? "popup_compat_unknown", [check.portal.name])];
  if (check.portal.notes) lines.push(check.portal.notes);
  if (check.portal.twoFactor && check.portal.twoFactor !== "unknown") lines.push(t("popup_two_factor", [check.portal.twoFactor]));
  lines.push(t("popup_compat_advice"));
  return lines;
}

/** Localises every element with data-i18n (text) in a view. */
export function localise(doc, t) {
  for (const element of doc.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
}
