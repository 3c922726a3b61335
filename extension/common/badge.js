// What the toolbar button shows for a tab: a colour and at most four characters, from the verdict alone.

import { VerdictLevel } from "./protocol.js";

export const BadgeColor = Object.freeze({
  ok: "#1e7d32",
  warn: "#b35c00",
  block: "#b3261e",
  offline: "#5f6368",
});

/**
 * @param {{ level: string, reasons?: { code: string }[] } | null} verdict
 * @param {(key: string) => string} t
 * @returns {{ text: string, color: string }}
 */
export function badgeFor(verdict, t) {
  const codes = (verdict?.reasons ?? []).map((r) => r.code);
  if (verdict === null || verdict === undefined || codes.includes("guard-offline") || codes.includes("guard-error")) {
    return { text: t("badge_offline"), color: BadgeColor.offline };
  }
  if (verdict.level === VerdictLevel.OK) {
    return { text: t("badge_ok"), color: BadgeColor.ok };
  }
  if (verdict.level === VerdictLevel.BLOCK) {
    return { text: t("badge_block"), color: BadgeColor.block };
  }
  return { text: t("badge_warn"), color: BadgeColor.warn };
}
