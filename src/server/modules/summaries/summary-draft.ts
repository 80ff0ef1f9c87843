import {
  PLAN_SECTIONS,
  SUMMARY_FIGURES,
  SUMMARY_SECTIONS,
  type SectionKey,
  type SummaryFigure,
  type SummaryKind,
  type SummarySection,
} from '../../../common/api/summaries.ts';
import { translate } from '../../../common/i18n/messages.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import type { YearRecords } from './summaries.repository.ts';

/** The document is written in Chinese (a 公文), whatever the language of the page that drafts it. */
const zh = (key: string, params: Record<string, string | number> = {}) =>
  translate('zh-CN', `ui.summaries.${key}`, params);

const TOKEN = /\{\{(\w+)\}\}/g;
const KNOWN = new Set<string>(SUMMARY_FIGURES);

/** The figure codes a text cites, in order, each once; unknown codes apart (the caller refuses them). */
export function citedFigures(text: string): { figures: SummaryFigure[]; unknown: string[] } {
  const figures: SummaryFigure[] = [];
  const unknown: string[] = [];
  for (const [, code] of text.matchAll(TOKEN)) {
    if (!KNOWN.has(code!)) unknown.push(code!);
    else if (!figures.includes(code as SummaryFigure)) figures.push(code as SummaryFigure);
  }
  return { figures, unknown };
}

/** The text with each cited figure written in (as the document states it). */
export function fillFigures(text: string, figures: Readonly<Record<string, string>>): string {
  return text.replace(TOKEN, (whole, code: string) => figures[code] ?? whole);
}

export const section = (key: SectionKey, text: string): SummarySection => ({
  key,
  text,
  figures: citedFigures(text).figures,
});

/** Up to `max` names joined with 、, and 等N项 when there are more; 无 when none. */
function names(list: readonly string[], max = 8): string {
  if (!list.length) return zh('doc.none');
  const shown = list.slice(0, max).join('、');
  return list.length > max ? `${shown}等${list.length}项` : shown;
}

/**
 * The summary's sections pre-filled from the year's records; the figures stay as {{code}} so they stay linked. The
 * sides are named as the pairing's programme names them (in Chinese, as the document is written).
 */
export function summarySections(year: number, r: YearRecords, sides: SideParams): SummarySection[] {
  const landmarks = r.projects.filter((p) => p.landmark);
  const params: Record<string, Record<string, string | number>> = {
    overall: { year },
    tasks: {
      done: names(r.tasks.filter((t) => t.status === 'done').map((t) => t.title)),
      late: names(r.tasks.filter((t) => t.late).map((t) => t.title)),
    },
    projects: {
      landmarks: names(
        (landmarks.length ? landmarks : r.projects.slice(0, 5)).map((p) =>
          zh('doc.projectLine', { title: p.title, signed: p.signedWan ?? '—', arrived: p.arrivedWan ?? '—' }),
        ),
        5,
      ),
    },
    parks: { parkNames: names(r.parks.map((p) => p.name)) },
    cadres: {
      sideAName: sides.sideAName,
      sideBName: sides.sideBName,
      trainingNames: names(
        r.trainings.map((t) => t.title),
        5,
      ),
    },
    replication: { practices: names(r.practices.map((p) => p.title)) },
    problems: {},
    next_year: { next: year + 1 },
  };
  return SUMMARY_SECTIONS.map((key) => section(key, zh(`doc.templates.${key}`, params[key])));
}

/** The plan's sections: its general requirement, then its items as the annual plan words them. */
export function planSections(
  year: number,
  items: readonly { title: string; text: string | null; deadline: string | null; units: string | null }[],
): SummarySection[] {
  const lines = items.map((i, n) =>
    `${n + 1}. ${zh('doc.templates.planItem', {
      title: i.title,
      text: i.text ?? '',
      units: i.units ?? '—',
      deadline: i.deadline ?? '—',
    })}`.replace('。。', '。'),
  );
  return PLAN_SECTIONS.map((key) =>
    section(key, key === 'requirements' ? zh('doc.templates.requirements', { year }) : lines.join('\n')),
  );
}

export function documentHeader(kind: SummaryKind, pairing: string, year: number) {
  return {
    title: zh(kind === 'plan' ? 'doc.titlePlan' : 'doc.titleSummary', { pairing, year }),
    addressee: zh('doc.addressee'),
    issuer: zh('doc.issuer', { pairing }),
  };
}
