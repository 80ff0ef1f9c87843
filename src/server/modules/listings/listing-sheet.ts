import type { LISTING_CATEGORIES } from '../../../common/api/enums.ts';
import { type Cell, cellDate, cellText } from '../../kernel/sheet/cell-values.ts';
import { type ColumnSheet, columnRowError, readColumnSheet } from '../../kernel/sheet/column-sheet.ts';
import type { RowError } from '../../kernel/sheet/row-error.ts';
import type { SheetColumn } from '../../kernel/sheet/sheet-column.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import { sheetText } from '../../kernel/sheet/sheet-text.ts';
import { industries } from '../../kernel/industries.ts';

const col = (key: string, header: string, headerEn: string, required = false, max = 200): SheetColumn => ({
  key,
  header,
  headerEn,
  kind: 'text',
  required,
  max,
  width: 16,
  hint: '',
  example: '',
});

/** Exactly the headers offices prepare without a template (issue 16): 编号,类型,类别,标题,…,机构. */
export const LISTING_SHEET_COLUMNS: readonly SheetColumn[] = [
  col('ref', '编号', 'Reference', true, 64),
  col('kind', '类型', 'Type', true, 10),
  col('category', '类别', 'Category', true, 10),
  col('title', '标题', 'Title', true, 200),
  col('description', '描述', 'Description', false, 5000),
  col('regionCode', '地区代码', 'Region code', true, 9),
  col('industryDivision', '行业代码', 'Industry code', false, 20),
  col('tags', '标签', 'Tags', false, 600),
  col('quantity', '数量', 'Quantity', false, 30),
  col('unit', '单位', 'Unit', false, 20),
  col('validUntil', '有效期至', 'Valid until', false, 30),
  col('contactName', '联系人', 'Contact', true, 50),
  col('contactPhone', '联系电话', 'Telephone', false, 30),
  col('organisationName', '机构', 'Organisation', true, 200),
];

export const MAX_LISTING_ROWS = 20_000;

const KINDS: Record<string, 'offer' | 'need'> = { 供给: 'offer', 需求: 'need', offer: 'offer', need: 'need' };
const CATEGORY_NAMES: Record<string, (typeof LISTING_CATEGORIES)[number]> = {
  产品: 'product',
  技术: 'technology',
  资本: 'capital',
  人才: 'talent',
  土地空间: 'land',
  物流: 'logistics',
  服务: 'service',
};

/** One CSV record per line, RFC 4180 quoting ("" inside quotes), a UTF-8 byte-order mark dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** A CSV file read into the same shape as a workbook: the first line holds the headers, in any order. */
function readCsvSheet(buf: Buffer): ColumnSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new SheetFileError('corrupt', {}, 'not UTF-8');
  }
  const [head, ...body] = parseCsv(text);
  if (!head) throw new SheetFileError('no_rows');
  const columns = new Map<string, number>();
  head.forEach((h, i) => {
    const c = LISTING_SHEET_COLUMNS.find((d) => d.header === h.trim());
    if (c && !columns.has(c.key)) columns.set(c.key, i + 1);
  });
  const missing = LISTING_SHEET_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  if (missing.length)
    throw new SheetFileError('missing_columns', {
      columns: missing.map((c) => c.header).join('、'),
      columnsEn: missing.map((c) => c.headerEn).join(', '),
    });
  if (body.length > MAX_LISTING_ROWS) throw new SheetFileError('too_many_rows', { limit: String(MAX_LISTING_ROWS) });
  const rows: ColumnSheet['rows'] = [];
  body.forEach((fields, i) => {
    const cells: Record<string, Cell> = {};
    for (const [key, index] of columns) cells[key] = fields[index - 1]?.trim() || null;
    if (Object.values(cells).some((v) => v !== null)) rows.push({ row: i + 2, cells });
  });
  if (!rows.length) throw new SheetFileError('no_rows');
  return { sheetName: 'csv', columns, rows };
}

/** An .xlsx workbook (a zip: starts with PK) or a UTF-8 .csv file. */
export async function readListingSheet(buf: Buffer): Promise<ColumnSheet> {
  if (buf.length > DEFAULT_SHEET_LIMITS.maxBytes)
    throw new SheetFileError('too_large', { limit: `${Math.round(DEFAULT_SHEET_LIMITS.maxBytes / 1048576)} MB` });
  if (buf[0] === 0x50 && buf[1] === 0x4b)
    return readColumnSheet(buf, LISTING_SHEET_COLUMNS, { maxRows: MAX_LISTING_ROWS });
  return readCsvSheet(buf);
}

export interface ListingDraft {
  row: number;
  ref: string;
  kind: 'offer' | 'need';
  category: (typeof LISTING_CATEGORIES)[number];
  title: string;
  description: string | null;
  regionCode: string;
  industryDivision: string | null;
  tags: string[];
  quantity: string | null;
  unit: string | null;
  validUntil: string | null;
  contactName: string;
  contactPhone: string | null;
  organisationName: string;
}

/** This sheet's own cell texts (errors.field.*), beside the shared ones (errors.sheetRows.*). */
export function ownMessages(codes: string[], params: Record<string, string | number>) {
  const out: Record<string, readonly [string, string]> = {};
  for (const code of codes) {
    const t = sheetText(`errors.field.${code}`, params);
    if (t) out[code] = t;
  }
  return out;
}

/** One row's fields checked; every problem named by row and column (knownRegions: the codes that exist). */
export function validateListingRow(
  r: ColumnSheet['rows'][number],
  columns: ColumnSheet['columns'],
  knownRegions: ReadonlySet<string>,
): { ok: true; draft: ListingDraft } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const bad = (key: string, code: string, params: Record<string, string | number> = {}) =>
    errors.push(columnRowError(LISTING_SHEET_COLUMNS, r.row, columns, key, code, params, ownMessages([code], params)));
  const text = (key: string) => {
    const v = cellText(r.cells[key] ?? null);
    const def = LISTING_SHEET_COLUMNS.find((c) => c.key === key)!;
    if (!v) {
      if (def.required) bad(key, 'required');
      return null;
    }
    if (v.length > (def.max ?? 200)) bad(key, 'too_long', { max: def.max ?? 200 });
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(v)) bad(key, 'control_character');
    return v;
  };
  const ref = text('ref');
  const kindText = text('kind');
  const kind = kindText ? KINDS[kindText] : undefined;
  if (kindText && !kind) bad('kind', 'invalid_kind');
  const categoryText = text('category');
  const category = categoryText ? CATEGORY_NAMES[categoryText] : undefined;
  if (categoryText && !category) bad('category', 'invalid_category');
  const title = text('title');
  const description = text('description');
  const regionCode = text('regionCode');
  if (regionCode && !knownRegions.has(regionCode))
    bad('regionCode', 'unknown_region', { code: regionCode, text: regionCode });
  const industryText = text('industryDivision');
  const industry = industryText ? industries().resolve(industryText) : null;
  if (industryText && !industry?.division) bad('industryDivision', 'unknown_industry');
  const tags = (text('tags') ?? '')
    .split(/[、,，;；]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.some((t) => t.length > 30) || tags.length > 20) bad('tags', 'too_long', { max: 30 });
  const quantity = text('quantity');
  if (quantity && !/^\d{1,16}(\.\d{1,4})?$/.test(quantity)) bad('quantity', 'invalid_quantity');
  const unit = text('unit');
  const validRaw = r.cells.validUntil ?? null;
  const validUntil = cellDate(validRaw);
  if (validUntil === null) bad('validUntil', 'invalid_date');
  const contactName = text('contactName');
  const contactPhone = text('contactPhone');
  if (contactPhone && !/^[0-9+\-() ]{5,30}$/.test(contactPhone)) bad('contactPhone', 'invalid_phone');
  const organisationName = text('organisationName');
  if (errors.length || !ref || !kind || !category || !title || !regionCode || !contactName || !organisationName)
    return { ok: false, errors };
  return {
    ok: true,
    draft: {
      row: r.row,
      ref,
      kind,
      category,
      title,
      description,
      regionCode,
      industryDivision: industry?.division?.code ?? null,
      tags,
      quantity,
      unit,
      validUntil: validUntil ?? null,
      contactName,
      contactPhone,
      organisationName,
    },
  };
}
