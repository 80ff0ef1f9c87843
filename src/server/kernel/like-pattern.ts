/**
 * Text a user searches for, as a LIKE/ILIKE pattern that matches it literally: `%`, `_` and the escape character
 * `\` (PostgreSQL's default ESCAPE) match only themselves, so `q=%` finds names holding a percent sign instead of
 * every row. Every repository that builds a pattern from input goes through these.
 */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Rows whose column holds the text anywhere. */
export const containing = (text: string) => `%${escapeLike(text)}%`;

/** Rows whose column begins with the text. */
export const startingWith = (text: string) => `${escapeLike(text)}%`;
