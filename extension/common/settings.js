// The settings in force: the host's (what the person chose) overridden by the browser's managed storage (what an
// organisation set through enterprise policy). A managed value cannot be changed from the popup or the options page.

export const DEFAULT_SETTINGS = Object.freeze({ sharedDevice: false, requireVpn: false, idleTimeoutMinutes: 0 });

const MANAGED_KEYS = Object.freeze(["sharedDevice", "requireVpn", "idleTimeoutMinutes"]);

/**
 * @param {object | null} host settings from the host's hello / getSettings reply
 * @param {object | null} managed chrome.storage.managed contents
 * @returns {{ sharedDevice: boolean, requireVpn: boolean, idleTimeoutMinutes: number, extraPortals: string[], managed: string[] }}
 */
export function effectiveSettings(host, managed) {
  const result = { ...DEFAULT_SETTINGS, extraPortals: [], managed: [] };
  const from = host !== null && typeof host === "object" ? host : {};
  if (typeof from.sharedDevice === "boolean") result.sharedDevice = from.sharedDevice;
  if (typeof from.requireVpn === "boolean") result.requireVpn = from.requireVpn;
  if (isMinutes(from.idleTimeoutMinutes)) result.idleTimeoutMinutes = from.idleTimeoutMinutes;
  const policy = managed !== null && typeof managed === "object" ? managed : {};
  for (const key of MANAGED_KEYS) {
    const value = policy[key];
    if ((key === "idleTimeoutMinutes" && isMinutes(value)) || (key !== "idleTimeoutMinutes" && typeof value === "boolean")) {
      result[key] = value;
      result.managed.push(key);
    }
  }
  if (Array.isArray(policy.extraPortals)) {
    result.extraPortals = policy.extraPortals.filter((h) => typeof h === "string" && /^[a-z0-9.-]{1,253}$/iu.test(h)).map((h) => h.toLowerCase());
  }
  return result;
}

/** The fields of a change the person may make: managed ones are dropped, values checked. */
export function allowedChange(change, managedKeys) {
  const out = {};
  for (const key of MANAGED_KEYS) {
    if (managedKeys.includes(key) || !(key in (change ?? {}))) continue;
    const value = change[key];
    if (key === "idleTimeoutMinutes" ? isMinutes(value) : typeof value === "boolean") out[key] = value;
  }
  return out;
}

function isMinutes(value) {
  return Number.isInteger(value) && value >= 0 && value <= 1440;
}
