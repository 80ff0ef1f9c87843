import { z } from 'zod';
import { uuid } from './common.ts';
import { importJob } from './projects.ts';

/** Fill one pairing with demo data (marked 演示): the national office, from the web app or `duikou demo fill`. */
export const demoFillBody = z.strictObject({
  pairingId: uuid,
  /** Two fills with the same seed are alike. */
  seed: z.number().int().min(1).max(2_147_483_647).optional(),
});
export type DemoFillInput = z.infer<typeof demoFillBody>;

/** What a fill made or a clear removed, by kind of record (projects, parks, events, …). */
export const demoCounts = z.object({ counts: z.record(z.string(), z.number().int()) });
export type DemoCountsAnswer = z.infer<typeof demoCounts>;

/** The pairings that hold demo data now, with how many demo projects each. */
export const demoStatus = z.object({
  pairings: z.array(z.object({ id: uuid, name: z.string(), projects: z.number().int() })),
});
export type DemoStatus = z.infer<typeof demoStatus>;

/** A fill runs after its request has answered (it makes a few hundred records through the services); polled here. */
export const demoJob = importJob
  .omit({ result: true })
  .extend({ result: z.record(z.string(), z.number().int()).nullable() });
export type DemoJob = z.infer<typeof demoJob>;
export const demoJobQuery = z.strictObject({ wait: z.enum(['true', 'false']).optional() });
