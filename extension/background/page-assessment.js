// Asks the host about one page and turns the answer (or its absence) into what the tab shows.
// No answer from the host is never read as "ok": it becomes a guard-offline warning.

import { buildBanner } from "../common/banner.js";
import { buildOverlay } from "../common/overlay.js";
import { uncheckedVerdict } from "../common/guard-offline.js";
import { HostRequest, VerdictLevel, readVerdict } from "../common/protocol.js";

/**
 * @param {object} input
 * @param {{ request: (type: string, fields: object) => Promise<any> }} input.connection
 * @param {string} input.origin the page's origin, from the browser (never the page's own claim)
 * @param {object} input.signals sanitised page signals
 * @param {(key: string, substitutions?: string[]) => string} input.t
 * @returns {Promise<{ origin: string, verdict: object, banner: object | null, overlay: object | null, answeredByHost: boolean,
 *   error: string | null, identity: object | null, network: object | null, context: object }>}
 */
export async function assessPage({ connection, origin, signals, t }) {
  const host = hostOf(origin);
  try {
    const reply = await connection.request(HostRequest.ASSESS_PAGE, { url: origin, signals });
    const verdict = readVerdict(reply) ?? {
      level: VerdictLevel.WARN,
      reasons: [{ code: "guard-error", severity: VerdictLevel.WARN, message: "" }],
    };
    const identity = reply.identity ?? {};
    const context = {
      portalName: typeof identity.portal?.name === "string" ? identity.portal.name : null,
      lookalikeOf: typeof identity.lookalikeOf === "string" ? identity.lookalikeOf : null,
      host: typeof identity.host === "string" ? identity.host : host,
    };
    return {
      origin,
      verdict,
      banner: buildBanner(verdict, context, t),
      overlay: buildOverlay(verdict, context, t),
      answeredByHost: true,
      error: null,
      identity: typeof identity.status === "string" ? identity : null,
      network: reply.network ?? null,
      context,
    };
  } catch (error) {
    const verdict = uncheckedVerdict(error);
    return {
      origin,
      verdict,
      banner: buildBanner(verdict, { host }, t),
      overlay: buildOverlay(verdict, { host }, t),
      answeredByHost: false,
      error: String(error?.message ?? error),
      identity: null,
      network: null,
      context: { host, portalName: null, lookalikeOf: null },
    };
  }
}

function hostOf(origin) {
  try {
    return new URL(origin).hostname;
  } catch {
    return "";
  }
}
