import { type Placeholder, type SQL, sql } from 'drizzle-orm';

/**
 * A statement's value read through a subquery (an InitPlan): PostgreSQL plans the statement without it, so every run
 * is priced as the plan for any value and the plan is kept after five runs. Given as a plain value, a value's own plan
 * is priced below the kept one (a year of the roster, a small plan's tasks, a short page), and the statement is planned
 * afresh on every run, often for longer than it runs (page-marks.ts, the roster's year, the task list). A scalar only:
 * an array goes through unseenUuids.
 */
export const unseen = (value: Placeholder | string | number, type: 'uuid' | 'text' | 'int'): SQL =>
  sql`(SELECT ${value}::${sql.raw(type)})`;

/**
 * A uuid[] read through a subquery, as `unseen` reads a scalar (a pairing's figure pieces, a county's ledger page): cast
 * again outside, so that `ANY(…)` takes it as one array and not as the subquery's rows.
 */
export const unseenUuids = (array: SQL): SQL => sql`(SELECT ${array})::uuid[]`;
