import fs from 'node:fs';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';
import { repoPath } from '../../repo-path.ts';
import { IdfTable } from './idf-table.ts';

/**
 * Chinese word segmentation for listings (neither PGlite nor PostgreSQL 15 has a Chinese parser): jieba with the
 * domain's terms and the programme's place names (resources/listings/user-dict.txt), search mode (吉林大米 also
 * gives 吉林 and 大米), and synonym groups (resources/listings/synonyms.txt) folded onto one word, on the stored
 * text and on queries alike, so 冷链 finds 低温物流.
 */
interface Words {
  jieba: Jieba;
  canonical: Map<string, string>;
  /** Place names of the user dictionary (tag ns): too common among listings to choose candidates alone. */
  places: Set<string>;
}

/** What a word jieba's corpus never saw weighs: the table's mean (such words are mostly specific terms). */
const UNSEEN_IDF = 11.7;

/**
 * Loading jieba's dictionaries takes seconds (its 5 MB dictionary, the 6 MB idf table for TF-IDF and the idf of each
 * word as a table), so the server loads them in the background at start (`warmSegmenter`) and no request waits for
 * them; each part is still loaded on first use where nothing warmed it (commands, tests).
 */
let words: Words | undefined;
let tfidf: TfIdf | undefined;
let idfTable: IdfTable | undefined;

function wordsOf(): Words {
  if (words) return words;
  const jieba = Jieba.withDict(dict);
  const userDict = fs.readFileSync(repoPath('resources', 'listings', 'user-dict.txt'));
  jieba.loadDict(userDict);
  const places = new Set(
    userDict
      .toString('utf8')
      .split('\n')
      .filter((l) => l.endsWith(' ns'))
      .map((l) => l.split(' ')[0]!),
  );
  const canonical = new Map<string, string>();
  const groups = fs.readFileSync(repoPath('resources', 'listings', 'synonyms.txt'), 'utf8').split('\n');
  for (const line of groups) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [head, ...rest] = line.trim().split(/\s+/);
    for (const word of rest) canonical.set(word, head!);
  }
  // Synonyms must come out of jieba whole, or they could never be folded.
  jieba.loadDict(Buffer.from([...canonical.keys()].map((w) => `${w} 500 n`).join('\n')));
  words = { jieba, canonical, places };
  return words;
}

const tfidfOf = () => (tfidf ??= TfIdf.withDict(idf));

function idfOf(): IdfTable {
  idfTable ??= new IdfTable(idf).read(Number.POSITIVE_INFINITY);
  return idfTable;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads the dictionaries part by part, letting requests in between (the idf table in slices of 20,000 words), so the
 * first search or listing after a start does not pay the load. A part already loaded on first use is not redone.
 */
export async function warmSegmenter(): Promise<void> {
  await nextTurn();
  wordsOf();
  await nextTurn();
  tfidfOf();
  await nextTurn();
  if (idfTable) return;
  const table = new IdfTable(idf);
  for (; !table.complete && !idfTable; await nextTurn()) table.read(20_000);
  idfTable ??= table;
}

/** Words that carry no meaning for matching (particles, the listing genre's own words). */
const STOP = new Set(
  '的 了 和 与 及 或 在 是 为 对 有 等 我 我们 公司 企业 有限公司 有限责任公司 需要 寻求 提供 寻找 希望 可 可以 能 一 个 年 月 日 万 元 进行 相关 以上 以下 左右 方面 一批 开展 优质'.split(
    ' ',
  ),
);

const WORDISH = /[\p{Script=Han}\p{L}\p{N}]/u;

/** The words of a text: segmented for search, lower-cased, stop words and lone Han characters dropped, synonyms folded. */
export function segment(text: string): string[] {
  const { jieba, canonical } = wordsOf();
  const out: string[] = [];
  for (const raw of jieba.cutForSearch(text.normalize('NFKC'), true)) {
    const word = raw.trim().toLowerCase();
    if (!word || !WORDISH.test(word) || STOP.has(word)) continue;
    if (/^\p{Script=Han}$/u.test(word)) continue;
    out.push(canonical.get(word) ?? word);
  }
  return out;
}

/** The stored form: every word once, space-separated (tsvector 'simple' splits on spaces and keeps the words). */
export function termsOf(...texts: (string | null | undefined)[]): string {
  return [...new Set(segment(texts.filter(Boolean).join('\n')))].map(tsSafe).join(' ');
}

/** The distinct words of a query, safe to put into a tsquery. */
export function queryWords(text: string): string[] {
  return [...new Set(segment(text).map(tsSafe))].filter(Boolean);
}

/**
 * The words that say most about a listing (TF-IDF over jieba's corpus frequencies), for matching a listing against
 * others: its own long text would otherwise ask for every common word in it.
 */
export function keyWords(text: string, top: number): { word: string; weight: number }[] {
  const { jieba, canonical } = wordsOf();
  const out = new Map<string, number>();
  for (const k of tfidfOf().extractKeywords(jieba, text.normalize('NFKC'), top * 2, [])) {
    const w = k.keyword.toLowerCase();
    if (STOP.has(w) || !WORDISH.test(w) || /^\p{Script=Han}$/u.test(w) || /^\d+$/.test(w)) continue;
    // A keyword is looked for as the stored text was cut (search mode): 红外热 also as 红外.
    for (const word of [tsSafe(canonical.get(w) ?? w), ...segment(w).map(tsSafe)])
      if (word && !out.has(word)) out.set(word, k.weight);
  }
  return [...out].slice(0, top).map(([word, weight]) => ({ word, weight }));
}

/** tsvector/tsquery syntax characters cannot reach the parser: words keep letters, digits and a few joiners. */
function tsSafe(word: string): string {
  return word.replace(/[^\p{L}\p{N}._-]/gu, '');
}

/** How much a word says (its inverse document frequency in jieba's corpus): 吉林大米 more than 大米, 大米 than 吉林. */
export function wordWeight(word: string): number {
  return idfOf().get(word) ?? UNSEEN_IDF;
}

/** Whether a word is one of the programme's place names (长春, 杭州…). */
export const isPlaceName = (word: string) => wordsOf().places.has(word);
