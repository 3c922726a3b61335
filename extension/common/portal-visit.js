// Which pages are PortalGuard's business: a catalog portal, an unverified vendor-pattern portal, a lookalike, or an
// unknown page that shows a portal brand. Everything else is left alone (no badge, no notification, no gate).

import { VerdictLevel } from "./protocol.js";

const PORTAL_STATUSES = new Set(["known", "vendorPattern", "lookalike"]);
const UNCHECKED_CODES = new Set(["guard-offline", "guard-error"]);

/** True for an identity the host recognised as a portal or as imitating one. */
export function isPortalIdentity(identity) {
  return PORTAL_STATUSES.has(identity?.status);
}

/** True for a portal the person may want to log out of (never a lookalike: its data is not the portal's). */
export function isRealPortal(identity) {
  return identity?.status === "known" || identity?.status === "vendorPattern";
}

/**
 * Whether the pre-login gate stops and asks. A verdict of ok never does. A page the host could not check is gated
 * only when it shows a portal brand; otherwise every login page on the web would be interrupted while the host is down.
 * @param {{ level: string, codes: string[], identityStatus?: string | null, brandWords?: string[] }} tab
 */
export function gateApplies(tab) {
  if (tab === null || tab === undefined || tab.level === VerdictLevel.OK) {
    return false;
  }
  const codes = tab.codes ?? [];
  if (codes.length > 0 && codes.every((c) => UNCHECKED_CODES.has(c))) {
    return (tab.brandWords ?? []).length > 0;
  }
  return true;
}

/** The message of the "opened without a VPN" notification, or null when the visit does not call for one. */
export function vpnOffNotification(verdict, portalName, t) {
  if (!verdict?.reasons?.some((r) => r.code === "vpn-off")) {
    return null;
  }
  const name = portalName || t("portal_fallback_name");
  return { title: t("notification_vpn_off_title", [name]), message: t("notification_vpn_off_message", [name]) };
}

/**
 * True when a posture change takes the VPN away: it was on (or split, or not yet known) and is now off.
 * Then every open portal tab is told at once, not at its next sign-in.
 */
export function vpnDropped(before, after) {
  return after?.vpn === "off" && before?.vpn !== "off";
}

/** The tabs to re-assess after a posture change: those on a portal, a lookalike or a page showing a portal brand. */
export function tabsToReassess(entries) {
  return entries.filter(([, entry]) => isPortalIdentity({ status: entry.identityStatus }) || (entry.brandWords ?? []).length > 0).map(([id]) => id);
}
