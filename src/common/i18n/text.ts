/** What every catalogue user needs, without the catalogues themselves (the web loads the English one on demand). */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The text of a dotted key in a catalogue (the key itself when absent), with `{name}` placeholders filled in. */
export function textOf(catalogue: object, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogue;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
