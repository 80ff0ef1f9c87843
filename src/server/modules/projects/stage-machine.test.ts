import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  applyMove,
  startState,
  replay,
  nextStages,
  reached,
  reachedOn,
  furthestStage,
  movesFromDates,
  type StageState,
} from './stage-machine.ts';
import { PROJECT_STAGES, type ProjectStage } from '../../../common/api/projects.ts';

const TODAY = '2026-06-30';

function run(...moves: [ProjectStage, string][]): StageState {
  const r = replay(
    moves.map(([to, on]) => ({ to, on })),
    TODAY,
  );
  if (!r.ok) throw new Error(`${r.error.field} ${r.error.code}`);
  return r.state;
}

function moveError(state: StageState, to: ProjectStage, on: string) {
  const r = applyMove(state, { to, on }, TODAY);
  return r.ok ? null : { field: r.error.field, code: r.error.code };
}

describe('project stage machine', () => {
  it('runs 谋划 → 签约 → 落位 → 开工 → 投产 with the date of each move', () => {
    const s = run(
      ['planning', '2024-01-05'],
      ['signed', '2024-03-01'],
      ['sited', '2024-05-01'],
      ['started', '2024-08-01'],
      ['producing', '2025-10-01'],
    );
    expect(s.stage).toBe('producing');
    expect(s.history.map((h) => [h.from, h.to, h.on])).toEqual([
      [null, 'planning', '2024-01-05'],
      ['planning', 'signed', '2024-03-01'],
      ['signed', 'sited', '2024-05-01'],
      ['sited', 'started', '2024-08-01'],
      ['started', 'producing', '2025-10-01'],
    ]);
    expect(nextStages(s)).toEqual([]);
  });

  it('starts in 签约 for an agreement signed at an event, and may skip 落位', () => {
    const s = run(['signed', '2024-03-01'], ['started', '2024-04-01']);
    expect(s.stage).toBe('started');
    expect(reached(s.history, 'sited')).toBe(false);
    expect(furthestStage(s.history)).toBe('started');
  });

  it('refuses 开工 before 签约, 投产 before 开工, and any backward move', () => {
    const planning = run(['planning', '2024-01-01']);
    expect(moveError(planning, 'started', '2024-02-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
    expect(moveError(planning, 'sited', '2024-02-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
    expect(moveError(planning, 'producing', '2024-02-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
    const signed = run(['signed', '2024-01-01']);
    expect(moveError(signed, 'producing', '2024-02-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
    expect(moveError(signed, 'planning', '2024-02-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
    const started = run(['signed', '2024-01-01'], ['started', '2024-02-01']);
    expect(moveError(started, 'signed', '2024-03-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
  });

  it('refuses a project that begins past 签约', () => {
    const r = startState({ to: 'started', on: '2024-01-01' }, TODAY);
    expect(r.ok ? null : r.error.code).toBe('illegal_initial_stage');
  });

  it('keeps transition dates in order and out of the future', () => {
    const signed = run(['signed', '2024-03-01']);
    expect(moveError(signed, 'sited', '2024-02-28')).toEqual({ field: 'on', code: 'stage_date_order' });
    expect(moveError(signed, 'sited', '2026-07-01')).toEqual({ field: 'on', code: 'date_in_future' });
    expect(moveError(signed, 'sited', '2024-03-01')).toBeNull(); // the same day is fine
  });

  it('pauses and resumes only to the stage it left', () => {
    const s = run(['signed', '2024-01-01'], ['sited', '2024-02-01'], ['paused', '2024-03-01']);
    expect(s.pausedFrom).toBe('sited');
    expect(nextStages(s)).toEqual(['sited', 'terminated']);
    expect(moveError(s, 'started', '2024-04-01')).toEqual({ field: 'to', code: 'illegal_stage_move' });
    const resumed = applyMove(s, { to: 'sited', on: '2024-04-01' }, TODAY);
    expect(resumed.ok && resumed.state.stage).toBe('sited');
    expect(resumed.ok && resumed.state.history).toHaveLength(4);
  });

  it('terminates for good and keeps the history', () => {
    const s = run(
      ['planning', '2024-01-01'],
      ['signed', '2024-02-01'],
      ['paused', '2024-03-01'],
      ['terminated', '2024-04-01'],
    );
    expect(s.stage).toBe('terminated');
    expect(nextStages(s)).toEqual([]);
    for (const to of PROJECT_STAGES) expect(moveError(s, to, '2024-05-01')?.code).toBe('illegal_stage_move');
    expect(reachedOn(s.history, 'signed')).toBe('2024-02-01');
    expect(furthestStage(s.history)).toBe('signed');
  });

  it('neither pauses nor terminates a project in production', () => {
    const s = run(['signed', '2024-01-01'], ['started', '2024-02-01'], ['producing', '2024-03-01']);
    expect(moveError(s, 'paused', '2024-04-01')?.code).toBe('illegal_stage_move');
    expect(moveError(s, 'terminated', '2024-04-01')?.code).toBe('illegal_stage_move');
  });

  it('property: whatever moves are tried, the history never shows 开工 before 签约 or dates out of order', () => {
    const stage = fc.constantFrom(...PROJECT_STAGES);
    fc.assert(
      fc.property(fc.array(fc.tuple(stage, fc.integer({ min: -5, max: 40 })), { maxLength: 20 }), (tries) => {
        let state = run(['planning', '2024-01-01']);
        let day = 0;
        for (const [to, step] of tries) {
          const on = new Date(Date.UTC(2024, 0, 1 + day + step)).toISOString().slice(0, 10);
          const r = applyMove(state, { to, on }, TODAY);
          if (r.ok) {
            state = r.state;
            day += step;
          }
        }
        const h = state.history;
        const signedAt = h.findIndex((x) => x.to === 'signed');
        const startedAt = h.findIndex((x) => x.to === 'started');
        const producingAt = h.findIndex((x) => x.to === 'producing');
        const ordered = h.every((x, i) => i === 0 || h[i - 1]!.on <= x.on);
        return (
          ordered &&
          (startedAt < 0 || (signedAt >= 0 && signedAt < startedAt)) &&
          (producingAt < 0 || (startedAt >= 0 && startedAt < producingAt))
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('moves from a spreadsheet row', () => {
  it('builds the path from the dates of each stage reached', () => {
    const r = movesFromDates('started', { signed: '2024-01-01', started: '2024-06-01' }, '2024-07-01');
    expect(r).toEqual({
      ok: true,
      moves: [
        { to: 'signed', on: '2024-01-01' },
        { to: 'started', on: '2024-06-01' },
      ],
    });
    expect(replay(r.ok ? r.moves : [], TODAY).ok).toBe(true);
    expect(movesFromDates('planning', {}, '2024-07-01')).toEqual({
      ok: true,
      moves: [{ to: 'planning', on: '2024-07-01' }],
    });
  });

  it('names each missing or superfluous date', () => {
    const r = movesFromDates('producing', { signed: '2024-01-01' }, '2024-07-01');
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([
      ['dates.started', 'stage_date_required'],
      ['dates.producing', 'stage_date_required'],
    ]);
    const r2 = movesFromDates('signed', { signed: '2024-01-01', started: '2024-02-01' }, '2024-07-01');
    expect(r2.ok ? [] : r2.errors.map((e) => [e.field, e.code])).toEqual([['dates.started', 'date_beyond_stage']]);
  });
});
