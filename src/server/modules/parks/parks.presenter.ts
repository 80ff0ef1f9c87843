import { TAX_FIGURES, type ParkDetail } from '../../../common/api/parks.ts';
import { industries } from '../../kernel/industries.ts';
import type { LedgerRow, ParkDetailRows, ParkSummaryRow } from './parks.repository.ts';
import { showShares, loadEntry, yuanText, type StoredTerm } from './sharing-codec.ts';
import { entriesAsOf } from './park-ledger.ts';
import { dateString as day } from '../../kernel/dates.ts';

export function presentParkSummary(r: ParkSummaryRow) {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    name: r.name,
    type: r.type,
    hostRegion: { code: r.hostRegionCode, name: r.hostRegionName },
    partnerRegion: r.partnerRegionCode
      ? { code: r.partnerRegionCode, name: r.partnerRegionName ?? r.partnerRegionCode }
      : null,
    mainPark: r.mainParkId ? { id: r.mainParkId, name: r.mainParkName ?? '' } : null,
    branchCount: r.branchCount,
    enterpriseCount: r.enterpriseCount,
    areaKm2: r.areaKm2 === null ? null : r.areaKm2.replace(/\.?0+$/, ''),
    isDemo: r.isDemo,
  };
}

export function presentParkDetail({ summary, row, branches, enterprises, agreements }: ParkDetailRows): ParkDetail {
  return {
    ...presentParkSummary(summary),
    focusIndustries: row.focusIndustries.map((code) => ({ code, name: industries().division(code)?.name ?? code })),
    operator: row.operator,
    operatorTeamFrom: row.operatorTeamFrom,
    establishedOn: day(row.establishedOn),
    note: row.note,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publicSummary: row.publicSummary,
    branches,
    enterprises: enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      industryDivision: e.industryDivision,
      settledOn: day(e.settledOn),
      isDemo: e.isDemo,
    })),
    agreements: agreements.map((a) => ({
      id: a.id,
      title: a.title,
      startsOn: day(a.startsOn)!,
      endsOn: day(a.endsOn),
      parties: a.parties as ParkDetail['agreements'][number]['parties'],
      terms: (a.terms as StoredTerm[]).map((t) => ({
        figures: t.figures,
        from: t.from,
        to: t.to,
        shares: showShares(t.shares),
      })),
      costShares: a.costShares ? showShares(a.costShares as Record<string, string>) : null,
      isDemo: a.isDemo,
    })),
    version: row.version,
  };
}

/**
 * The ledger's entries, each saying whether a later correction superseded it, and, for one year, each
 * enterprise's taxes, output and GDP from the entries in force, added exactly in fen.
 */
export function presentLedger(rows: LedgerRow[], years: number[], oneYear: boolean) {
  const superseded = new Set(rows.map((r) => r.entry.supersedesId).filter(Boolean));
  const totals = new Map<string, { tax: bigint; output: bigint; gdp: bigint; entryCount: number }>();
  if (oneYear) {
    for (const e of entriesAsOf(
      rows.map((r) => loadEntry(r.entry)),
      '9999-12-31T23:59:59Z',
    )) {
      const t = totals.get(e.enterpriseId) ?? { tax: 0n, output: 0n, gdp: 0n, entryCount: 0 };
      if (TAX_FIGURES.includes(e.figure)) t.tax += e.amount;
      else if (e.figure === 'output') t.output += e.amount;
      else t.gdp += e.amount;
      t.entryCount += 1;
      totals.set(e.enterpriseId, t);
    }
  }
  return {
    items: rows.map(({ entry: e, enterpriseName }) => ({
      id: e.id,
      enterpriseId: e.enterpriseId,
      enterpriseName,
      figure: e.figure,
      period: { year: e.periodYear, month: e.periodMonth },
      amount: e.amountYuan,
      supersedesId: e.supersedesId,
      superseded: superseded.has(e.id),
      recordedAt: e.recordedAt.toISOString(),
      isDemo: e.isDemo,
    })),
    years,
    enterpriseTotals: [...totals].map(([enterpriseId, t]) => ({
      enterpriseId,
      tax: yuanText(t.tax),
      output: yuanText(t.output),
      gdp: yuanText(t.gdp),
      entryCount: t.entryCount,
    })),
  };
}
