import fs from 'node:fs';
import type { AuthedContext } from '../../http/context.ts';
import { repoPath } from '../../repo-path.ts';
import { importListingFile } from './listing-import.service.ts';
import { parseCsv } from './listing-sheet.ts';
import { matchListing, searchListings } from './listing-ranking.service.ts';
import { resolveListing } from './listing-reading.service.ts';
import { refreshWordFrequencies } from './listing-word-frequencies.ts';

/**
 * Search quality measured, not assumed: the labelled set in resources/listings/quality (a corpus of listings in the
 * import sheet's own format, and graded queries: searches and listings to match), nDCG@10 and Recall@20 of the
 * engine and of a plain lexical baseline (character-bigram overlap), used by `npm run bench` and a test.
 */
export interface LabelledQuery {
  id: string;
  kind: 'search' | 'match';
  query: string;
  type?: '供给' | '需求';
  relevant: Record<string, number>;
}

const QUALITY_DIR = () => repoPath('resources', 'listings', 'quality');

export function labelledSet() {
  const corpus = fs.readFileSync(`${QUALITY_DIR()}/corpus.csv`);
  const { queries } = JSON.parse(fs.readFileSync(`${QUALITY_DIR()}/queries.json`, 'utf8')) as {
    queries: LabelledQuery[];
  };
  return { corpus, queries };
}

/** nDCG@k with gains 2^grade − 1 and the ideal order of every graded listing. */
export function ndcgAt(k: number, ranked: string[], relevant: Record<string, number>): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a));
  return ideal ? dcg(ranked.map((r) => relevant[r] ?? 0)) / ideal : 0;
}

/** The share of the listings graded above 0 that come up in the first k. */
export function recallAt(k: number, ranked: string[], relevant: Record<string, number>): number {
  const wanted = Object.entries(relevant).filter(([, g]) => g > 0);
  if (!wanted.length) return 0;
  const top = new Set(ranked.slice(0, k));
  return wanted.filter(([r]) => top.has(r)).length / wanted.length;
}

interface CorpusRow {
  ref: string;
  kind: string;
  text: string;
}

function corpusRows(csv: Buffer): CorpusRow[] {
  const [head, ...rows] = parseCsv(csv.toString('utf8'));
  const at = (name: string) => head!.indexOf(name);
  return rows
    .filter((r) => r.length > 1)
    .map((r) => ({
      ref: r[at('编号')]!,
      kind: r[at('类型')]!,
      text: [r[at('标题')], r[at('描述')], r[at('标签')], r[at('机构')]].join(' '),
    }));
}

const bigrams = (text: string) => {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, '')];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
};

/**
 * The baseline: listings ranked by how many of the query's character bigrams they contain, over the square root of
 * their own bigram count (so long texts do not win by length); a one-character query by that character.
 */
export function bigramRanking(rows: CorpusRow[], query: string, opts: { kind?: string; exclude?: string } = {}) {
  const q = bigrams(query);
  return rows
    .filter((r) => (!opts.kind || r.kind === opts.kind) && r.ref !== opts.exclude)
    .map((r) => {
      const d = bigrams(r.text);
      let shared = 0;
      for (const g of q) if (d.has(g)) shared++;
      return { ref: r.ref, score: shared / Math.sqrt(d.size || 1) };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref))
    .map((r) => r.ref);
}

export interface QualityFigures {
  queries: number;
  engine: { ndcg10: number; recall20: number };
  baseline: { ndcg10: number; recall20: number };
  perQuery: { id: string; engineNdcg: number; baselineNdcg: number; engineRecall: number; baselineRecall: number }[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const TYPE: Record<string, 'offer' | 'need'> = { 供给: 'offer', 需求: 'need' };

/** Loads the corpus (through the sheet import, as an office would) and scores every labelled query both ways. */
export async function measureQuality(ctx: AuthedContext, opts: { loaded?: boolean } = {}): Promise<QualityFigures> {
  const { corpus, queries } = labelledSet();
  if (!opts.loaded) await importListingFile(ctx, corpus, 'quality-corpus.csv', {});
  // Measured with the table's own word counts, as a running server ranks once they are in.
  await refreshWordFrequencies(ctx.deps);
  const rows = corpusRows(corpus);
  const perQuery = [];
  for (const q of queries) {
    let engine: string[];
    let baseline: string[];
    if (q.kind === 'search') {
      const { rows: found } = await searchListings(ctx, {
        q: q.query,
        top: 20,
        kind: q.type ? TYPE[q.type] : undefined,
      });
      engine = found.map((r) => r.ref ?? r.id);
      baseline = bigramRanking(rows, q.query, { kind: q.type });
    } else {
      const source = rows.find((r) => r.ref === q.query)!;
      const { rows: found } = await matchListing(ctx, await resolveListing(ctx, q.query), 20);
      engine = found.map((r) => r.ref ?? r.id);
      baseline = bigramRanking(rows, source.text, {
        kind: source.kind === '供给' ? '需求' : '供给',
        exclude: source.ref,
      });
    }
    perQuery.push({
      id: q.id,
      engineNdcg: ndcgAt(10, engine, q.relevant),
      baselineNdcg: ndcgAt(10, baseline, q.relevant),
      engineRecall: recallAt(20, engine, q.relevant),
      baselineRecall: recallAt(20, baseline, q.relevant),
    });
  }
  return {
    queries: queries.length,
    engine: { ndcg10: mean(perQuery.map((p) => p.engineNdcg)), recall20: mean(perQuery.map((p) => p.engineRecall)) },
    baseline: {
      ndcg10: mean(perQuery.map((p) => p.baselineNdcg)),
      recall20: mean(perQuery.map((p) => p.baselineRecall)),
    },
    perQuery,
  };
}
