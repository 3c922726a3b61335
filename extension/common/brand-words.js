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

// A page's text is read once per page, inside the content script's time budget: each word is first looked for as a
// plain substring (its longest part), and only a word that is there is checked with its word-boundary pattern, which is
// built on first use. Ten Unicode-class patterns run on every page cost milliseconds; ten includes() cost microseconds.
const MATCHERS = BRAND_WORDS.map((word) => {
  const parts = word.toLowerCase().split(/\s+/u);
  return { word, source: parts.join("\\s*"), needle: parts.reduce((a, b) => (b.length > a.length ? b : a)), pattern: null };
});

/** The brand words that occur in the text, in BRAND_WORDS order, each once. */
export function findBrandWords(text) {
  if (typeof text !== "string" || text.length === 0) {
    return [];
  }
  const normalised = text.normalize("NFKC").toLowerCase();
  const found = [];
  for (const m of MATCHERS) {
    if (!normalised.includes(m.needle)) continue;
    m.pattern ??= new RegExp(`(?:^|[^\\p{L}\\p{N}])${m.source}(?:$|[^\\p{L}\\p{N}])`, "u");
    if (m.pattern.test(normalised)) found.push(m.word);
  }
  return found;
}

/** Only known brand words, each once: what a message from a page may claim. */
export function knownBrandWords(words) {
  if (!Array.isArray(words)) {
    return [];
  }
  const given = new Set(words.filter((w) => typeof w === "string"));
  return BRAND_WORDS.filter((w) => given.has(w));
}
