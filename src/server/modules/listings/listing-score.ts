import type { ListingCategory } from '../../../common/api/enums.ts';

/** The weights of a match's score parts (they sum to 1, so a score reads as a share of a perfect match). */
export const MATCH_WEIGHTS = { text: 0.5, industry: 0.15, category: 0.1, pairing: 0.15, freshness: 0.1 } as const;

/** What a ranking asks for, as far as the score is concerned. */
export interface ScoreRequest {
  /** Words to look for (an OR query; the rank counts how many and how often). */
  words: string[];
  /** Each word's weight (its idf, or its TF-IDF in the matched listing); 1 when absent. */
  weights?: Record<string, number>;
  /** Characters of a query too short to segment (a single character), looked for inside the stored words. */
  prefixes: string[];
  /** A typed query, also compared by trigram similarity with titles and organisation names (typos). */
  fuzzy?: string;
  industryDivision?: string | null;
  /** Divisions of the same 门类 (section), for the smaller industry bonus. */
  sectionDivisions?: string[];
  category?: ListingCategory;
  /** Region code prefixes of the other side of the listing's pairing (a bonus, not a filter). */
  counterpartPrefixes?: string[];
}

/** A candidate as the first stage reads it: its stored words, its text rank and similarity, what it is. */
export interface Candidate {
  id: string;
  /** ts_rank of its words against the query's (no normalisation). */
  rank: number;
  /** Trigram similarity of its title or organisation name with the typed query (0 without one). */
  similarity: number;
  terms: string;
  industryDivision: string | null;
  category: string;
  regionCode: string;
  /** Seconds since it last changed. */
  ageSeconds: number;
}

export interface ScoreParts {
  score: number;
  textPart: number;
  fuzzyPart: number;
  industryPart: number;
  categoryPart: number;
  pairingPart: number;
  freshnessPart: number;
}

/**
 * The full score of a candidate, computed here rather than in SQL, for the few hundred candidates the index brings:
 * in SQL each part was evaluated per candidate row inside the statement (a dozen `@@` over its vector for a match,
 * its region, industry, freshness), which was half a match's execution time at 200,000 listings.
 *
 * Text: weighted coordination — the share of the query's weight (idf) whose words the listing holds, so a listing
 * with 吉林大米 outranks one that only shares 吉林 — plus a little for how often they occur (ts_rank / (1 + ts_rank),
 * PostgreSQL's normalisation 32). A one-character query counts 0.5 when a stored word contains it. A typed query's
 * trigram similarity counts at 0.6, so a near-miss name never outranks the listings that hold the query's words.
 */
export function scoreCandidate(r: ScoreRequest, c: Candidate): ScoreParts {
  let text = 0;
  if (r.words.length) {
    const held = new Set(c.terms.split(' '));
    const total = r.words.reduce((a, w) => a + (r.weights?.[w] ?? 1), 0);
    // Each word's share is rounded to 4 places, as the statement this replaces wrote it.
    const coordination = r.words.reduce(
      (a, w) => a + (held.has(w) ? Number(((r.weights?.[w] ?? 1) / total).toFixed(4)) : 0),
      0,
    );
    text = 0.85 * coordination + 0.15 * Math.min(1, (c.rank / (c.rank + 1)) * 4);
  } else if (r.prefixes.some((p) => c.terms.includes(p))) text = 0.5;
  const fuzzyPart = r.fuzzy ? 0.6 * c.similarity : 0;
  const textPart = Math.min(1, Math.max(text, fuzzyPart));
  const industryPart = !r.industryDivision
    ? 0
    : c.industryDivision === r.industryDivision
      ? 1
      : c.industryDivision && r.sectionDivisions?.includes(c.industryDivision)
        ? 0.5
        : 0;
  const categoryPart = r.category && c.category === r.category ? 1 : 0;
  const pairingPart = r.counterpartPrefixes?.some((p) => c.regionCode.startsWith(p)) ? 1 : 0;
  const freshnessPart = Math.exp(-Math.max(0, c.ageSeconds / 86_400) / 180);
  const w = MATCH_WEIGHTS;
  const score =
    w.text * textPart +
    w.industry * industryPart +
    w.category * categoryPart +
    w.pairing * pairingPart +
    w.freshness * freshnessPart;
  return { score, textPart, fuzzyPart, industryPart, categoryPart, pairingPart, freshnessPart };
}
