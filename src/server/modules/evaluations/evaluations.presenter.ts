import type {
  LatestRanking,
  RankingRow,
  RoundDetail,
  RoundSummary,
  SubjectView,
} from '../../../common/api/evaluations.ts';
import type { FrozenValue } from '../../../common/api/evaluations.ts';
import type { AttachmentRow } from '../../kernel/attachments/attachments.repository.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import type { IndicatorRow } from '../indicators/indicators.service.ts';
import type { RoundRow, SubjectRow } from './evaluations.service.ts';

type Found = { round: RoundRow; subjectCount: number; submittedCount: number };

const num = (v: string | null) => (v === null ? null : Number(v));

export function presentRoundSummary({ round, subjectCount, submittedCount }: Found): RoundSummary {
  return {
    id: round.id,
    year: round.year,
    title: round.title,
    state: round.state,
    sides: round.sides,
    selfDeadline: round.selfDeadline,
    subjectCount,
    submittedCount,
    closedAt: round.closedAt?.toISOString() ?? null,
    publishedAt: round.publishedAt?.toISOString() ?? null,
  };
}

function scoreFields(s: SubjectRow, finalScore: number | null) {
  return {
    score: num(s.score),
    adjustedScore: num(s.adjustedScore),
    adjustReason: s.adjustReason,
    finalScore,
    rank: s.rank,
    grade: s.grade,
  };
}

function presentRanking(r: { row: SubjectRow; finalScore: number | null }): RankingRow {
  return {
    subjectId: r.row.id,
    pairingId: r.row.pairingId,
    pairingName: r.row.pairingName,
    side: r.row.side,
    ...scoreFields(r.row, r.finalScore),
  };
}

const byRank = (a: RankingRow, b: RankingRow) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
  a.pairingName.localeCompare(b.pairingName);

/** Now against frozen: "changed" where the records moved after the round froze the value. */
function presentValue(now: FrozenValue, frozen: FrozenValue | undefined) {
  return {
    indicatorId: now.indicatorId,
    now: {
      value: now.value,
      numerator: now.numerator,
      denominator: now.denominator,
      target: now.target,
      score: now.score,
    },
    frozen: frozen ?? null,
    changed: Boolean(frozen && (frozen.numerator !== now.numerator || frozen.denominator !== now.denominator)),
  };
}

interface DetailInput extends Found {
  indicators: IndicatorRow[];
  subjects: {
    row: SubjectRow;
    finalScore: number | null;
    live: FrozenValue[];
    awards: {
      id: string;
      kind: 'praise' | 'rectification';
      text: string;
      trackedItemId: string | null;
      createdAt: Date;
    }[];
    attachments: AttachmentRow[];
    can: { selfAssess: boolean };
  }[];
  ranking: { row: SubjectRow; finalScore: number | null }[];
  can: RoundDetail['can'];
}

export function presentRoundDetail(d: DetailInput): RoundDetail {
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  return {
    ...presentRoundSummary(d),
    version: d.round.version,
    indicators: d.round.indicators.map((ri) => {
      const ind = inds.get(ri.indicatorId)!;
      return {
        indicatorId: ri.indicatorId,
        code: ind.code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unit: ind.unit,
        weight: ri.weight,
        rule: ri.rule,
        target: ri.target ?? null,
      };
    }),
    gradeScale: d.round.gradeScale,
    subjects: d.subjects.map(
      (s): SubjectView => ({
        id: s.row.id,
        pairingId: s.row.pairingId,
        pairingName: s.row.pairingName,
        side: s.row.side,
        narrative: s.row.narrative,
        submittedAt: s.row.submittedAt?.toISOString() ?? null,
        version: s.row.version,
        values: s.live.map((v) =>
          presentValue(
            v,
            s.row.frozen?.find((f) => f.indicatorId === v.indicatorId),
          ),
        ),
        awards: s.awards.map((a) => ({
          id: a.id,
          kind: a.kind,
          text: a.text,
          trackedItemId: a.trackedItemId,
          createdAt: a.createdAt.toISOString(),
        })),
        attachments: s.attachments.map(presentAttachment),
        can: s.can,
        ...scoreFields(s.row, s.finalScore),
      }),
    ),
    ranking: d.ranking.map(presentRanking).sort(byRank),
    can: d.can,
  };
}

export function presentLatestRanking(d: {
  round: Found | null;
  ranking: { row: SubjectRow; finalScore: number | null }[];
}): LatestRanking {
  return { round: d.round ? presentRoundSummary(d.round) : null, ranking: d.ranking.map(presentRanking).sort(byRank) };
}
