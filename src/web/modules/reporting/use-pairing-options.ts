import { useApi } from '../../app/use-api.ts';
import { pairingsApi } from '../pairings/pairings.api.ts';

/** The pairings the user may see, as select options (a programme has a few dozen, sub-pairs included). */
export function usePairingOptions() {
  const { data, loading } = useApi((signal) => pairingsApi.list({ sort: 'name', pageSize: 500 }, signal), []);
  return { loading, options: (data?.items ?? []).map((p) => ({ value: p.id, label: p.name })) };
}
