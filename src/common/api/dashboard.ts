import { z } from 'zod';
import { pairingSummary } from './pairings.ts';

export const dashboardResponse = z.object({
  programme: z.object({ id: z.uuid(), name: z.string(), docNo: z.string().nullable(), issuedOn: z.string().nullable() }).nullable(),
  counts: z.object({
    pairings: z.number().int(),
    subPairs: z.number().int(),
    regions: z.number().int(),
    exploratory: z.number().int(),
  }),
  /** Top-level pairings the user may see, with both sides' map positions, for the lines on the map. */
  pairings: z.array(pairingSummary),
});
export type Dashboard = z.infer<typeof dashboardResponse>;
