// Words the options page shows for the browser policy's extra portals: what the host added, already knew, and refused.
// Each refusal carries a stable code (docs/protocol.md, setManagedPortals); its sentence is for administrators and logs,
// never shown here: an unknown code still gets a plain (general) reason in the reader's language.

import { managedPortalHosts, sameHosts } from "./managed-portals.js";

/** A plain reason for one of the host's refusals ({ code, imitatedHost, imitatedName }). */
export function refusalReason(refusal, t) {
  switch (refusal?.code) {
    case "lookalike": {
      const host = typeof refusal.imitatedHost === "string" ? refusal.imitatedHost : "";
      const name = typeof refusal.imitatedName === "string" && refusal.imitatedName.trim() !== "" ? refusal.imitatedName.trim() : host;
      return t("options_managed_refused_lookalike", [name, host]);
    }
    case "too-many":
      return t("options_managed_refused_limit");
    case "address":
      return t("options_managed_refused_address");
    case "public-suffix":
      return t("options_managed_refused_suffix");
    default:
      return t("options_managed_refused_not_host");
  }
}

/**
 * The options page's section about the policy's extra portals, or null when the policy lists none.
 * @param {string[] | undefined} extraPortals the policy's list (settings.extraPortals)
 * @param {{ sent: string[] | null, added: string[], alreadyKnown: string[], refused: Array<{ index: number, problem: string }>, supported: boolean | null } | undefined} managedPortals
 * @returns {{ heading: string, groups: Array<{ text: string, items: string[] }> } | null}
 */
export function managedPortalsSection(extraPortals, managedPortals, t) {
  const hosts = managedPortalHosts(extraPortals);
  if (hosts.length === 0) return null;
  const heading = t("options_managed_heading");
  if (managedPortals?.supported === false) {
    return { heading, groups: [{ text: t("options_managed_unsupported"), items: hosts }] };
  }
  const sent = managedPortals?.sent ?? null;
  if (sent === null || !sameHosts(sent, hosts)) {
    // Not (yet) answered for this list: the host is not answering, or the list just changed.
    return { heading, groups: [{ text: t("options_managed_pending"), items: hosts }] };
  }
  const groups = [];
  if (managedPortals.added.length > 0) groups.push({ text: t("options_managed_added"), items: managedPortals.added });
  if (managedPortals.alreadyKnown.length > 0) groups.push({ text: t("options_managed_known"), items: managedPortals.alreadyKnown });
  if (managedPortals.refused.length > 0) {
    const items = managedPortals.refused.map((refusal) => {
      const reason = refusalReason(refusal, t);
      return typeof sent[refusal.index] === "string" ? t("options_managed_refused_item", [sent[refusal.index], reason]) : reason;
    });
    groups.push({ text: t("options_managed_refused"), items });
  }
  return { heading, groups };
}
