import { translate, type Locale } from '../../../common/i18n/messages.ts';

interface CsvField {
  name: string;
  type: string;
}

/** Excel reads a CSV as UTF-8 only when it starts with the byte-order mark; without it 吉林省 comes out garbled. */
const BOM = '\uFEFF';

/**
 * A text cell Excel would run as a formula (=, +, -, @, or a leading tab or return) is kept as text with a leading
 * apostrophe, as OWASP advises for CSV files opened in spreadsheets; numbers, dates and ids are never touched.
 */
function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function cell(value: unknown, field: CsvField, locale: Locale): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'boolean') s = translate(locale, value ? 'ui.openData.yes' : 'ui.openData.no');
  else s = String(value);
  if (field.type === 'text') s = safeText(s);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A dataset as CSV (RFC 4180: CRLF, quotes doubled) with a header row of the fields' names in the chosen
 * language, the same names as the data dictionary.
 */
export function datasetCsv<Row extends object>(fields: readonly CsvField[], rows: Row[], locale: Locale): string {
  const header = fields.map((f) => cell(translate(locale, `ui.openData.fields.${f.name}.label`), f, locale));
  const lines = rows.map((r) => fields.map((f) => cell((r as Record<string, unknown>)[f.name], f, locale)).join(','));
  return `${BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
