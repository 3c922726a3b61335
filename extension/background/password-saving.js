// Switches the browser's offer to save passwords off while shared-device mode is on, and gives it back afterwards.
// Like keepassxc-browser, it only claims success when the browser says this extension now controls the setting.

/**
 * @param {object} setting chrome.privacy.services.passwordSavingEnabled (or undefined where the browser lacks it)
 * @returns {Promise<{ value: boolean | null, levelOfControl: string, controlledByUs: boolean }>}
 */
export async function readPasswordSaving(setting) {
  if (setting === undefined) {
    return { value: null, levelOfControl: "unavailable", controlledByUs: false };
  }
  const details = await setting.get({});
  return {
    value: typeof details.value === "boolean" ? details.value : null,
    levelOfControl: details.levelOfControl ?? "unknown",
    controlledByUs: details.levelOfControl === "controlled_by_this_extension",
  };
}

/** Off when sharedDevice, otherwise our override is cleared (the browser's own or another controller's value returns). */
export async function applyPasswordSaving(setting, sharedDevice) {
  if (setting === undefined) {
    return readPasswordSaving(setting);
  }
  const before = await readPasswordSaving(setting);
  if (sharedDevice) {
    if (before.levelOfControl === "controllable_by_this_extension" || before.controlledByUs) {
      await setting.set({ value: false });
    }
  } else if (before.controlledByUs) {
    await setting.clear({});
  }
  return readPasswordSaving(setting);
}
