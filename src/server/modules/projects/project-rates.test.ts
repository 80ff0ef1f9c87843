import { describe, it, expect } from 'vitest';
import { funnel, moneyByStage, rates, ratesBy, type ProjectFacts } from './project-rates.ts';
import { wan } from '../../../common/money/money.ts';

const p = (
  stage: ProjectFacts['stage'],
  furthest: ProjectFacts['furthest'],
  signed: string,
  arrived: string,
  extra: { side?: string } = {},
) => ({
  stage,
  furthest,
  figures: { signed: wan(signed), planned: wan(signed), arrived: wan(arrived), completed: 0n },
  side: extra.side ?? 'a',
});

describe('dashboard figures', () => {
  const projects = [
    p('planning', 'planning', '0', '0'),
    p('signed', 'signed', '1000', '100'),
    p('started', 'started', '2000', '1500', { side: 'b' }),
    p('producing', 'producing', '3000', '3000'),
    p('paused', 'sited', '500', '0', { side: 'b' }),
    p('terminated', 'started', '1500', '400'),
  ];

  it('counts the funnel by the furthest stage reached, and the current stages', () => {
    const f = funnel(projects);
    expect(f.reached).toEqual({ planning: 6, signed: 5, sited: 4, started: 3, producing: 1 });
    expect(f.current).toEqual({ planning: 1, signed: 1, sited: 0, started: 1, producing: 1, paused: 1, terminated: 1 });
  });

  it('sums each money figure by stage, never one into another', () => {
    const m = moneyByStage(projects);
    expect(m.started).toEqual({ signed: wan('2000'), planned: wan('2000'), arrived: wan('1500'), completed: 0n });
    expect(m.paused.signed).toBe(wan('500'));
  });

  it('computes 到位率, 开工率 and 投产率 over signed projects (hand-checked)', () => {
    // Signed: 5 projects, 签约额 8000, 到位资金 5000 → 62.50 %; reached 开工: 3 → 60.00 %; 投产: 1 → 20.00 %.
    expect(rates(projects)).toEqual({
      signedProjects: 5,
      startedProjects: 3,
      producingProjects: 1,
      signedAmount: wan('8000'),
      arrivedFunds: wan('5000'),
      arrivalRate: '62.50',
      startRate: '60.00',
      productionRate: '20.00',
    });
    expect(rates([p('planning', 'planning', '0', '0')])).toMatchObject({
      arrivalRate: null,
      startRate: null,
      productionRate: null,
    });
  });

  it('groups rates by a key', () => {
    const bySide = ratesBy(projects, (x) => x.side);
    expect(bySide.get('b')).toMatchObject({ signedProjects: 2, arrivalRate: '60.00', startRate: '50.00' });
  });
});
