import { useSearchParams } from 'react-router-dom';
import { useProgrammeFilter } from '../programme.tsx';

export type QueryChanges = Record<string, string | number | undefined | null>;

export interface UrlQuery {
  params: URLSearchParams;
  /** A parameter as text, or undefined when absent. */
  get: <T extends string = string>(name: string) => T | undefined;
  page: number;
  pageSize: number;
  /** Sets or (with empty values) removes parameters; a filter change goes back to page 1 unless told not to. */
  update: (changes: QueryChanges, resetPage?: boolean) => void;
  /**
   * The programme chosen in the header's switcher (undefined: the user works in one): every list sends it as
   * `programmeId`, so it shows, exports and counts that programme's rows only.
   */
  programmeId: string | undefined;
  /** Changes the load hooks depend on (the chosen programme included). */
  key: string;
}

/** A list page's filters, sort and page live in the address, so a filtered view can be bookmarked and shared. */
export function useUrlQuery(defaultPageSize = 20): UrlQuery {
  const [params, setParams] = useSearchParams();
  const programmeId = useProgrammeFilter();
  const update = (changes: QueryChanges, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };
  return {
    params,
    get: <T extends string = string>(name: string) => (params.get(name) ?? undefined) as T | undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? defaultPageSize),
    update,
    programmeId,
    key: `${params.toString()}|${programmeId ?? ''}`,
  };
}
