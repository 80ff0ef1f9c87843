import type { SectionKey, SummaryKind, SummarySection } from '../../../common/api/summaries.ts';
import { translate } from '../../../common/i18n/messages.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import {
  type GongwenAnnex,
  type GongwenBlock,
  type GongwenTable,
  gongwenDocx,
} from '../../kernel/gongwen/gongwen-docx.ts';
import { addListSheet, type ListColumn, newWorkbook, workbookBuffer } from '../../xlsx/list-workbook.ts';
import { fillFigures } from './summary-draft.ts';
import type { YearRecords } from './summaries.repository.ts';

const zh = (key: string, params: Record<string, string | number> = {}) => translate('zh-CN', key, params);
const col = (key: string) => zh(`ui.summaries.doc.columns.${key}`);

/** A document as exported: its header, sections and the figures they cite (the draft's, or a submitted version's). */
export interface ExportedDocument {
  kind: SummaryKind;
  year: number;
  title: string;
  addressee: string;
  issuer: string;
  sections: readonly SummarySection[];
  figures: Readonly<Record<string, string>>;
  /** 成文日期 (YYYY-MM-DD). */
  date: string;
}

type Annex = { key: keyof YearRecords; columns: ListColumn<Record<string, unknown>>[] };

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));
const c = (key: string, width: number, value: (r: Record<string, unknown>) => string | number | null, money?: true) =>
  ({ header: col(key), width, value, ...(money ? { money } : {}) }) as ListColumn<Record<string, unknown>>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The annex tables in the offices' layout (吉浙 台账): projects, parks, cadres, trainings, tasks; the sides named as the
 * pairing's programme names them.
 */
const annexTables = (sides: SideParams): Annex[] => [
  {
    key: 'projects',
    columns: [
      c('title', 36, (r) => text(r.title)),
      c('investor', 24, (r) => text(r.investor)),
      c('side', 8, (r) => (r.side === 'b' ? sides.sideBName : sides.sideAName)),
      c('stage', 10, (r) => zh(`domain.projectStages.${r.stage}`)),
      c('landmark', 8, (r) => (r.landmark ? col('yes') : '')),
      c('signedOn', 12, (r) => text(r.signedOn)),
      c('signedWan', 14, (r) => num(r.signedWan), true),
      c('arrivedWan', 14, (r) => num(r.arrivedWan), true),
      c('pairing', 18, (r) => text(r.pairing)),
    ],
  },
  {
    key: 'parks',
    columns: [
      c('title', 36, (r) => text(r.name)),
      c('established', 12, (r) => text(r.establishedOn)),
      c('taxWan', 16, (r) => num(r.taxWan), true),
      c('pairing', 18, (r) => text(r.pairing)),
    ],
  },
  {
    key: 'cadres',
    columns: [
      c('direction', 18, (r) => zh(`ui.people.directions.${r.direction}`, { ...sides })),
      c('homeUnit', 30, (r) => `${text(r.homeUnit)} ${text(r.homePost)}`),
      c('hostUnit', 30, (r) => `${text(r.hostUnit)} ${text(r.hostPost)}`),
      c('period', 24, (r) => `${text(r.startsOn)}—${text(r.endsOn)}`),
    ],
  },
  {
    key: 'trainings',
    columns: [
      c('title', 36, (r) => text(r.title)),
      c('organiser', 24, (r) => text(r.organiser)),
      c('dates', 24, (r) => `${text(r.startsOn)}—${text(r.endsOn)}`),
      c('sideA', 10, (r) => num(r.sideA)),
      c('sideB', 10, (r) => num(r.sideB)),
    ],
  },
  {
    key: 'tasks',
    columns: [
      c('code', 8, (r) => text(r.code)),
      c('title', 40, (r) => text(r.title)),
      c('deadline', 12, (r) => text(r.deadline)),
      c('status', 10, (r) => zh(`domain.taskStatuses.${r.status}`)),
      c('late', 8, (r) => (r.late ? col('yes') : '')),
    ],
  },
];

/** Annexes short enough to print inside the Word file as well (a page or so). */
const SHORT_ROWS = 15;

const annexTitle = (key: string, year: number) => zh(`ui.summaries.doc.annexes.${key}`, { year });
const annexRows = (r: YearRecords, a: Annex) => r[a.key] as unknown as Record<string, unknown>[];

function wordTable(a: Annex, rows: Record<string, unknown>[]): GongwenTable {
  return {
    columns: [col('no'), ...a.columns.map((x) => x.header)],
    rows: rows.map((r, i) => [String(i + 1), ...a.columns.map((x) => text(x.value(r)))]),
  };
}

/** Which annexes a document carries: the summary all five; the plan its tasks. */
const annexesOf = (kind: SummaryKind, sides: SideParams) =>
  kind === 'plan' ? annexTables(sides).filter((a) => a.key === 'tasks') : annexTables(sides);

/** The Word file (GB/T 9704 layout): the sections as 一、 headings, the annexes named, the short ones printed after. */
export async function documentDocx(d: ExportedDocument, records: YearRecords, sides: SideParams): Promise<Buffer> {
  const body: GongwenBlock[] = d.sections.flatMap((s): GongwenBlock[] => [
    { kind: 'heading', level: 1, text: zh(`ui.summaries.sections.${s.key satisfies SectionKey}`) },
    { kind: 'paragraph', text: fillFigures(s.text, d.figures) },
  ]);
  const annexes: GongwenAnnex[] = annexesOf(d.kind, sides).map((a) => {
    const rows = annexRows(records, a);
    return {
      title: annexTitle(a.key, d.year),
      ...(rows.length && rows.length <= SHORT_ROWS ? { table: wordTable(a, rows) } : {}),
    };
  });
  const [y, m, day] = d.date.split('-').map(Number);
  return gongwenDocx({
    title: d.title,
    addressee: d.addressee,
    body,
    annexes,
    issuer: d.issuer,
    date: zh('ui.summaries.doc.date', { y: y!, m: m!, d: day! }),
    annexWord: zh('ui.summaries.doc.annex'),
  });
}

/** The Excel annex: one sheet per table, each with its title and the exported-by line. */
export async function documentXlsx(
  d: ExportedDocument,
  records: YearRecords,
  sides: SideParams,
  exportedBy: string,
): Promise<Buffer> {
  const wb = newWorkbook();
  annexesOf(d.kind, sides).forEach((a, i) => {
    const title = annexTitle(a.key, d.year);
    addListSheet(wb, {
      name: `${zh('ui.summaries.doc.annex')}${i + 1}`,
      title: `${zh('ui.summaries.doc.annex')}${i + 1} ${title}`,
      subtitle: exportedBy,
      columns: a.columns,
      rows: annexRows(records, a),
    });
  });
  return workbookBuffer(wb);
}
