import { TASK_LIGHTS, type TaskLight } from '../../../common/api/enums.ts';
import type { PairingTasks } from '../../../common/api/task-overview.ts';
import type { taskOverviewByPairing } from './task-overview.service.ts';

const noLights = (): Record<TaskLight, number> =>
  Object.fromEntries(TASK_LIGHTS.map((l) => [l, 0])) as Record<TaskLight, number>;

/** Per pairing: tasks by light, those without units, nearest deadlines; the national plan first, then by name. */
export function presentPairingTasks(overview: Awaited<ReturnType<typeof taskOverviewByPairing>>): PairingTasks[] {
  const byPairing = new Map<string | null, PairingTasks>();
  const entry = (pairingId: string | null, pairingName: string | null) => {
    let p = byPairing.get(pairingId);
    if (!p)
      byPairing.set(pairingId, (p = { pairingId, pairingName, lights: noLights(), unassigned: 0, deadlines: [] }));
    return p;
  };
  for (const r of overview.lights) {
    const p = entry(r.pairingId, r.pairingName);
    p.lights[r.light as TaskLight] += Number(r.n);
    p.unassigned += r.unassigned;
  }
  for (const d of overview.deadlines) {
    byPairing.get(d.pairing_id)?.deadlines.push({
      taskId: d.id,
      code: d.code,
      title: d.title,
      deadline: d.deadline,
      light: d.light as TaskLight,
    });
  }
  // The national plan first, then the pairings by name.
  return [...byPairing.values()].sort((a, b) =>
    a.pairingId === null
      ? -1
      : b.pairingId === null
        ? 1
        : (a.pairingName ?? '').localeCompare(b.pairingName ?? '', 'zh'),
  );
}
