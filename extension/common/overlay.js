// The words of the pre-login overlay: the banner's localised reasons plus what the person can do.
// A block offers only "go back"; a warning also offers "continue anyway", which is recorded.

import { buildBanner } from "./banner.js";
import { VerdictLevel } from "./protocol.js";

/**
 * @param {{ level: string, reasons: { code: string, severity: string, message: string }[] }} verdict
 * @param {{ portalName?: string | null, lookalikeOf?: string | null, host?: string | null }} context
 * @param {(key: string, substitutions?: string[]) => string} t
 */
export function buildOverlay(verdict, context, t) {
  const banner = buildBanner(verdict, context, t);
  if (banner === null) {
    return null;
  }
  const block = banner.level === VerdictLevel.BLOCK;
  return {
    level: banner.level,
    brand: banner.brand,
    title: t(block ? "overlay_title_block" : "overlay_title_warn"),
    intro: t(block ? "overlay_intro_block" : "overlay_intro_warn"),
    lines: banner.lines,
    codes: banner.codes,
    backLabel: t(block ? "overlay_leave" : "overlay_back"),
    continueLabel: block ? null : t("overlay_continue"),
  };
}
