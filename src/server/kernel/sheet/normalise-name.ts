/**
 * A name as a sheet row is matched by: without spaces, punctuation or width and case differences
 * ("年产10万辆 新能源汽车项目" and "年产１０万辆新能源汽车项目" are one project, one enterprise).
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
