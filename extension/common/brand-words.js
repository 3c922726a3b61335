// Patient-portal brand names a page may show. The host uses them to notice a portal brand on a domain it does not know.
// Only these fixed words ever leave the page, never the page's own text.

export const BRAND_WORDS = Object.freeze([
  "MyChart",
  "HealtheLife",
  "FollowMyHealth",
  "athenahealth",
  "healow",
  "My HealtheVet",
  "NextGen",
  "NextMD",
  "Epic",
  "Cerner",
]);

// A page's text is read once per page, inside the content script's time budget of about 2 ms. A regular expression
// with Unicode classes (\p{L}) costs a millisecond or more to build on every page, so words are found with indexOf and
// their ends checked by hand: a brand word counts only where neither neighbour is a letter or a digit
// ("mychartreuse" is not MyChart), and the parts of a word of several may be apart or together ("MyHealtheVet").
// (Split on a plain space, not a regular expression: the words are fixed, and a regular expression is built anew on every page.)
const MATCHERS = BRAND_WORDS.map((word) => ({ word, parts: word.toLowerCase().split(" ") }));

// Letters that have no case (and so pass the toUpperCase test below): the main scripts written without case.
const UNCASED_LETTERS = [
  [0x0590, 0x05ff], // Hebrew
  [0x0600, 0x06ff], // Arabic, with its digits
  [0x0900, 0x0dff], // Indic scripts
  [0x0e00, 0x0eff], // Thai, Lao
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK
  [0xac00, 0xd7af], // Hangul
  [0xf900, 0xfaff], // CJK compatibility
  [0x20000, 0x3134f], // CJK extensions B–G
];

/** The brand words that occur in the text, in BRAND_WORDS order, each once. */
export function findBrandWords(text) {
  if (typeof text !== "string" || text.length === 0) {
    return [];
  }
  // NFKC leaves ASCII as it is, and its first use on a page costs more than the rest of the search: ASCII skips it.
  const normalised = (isAscii(text) ? text : text.normalize("NFKC")).toLowerCase();
  const found = [];
  for (const { word, parts } of MATCHERS) {
    if (occurs(normalised, parts)) found.push(word);
  }
  return found;
}

function isAscii(text) {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return false;
  }
  return true;
}

function occurs(text, parts) {
  for (let at = text.indexOf(parts[0]); at !== -1; at = text.indexOf(parts[0], at + 1)) {
    if (at > 0 && isLetterOrDigit(codePointBefore(text, at))) continue;
    let end = at + parts[0].length;
    let whole = true;
    for (let k = 1; k < parts.length && whole; k++) {
      while (end < text.length && text[end].trim() === "") end++;
      whole = text.startsWith(parts[k], end);
      end += parts[k].length;
    }
    if (whole && (end >= text.length || !isLetterOrDigit(text.codePointAt(end)))) return true;
  }
  return false;
}

function codePointBefore(text, index) {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.codePointAt(index - 2) : low;
}

function isLetterOrDigit(codePoint) {
  // ASCII, what a brand word almost always stands next to, is answered without building a string.
  if (codePoint < 0x80) {
    const folded = codePoint | 0x20;
    return (codePoint >= 0x30 && codePoint <= 0x39) || (folded >= 0x61 && folded <= 0x7a);
  }
  const ch = String.fromCodePoint(codePoint);
  if (ch.toLowerCase() !== ch.toUpperCase()) return true;
  return UNCASED_LETTERS.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/** Only known brand words, each once: what a message from a page may claim. */
export function knownBrandWords(words) {
  if (!Array.isArray(words)) {
    return [];
  }
  const given = new Set(words.filter((w) => typeof w === "string"));
  return BRAND_WORDS.filter((w) => given.has(w));
}
