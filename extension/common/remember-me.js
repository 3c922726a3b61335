// Whether a control's label offers to remember the person on this computer ("Remember me", "Recordarme", ...).
// On a shared device such a control must stay off; other checkboxes ("I agree to the terms") are none of our business.

// Made at first use, not when the script loads: the content script runs on every page, most of which never ask.
let made = null;
const patterns = () => (made ??= [
  // English
  /\bremember (?:me|my (?:user ?name|username|user id|login|email|device)|this (?:device|computer|browser))\b/u,
  /\bkeep me (?:signed|logged) ?in\b/u,
  /\bstay (?:signed|logged) ?in\b/u,
  /\btrust this (?:browser|device|computer)\b/u,
  /\bdon'?t ask (?:again )?on this (?:device|computer|browser)\b/u,
  // Spanish (accents are removed before matching)
  /\brecuerdame\b/u,
  /\brecordarme\b/u,
  /\bmantener(?:me)? (?:la )?sesion (?:iniciada|abierta)\b/u,
  /\bmantenerme conectad[oa]\b/u,
  /\brecordar (?:mi (?:usuario|nombre de usuario|correo)|este (?:dispositivo|equipo|navegador))\b/u,
  /\bconfiar en este (?:navegador|dispositivo|equipo)\b/u,
]);

/** Lowercase, without accents, single spaces: "Mantener la sesión iniciada" → "mantener la sesion iniciada". */
export function normaliseLabel(text) {
  return String(text)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\s\u00a0]+/gu, " ")
    .trim();
}

export function isRememberMeLabel(text) {
  if (typeof text !== "string" || text.length === 0 || text.length > 200) {
    return false;
  }
  const label = normaliseLabel(text);
  return patterns().some((p) => p.test(label));
}
