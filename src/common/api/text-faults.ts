/**
 * Characters no text of the platform may hold, wherever it comes from (a form, an address, a file name, a
 * sheet cell): NUL and the other C0/C1 controls except tab and line breaks (PostgreSQL refuses NUL, and the rest
 * are invisible or break XML exports); lone UTF-16 surrogates (they have no UTF-8 form, so the database would
 * store U+FFFD instead of what was sent); and the bidirectional embedding, override and isolate controls, which
 * make a name or file name display differently from what it is ("Trojan Source").
 */
export type TextFault = 'control_character' | 'lone_surrogate' | 'bidi_control';

export const TEXT_FAULTS: readonly TextFault[] = ['control_character', 'lone_surrogate', 'bidi_control'];

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** Why a text may not enter the system, or null when it may. */
export function textFault(value: string): TextFault | null {
  if (CONTROL.test(value)) return 'control_character';
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  if (BIDI_CONTROL.test(value)) return 'bidi_control';
  return null;
}
