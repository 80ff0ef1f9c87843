import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allTasks } from '../parse-plan.ts';
import type { ParsedPlan, RegionRef } from '../types.ts';

/** The labelled plans of issue 15: variants of the genre the parser was not built on, with what it must find. */
export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

export interface LabelledPair {
  task: number;
  /** Region codes, or ?name for a name that must stay unresolved (unknown zone, ambiguous name). */
  a: string[];
  b: string[];
}

export interface LabelledTarget {
  task: number;
  min: number | null;
  max: number | null;
  unit: string;
}

export interface CorpusPlan {
  file: string;
  classes: string[];
  sides: string[];
  tasks: number;
  subPairs: LabelledPair[];
  targets: LabelledTarget[];
}

export function corpusPlans(): (CorpusPlan & { text: string })[] {
  const labels = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'labels.json'), 'utf8')) as { plans: CorpusPlan[] };
  return labels.plans.map((p) => ({ ...p, text: fs.readFileSync(path.join(CORPUS_DIR, p.file), 'utf8') }));
}

const sideKey = (refs: (RegionRef | string)[]) =>
  refs
    .map((r) => (typeof r === 'string' ? r : (r.code ?? `?${r.name}`)))
    .sort()
    .join('+');

/** One key per sub-pair, so found and labelled pairs compare as multisets. */
export const pairKey = (task: number, a: (RegionRef | string)[], b: (RegionRef | string)[]) =>
  `${task}:${sideKey(a)}|${sideKey(b)}`;
export const targetKey = (t: LabelledTarget) => `${t.task}:${t.min ?? ''}-${t.max ?? ''}${t.unit}`;

export interface Tally {
  truePositives: number;
  found: number;
  labelled: number;
  missed: string[];
  extra: string[];
}

function tally(found: string[], labelled: string[]): Tally {
  const left = [...labelled];
  const extra: string[] = [];
  for (const f of found) {
    const i = left.indexOf(f);
    if (i >= 0) left.splice(i, 1);
    else extra.push(f);
  }
  return {
    truePositives: found.length - extra.length,
    found: found.length,
    labelled: labelled.length,
    missed: left,
    extra,
  };
}

export interface PlanScore {
  file: string;
  tasks: number;
  subPairs: Tally;
  targets: Tally;
}

/** What the parser found in one plan against its labels; sub-pairs outside tasks count as task 0. */
export function scorePlan(plan: ParsedPlan, label: CorpusPlan): PlanScore {
  const tasks = allTasks(plan);
  const pairs = [
    ...plan.subPairs.map((p) => pairKey(0, p.a, p.b)),
    ...tasks.flatMap((t) => t.subPairs.filter((p) => !p.exploratory).map((p) => pairKey(t.no, p.a, p.b))),
  ];
  const targets = tasks.flatMap((t) => t.targets.map((g) => targetKey({ task: t.no, ...g })));
  return {
    file: label.file,
    tasks: tasks.length,
    subPairs: tally(
      pairs,
      label.subPairs.map((p) => pairKey(p.task, p.a, p.b)),
    ),
    targets: tally(targets, label.targets.map(targetKey)),
  };
}

export interface Rates {
  precision: number;
  recall: number;
  truePositives: number;
  found: number;
  labelled: number;
}

function rates(list: Tally[]): Rates {
  const sum = (f: (t: Tally) => number) => list.reduce((n, t) => n + f(t), 0);
  const truePositives = sum((t) => t.truePositives);
  const found = sum((t) => t.found);
  const labelled = sum((t) => t.labelled);
  return {
    precision: found ? truePositives / found : 1,
    recall: labelled ? truePositives / labelled : 1,
    truePositives,
    found,
    labelled,
  };
}

/** Precision and recall of sub-pairs and targets over the corpus (micro-averaged: every pair and target counts once). */
export function corpusRates(scores: PlanScore[]): { subPairs: Rates; targets: Rates } {
  return { subPairs: rates(scores.map((s) => s.subPairs)), targets: rates(scores.map((s) => s.targets)) };
}

// A number and the unit after it, where Word files break lines and PDFs wrap: "不少于20" / "家".
const NUMBER_BEFORE_UNIT_RE = /\d+(?=[个家项次名人户场条]|亿元|万元|万人次|人次)/g;

/**
 * A Word file of the plan as offices make them when they paste from a PDF: a hard return between every number and
 * its unit (each piece its own paragraph), and a page break in the middle of the longest paragraph (the list of
 * pairs), after one of its 、.
 */
export async function brokenDocx(paragraphs: string[]): Promise<Buffer> {
  const { Document, Packer, PageBreak, Paragraph, TextRun } = await import('docx');
  const longest = paragraphs.reduce((best, p, i) => (p.length > paragraphs[best].length ? i : best), 0);
  const children = paragraphs.flatMap((text, i) => {
    const pieces: string[] = [];
    let last = 0;
    for (const m of text.matchAll(NUMBER_BEFORE_UNIT_RE)) {
      pieces.push(text.slice(last, m.index + m[0].length));
      last = m.index + m[0].length;
    }
    pieces.push(text.slice(last));
    return pieces.flatMap((piece) => {
      const mid = i === longest ? piece.indexOf('、', piece.length / 2) : -1;
      if (mid < 0) return [new Paragraph({ children: [new TextRun(piece)] })];
      return [
        new Paragraph({ children: [new TextRun(piece.slice(0, mid + 1)), new PageBreak()] }),
        new Paragraph({ children: [new TextRun(piece.slice(mid + 1))] }),
      ];
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
