import { isDateLine, isDocNoLine } from './markers.ts';
import type { NormalisedLine } from './normalise.ts';
import type { PlanKind } from './types.ts';

export interface PlanHeader {
  title: string;
  docNo: string | null;
  kind: PlanKind;
  /** Running text of the document head (the preamble), for sub-pairs named there. */
  preamble: string[];
}

const ATTACHMENT_RE = /^附件\s*\d*\s*[:：]?$/;

function cleanTitle(raw: string): string {
  let t = raw.replace(/\s+/g, '');
  const notice = /关于(?:印发|转发|下发)(.+?)的通知$/.exec(t);
  if (notice) t = notice[1];
  return t.replace(/^《(.+)》$/, '$1');
}

const TITLE_NOTE_RE = /[（(][^（）()，。]{1,16}[）)]$/;

/** A title without its bracketed note, so that 《…实施方案（2026年修订）》 is a version of 《…实施方案》. */
export function titleStem(title: string): string {
  return title.replace(/\s+/g, '').replace(TITLE_NOTE_RE, '');
}

export function planKind(title: string, docNo: string | null): PlanKind {
  if (/年度工作计划|工作要点|年度计划|年工作计划/.test(title)) return 'annual';
  if (/分工方案|任务分工|责任分工/.test(title)) return 'division';
  if (/专项/.test(title)) return 'special';
  if ((docNo && /^国(?:办)?发/.test(docNo)) || /东北地区与东部地区部分省市对口合作工作方案/.test(title))
    return 'national';
  if (/实施方案|合作方案|工作方案|行动方案|规划/.test(title)) return 'implementation';
  return 'other';
}

/**
 * Reads the document head: the title may span several short lines ("国务院办公厅关于印发" /
 * "东北地区…工作方案的通知"), the 文号 stands on its own line, and a 附件 label may come first.
 */
export function readHeader(lines: NormalisedLine[], bodyStart: number): PlanHeader {
  const head = lines.slice(0, bodyStart);
  let docNo: string | null = null;
  for (const l of head) {
    if (isDocNoLine(l.text)) {
      docNo = l.text.replace(/\s+/g, '');
      break;
    }
  }

  const titleLines: string[] = [];
  const used = new Set<number>();
  for (let i = 0; i < head.length; i++) {
    const l = head[i];
    const skip = ATTACHMENT_RE.test(l.text) || isDocNoLine(l.text) || isDateLine(l.text);
    if (titleLines.length === 0) {
      if (skip || !l.heading) continue;
    } else if (skip || !l.heading || titleLines.length >= 3) {
      break;
    }
    titleLines.push(l.text);
    used.add(i);
  }
  if (titleLines.length === 0) {
    const first = head.findIndex((l) => !ATTACHMENT_RE.test(l.text) && !isDocNoLine(l.text));
    if (first >= 0 && head[first].text.length <= 60) {
      titleLines.push(head[first].text);
      used.add(first);
    }
  }
  const title = cleanTitle(titleLines.join(''));

  const preamble = head
    .filter((l, i) => !used.has(i) && !l.heading && !isDocNoLine(l.text) && !isDateLine(l.text))
    .map((l) => l.text);
  return { title, docNo, kind: planKind(title, docNo), preamble };
}
