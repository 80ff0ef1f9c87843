import { describe, expect, it } from 'vitest';
import { worksAsOrgDept } from './org-dept.ts';

describe('who works as 组织部 (its own landing and menu)', () => {
  it('is 组织部 alone, not a 组织部 user who is also an office or the national office', () => {
    expect(worksAsOrgDept(['org_dept'])).toBe(true);
    expect(worksAsOrgDept(['org_dept', 'pairing_office'])).toBe(false);
    expect(worksAsOrgDept(['org_dept', 'lead_unit'])).toBe(false);
    expect(worksAsOrgDept(['national_office', 'org_dept'])).toBe(false);
    expect(worksAsOrgDept(['pairing_office'])).toBe(false);
  });
});
