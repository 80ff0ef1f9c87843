// Lists of API enum values for filters and selects. src/common/api/* holds them too, but importing a value from
// there would pull zod into the bundle; the records below make the compiler check that they stay complete.
import type { AuditItem, PairingSummary } from '../app/api-types.ts';

const levels: Record<PairingSummary['level'], true> = { province: true, city: true, county: true, zone: true, department: true };
const statuses: Record<PairingSummary['status'], true> = { active: true, exploratory: true, inactive: true };
const sides: Record<'a' | 'b', true> = { a: true, b: true };
const auditResults: Record<AuditItem['result'], true> = { success: true, failure: true, denied: true };

export const PAIRING_LEVELS = Object.keys(levels) as PairingSummary['level'][];
export const PAIRING_STATUSES = Object.keys(statuses) as PairingSummary['status'][];
export const SIDES = Object.keys(sides) as ('a' | 'b')[];
export const AUDIT_RESULTS = Object.keys(auditResults) as AuditItem['result'][];
