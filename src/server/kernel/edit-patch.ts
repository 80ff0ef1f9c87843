/**
 * What an edit changes: of the editable fields, those the request gives (undefined = left as it is), as the row
 * patch and as the audit row's before and after.
 */
export function editPatch<K extends string>(
  editable: readonly K[],
  input: Partial<Record<K, unknown>>,
  current: Record<K, unknown>,
): { patch: Record<string, unknown>; before: Record<string, unknown>; after: Record<string, unknown> } {
  const patch: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of editable) {
    if (input[k] === undefined) continue;
    patch[k] = after[k] = input[k];
    before[k] = current[k];
  }
  return { patch, before, after };
}
