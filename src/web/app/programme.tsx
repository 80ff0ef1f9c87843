import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ProgrammeItem, ProgrammeList } from '../../common/api/pairings.ts';
import { api } from './api-client.ts';
import {
  currentProgramme,
  firstProgrammes,
  forgetFirstProgrammes,
  rememberProgramme,
  rememberedProgramme,
} from './first-programmes.ts';
import { useI18n } from './i18n.tsx';
import { useMe } from './session.tsx';

export interface CurrentProgramme {
  /** The programmes the user works in (undefined while loading). */
  programmes: ProgrammeItem[] | undefined;
  /** The programme being worked in: the one chosen last, else the first. */
  current: ProgrammeItem | undefined;
  /**
   * The programme the user chose, known before the list arrives (undefined: never chose, the server's default is
   * the first): what a page asks the server for, so the first screen does not wait for the list.
   */
  requested: string | undefined;
  choose: (id: string) => void;
  /** After a programme was created, edited or loaded. */
  reload: () => void;
}

const ProgrammeContext = createContext<CurrentProgramme | null>(null);

export { rememberedProgramme };

/**
 * The programme the user works in, for the whole signed-in app: every text naming a side takes that programme's
 * names (东北地区一方, 东部一方 …), the dashboard and the pairing list show its records.
 */
export function ProgrammeProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { setSideNames } = useI18n();
  // The list asked for with the session (first-programmes.ts), when it came: not asked again on the first render.
  const [first] = useState(firstProgrammes);
  const [programmes, setProgrammes] = useState<ProgrammeItem[] | undefined>(first);
  const [chosen, setChosen] = useState<string | null>(rememberedProgramme);
  const [tick, setTick] = useState(0);

  useEffect(forgetFirstProgrammes, []);
  useEffect(() => {
    // Until a pending step (new password, second factor) is done the server answers nothing else.
    if (me.pending || (first && tick === 0)) return;
    const controller = new AbortController();
    api.get<ProgrammeList>('/api/programmes', undefined, { signal: controller.signal }).then(
      (list) => setProgrammes(list.items),
      () => undefined,
    );
    return () => controller.abort();
  }, [me.pending, tick, first]);

  const current = currentProgramme(programmes, chosen);
  useEffect(() => {
    setSideNames(current?.sides ?? null);
  }, [current, setSideNames]);

  const choose = useCallback((id: string) => {
    setChosen(id);
    rememberProgramme(id);
  }, []);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const requested = chosen && (!programmes || programmes.some((p) => p.id === chosen)) ? chosen : undefined;
  const value = useMemo(
    () => ({ programmes, current, requested, choose, reload }),
    [programmes, current, requested, choose, reload],
  );
  return <ProgrammeContext.Provider value={value}>{children}</ProgrammeContext.Provider>;
}

export function useProgramme(): CurrentProgramme {
  const value = useContext(ProgrammeContext);
  if (!value) throw new Error('useProgramme outside ProgrammeProvider');
  return value;
}

/**
 * The programme a list of records is limited to: the one chosen, or when the user works in several the one shown
 * in the switcher; undefined (no limit) for a user of one programme.
 */
export function useProgrammeFilter(): string | undefined {
  // Pages outside the signed-in app (none lists today) have no programme: no limit.
  const value = useContext(ProgrammeContext);
  if (!value) return undefined;
  const { programmes, current, requested } = value;
  return requested ?? (programmes && programmes.length > 1 ? current?.id : undefined);
}

/**
 * A record's page works in the record's programme: opening a pairing of another programme than the one shown
 * switches to it, so its sides are named as its programme names them.
 */
export function useFollowProgramme(programmeId: string | undefined) {
  const { programmes, current, choose } = useProgramme();
  useEffect(() => {
    if (programmeId && current && current.id !== programmeId && programmes?.some((p) => p.id === programmeId))
      choose(programmeId);
  }, [programmeId, current, programmes, choose]);
}
