import type { PublishedFigure } from '../../../common/api/published-figures.ts';
import { dateString } from '../dates.ts';
import { decimalString } from '../decimal.ts';
import type { PublishedFigureRow } from './published-figures.repository.ts';

export function presentPublishedFigure(r: PublishedFigureRow): PublishedFigure {
  return {
    id: r.id,
    topic: r.topic,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    side: r.side,
    year: r.year,
    label: r.label,
    value: decimalString(r.value)!,
    unit: r.unit,
    sourceTitle: r.sourceTitle,
    sourceDate: dateString(r.sourceDate)!,
    sourceLink: r.sourceLink,
    note: r.note,
    isDemo: r.isDemo,
    recordedBy: r.recordedByName,
    recordedAt: r.recordedAt.toISOString(),
  };
}
