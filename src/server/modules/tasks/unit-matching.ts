/** The shortest part of an organisation's name worth looking for in a clause (厅, 局 alone would match anything). */
const MIN_CORE = 2;

/**
 * How a clause names an organisation: plans write 省商务厅 or 商务厅 for 吉林省商务厅, so besides the full name the
 * name without its region's name (商务厅), and that with the region level's one-character prefix (省商务厅, 市…) count.
 * Returns the words that matched, or null.
 */
export function mentionOf(text: string, organisationName: string, regionName: string): string | null {
  if (text.includes(organisationName)) return organisationName;
  if (!regionName || !organisationName.startsWith(regionName)) return null;
  const core = organisationName.slice(regionName.length);
  if ([...core].length < MIN_CORE) return null;
  const level = regionName.at(-1) ?? '';
  for (const words of [`${level}${core}`, core]) if (text.includes(words)) return words;
  return null;
}
