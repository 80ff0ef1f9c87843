import { useEffect, useState } from 'react';
import { pairingsApi } from '../modules/pairings/pairings.api.ts';

export interface PairingOption {
  value: string;
  label: string;
}

/** The one load every pairing select of the page shares while one of them is shown; the next page loads afresh. */
let shared: Promise<PairingOption[]> | null = null;
let users = 0;

function loadOptions(): Promise<PairingOption[]> {
  shared ??= pairingsApi.list({ sort: 'name', pageSize: 500 }).then(
    (list) => list.items.map((p) => ({ value: p.id, label: p.name })),
    (err: unknown) => {
      shared = null;
      throw err;
    },
  );
  return shared;
}

/**
 * The pairings the user may see, as select options (a programme has a few dozen, sub-pairs included). A list page
 * and its form drawer share one request; `enabled` false (an edit form without the select) asks for nothing.
 */
export function usePairingOptions(enabled = true): { loading: boolean; options: PairingOption[] } {
  const [options, setOptions] = useState<PairingOption[] | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    users += 1;
    loadOptions().then(
      (loaded) => live && setOptions(loaded),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
      users -= 1;
      if (users === 0) shared = null;
    };
  }, [enabled]);
  return { loading: enabled && options === undefined, options: options ?? [] };
}
