import { z } from 'zod';
import { uuid } from './common.ts';
import { unitInput } from './tasks.ts';

/** Units added to many tasks at once (those a task already has are kept; one it has already is not repeated). */
export const bulkUnitsInput = z.strictObject({
  taskIds: z.array(uuid).min(1).max(500),
  units: z.array(unitInput).min(1).max(20),
});
export type BulkUnitsInput = z.infer<typeof bulkUnitsInput>;
export const bulkUnitsResponse = z.object({ updated: z.number().int() });

export const unitSuggestionsQuery = z.strictObject({ planId: uuid });
/**
 * For each task of a plan that has no unit yet, the registered organisations of the pairing's two sides whose name
 * its text mentions (省商务厅 in the clause → 吉林省商务厅), the first as lead: a proposal the office confirms.
 */
export const unitSuggestionsResponse = z.object({
  items: z.array(
    z.object({
      taskId: z.uuid(),
      units: z.array(
        z.object({
          organisationId: z.uuid(),
          name: z.string(),
          side: z.enum(['a', 'b']),
          role: z.enum(['lead', 'co']),
          /** The words of the text that matched. */
          matched: z.string(),
        }),
      ),
    }),
  ),
});
export type UnitSuggestions = z.infer<typeof unitSuggestionsResponse>;
