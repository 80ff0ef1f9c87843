import { SearchFilter, SelectFilter } from '../app/list/FilterBar.tsx';
import type { UrlQuery } from '../app/list/use-url-query.ts';
import { DemoFilter } from './demo.tsx';
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

/** A choice of a list's own (a kind, a status…): its address parameter and its values, each with its label. */
interface ChoiceFilter {
  name: string;
  placeholder: string;
  values: readonly string[];
  label: (value: string) => string;
  width?: number;
  testId?: string;
}

/**
 * The filter bar of the lists kept per pairing (meetings, 督办 items, cadres, trainings, exchanges), in the same
 * order on each: a search box when the list has one, the pairing, the list's own choices, the year when the list
 * is by year, and real or demo records.
 */
export function PairingListFilters({
  query,
  search,
  pairing,
  choices = [],
  year,
}: {
  query: UrlQuery;
  /** The search box's placeholder; no search box without it. */
  search?: string;
  pairing: { placeholder: string; testId?: string };
  choices?: readonly ChoiceFilter[];
  year?: { placeholder: string; years?: number; width?: number };
}) {
  return (
    <>
      {search && <SearchFilter query={query} placeholder={search} />}
      <PairingFilter query={query} placeholder={pairing.placeholder} testId={pairing.testId} />
      {choices.map((c) => (
        <SelectFilter
          key={c.name}
          query={query}
          name={c.name}
          placeholder={c.placeholder}
          options={c.values.map((v) => ({ value: v, label: c.label(v) }))}
          width={c.width}
          testId={c.testId}
        />
      ))}
      {year && <YearFilter query={query} placeholder={year.placeholder} years={year.years} width={year.width} />}
      <DemoFilter query={query} />
    </>
  );
}
