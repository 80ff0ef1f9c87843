import { idNumberFault, MOBILE_PATTERN, normaliseIdNumber } from '../../../common/api/id-number.ts';
import type { SecondmentDirection, SecondmentRank, SecondmentStatus } from '../../../common/api/people.ts';
import { toHalfWidth } from '../../../common/money/money.ts';
import { textFault } from '../../../common/api/text-faults.ts';
import { cellDate, cellText, type Cell } from '../../kernel/sheet/cell-values.ts';
import { columnRowError } from '../../kernel/sheet/column-sheet.ts';
import type { RowError } from '../../kernel/sheet/row-error.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import {
  directionByLabel,
  directionChoices,
  GENDER_BY_LABEL,
  RANK_BY_LABEL,
  ROSTER_COLUMNS,
  ROSTER_ROW_MESSAGES,
  STATUS_BY_LABEL,
} from './roster-sheet.ts';

/** A valid roster row, ready to be sealed and stored. */
export interface RosterDraft {
  row: number;
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  idNumber: string;
  mobile: string | null;
  direction: SecondmentDirection;
  homeUnit: string;
  homePost: string;
  hostUnit: string;
  hostPost: string;
  rank: SecondmentRank;
  batch: string;
  startsOn: string;
  endsOn: string;
  status: SecondmentStatus;
  evaluation: string | null;
}

type Columns = ReadonlyMap<string, number>;

/** How the pairing's programme writes a direction (its side names), read once per file. */
export interface RosterDirections {
  read: (text: string) => SecondmentDirection | undefined;
  choices: Record<string, string>;
}
export function rosterDirections(sides: { zh: SideParams; en: SideParams }): RosterDirections {
  return { read: directionByLabel(sides), choices: directionChoices(sides) };
}

/** Reads one row; every bad cell is named, and nothing of the row is kept unless every cell is right. */
export function validateRosterRow(
  r: { row: number; cells: Record<string, Cell> },
  columns: Columns,
  directions: RosterDirections,
): { ok: true; draft: RosterDraft } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const bad = (key: string, code: string, params: Record<string, string | number> = {}) =>
    errors.push(columnRowError(ROSTER_COLUMNS, r.row, columns, key, code, params, ROSTER_ROW_MESSAGES));
  const textOf = (key: string, required: boolean) => {
    const v = cellText(r.cells[key] ?? null);
    const def = ROSTER_COLUMNS.find((c) => c.key === key)!;
    if (!v) {
      if (required) bad(key, 'required');
      return null;
    }
    const fault = textFault(v);
    if (fault) bad(key, fault);
    else if (def.max && v.length > def.max) bad(key, 'too_long', { max: def.max });
    return v;
  };
  const choice = <T>(
    key: string,
    lookup: (t: string) => T | undefined,
    code: string,
    required: boolean,
    params: Record<string, string> = {},
  ) => {
    const v = textOf(key, required);
    if (v === null) return undefined;
    const found = lookup(v);
    if (!found) bad(key, code, params);
    return found;
  };

  const name = textOf('name', true);
  const gender = choice('gender', GENDER_BY_LABEL, 'invalid_gender', true);
  const idText = textOf('idNumber', true);
  // A number cell has lost an X and any digits past 15; it is read as text and fails the format check.
  const idNumber = idText ? normaliseIdNumber(idText) : null;
  const idFault = idNumber ? idNumberFault(idNumber) : null;
  if (idFault) bad('idNumber', idFault);
  const yearText = textOf('birthYear', false);
  let birthYear = idNumber && !idFault ? Number(idNumber.slice(6, 10)) : null;
  if (yearText !== null) {
    const y = /^(\d{4})\s*年?$/.exec(toHalfWidth(yearText).trim());
    if (!y || Number(y[1]) < 1930 || Number(y[1]) > 2010) bad('birthYear', 'invalid_birth_year');
    else if (birthYear !== null && Number(y[1]) !== birthYear)
      bad('birthYear', 'birth_year_mismatch', { year: birthYear });
    else birthYear = Number(y[1]);
  }
  const mobileText = textOf('mobile', false);
  const mobile = mobileText ? toHalfWidth(mobileText).replace(/[\s-]/g, '') : null;
  if (mobile && !MOBILE_PATTERN.test(mobile)) bad('mobile', 'invalid_mobile');
  const direction = choice('direction', directions.read, 'invalid_direction', true, directions.choices);
  const homeUnit = textOf('homeUnit', true);
  const homePost = textOf('homePost', true);
  const hostUnit = textOf('hostUnit', true);
  const hostPost = textOf('hostPost', true);
  const rank = choice('rank', RANK_BY_LABEL, 'invalid_rank', true);
  const batch = textOf('batch', true);
  const dateOf = (key: string) => {
    const d = cellDate(r.cells[key] ?? null);
    if (d === undefined) bad(key, 'required');
    else if (d === null) bad(key, 'invalid_date');
    return d ?? null;
  };
  const startsOn = dateOf('startsOn');
  const endsOn = dateOf('endsOn');
  if (startsOn && endsOn && endsOn < startsOn) bad('endsOn', 'date_order', { start: startsOn });
  const status = choice('status', STATUS_BY_LABEL, 'invalid_status', false) ?? 'planned';
  const evaluation = textOf('evaluation', false);

  if (
    errors.length ||
    !name ||
    !gender ||
    !idNumber ||
    birthYear === null ||
    !direction ||
    !homeUnit ||
    !homePost ||
    !hostUnit ||
    !hostPost ||
    !rank ||
    !batch ||
    !startsOn ||
    !endsOn
  )
    return { ok: false, errors };
  return {
    ok: true,
    draft: {
      row: r.row,
      name,
      gender,
      birthYear,
      idNumber,
      mobile,
      direction,
      homeUnit,
      homePost,
      hostUnit,
      hostPost,
      rank,
      batch,
      startsOn,
      endsOn,
      status,
      evaluation,
    },
  };
}

/** Two rows of the file for the same person in the same batch: the later one is named, pointing at the first. */
export function duplicateRows(drafts: readonly RosterDraft[], columns: Columns): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const d of drafts) {
    const key = `${d.batch}|${d.idNumber}`;
    const at = first.get(key);
    if (at === undefined) first.set(key, d.row);
    else
      errors.push(
        columnRowError(
          ROSTER_COLUMNS,
          d.row,
          columns,
          'idNumber',
          'duplicate_in_file',
          { first: at },
          ROSTER_ROW_MESSAGES,
        ),
      );
  }
  return errors;
}

export const onFileError = (row: number, columns: Columns, batch: string) =>
  columnRowError(ROSTER_COLUMNS, row, columns, 'idNumber', 'duplicate_on_file', { batch }, ROSTER_ROW_MESSAGES);

/** A posting that starts in a year locked by its accepted summary (kernel/year-lock). */
export const lockedYearError = (row: number, columns: Columns, year: number) =>
  columnRowError(ROSTER_COLUMNS, row, columns, 'startsOn', 'year_locked', { year }, ROSTER_ROW_MESSAGES);
