import { visualWidth } from './text-width.ts';

const MAX_SENTENCE_TITLE = 30;
const MAX_CLAUSE_TITLE = 40;
const LEAD_CLAUSE_RE = /^(?:在.+(?:下|中)|围绕.+(?:方面|领域|产业|工作|主题)|按照.+|根据.+|依托.+|结合.+|为了?.+)$/;

/**
 * The title of a numbered clause. Plans either lead with a short heading sentence
 * ("行政管理体制改革。推动…") or run straight into the text ("全面对标浙江省…，借鉴…"); the first gives
 * the heading, the second its first clause.
 */
export function clauseTitle(rest: string): string {
  const s = rest.trim();
  const sentence = /^(.*?)[。！？]/.exec(s);
  if (!sentence) {
    if (!/[，；：,;:]/.test(s) && visualWidth(s) <= MAX_CLAUSE_TITLE) return s;
  } else if (visualWidth(sentence[1]) <= MAX_SENTENCE_TITLE) {
    return sentence[1];
  }
  const clauses = s.split(/[，；：,;:。]/).filter(Boolean);
  // "在中央组织部的指导协调下，建立…": a leading circumstance is not what the clause is about.
  const main = clauses.length > 1 && LEAD_CLAUSE_RE.test(clauses[0]) ? clauses[1] : clauses[0];
  if (main && visualWidth(main) <= MAX_CLAUSE_TITLE) return main;
  const chars = [...s];
  if (chars.length <= MAX_SENTENCE_TITLE) return s;
  // Cut a long enumeration at a list comma rather than mid-word.
  const head = chars.slice(0, MAX_SENTENCE_TITLE).join('');
  const comma = head.lastIndexOf('、');
  return `${comma >= 12 ? head.slice(0, comma) : head}…`;
}
