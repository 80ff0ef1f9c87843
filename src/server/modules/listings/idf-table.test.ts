import { idf } from '@node-rs/jieba/dict';
import { describe, expect, it } from 'vitest';
import { IdfTable } from './idf-table.ts';

/** The table as a Map of its lines, a later line of the same word winning: what the product used before. */
function asMap(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) map.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return map;
}

describe('the idf table kept in typed arrays', () => {
  it("gives every word of jieba's table its value, read at once or in slices", () => {
    const expected = asMap(Buffer.from(idf).toString('utf8'));
    const whole = new IdfTable(idf).read(Number.POSITIVE_INFINITY);
    const sliced = new IdfTable(idf);
    while (!sliced.complete) sliced.read(20_000);
    expect(expected.size).toBeGreaterThan(250_000);
    let differ = 0;
    for (const [word, value] of expected) if (whole.get(word) !== value || sliced.get(word) !== value) differ++;
    expect(differ).toBe(0);
  });

  it('answers undefined for words it does not have, takes a later line of a word, and skips lines without a word', () => {
    const table = new IdfTable(Buffer.from('大米 8.5\n吉林 5.25\n 3\n无值\n大米 9.75\n\n长春 6')).read(100);
    expect(table.get('大米')).toBe(9.75);
    expect(table.get('吉林')).toBe(5.25);
    expect(table.get('长春')).toBe(6);
    for (const absent of ['', '大', '大米米', '无值', '吉林大米', '\uFFFD']) expect(table.get(absent)).toBeUndefined();
  });

  it('does not take a lone surrogate for the replacement character it would be encoded as', () => {
    const table = new IdfTable(Buffer.from('a\uFFFD 4')).read(10);
    expect(table.get('a\uFFFD')).toBe(4);
    expect(table.get('a\uD800')).toBeUndefined();
  });
});
