// Whether a link or button of a portal page signs the person out ("Log out", "Sign out", "Cerrar sesión", ...).

import { normaliseLabel } from "./remember-me.js";

// Made at first use (see common/remember-me.js).
let made = null;
const patterns = () => (made ??= [/^(?:log|sign) ?(?:out|off)\b/u, /^cerrar (?:la )?sesion\b/u, /^salir\b/u, /^desconectar(?:se)?\b/u]);

export function isSignOutLabel(text) {
  if (typeof text !== "string" || text.length === 0 || text.length > 60) {
    return false;
  }
  const label = normaliseLabel(text);
  return patterns().some((p) => p.test(label));
}
