import { z } from 'zod';
import { programmeFilter, uuid } from './common.ts';
import { pairingTasks } from './task-overview.ts';

export const workStatusQuery = z.strictObject({
  ...programmeFilter,
  /** The year looked at: its tasks due and its reporting periods; this year when not given. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** One pairing's dashboard: that pairing and its sub-pairs only. */
  pairingId: uuid.optional(),
});
export type WorkStatusParams = { programmeId?: string; year?: string; pairingId?: string };

/** The dashboard's state of the work: task lights per pairing and who has not reported in the open periods. */
export const workStatusResponse = z.object({
  year: z.number().int(),
  pairings: z.array(pairingTasks),
  reporting: z.array(
    z.object({
      cycleId: z.uuid(),
      pairingName: z.string(),
      periodLabel: z.string(),
      periodLabelEn: z.string(),
      dueOn: z.string(),
      daysOverdue: z.number().int(),
      total: z.number().int(),
      /** Reports not yet submitted, and the units that owe them. */
      unreported: z.number().int(),
      units: z.array(z.string()),
    }),
  ),
});
export type WorkStatus = z.infer<typeof workStatusResponse>;
