import { formatYuan } from '../../../common/money/format.ts';
import { yuan } from '../../../common/money/money.ts';
import type { ParkType, SharedFigure } from './parks.api.ts';

// The API's enum values; the records make the compiler check the lists stay complete (importing the values from
// src/common/api would pull zod into the bundle).
const parkTypes: Record<ParkType, true> = { cooperation: true, branch: true, enclave: true, innovation_base: true };
const figures: Record<SharedFigure, true> = {
  vat: true,
  corporate_income_tax: true,
  personal_income_tax: true,
  other_tax: true,
  gdp: true,
  output: true,
};
export const PARK_TYPES = Object.keys(parkTypes) as ParkType[];
export const SHARED_FIGURES = Object.keys(figures) as SharedFigure[];
export const TAX_FIGURES: SharedFigure[] = ['vat', 'corporate_income_tax', 'personal_income_tax', 'other_tax'];

/** 元 exact to the fen as the API gives it ("123456.70"), with thousands separators and no unit: 123,456.70. */
export function yuanText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatYuan(yuan(value), { unit: false });
}
