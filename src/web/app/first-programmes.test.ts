import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgrammeItem } from '../../common/api/pairings.ts';

const get = vi.fn();
vi.mock('./api-client.ts', () => ({ api: { get } }));

// Only what these functions read of a programme.
const east = { id: 'p-east', sides: { a: '东部', b: '西部' } } as unknown as ProgrammeItem;
const north = { id: 'p-north', sides: { a: '东北地区', b: '东部地区' } } as unknown as ProgrammeItem;

async function load(stored: string | null) {
  vi.stubGlobal('window', { localStorage: { getItem: () => stored, setItem: () => undefined } });
  return import('./first-programmes.ts');
}

/** The programmes asked for with the session, so their side names come in the session's render (session.tsx). */
describe('first programmes', () => {
  afterEach(() => {
    get.mockReset();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('asks once as the code loads, quiet on 401, and keeps the answer until forgotten', async () => {
    get.mockResolvedValueOnce({ items: [east, north] });
    const first = await load(null);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith('/api/programmes', undefined, { quietUnauthorized: true });
    await expect(first.firstProgrammesAnswer()).resolves.toEqual([east, north]);
    expect(first.firstProgrammes()).toEqual([east, north]);
    first.forgetFirstProgrammes();
    expect(first.firstProgrammes()).toBeUndefined();
    await expect(first.firstProgrammesAnswer()).resolves.toBeUndefined();
  });

  it('a refusal (signed out, a pending step) is no list, and an answer after forgetting is not kept', async () => {
    get.mockRejectedValueOnce(new Error('401'));
    const refused = await load(null);
    await expect(refused.firstProgrammesAnswer()).resolves.toBeUndefined();
    expect(refused.firstProgrammes()).toBeUndefined();

    vi.resetModules();
    let answer: (value: unknown) => void = () => undefined;
    get.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const late = await load(null);
    const asked = late.firstProgrammesAnswer();
    // Another user signed in before the answer came: the provider must ask for that user's list.
    late.forgetFirstProgrammes();
    answer({ items: [east] });
    await asked;
    expect(late.firstProgrammes()).toBeUndefined();
  });

  it('the programme worked in is the one chosen last in this browser, else the first', async () => {
    get.mockResolvedValueOnce({ items: [] });
    const first = await load('p-north');
    expect(first.rememberedProgramme()).toBe('p-north');
    expect(first.currentProgramme([east, north], 'p-north')).toBe(north);
    expect(first.currentProgramme([east, north], 'gone')).toBe(east);
    expect(first.currentProgramme([east, north], null)).toBe(east);
    expect(first.currentProgramme(undefined, 'p-north')).toBeUndefined();
  });
});
