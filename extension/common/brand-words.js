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

const MATCHERS = BRAND_WORDS.map((word) => ({
  word,
  pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}])${word.toLowerCase().replace(/\s+/gu, "\\s*")}(?:$|[^\\p{L}\\p{N}])`, "u"),
}));

/** The brand words that occur in the text, in BRAND_WORDS order, each once. */
export function findBrandWords(text) {
  if (typeof text !== "string" || text.length === 0) {
    return [];
  }
  const normalised = text.normalize("NFKC").toLowerCase();
  return MATCHERS.filter((m) => m.pattern.test(normalised)).map((m) => m.word);
}

/** Only known brand words, each once: what a message from a page may claim. */
export function knownBrandWords(words) {
  if (!Array.isArray(words)) {
    return [];
  }
  const given = new Set(words.filter((w) => typeof w === "string"));
  return BRAND_WORDS.filter((w) => given.has(w));
}
