import { type AnyColumn, type Placeholder, sql, type SQL } from 'drizzle-orm';

/*
 * The ledger's search (`q`, an infix of the title or the investor, often two Chinese characters) through an index
 * of character pairs: pg_trgm needs three characters and pg_bigm exists on neither engine, so the index is a core
 * GIN over an expression listing each title's and investor's pairs of adjacent characters (projects.tables.ts).
 * A row holds the text only if it holds every pair of the text, so the index finds a superset that the infix
 * check then narrows; for a text of exactly two characters its one pair is the whole text and no check is needed.
 * Only immutable built-in functions, so the expression can be indexed and, for a known text, folded to a constant
 * the planner estimates from the index's statistics. Pairs are taken of lower(), as ILIKE compares for a
 * multibyte encoding, so the index answers ILIKE's question.
 */

/**
 * A text cut into consecutive pairs from its first character: 'abcde' → {ab, cd, e}. chr(31) marks the cuts; no
 * stored text holds it (a control character, refused on entry by common/api/text-faults.ts).
 */
const pairsFrom = (text: SQL) => sql`string_to_array(regexp_replace(${text}, '(..)', '\\1' || chr(31), 'g'), chr(31))`;

/** Every pair of adjacent characters of a column, lower-cased: the pairs from the first and from the second character. */
const pairsOf = (column: AnyColumn | SQL) =>
  sql`${pairsFrom(sql`lower(${column})`)} || ${pairsFrom(sql`substr(lower(${column}), 2)`)}`;

/**
 * The indexed expression: the pairs of the title and of the investor (plus a trailing single character or empty
 * string of each cut, which no two-character pair equals). The query must repeat it exactly to use the index.
 */
export const rowSearchGrams = (title: AnyColumn | SQL, investor: AnyColumn | SQL): SQL =>
  sql`(${pairsOf(title)} || ${pairsOf(investor)})`;

/** Every pair of the searched text, lower-cased, and nothing else: each cut taken over an even number of characters. */
export function textSearchGrams(text: string | Placeholder): SQL {
  const lowered = sql`lower(${text}::text)`;
  const even = sql`left(${lowered}, length(${lowered}) / 2 * 2)`;
  const odd = sql`left(substr(${lowered}, 2), (length(${lowered}) - 1) / 2 * 2)`;
  return sql`(array_remove(${pairsFrom(even)}, '') || array_remove(${pairsFrom(odd)}, ''))`;
}

/** Whether the search text is long enough for the index: two characters (code points, as PostgreSQL counts) or more. */
export const searchableByGrams = (text: string): boolean => [...text].length >= 2;

/**
 * Rows whose title or investor holds the text (ILIKE, as before the index) or whose 项目代码 is the text. The
 * pairs narrow the rows through the index; the infix check runs on those only, and not at all for two characters,
 * where holding the pair is holding the text. The condition is written as (pairs OR code) AND (check OR code) so
 * the first part is the index's whole condition and the second the only filter left on the rows it finds.
 * `byGrams` must be given when `text` is a placeholder standing for the text (a statement built once per shape).
 */
export function searchCondition(
  columns: { title: AnyColumn; investor: AnyColumn; code: AnyColumn },
  text: string | Placeholder,
  infix: SQL,
  byGrams = typeof text === 'string' && searchableByGrams(text),
): SQL {
  const code = sql`${columns.code} = ${text}`;
  if (!byGrams) return sql`(${infix} OR ${code})`;
  return sql`(${rowSearchGrams(columns.title, columns.investor)} @> ${textSearchGrams(text)} OR ${code})
    AND (CASE WHEN length(lower(${text}::text)) = 2 THEN true ELSE ${infix} END OR ${code})`;
}
