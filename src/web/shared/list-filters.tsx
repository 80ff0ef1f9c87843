import { SelectFilter } from '../app/list/FilterBar.tsx';
import type { UrlQuery } from '../app/list/use-url-query.ts';
import { usePairingOptions } from './use-pairing-options.ts';

/*
 * Filters that many lists share, bound to the same address parameters everywhere (pairingId, year), so a link
 * from one list to another keeps its meaning.
 */

/** The pairings the user may see (one request, shared with the page's other pairing selects). */
export function PairingFilter({
  query,
  placeholder,
  width = 220,
  testId,
}: {
  query: UrlQuery;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  const pairings = usePairingOptions();
  return (
    <SelectFilter
      query={query}
      name="pairingId"
      placeholder={placeholder}
      options={pairings.options}
      width={width}
      testId={testId}
    />
  );
}

/** This year and the `years - 1` before it, latest first. */
export function YearFilter({
  query,
  placeholder,
  years = 12,
  width = 110,
}: {
  query: UrlQuery;
  placeholder: string;
  years?: number;
  width?: number;
}) {
  const thisYear = new Date().getFullYear();
  return (
    <SelectFilter
      query={query}
      name="year"
      placeholder={placeholder}
      options={Array.from({ length: years }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }))}
      width={width}
    />
  );
}
