import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryWords, warmSegmenter, wordWeight } from './segmenter.ts';

/** A word's idf as jieba's own table states it (the line `word value`). */
function idfInTable(word: string): number {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/dict')), 'idf.txt');
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${word} `));
  return Number(line!.split(' ')[1]);
}

describe('the word segmenter loaded in the background', () => {
  it('after warming in slices, segments, folds synonyms and weighs words as the idf table says', async () => {
    await warmSegmenter();
    expect(queryWords('吉林大米 冷链')).toEqual(expect.arrayContaining(['吉林大米', '吉林', '大米']));
    // A synonym group folds 低温物流 and 冷链 onto one word.
    expect(queryWords('低温物流')).toContain('冷链物流');
    expect(queryWords('冷链')).toEqual(['冷链物流']);
    for (const word of ['大米', '吉林', '软件开发', '疫苗']) expect(wordWeight(word)).toBe(idfInTable(word));
    expect(wordWeight('吉林大米')).toBeGreaterThan(wordWeight('吉林'));
  });
});
