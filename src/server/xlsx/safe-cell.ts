/**
 * A text cell that Excel and WPS will never evaluate: a value starting with = + - @ (or a tab or carriage return,
 * which some readers strip first) is a formula to them, so it is prefixed with an apostrophe (OWASP CSV injection).
 * Every exported sheet passes user-written text (titles, names, codes) through it.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row's values with every text made safe; numbers, dates and blanks as they are. */
export function safeCells<T>(values: readonly T[]): T[] {
  return values.map((v) => (typeof v === 'string' ? (safeCell(v) as T) : v));
}
