import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { Fen } from '../../../common/money/money.ts';
import type { StageMove } from '../projects/stage-machine.ts';

export interface EventFacts {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  /** 参会企业数: may be more than the enterprises named. */
  enterpriseCount: number | null;
  enterprises: string[];
}

export interface AgreementFacts {
  title: string;
  /** The investing party first, then the others (host government, park…). */
  parties: string[];
  signedOn: string;
  /** 签约额 in fen. */
  amount: Fen;
  plannedInvestment?: Fen | null;
}

/** An event's own rules: dates in order, and a head count not below the enterprises it names. */
export function checkEvent(e: Omit<EventFacts, 'id' | 'title'>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (e.endsOn < e.startsOn) problems.push(fieldError('endsOn', 'date_order'));
  if (e.enterpriseCount !== null && e.enterpriseCount < 0)
    problems.push(fieldError('enterpriseCount', 'too_small', { min: 0 }));
  if (e.enterpriseCount !== null && e.enterpriseCount < new Set(e.enterprises).size) {
    problems.push(
      fieldError('enterpriseCount', 'enterprise_count_below_list', { listed: new Set(e.enterprises).size }),
    );
  }
  return problems;
}

/**
 * An agreement signed at an event: at least two parties, an amount that is not negative, a planned investment
 * not below nothing, and a signing date within the event's dates (an agreement signed later belongs to the
 * project, not the event).
 */
export function checkAgreement(
  event: Pick<EventFacts, 'startsOn' | 'endsOn'>,
  a: AgreementFacts,
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (a.parties.length < 2) problems.push(fieldError('parties', 'parties_min', { min: 2 }));
  if (a.amount < 0n) problems.push(fieldError('amount', 'negative_amount'));
  if (a.plannedInvestment != null && a.plannedInvestment < 0n)
    problems.push(fieldError('plannedInvestment', 'negative_amount'));
  if (a.signedOn < event.startsOn || a.signedOn > event.endsOn) {
    problems.push(fieldError('signedOn', 'signed_outside_event', { startsOn: event.startsOn, endsOn: event.endsOn }));
  }
  if (a.signedOn > today) problems.push(fieldError('signedOn', 'date_in_future'));
  return problems;
}

/**
 * The project an agreement becomes in one step: stage 签约 on the signing date, 签约额 (and 计划总投资 when the
 * agreement gives it) reported for the signing month, the first party as investor, linked to the event.
 */
export function projectFromAgreement(event: Pick<EventFacts, 'id' | 'title'>, a: AgreementFacts) {
  const [year, month] = a.signedOn.split('-').map(Number) as [number, number];
  const moves: StageMove[] = [{ to: 'signed', on: a.signedOn, note: `于“${event.title}”签约` }];
  return {
    title: a.title,
    investor: a.parties[0]!,
    stage: 'signed' as const,
    moves,
    figuresPeriod: { year, month },
    figures: { signed: a.amount, planned: a.plannedInvestment ?? null },
    eventId: event.id,
  };
}
