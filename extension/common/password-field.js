// Whether an input is a password field, including one drawn as type=text. A page may hide a password in a text box
// (a masking font or -webkit-text-security, a "show password" eye that flips the type, a framework's own widget), and
// the pre-login gate must still see it. The rules are deliberately narrow: only what the page itself declares about
// the field counts, never a guess from its name, id or placeholder, so a search box or an e-mail field is never gated.

/** The autocomplete tokens that say "this is a password" (HTML autofill field names). */
const PASSWORD_TOKENS = new Set(["current-password", "new-password"]);
/** The -webkit-text-security values that draw every character as a dot. */
const MASKS = new Set(["disc", "circle", "square"]);
const MAX_AUTOCOMPLETE_CHARS = 200;

/** True when an autocomplete attribute names a password ("current-password", "section-login new-password webauthn"). */
export function autocompleteNamesPassword(value) {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_AUTOCOMPLETE_CHARS) {
    return false;
  }
  return value.toLowerCase().split(/\s+/u).some((token) => PASSWORD_TOKENS.has(token));
}

/** True when a computed -webkit-text-security value masks what is typed. */
export function masksTyping(textSecurity) {
  return typeof textSecurity === "string" && MASKS.has(textSecurity.trim().toLowerCase());
}

/**
 * The rule, from facts the content script reads off one input:
 * - type=password is a password field;
 * - a type=text field is one when the page says so: autocomplete current-password/new-password, a masking
 *   -webkit-text-security, or it was seen as type=password before (a "show password" button flipped it);
 * - any other type (search, email, tel, number, hidden, checkbox, ...) never is.
 * @param {{ type?: string, autocomplete?: string | null, textSecurity?: string | null, wasPassword?: boolean }} field
 *   type as the element reports it (an input without a valid type reports "text")
 */
export function isPasswordLike(field) {
  const type = typeof field?.type === "string" ? field.type.toLowerCase() : "";
  if (type === "password") {
    return true;
  }
  if (type !== "text") {
    return false;
  }
  return field.wasPassword === true || autocompleteNamesPassword(field.autocomplete) || masksTyping(field.textSecurity);
}
