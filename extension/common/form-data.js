// The names in a form's data, read in a way both engines' content scripts allow.

/**
 * Every name in a FormData, once each. The iterator keys() returns is walked with next(): in a Firefox content script
 * the FormData is the page's object seen through an Xray wrapper, and the iterator its keys() returns has no
 * Symbol.iterator there, so [...formData.keys()] throws ("is not iterable") and Array.from() returns nothing.
 * @param {{ keys(): { next(): { done?: boolean, value?: string } } }} formData
 * @returns {string[]}
 */
export function formDataNames(formData) {
  const names = new Set();
  const keys = formData.keys();
  for (let step = keys.next(); step.done !== true; step = keys.next()) names.add(step.value);
  return [...names];
}
