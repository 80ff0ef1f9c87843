import { clauseTitle } from './clause-title.ts';
import { isDateLine, isDocNoLine } from './markers.ts';
import type { NormalisedLine } from './normalise.ts';
import { visualWidth } from './text-width.ts';

export interface SkeletonTask {
  no: number;
  title: string;
  text: string;
  line: number;
  endLine: number;
}

export interface SkeletonMeasure {
  no: string;
  title: string;
  text: string;
  line: number;
}

export interface SkeletonSection {
  no: string;
  title: string;
  level: number;
  line: number;
  /** Text of the section that belongs to no task or child (intro paragraphs, liaison lists). */
  body: string[];
  children: SkeletonSection[];
  tasks: SkeletonTask[];
  isMeasures: boolean;
}

export interface PlanSkeleton {
  /** Index (0-based) of the first line of the body: lines before it are the document head. */
  bodyStart: number;
  preamble: string[];
  sections: SkeletonSection[];
  measures: SkeletonMeasure[];
}

const MEASURES_TITLE_RE = /保障措施|保障机制|组织保障|工作保障|实施保障|组织实施/;

/** Head of a document: 附件, title lines, 文号, addressee, signature; ends at the first numbered line. */
export function findBodyStart(lines: NormalisedLine[]): number {
  const marked = lines.findIndex((l) => l.marker && l.marker.kind !== 'minor' && l.marker.kind !== 'dash');
  // An un-numbered heading right above the first numbered item, after the preamble, opens the body too:
  // 年度工作要点 often head their groups of items with bare titles ("体制机制创新").
  const text = lines.findIndex((l) => !l.heading);
  if (text >= 0 && marked > text + 1 && isUnnumberedHeading(lines, marked - 1)) return marked - 1;
  if (marked >= 0) return marked;
  return text < 0 ? lines.length : text;
}

function isUnnumberedHeading(lines: NormalisedLine[], i: number): boolean {
  const l = lines[i];
  return (
    l.heading &&
    !l.marker &&
    i + 1 < lines.length &&
    visualWidth(l.text) <= 20 &&
    !isDocNoLine(l.text) &&
    !isDateLine(l.text) &&
    !/^附件\d*$/.test(l.text)
  );
}

/**
 * Builds the section / task / measure tree from the normalised paragraphs. Everything between two numbered
 * items belongs to the first, whatever paragraph breaks the extraction produced, so a task's text is the
 * same however its lines were wrapped.
 */
export function buildSkeleton(lines: NormalisedLine[]): PlanSkeleton {
  const bodyStart = findBodyStart(lines);
  const skeleton: PlanSkeleton = { bodyStart, preamble: [], sections: [], measures: [] };
  let top: SkeletonSection | null = null;
  let sub: SkeletonSection | null = null;
  let task: SkeletonTask | null = null;
  let measure: SkeletonMeasure | null = null;

  const current = () => sub ?? top;
  const inMeasures = () => !!(current()?.isMeasures || top?.isMeasures);
  const newSection = (no: string, rest: string, level: number, line: number, parent: SkeletonSection | null) => {
    const title = clauseTitle(rest);
    const s: SkeletonSection = {
      no,
      title,
      level,
      line,
      body: [],
      children: [],
      tasks: [],
      isMeasures: MEASURES_TITLE_RE.test(title) || !!parent?.isMeasures,
    };
    (parent ? parent.children : skeleton.sections).push(s);
    // Inline text after a heading sentence ("（一）指导思想。全面贯彻…") belongs to the section body.
    if (rest.length > title.length + 1) s.body.push(rest);
    return s;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const l = lines[i];
    const lineNo = i + 1;
    const m = l.marker;
    const rest = m ? l.text.slice(m.length) : l.text;

    if (m?.kind === 'top') {
      top = newSection(m.label, rest, 1, lineNo, null);
      sub = null;
      task = null;
      measure = null;
      continue;
    }
    if (m?.kind === 'sub') {
      task = null;
      measure = null;
      if (top?.isMeasures) {
        measure = { no: m.label, title: '', text: rest, line: lineNo };
        skeleton.measures.push(measure);
        continue;
      }
      sub = newSection(m.label, rest, top ? 2 : 1, lineNo, top);
      continue;
    }
    if (m?.kind === 'item') {
      task = null;
      measure = null;
      if (inMeasures()) {
        measure = { no: m.label, title: '', text: rest, line: lineNo };
        skeleton.measures.push(measure);
        continue;
      }
      let owner = current();
      if (!owner) {
        // Numbered items with no heading above them still need a section to live in.
        owner = newSection('', '', 1, lineNo, null);
        top = owner;
      }
      task = { no: m.value, title: '', text: rest, line: lineNo, endLine: lineNo };
      owner.tasks.push(task);
      continue;
    }
    if (isUnnumberedHeading(lines, i)) {
      task = null;
      measure = null;
      if (top?.no) {
        sub = newSection('', l.text, top.level + 1, lineNo, top);
      } else {
        top = newSection('', l.text, 1, lineNo, null);
        sub = null;
      }
      continue;
    }
    if (task) {
      task.text += l.text;
      task.endLine = lineNo;
    } else if (measure) {
      measure.text += l.text;
    } else if (current()) {
      current()!.body.push(l.text);
    } else {
      skeleton.preamble.push(l.text);
    }
  }
  // Titles come from the whole clause: a narrow page can break even the heading sentence over paragraphs.
  const titleTasks = (list: SkeletonSection[]) => {
    for (const s of list) {
      for (const t of s.tasks) t.title = clauseTitle(t.text);
      titleTasks(s.children);
    }
  };
  titleTasks(skeleton.sections);
  for (const m of skeleton.measures) m.title = clauseTitle(m.text);
  return skeleton;
}
