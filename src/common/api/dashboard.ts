import { z } from 'zod';
import { pairingSummary } from './pairings.ts';
import { projectStats } from './projects.ts';

export const dashboardResponse = z.object({
  programme: z
    .object({ id: z.uuid(), name: z.string(), docNo: z.string().nullable(), issuedOn: z.string().nullable() })
    .nullable(),
  counts: z.object({
    pairings: z.number().int(),
    subPairs: z.number().int(),
    regions: z.number().int(),
    exploratory: z.number().int(),
  }),
  /** Top-level pairings the user may see, with both sides' map positions, for the lines on the map. */
  pairings: z.array(pairingSummary),
  /**
   * Projects, parks and events of the pairings the user may see: counts, the funnel, money by stage and rates by
   * pairing. Null for users who may not read projects (enterprises, the public).
   */
  projects: projectStats.nullable(),
});
export type Dashboard = z.infer<typeof dashboardResponse>;
