import type { ListingKind } from '../../../common/api/enums.ts';
import type { ListingSearchQuery } from '../../../common/api/listings.ts';
import type { AuthedContext } from '../../http/context.ts';
import { SYSTEM_USER_ID } from '../../http/system-actor.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { industries } from '../../kernel/industries.ts';
import { listingDetail } from './listing-reading.service.ts';
import { type Frequencies, tableFrequencies } from './listing-word-frequencies.ts';
import { pairingSides, rankListings, recordMatchView } from './listings.repository.ts';
import { isPlaceName, keyWords, queryWords, wordWeight } from './segmenter.ts';

/** A query too short for a word (one character) still searches, as a prefix of the stored words. */
function wordsOfQuery(q: string) {
  const words = queryWords(q);
  const prefixes = words.length ? [] : [...q.replace(/[^\p{L}\p{N}]/gu, '')].slice(0, 4);
  return { words, prefixes };
}

/** jieba's idf above which a word counts as rare while the table's own counts are not known yet. */
const RARE_IDF = 7;

/**
 * Which listings are scored: those holding a word that few listings hold (at most 0.5 % of them, or 50), or two of
 * the query's four strongest words that are not common (at most 5 %, or 500). A common word alone (长春, 供应,
 * 产地直供) would make much of a large table a candidate, and scoring is per candidate; the filters sit in the same
 * WHERE, so they never starve the result. One word alone is its own query. Before the table's counts are known
 * (the first minutes after start at 200,000 listings), jieba's idf tells the rare words instead.
 */
export function candidateQuery(words: string[], weightOf: (w: string) => number, f: Frequencies | undefined): string {
  if (words.length <= 1) return words.join('');
  const rareAt = f ? Math.max(0.005 * f.total, 50) : 0;
  const commonAt = f ? Math.max(0.05 * f.total, 500) : 0;
  const rareWord = (w: string) => (f ? (f.df.get(w) ?? 0) <= rareAt : wordWeight(w) >= RARE_IDF);
  const uncommon = (w: string) => !f || (f.df.get(w) ?? 0) <= commonAt;
  const strongest = [...words].sort((a, b) => weightOf(b) - weightOf(a));
  const rare = strongest.filter((w) => rareWord(w) && !isPlaceName(w));
  const leading = strongest.filter(uncommon).slice(0, 4);
  const pairs = leading.flatMap((a, i) => leading.slice(i + 1).map((b) => `(${a} & ${b})`));
  const chosen = [...rare, ...pairs];
  // Only common words: the listings holding all of the strongest two.
  return chosen.length ? chosen.join(' | ') : `${strongest[0]} & ${strongest[1]}`;
}

/** Listings the words alone bring at least (what makes trigram candidates unneeded); unknown counts bring none. */
const PLENTY = 200;

/**
 * A floor of how many listings a candidate query brings, from the table's counts: its best part (a rare word, or the
 * smaller word of a pair). Unknown counts give 0.
 */
export function candidatesAtLeast(candidates: string, f: Frequencies | undefined): number {
  if (!f) return 0;
  const df = (w: string) => f.df.get(w) ?? 0;
  return Math.max(
    0,
    ...candidates.split(' | ').map((part) => Math.min(...part.replace(/[()]/g, '').split(' & ').map(df))),
  );
}

export async function searchListings(ctx: AuthedContext, { q, top, ...filter }: ListingSearchQuery) {
  const { words, prefixes } = wordsOfQuery(q);
  const counts = tableFrequencies(ctx.deps);
  const candidates = candidateQuery(words, wordWeight, counts);
  const rows = await rankListings(ctx.db, ctx.actor, {
    words,
    weights: Object.fromEntries(words.map((w) => [w, wordWeight(w)])),
    candidates,
    // A typo's listings come in by trigram similarity, unless the words already bring plenty (the cost is per title).
    fuzzyCandidates: candidatesAtLeast(candidates, counts) < PLENTY,
    prefixes,
    fuzzy: q,
    filter: { ...filter, valid: filter.valid ?? true },
    today: chinaToday(),
    top,
  });
  return { rows, words: [...words, ...prefixes] };
}

const complement = (kind: ListingKind): ListingKind => (kind === 'need' ? 'offer' : 'need');

/**
 * Region code prefixes of the side of the listing's pairing opposite the listing's own region (none if its region is
 * on neither side): 浙江 (33) for a listing in 长春 of 吉林—浙江.
 */
async function counterpartPrefixes(ctx: AuthedContext, pairingId: string, regionCode: string): Promise<string[]> {
  const sides = (await pairingSides(ctx.db, pairingId)).map((s) => ({
    side: s.side,
    prefix: s.region_code.replace(/0+$/, ''),
  }));
  const own = sides.find((s) => regionCode.startsWith(s.prefix))?.side;
  return own ? sides.filter((s) => s.side !== own).map((s) => s.prefix) : [];
}

/**
 * The listings of the complementary type that best answer this one: its key words (TF-IDF), its industry (same 大类,
 * same 门类), category, whether the other's region is on the other side of its pairing, freshness; expired ones
 * and unpublished ones never. Opening the matches is counted (per pairing and year).
 */
export async function matchListing(ctx: AuthedContext, id: string, top: number) {
  const source = await listingDetail(ctx, id);
  const keys = keyWords([source.title, source.title, source.description, source.tags.join(' ')].join('\n'), 12);
  const words = keys.map((k) => k.word);
  const division = source.industryDivision ? industries().division(source.industryDivision) : undefined;
  const sectionDivisions = division
    ? (industries()
        .section(division.sectionCode)
        ?.divisions.map((d) => d.code)
        .filter((c) => c !== division.code) ?? [])
    : [];
  const rows = await rankListings(ctx.db, ctx.actor, {
    words,
    weights: Object.fromEntries(keys.map((k) => [k.word, k.weight])),
    prefixes: [],
    kind: complement(source.kind),
    excludeId: source.id,
    industryDivision: source.industryDivision,
    sectionDivisions,
    category: source.category,
    counterpartPrefixes: await counterpartPrefixes(ctx, source.pairingId, source.regionCode),
    candidates: candidateQuery(words, (w) => keys.find((k) => k.word === w)?.weight ?? 0, tableFrequencies(ctx.deps)),
    filter: {},
    today: chinaToday(),
    top,
  });
  // Views by people are counted; the command line's (the system user, evaluation runs) are not.
  if (ctx.actor.userId !== SYSTEM_USER_ID)
    await recordMatchView(ctx.db, {
      listingId: source.id,
      pairingId: source.pairingId,
      organisationId: ctx.actor.organisationId,
    });
  return { source, rows, words };
}
