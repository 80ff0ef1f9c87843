import type { EventDetail } from '../../../common/api/events.ts';
import { canonicalWan } from '../../../common/money/money.ts';
import type { EventDetailRows, EventSummaryRow } from './events.repository.ts';
import { dateString } from '../../kernel/dates.ts';

const money = canonicalWan;

export function presentEventSummary(r: EventSummaryRow) {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    kind: r.kind,
    title: r.title,
    startsOn: dateString(r.startsOn)!,
    endsOn: dateString(r.endsOn)!,
    place: r.place,
    enterpriseCount: r.enterpriseCount,
    agreementCount: r.agreementCount,
    agreedAmount: money(r.agreedAmount),
    isDemo: r.isDemo,
  };
}

export function presentEventDetail({ summary, row, agreements }: EventDetailRows): EventDetail {
  return {
    ...presentEventSummary(summary),
    organisersA: row.organisersA,
    organisersB: row.organisersB,
    enterprises: row.enterprises,
    note: row.note,
    agreements: agreements.map((a) => ({
      id: a.id,
      title: a.title,
      parties: a.parties,
      signedOn: dateString(a.signedOn)!,
      amount: money(a.amountWan),
      plannedInvestment: a.plannedInvestmentWan === null ? null : money(a.plannedInvestmentWan),
      projectId: a.projectId,
      isDemo: a.isDemo,
    })),
    version: row.version,
  };
}
