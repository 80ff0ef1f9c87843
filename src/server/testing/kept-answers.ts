import { expect } from 'vitest';
import type { TestClient } from './test-app.ts';

type Readers = Record<string, TestClient>;

/** Each reader's answer to `url`, read twice so that the second is a hit of the response cache. */
export async function keptAnswers(readers: Readers, url: string): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  for (const [name, c] of Object.entries(readers)) {
    await c.get(url);
    const again = await c.get(url);
    expect(again.headers['x-cache'], name).toBe('hit');
    kept.set(name, again.body);
  }
  return kept;
}

/**
 * After a write: readers who do not see what it wrote are still served their kept answer, and those who do read
 * afresh a list whose rows (`idOf`) hold the written one.
 */
export async function expectKeptOutsideFreshInside(
  url: string,
  kept: Map<string, string>,
  readers: { outside: Readers; inside: Readers },
  written: { id: string; idOf: (row: Record<string, unknown>) => unknown },
) {
  for (const [name, c] of Object.entries(readers.outside)) {
    const res = await c.get(url);
    expect(res.headers['x-cache'], name).toBe('hit');
    expect(res.body, name).toBe(kept.get(name));
  }
  for (const [name, c] of Object.entries(readers.inside)) {
    const res = await c.get(url);
    expect(res.headers['x-cache'], name).toBeUndefined();
    expect(res.json().items.map(written.idOf), name).toContain(written.id);
  }
}
