import type { StatementResponse } from '../../../common/api/parks.ts';
import { formatPercent } from '../../../common/money/share.ts';
import { bilingual } from '../../http/app-error.ts';
import type { Statement } from './sharing-statement.ts';
import { yuanText } from './sharing-codec.ts';

export function presentStatement(agreementId: string, title: string, s: Statement): StatementResponse {
  return {
    agreementId,
    title,
    year: s.year,
    asOf: s.asOf,
    rounding: bilingual('domain.sharingRounding').message,
    parties: s.parties.map((p) => ({
      key: p.key,
      name: p.name,
      byFigure: Object.fromEntries(Object.entries(p.byFigure).map(([f, v]) => [f, yuanText(v)])),
      taxTotal: yuanText(p.taxTotal),
    })),
    figures: s.figures.map((f) => ({
      figure: f.figure,
      total: yuanText(f.total),
      shared: yuanText(f.shared),
      notShared: yuanText(f.notShared),
      unallocated: yuanText(f.unallocated),
      parts: f.parts.map(yuanText),
      groups: f.groups.map((g) => ({
        from: g.from,
        to: g.to,
        shares: g.shares.map(formatPercent),
        base: yuanText(g.base),
        parts: g.parts.map(yuanText),
        entryCount: g.entryCount,
      })),
    })),
    entryCount: s.entryCount,
    correctionCount: s.correctionCount,
  };
}
