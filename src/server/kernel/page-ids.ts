import { type AnyColumn, type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * The rows of a list's page, by the ids a subquery chose in the list's order (from an index, however deep the page):
 * the ids become one array and the rows are read by primary key. Joined or as IN, the planner was seen to hash the
 * page's 50 ids against a scan of the whole table (5,000 meetings; EXPLAIN ANALYZE on the bench's data).
 */
export const amongIds = (id: AnyColumn, ids: SQLWrapper): SQL => sql`${id} = ANY(ARRAY(${ids}))`;
