import type { PairContext } from './sub-pairs.ts';
import type { ResponsibleUnit, UnitRole } from './types.ts';

/*
 * Responsible units as 分工方案 and many 实施方案 write them after a task:
 *   （责任单位：省发展改革委、省商务厅）            first named leads, the rest co-operate
 *   （牵头单位：省发展改革委；配合单位：省财政厅）
 *   （省发展改革委牵头，省商务厅、省财政厅配合）
 *   （两省发展改革委负责）                           both provinces' commissions
 *   责任单位：长春市政府、杭州市政府。               at the end of the clause, without brackets
 */

const LEAD_LABEL = /^(?:牵头单位|牵头部门|主责单位|牵头)$/;
const CO_LABEL = /^(?:配合单位|配合部门|参与单位|协同单位|协办单位|协助单位|参加单位)$/;
const LABEL_RE =
  /(责任单位|责任部门|责任主体|承办单位|实施单位|牵头单位|牵头部门|主责单位|配合单位|配合部门|参与单位|协同单位|协办单位|协助单位|参加单位)\s*[:：]/g;
const VERB_RE = /^(.+?)(牵头|负责|主责)(?:[，,、；;]\s*(.+?)(配合|参与|协同|协助|协办))?[。；;]?$/;
// A unit named only by its kind, without the region: 省发展改革委, 市商务局. Real units end with one of these.
const UNIT_END_RE =
  /(?:委员会|委|厅|局|办公室|办|部|院|署|会|联|协|中心|政府|管委会|集团|公司|银行|所|社|队|室|处|组|校|馆|站|台)$/;
// Each name of a bare list starts like a government unit: 省…, 市…, 两省…, 各….
const BARE_LIST_RE = /^(?:(?:省|市|县|区|两省|两市|各)[^、，,]{2,30}(?:、|$))+$/;
const BOTH_SIDES_RE = /^(两省|两市|两区|双方|两地|两省市)(.+)$/;

interface Fragment {
  /** What the fragment says the listed units do; null: the first listed leads. */
  role: UnitRole | null;
  names: string;
}

/** Splits a list of names at 、，, 和 and 及, but not inside brackets (各市（州）政府). */
function splitNames(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;/]/.test(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .flatMap((s) => s.split(/(?<=[委厅局办部院府会司行])(?:和|及|以及)/))
    .map((s) => s.trim().replace(/[。.]$/, ''))
    .filter((s) => s.length >= 2 && s.length <= 40);
}

/** The bracketed groups of a clause and its tail after the last full stop, where units are named. */
function candidates(text: string): { body: string; source: string }[] {
  const out: { body: string; source: string }[] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') open.push(i);
    else if ((ch === '）' || ch === ')') && open.length) {
      const start = open.pop()!;
      if (open.length === 0) out.push({ body: text.slice(start + 1, i), source: text.slice(start, i + 1) });
    }
  }
  const labelled = /(?:^|[。；;])\s*((?:责任单位|责任部门|牵头单位|牵头部门)\s*[:：][^（(]+)$/.exec(text);
  if (labelled) out.push({ body: labelled[1], source: labelled[1] });
  return out;
}

function fragments(body: string): Fragment[] | null {
  const labels = [...body.matchAll(LABEL_RE)];
  if (labels.length > 0) {
    return labels.map((m, i) => {
      const end = i + 1 < labels.length ? labels[i + 1].index : body.length;
      const names = body.slice(m.index + m[0].length, end).replace(/[；;，,。\s]+$/, '');
      const label = m[1];
      return { role: LEAD_LABEL.test(label) ? 'lead' : CO_LABEL.test(label) ? 'co' : null, names };
    });
  }
  const verb = VERB_RE.exec(body);
  // A bare list of units, the lead marked or named first: （省商务厅（牵头）、省工商联）.
  if (!verb) return BARE_LIST_RE.test(body) ? [{ role: null, names: body }] : null;
  const out: Fragment[] = [{ role: 'lead', names: verb[1] }];
  if (verb[3]) out.push({ role: 'co', names: verb[3] });
  return out;
}

/** Which side of the plan a unit belongs to, from the region its name starts with. */
function sideOf(name: string, ctx: PairContext): 'a' | 'b' | null {
  if (!ctx.sideCodes) return null;
  const head = ctx.matcher.find(name)[0];
  if (head?.start !== 0) return null;
  const [a, b] = ctx.sideCodes;
  if (a && ctx.matcher.isWithin(head.record, a)) return 'a';
  if (b && ctx.matcher.isWithin(head.record, b)) return 'b';
  return null;
}

/** Region names of the plan's sides as units prefix them: 吉林省, 浙江省 (for 两省), 长春市, 杭州市 (for 两市). */
function sideNames(ctx: PairContext): [string, string] | null {
  if (!ctx.sideCodes?.[0] || !ctx.sideCodes[1]) return null;
  const a = ctx.matcher.nameOf(ctx.sideCodes[0]);
  const b = ctx.matcher.nameOf(ctx.sideCodes[1]);
  return a && b ? [a, b] : null;
}

/** The units a task's clause names as lead and co-operating, with the side each belongs to when the name tells it. */
export function findUnits(text: string, ctx: PairContext): ResponsibleUnit[] {
  const units: ResponsibleUnit[] = [];
  const seen = new Set<string>();
  for (const c of candidates(text)) {
    const frags = fragments(c.body);
    if (!frags) continue;
    const found: ResponsibleUnit[] = [];
    for (const f of frags) {
      const names = splitNames(f.names);
      if (
        names.length === 0 ||
        !names.every((n) => UNIT_END_RE.test(n.replace(/[（(]牵头[）)]$/, '')) || /^各/.test(n))
      )
        continue;
      const marked = names.some((n) => /[（(]牵头[）)]$/.test(n));
      names.forEach((raw, i) => {
        const lead = /[（(]牵头[）)]$/.test(raw);
        const name = raw.replace(/[（(]牵头[）)]$/, '');
        const role: UnitRole = f.role ?? (marked ? (lead ? 'lead' : 'co') : i === 0 ? 'lead' : 'co');
        const both = BOTH_SIDES_RE.exec(name);
        const sides = both ? sideNames(ctx) : null;
        if (both && sides) {
          const kind = both[2];
          found.push({ name: `${sides[0]}${kind}`, role, side: 'a', source: c.source });
          found.push({ name: `${sides[1]}${kind}`, role, side: 'b', source: c.source });
        } else {
          found.push({ name, role, side: sideOf(name, ctx), source: c.source });
        }
      });
    }
    for (const u of found) {
      const key = `${u.side}|${u.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      units.push(u);
    }
  }
  return units;
}
