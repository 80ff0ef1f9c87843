import type { ListingKind } from '../../../common/api/enums.ts';
import type { MatchReason, ScoreParts } from '../../../common/api/listings.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { industries } from '../../kernel/industries.ts';
import { MATCH_WEIGHTS } from './listing-score.ts';

/** What a ranked row brings to its reasons: its stored words, its score parts, and what it is. */
export interface ReasonInput {
  terms: string;
  kind: ListingKind;
  industryDivision: string | null;
  regionName: string;
  validUntil: string | null;
  textPart: number;
  fuzzyPart: number;
  industryPart: number;
  categoryPart: number;
  pairingPart: number;
  freshnessPart: number;
}

/** What the ranking was asked for: the words looked for, and for a match the listing matched and its pairing. */
export interface ReasonContext {
  words: string[];
  match?: { kind: ListingKind; pairingName: string };
}

const reason = (code: string, params: Record<string, string | number> = {}): MatchReason => ({
  code,
  params,
  zh: translate('zh-CN', `domain.listingReasons.${code}`, params),
  en: translate('en', `domain.listingReasons.${code}`, params),
});

/** The score parts as they count in the score (each part times its weight), rounded for reading. */
export function scorePartsOf(r: ReasonInput): ScoreParts {
  const w = MATCH_WEIGHTS;
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    text: round(w.text * Math.min(1, Math.max(r.textPart, r.fuzzyPart))),
    industry: round(w.industry * r.industryPart),
    category: round(w.category * r.categoryPart),
    pairing: round(w.pairing * r.pairingPart),
    freshness: round(w.freshness * r.freshnessPart),
  };
}

/** Why a listing came up, in words: the matched terms, shared industry, counterpart region, type, validity. */
export function reasonsFor(r: ReasonInput, ctx: ReasonContext): MatchReason[] {
  const out: MatchReason[] = [];
  const stored = new Set(r.terms.split(' '));
  const matched = ctx.words.filter((w) => stored.has(w) || [...stored].some((s) => s.includes(w)));
  if (matched.length) out.push(reason('matchedTerms', { terms: matched.slice(0, 8).join('、') }));
  else if (r.fuzzyPart > 0) out.push(reason('similarTitle', { similarity: Math.round(r.fuzzyPart * 100) }));
  if (r.industryDivision && r.industryPart > 0) {
    const division = industries().division(r.industryDivision);
    if (r.industryPart >= 1) out.push(reason('sameDivision', { name: division?.name ?? r.industryDivision }));
    else {
      const section = division ? industries().section(division.sectionCode) : undefined;
      out.push(reason('sameSection', { name: section?.name ?? r.industryDivision }));
    }
  }
  if (ctx.match) {
    out.push(reason(ctx.match.kind === 'need' ? 'complementaryOffer' : 'complementaryNeed'));
    if (r.categoryPart > 0) out.push(reason('sameCategory'));
    if (r.pairingPart > 0)
      out.push(reason('counterpartRegion', { region: r.regionName, pairing: ctx.match.pairingName }));
  }
  out.push(r.validUntil ? reason('validUntil', { date: r.validUntil }) : reason('noExpiry'));
  return out;
}
