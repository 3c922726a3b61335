// Words the options page shows for the browser policy's extra portals: what the host added, already knew, and refused.
// The host's refusal reasons are technical English for administrators (docs/protocol.md, setManagedPortals); this turns
// them into a plain reason in the reader's language. The host sends no code for them, so the sentence is matched: an
// unmatched one still gets a plain (general) reason, never the raw text.

import { managedPortalHosts, sameHosts } from "./managed-portals.js";

/** A plain reason for one of the host's refusals. */
export function refusalReason(problem, t) {
  const text = typeof problem === "string" ? problem : "";
  const lookalike = /imitates (\S+) \(([^)]*)\)/u.exec(text);
  if (lookalike !== null) {
    const [, host, name] = lookalike;
    return t("options_managed_refused_lookalike", [name.trim() || host, host]);
  }
  if (text.includes("only the first")) return t("options_managed_refused_limit");
  if (text.includes("IP address")) return t("options_managed_refused_address");
  if (text.includes("public suffix")) return t("options_managed_refused_suffix");
  return t("options_managed_refused_not_host");
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
    const items = managedPortals.refused.map(({ index, problem }) => {
      const reason = refusalReason(problem, t);
      return typeof sent[index] === "string" ? t("options_managed_refused_item", [sent[index], reason]) : reason;
    });
    groups.push({ text: t("options_managed_refused"), items });
  }
  return { heading, groups };
}
