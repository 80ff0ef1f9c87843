import type { ProgrammeItem, ProgrammeList } from '../../common/api/pairings.ts';
import { api } from './api-client.ts';

const STORAGE_KEY = 'duikou.programme';

/** The programme the user chose last in this browser (null: never chose). */
export function rememberedProgramme(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberProgramme(id: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Not remembered, still chosen.
  }
}

/** The programme being worked in: the one chosen last, else the first. */
export function currentProgramme(programmes: ProgrammeItem[] | undefined, chosen: string | null) {
  return programmes?.find((p) => p.id === chosen) ?? programmes?.[0];
}

/**
 * The programmes asked for alongside who is signed in, as soon as the app's code runs (session.tsx waits for both):
 * their side names then come in the same render as the session. Arriving after it they renamed the sides in every
 * text, which rendered the whole app, the dashboard's map included, a second time. Undefined when refused (signed
 * out, a pending step) or failed: the programme provider then asks itself.
 */
let items: ProgrammeItem[] | undefined;
let answer: Promise<ProgrammeItem[] | undefined> | null = typeof window === 'undefined' ? null : askEarly();

function askEarly() {
  const asked: Promise<ProgrammeItem[] | undefined> = api
    .get<ProgrammeList>('/api/programmes', undefined, { quietUnauthorized: true })
    .then(
      (list) => {
        if (answer === asked) items = list.items;
        return list.items;
      },
      () => undefined,
    );
  return asked;
}

export function firstProgrammesAnswer(): Promise<ProgrammeItem[] | undefined> {
  return answer ?? Promise.resolve(undefined);
}

/** The first answer, for the programme provider's first render; undefined once forgotten. */
export function firstProgrammes(): ProgrammeItem[] | undefined {
  return items;
}

/** Once the provider holds the list, or another user signs in, the first answer is stale. */
export function forgetFirstProgrammes() {
  answer = null;
  items = undefined;
}
