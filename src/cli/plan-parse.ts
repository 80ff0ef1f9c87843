import fs from 'node:fs/promises';
import path from 'node:path';
import { extractPlanText } from '../server/modules/plans/parser/extract-text.ts';
import { parsePlan } from '../server/modules/plans/parser/parse-plan.ts';
import { formatBytes, PlanFileError } from '../server/modules/plans/parser/plan-file-error.ts';
import { MAX_PLAN_FILE_BYTES, planRegions } from '../server/modules/plans/plan-preview.service.ts';
import type { ParsedPlan, PlanSection, RegionRef, SubPair } from '../server/modules/plans/parser/types.ts';
import { processIo, type CliIo } from '../server/cli-support.ts';

const USAGE = `用法 / usage: duikou plan parse FILE [--json]
  FILE    方案文件 / plan file (.txt, .docx, .pdf)
  --json  输出解析结果 JSON / print the parsed plan as JSON
`;

/** 铁西区(210106), or 铁西区(? 沈阳市铁西区 210106 / 鞍山市铁西区 210303) when the name may mean several regions. */
function names(refs: RegionRef[]): string {
  const one = (r: RegionRef) => {
    if (r.code) return `${r.name}(${r.code})`;
    if (r.candidates?.length) return `${r.name}(? ${r.candidates.map((c) => `${c.name} ${c.code}`).join(' / ')})`;
    return `${r.name}(?)`;
  };
  return refs.map(one).join('、') || '—';
}

function pairLine(p: SubPair): string {
  const extra = [p.theme && `主题 ${p.theme}`, p.note, p.exploratory && '探索'].filter(Boolean).join('；');
  return `⇄ ${names(p.a)} — ${names(p.b)}${extra ? `  [${extra}]` : ''}`;
}

/** A tree people can read in a terminal: sections, tasks with targets and sub-pairs, measures. */
export function formatPlanTree(plan: ParsedPlan): string {
  const lines: string[] = [];
  lines.push(`${plan.title}${plan.docNo ? `（${plan.docNo}）` : ''}  [${plan.kind}]`);
  if (plan.sides.length) lines.push(`双方 / sides: ${names(plan.sides)}`);
  for (const p of plan.subPairs) lines.push(`  ${pairLine(p)}`);
  const walk = (s: PlanSection, indent: string) => {
    lines.push(`${indent}${s.no ? `${s.no} ` : ''}${s.title}  (L${s.line})`);
    for (const p of s.subPairs) lines.push(`${indent}  ${pairLine(p)}`);
    for (const t of s.tasks) {
      lines.push(`${indent}  ${t.no}. ${t.title}  (L${t.line}${t.endLine !== t.line ? `–${t.endLine}` : ''})`);
      for (const g of t.targets) {
        const range =
          g.comparison === 'range'
            ? `${g.min}–${g.max}`
            : g.comparison === 'atLeast'
              ? `≥${g.min}`
              : g.comparison === 'atMost'
                ? `≤${g.max}`
                : `${g.min}`;
        lines.push(`${indent}      ◎ ${range} ${g.unit}${g.perYear ? ' /年' : ''}  「${g.source}」`);
      }
      for (const p of t.subPairs) lines.push(`${indent}      ${pairLine(p)}`);
    }
    for (const c of s.children ?? []) walk(c, `${indent}  `);
  };
  plan.sections.forEach((s) => walk(s, ''));
  if (plan.measures.length) {
    lines.push('保障措施 / measures:');
    for (const m of plan.measures) lines.push(`  ${m.no} ${m.title}  (L${m.line})`);
  }
  return `${lines.join('\n')}\n`;
}

/** `duikou plan parse FILE [--json]`: prints the parsed plan; touches no database. */
export async function planParseCommand(args: string[], io: CliIo = processIo): Promise<number> {
  let rest = [...args];
  if (rest[0] === 'plan') rest = rest.slice(1);
  if (rest[0] === 'parse') rest = rest.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const json = rest.includes('--json');
  const files = rest.filter((a) => !a.startsWith('--'));
  const unknown = rest.filter((a) => a.startsWith('--') && a !== '--json');
  if (files.length !== 1 || unknown.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const file = files[0];
  try {
    const stat = await fs.stat(file);
    // Refuse an oversized file before reading it into memory.
    if (stat.size > MAX_PLAN_FILE_BYTES)
      throw new PlanFileError('too_large', { limit: formatBytes(MAX_PLAN_FILE_BYTES) });
    const buffer = await fs.readFile(file);
    const text = await extractPlanText(buffer, path.basename(file), { maxBytes: MAX_PLAN_FILE_BYTES });
    const plan = parsePlan(text, { regions: planRegions() });
    io.out(json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlanTree(plan));
    return 0;
  } catch (err) {
    if (err instanceof PlanFileError) {
      io.err(`${err.messageZh}\n${err.messageEn}${err.detail ? ` (${err.detail})` : ''}\n`);
      if (json)
        io.out(
          `${JSON.stringify({ error: { code: err.code, messageZh: err.messageZh, messageEn: err.messageEn } })}\n`,
        );
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      io.err(`找不到文件 / file not found: ${file}\n`);
      return 1;
    }
    throw err;
  }
}
