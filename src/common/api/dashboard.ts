import { z } from 'zod';
import { pairingSummary } from './pairings.ts';
import { projectOverviewStats } from './projects.ts';

const sideNames = z.object({
  a: z.object({ zh: z.string(), en: z.string() }),
  b: z.object({ zh: z.string(), en: z.string() }),
});

/** Whose figures the dashboard shows: one programme (default: the first the user works in). */
export const dashboardQuery = z.strictObject({ programmeId: z.uuid().optional() });

export const dashboardResponse = z.object({
  /** The programme shown, with its names for its two sides (null: neutral 甲方/乙方). */
  programme: z
    .object({
      id: z.uuid(),
      name: z.string(),
      docNo: z.string().nullable(),
      issuedOn: z.string().nullable(),
      sides: sideNames.nullable(),
    })
    .nullable(),
  /** Every programme the user works in, for the switcher. */
  programmes: z.array(z.object({ id: z.uuid(), name: z.string(), sides: sideNames.nullable() })),
  counts: z.object({
    pairings: z.number().int(),
    subPairs: z.number().int(),
    regions: z.number().int(),
    exploratory: z.number().int(),
  }),
  /** Top-level pairings the user may see, with both sides' map positions, for the lines on the map. */
  pairings: z.array(pairingSummary),
  /**
   * Projects, parks and events of the pairings the user may see: counts, the funnel, money by stage and the overall
   * rates. No rates by pairing: the page shows none (a national answer's 220 rows were 91 % of its bytes); the
   * statistics page has them. Null for users who may not read projects (enterprises, the public).
   */
  projects: projectOverviewStats.nullable(),
});
export type Dashboard = z.infer<typeof dashboardResponse>;
