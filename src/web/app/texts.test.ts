import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../common/i18n/text.ts';
import { zhCN } from './texts.ts';

const WEB = path.resolve(import.meta.dirname, '..');

function sources(): string[] {
  return fs
    .readdirSync(WEB, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('e2e'))
    .map((file) => fs.readFileSync(path.join(WEB, file), 'utf8'));
}

/** The web's Chinese catalogue leaves out the server's error texts: every error key the web names must be in it. */
describe('web catalogue', () => {
  it('has every error text the web app shows by itself, and no key the web names is missing', () => {
    const keys = new Set(
      sources().flatMap((text) => [...text.matchAll(/['"`](errors\.[\w.]+)['"`]/g)].map((m) => m[1]!)),
    );
    expect(keys.size).toBeGreaterThan(0);
    const missing = [...keys].filter((key) => textOf(zhCN, key) === key);
    expect(missing).toEqual([]);
    // A key built at run time (`errors.${code}`) could not be checked here: the web app has none.
    expect(sources().some((text) => /['"`]errors\.\$\{/.test(text))).toBe(false);
  });

  it('carries no error text the web does not name (the server sends its own)', () => {
    const named = sources().join('\n');
    const leaves = (node: object, prefix: string): string[] =>
      Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
    const unused = leaves(zhCN.errors, 'errors.').filter((key) => !named.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
