// The words of the in-page banner, built from a verdict. Every sentence comes from _locales; the host's English
// message is used only for a reason code this version of the extension does not know yet.

import { VerdictLevel } from "./protocol.js";

const SEVERITY_ORDER = { block: 0, warn: 1, info: 2 };

/** The _locales key for a reason code: "vpn-off" → "reason_vpn_off". */
export function reasonMessageKey(code) {
  return `reason_${String(code).replace(/[^A-Za-z0-9]/gu, "_")}`;
}

/**
 * The banner for a verdict, or null when there is nothing to show (level ok).
 * @param {{ level: string, reasons: { code: string, severity: string, message: string }[] }} verdict
 * @param {{ portalName?: string | null, lookalikeOf?: string | null, host?: string | null }} context what the host said about the page
 * @param {(key: string, substitutions?: string[]) => string} t chrome.i18n.getMessage or a stand-in; "" when a key is missing
 */
export function buildBanner(verdict, context, t) {
  if (verdict === null || verdict === undefined || verdict.level === VerdictLevel.OK) {
    return null;
  }
  const level = verdict.level === VerdictLevel.BLOCK ? VerdictLevel.BLOCK : VerdictLevel.WARN;
  const substitutions = [
    context?.portalName || t("portal_fallback_name"),
    context?.lookalikeOf || t("portal_fallback_name"),
    context?.host || "",
  ];
  const seen = new Set();
  const lines = [];
  for (const reason of [...verdict.reasons].sort(bySeverity)) {
    if (seen.has(reason.code)) {
      continue;
    }
    seen.add(reason.code);
    const text = t(reasonMessageKey(reason.code), substitutions) || reason.message || t("reason_unknown");
    lines.push({ code: reason.code, severity: reason.severity, text });
  }
  if (lines.length === 0) {
    lines.push({ code: "unspecified", severity: level, text: t("reason_unknown") });
  }
  return {
    level,
    title: t(level === VerdictLevel.BLOCK ? "banner_title_block" : "banner_title_warn"),
    lines,
    codes: lines.map((l) => l.code),
    closeLabel: t("banner_close"),
    brand: t("extName"),
  };
}

function bySeverity(a, b) {
  return (SEVERITY_ORDER[a.severity] ?? 1) - (SEVERITY_ORDER[b.severity] ?? 1);
}
