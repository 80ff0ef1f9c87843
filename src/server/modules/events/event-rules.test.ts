import { describe, it, expect } from 'vitest';
import { checkEvent, checkAgreement, projectFromAgreement } from './event-rules.ts';
import { replay } from '../projects/stage-machine.ts';
import { wan } from '../../../common/money/money.ts';

const codes = (p: { field: string; code: string }[]) => p.map((x) => `${x.field}:${x.code}`);
const event = {
  id: 'ev1',
  title: '2024浙商吉林行',
  startsOn: '2024-06-18',
  endsOn: '2024-06-20',
  enterpriseCount: 56,
  enterprises: ['浙江甲公司', '浙江乙公司'],
};
const agreement = {
  title: '智能装备产业园项目',
  parties: ['浙江甲公司', '长春市人民政府'],
  signedOn: '2024-06-19',
  amount: wan('150000'),
  plannedInvestment: wan('160000'),
};

describe('events and agreements signed there', () => {
  it('keeps event dates in order and the head count at least the enterprises named', () => {
    expect(checkEvent(event)).toEqual([]);
    expect(codes(checkEvent({ ...event, endsOn: '2024-06-17' }))).toEqual(['endsOn:date_order']);
    expect(codes(checkEvent({ ...event, enterpriseCount: 1 }))).toEqual([
      'enterpriseCount:enterprise_count_below_list',
    ]);
  });

  it('refuses a negative amount, too few parties and a signing date outside the event', () => {
    expect(checkAgreement(event, agreement, '2026-01-01')).toEqual([]);
    expect(
      codes(
        checkAgreement(
          event,
          { ...agreement, amount: -1n, parties: ['浙江甲公司'], signedOn: '2024-06-21' },
          '2026-01-01',
        ),
      ),
    ).toEqual(['parties:parties_min', 'amount:negative_amount', 'signedOn:signed_outside_event']);
  });

  it('turns an agreement into a project in stage 签约 with its figures, linked to the event', () => {
    const p = projectFromAgreement(event, agreement);
    expect(p).toMatchObject({
      title: '智能装备产业园项目',
      investor: '浙江甲公司',
      stage: 'signed',
      eventId: 'ev1',
      figuresPeriod: { year: 2024, month: 6 },
    });
    expect(p.figures).toEqual({ signed: wan('150000'), planned: wan('160000') });
    const r = replay(p.moves, '2026-01-01');
    expect(r.ok && r.state.stage).toBe('signed');
  });
});
