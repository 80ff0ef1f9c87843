/**
 * Listings (issue 16) on one engine, in process through the same services the routes call (node-postgres to the
 * PGlite worker's socket, or to PostgreSQL): the labelled set's quality (nDCG@10, Recall@20, engine and bigram
 * baseline), then 200,000 synthetic listings (is_synthetic, organisation names marked 合成; words drawn from jieba's
 * dictionary with a skew, and the programme's subjects), top-20 matches of a
 * listing and searches with filters (p50/p95 of one at a time), and the import of a 10,000-row sheet.
 * Alone: `npx tsx bench/listings.ts [pglite|postgres URL]`.
 */
import { randomUUID } from 'node:crypto';
import { dict } from '@node-rs/jieba/dict';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { LISTING_CATEGORIES } from '../src/common/api/enums.ts';
import type { AppDeps } from '../src/server/http/context.ts';
import { withAppDeps } from '../src/server/cli-support.ts';
import { systemContext } from '../src/server/http/system-actor.ts';
import { importListingFile } from '../src/server/modules/listings/listing-import.service.ts';
import {
  insertListings,
  operatorOrganisationId,
  topPairingRegions,
} from '../src/server/modules/listings/listings.repository.ts';
import { sealContact } from '../src/server/modules/listings/listing-contact-cipher.ts';
import { listingTerms } from '../src/server/modules/listings/listing-publishing.service.ts';
import { matchListing, searchListings } from '../src/server/modules/listings/listing-ranking.service.ts';
import { refreshWordFrequencies } from '../src/server/modules/listings/listing-word-frequencies.ts';
import { measureQuality, type QualityFigures } from '../src/server/modules/listings/search-quality.ts';
import { serverEnv, type Target } from './lib/duikou-server.ts';
import { scaled } from './lib/scale.ts';
import { median, percentile } from './lib/stats.ts';

export interface ListingsResult {
  engine: Target['engine'];
  quality: Omit<QualityFigures, 'perQuery'>;
  synthetic: number;
  loadS: number;
  /** The table's word counts, made in the background at start (the rankings before use jieba's idf). */
  wordCountsS: number;
  match: { p50: number; p95: number; runs: number };
  search: { p50: number; p95: number; runs: number; filters: string };
  import10k: { rows: number; seconds: number };
}

/** A small seeded generator, so both engines get the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SUBJECTS = [
  '吉林大米',
  '粳米',
  '人参',
  '鹿茸',
  '黑木耳',
  '玉米淀粉',
  '冷链物流',
  '冷库仓储',
  '新能源汽车',
  '汽车零部件',
  '动力电池',
  '碳纤维',
  '数控机床',
  '加工中心',
  '工业互联网',
  '软件开发',
  '生物医药',
  '医疗器械',
  '疫苗',
  '红外探测器',
  '光电信息',
  '冰雪旅游',
  '滑雪装备',
  '康养旅游',
  '直播带货',
  '跨境电商',
  '标准厂房',
  '工业用地',
  '产业基金',
  '供应链金融',
  '氢燃料电池',
  '轨道客车',
  '农产品',
  '绿色食品',
  '杂粮',
  '海鲜',
  '茶叶',
  '丝绸',
  '小商品',
  '纺织面料',
];
const ACTIONS = ['供应', '采购', '寻求合作', '招商', '转让', '批发', '定制', '代理', '租赁', '引进'];
const QUALIFIERS = ['优质', '长期', '批量', '高端', '绿色', '智能', '定制化', '规模化', '产地直供', '一站式'];
const PLACES = [
  '长春',
  '吉林',
  '延边',
  '通化',
  '白山',
  '松原',
  '杭州',
  '宁波',
  '温州',
  '湖州',
  '沈阳',
  '大连',
  '南京',
  '苏州',
];
const DIVISIONS = [
  '01',
  '13',
  '14',
  '27',
  '34',
  '35',
  '36',
  '38',
  '39',
  '51',
  '54',
  '59',
  '64',
  '65',
  '70',
  '72',
  '89',
];

/**
 * Nouns of jieba's dictionary with middling frequency (7,000 of them), drawn with a skew so that a few are common
 * and most rare, as the words of real offers are; mixed with the programme's own subjects above.
 */
const NOUNS = (() => {
  const words: string[] = [];
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (
      tag === 'n' &&
      word &&
      [...word].length >= 2 &&
      [...word].length <= 4 &&
      Number(freq) >= 200 &&
      Number(freq) <= 5000
    )
      words.push(word);
  }
  return words;
})();

function syntheticListing(r: () => number, n: number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const noun = () => NOUNS[Math.floor(r() ** 2 * NOUNS.length)]!;
  const subject = r() < 0.3 ? pick(SUBJECTS) : noun();
  const other = noun();
  const place = pick(PLACES);
  return {
    kind: r() < 0.5 ? ('offer' as const) : ('need' as const),
    category: pick(LISTING_CATEGORIES),
    title: `${place}${pick(QUALIFIERS)}${subject}${pick(ACTIONS)}`,
    description: `${place}企业${pick(ACTIONS)}${subject}，兼顾${other}和${noun()}，${pick(QUALIFIERS)}服务`,
    tags: [subject, other],
    industryDivision: pick(DIVISIONS),
    organisationName: `（合成）${place}某企业${n % 5000}`,
  };
}

const REGIONS = ['220100', '220200', '222400', '220500', '220600', '220700', '330100', '330200', '330300', '330500'];

/** Loads `count` synthetic listings through the repository's insert, segmented and sealed like real ones. */
async function loadSynthetic(deps: AppDeps, count: number, log: (line: string) => void) {
  const ctx = systemContext(deps, 'bench');
  const owner = await operatorOrganisationId(deps.db);
  if (!owner) throw new Error('no operator organisation (the quality corpus import makes it)');
  const sides = await topPairingRegions(deps.db, null);
  const pairingOf = (code: string) => sides.find((s) => code.startsWith(s.region_code.replace(/0+$/, '')))!.pairing_id;
  const r = rng(16);
  const started = performance.now();
  for (let i = 0; i < count; i += 1000) {
    const batch = [];
    for (let n = i; n < Math.min(count, i + 1000); n++) {
      const l = syntheticListing(r, n);
      const id = randomUUID();
      const regionCode = REGIONS[n % REGIONS.length]!;
      batch.push({
        id,
        ref: `SYN-${n}`,
        source: owner,
        ...l,
        regionCode,
        validUntil: n % 10 === 0 ? '2020-01-01' : '2099-12-31',
        ownerOrganisationId: owner,
        pairingId: pairingOf(regionCode),
        state: 'published' as const,
        contactCipher: sealContact(ctx, id, { name: '合成联系人', phone: '0000-0000000' }),
        terms: listingTerms(l),
        isSynthetic: true,
      });
    }
    await insertListings(deps.db, batch);
    if ((i / 1000) % 20 === 0) log(`    ${i + batch.length} synthetic listings loaded`);
  }
  return (performance.now() - started) / 1000;
}

async function timed<T>(fn: () => Promise<T>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function sheetOf(rows: number) {
  const r = rng(1016);
  const lines = ['编号,类型,类别,标题,描述,地区代码,行业代码,标签,数量,单位,有效期至,联系人,联系电话,机构'];
  const kinds = { offer: '供给', need: '需求' };
  const cats = {
    product: '产品',
    technology: '技术',
    capital: '资本',
    talent: '人才',
    land: '土地空间',
    logistics: '物流',
    service: '服务',
  };
  for (let n = 0; n < rows; n++) {
    const l = syntheticListing(r, n);
    lines.push(
      [
        `IMP-${n}`,
        kinds[l.kind],
        cats[l.category],
        l.title,
        l.description,
        REGIONS[n % REGIONS.length],
        l.industryDivision,
        l.tags.join('、'),
        '100',
        '吨',
        '2099-12-31',
        '合成联系人',
        '0000-0000000',
        l.organisationName,
      ].join(','),
    );
  }
  return Buffer.from(lines.join('\n'));
}

export async function measureListings(target: Target, log: (line: string) => void): Promise<ListingsResult> {
  const count = scaled(200_000, 2000);
  const importRows = scaled(10_000, 500);
  return withAppDeps(serverEnv(target), async (deps) => {
    const ctx = systemContext(deps, 'bench');
    const { perQuery: _per, ...quality } = await measureQuality(ctx);
    log(
      `  quality (${quality.queries} queries): engine nDCG@10 ${quality.engine.ndcg10.toFixed(3)}, Recall@20 ${quality.engine.recall20.toFixed(3)}; bigram baseline ${quality.baseline.ndcg10.toFixed(3)}, ${quality.baseline.recall20.toFixed(3)}`,
    );
    log(`  loading ${count} synthetic listings`);
    const loadS = await loadSynthetic(deps, count, log);
    await deps.db.execute(sql`ANALYZE listings`);
    log(`  loaded in ${loadS.toFixed(1)} s`);
    // A server counts the words in the background at start; here the timings start once the count is in.
    const wordCountsS = (await timed(() => refreshWordFrequencies(deps))) / 1000;
    log(`  word counts (background at start): ${wordCountsS.toFixed(1)} s`);

    const r = rng(7);
    const ids = (
      await deps.db.execute<{ id: string }>(
        sql`SELECT id FROM listings WHERE is_synthetic AND valid_until > now() ORDER BY id LIMIT 2000`,
      )
    ).rows.map((x) => x.id);
    const runs = 60;
    const matchMs: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const id = ids[Math.floor(r() * ids.length)]!;
      const ms = await timed(() => matchListing(ctx, id, 20));
      if (i >= 5) matchMs.push(ms);
    }
    const filters = 'type, category, region (province prefix), industry, valid';
    const searchMs: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const subject = SUBJECTS[Math.floor(r() * SUBJECTS.length)]!;
      const ms = await timed(() =>
        searchListings(ctx, {
          q: `${subject} ${ACTIONS[i % ACTIONS.length]}`,
          top: 20,
          kind: i % 2 ? 'offer' : 'need',
          category: LISTING_CATEGORIES[i % LISTING_CATEGORIES.length],
          regionCode: i % 3 ? '220000' : '330000',
          industryDivision: i % 4 === 0 ? DIVISIONS[i % DIVISIONS.length] : undefined,
          valid: true,
        }),
      );
      if (i >= 5) searchMs.push(ms);
    }
    const match = { p50: median(matchMs), p95: percentile(matchMs, 95), runs };
    const search = { p50: median(searchMs), p95: percentile(searchMs, 95), runs, filters };
    log(`  top-20 match: p50 ${match.p50.toFixed(1)} ms, p95 ${match.p95.toFixed(1)} ms (${runs} listings)`);
    log(`  search with filters: p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms (${runs} queries)`);

    const sheet = sheetOf(importRows);
    const importMs = await timed(() => importListingFile(ctx, sheet, 'bench.csv', { synthetic: true }));
    const import10k = { rows: importRows, seconds: importMs / 1000 };
    log(`  import of ${importRows} rows (CSV): ${import10k.seconds.toFixed(2)} s`);
    return { engine: target.engine, quality, synthetic: count, loadS, wordCountsS, match, search, import10k };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { tempDir, removeDir } = await import('./lib/duikou-server.ts');
  const arg = process.argv[2] ?? 'pglite';
  const dataDir = tempDir('listings');
  try {
    const target: Target =
      arg === 'pglite' ? { engine: 'pglite', dataDir } : { engine: 'postgres', dataDir, databaseUrl: arg };
    const result = await measureListings(target, console.log);
    console.log(JSON.stringify(result));
  } finally {
    removeDir(dataDir);
  }
}
