import { z } from 'zod';
import { TASK_LIGHTS } from './enums.ts';

/** One pairing's tasks at a glance (pairingId null: the national plan's tasks): the workbench and the dashboard. */
export const pairingTasks = z.object({
  pairingId: z.uuid().nullable(),
  pairingName: z.string().nullable(),
  lights: z.object(
    Object.fromEntries(TASK_LIGHTS.map((l) => [l, z.number().int()])) as Record<
      (typeof TASK_LIGHTS)[number],
      z.ZodNumber
    >,
  ),
  /** Tasks still under way that no unit has been given. */
  unassigned: z.number().int(),
  /** The nearest deadlines of its tasks not done. */
  deadlines: z.array(
    z.object({
      taskId: z.uuid(),
      code: z.string(),
      title: z.string(),
      deadline: z.string(),
      light: z.enum(TASK_LIGHTS),
    }),
  ),
});
export type PairingTasks = z.infer<typeof pairingTasks>;
