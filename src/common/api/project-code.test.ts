import { describe, it, expect } from 'vitest';
import { validateProjectCode, normaliseProjectCode, PROJECT_CODE_LENGTH } from './project-code.ts';

const NOW = new Date('2026-06-30T00:00:00Z');

describe('national project code (项目代码)', () => {
  it('accepts the 24-character 4-6-2-2-6 layout of both generations', () => {
    for (const code of [
      '2104-220100-04-01-123456',
      '2019-330106-26-03-000123',
      '2306-210200-89-02-50123X',
      '2011-000000-04-01-123457',
    ]) {
      const r = validateProjectCode(code, NOW);
      expect(r.ok, code).toBe(true);
      if (r.ok) expect(r.code).toHaveLength(PROJECT_CODE_LENGTH);
    }
    const r = validateProjectCode('2104-220100-04-01-123456', NOW);
    expect(r.ok && r.parts).toEqual({ time: '2104', region: '220100', department: '04', type: '01', serial: '123456' });
  });

  it('normalises what people paste', () => {
    expect(normaliseProjectCode(' ２１０４－２２０１００—04–01-12345x ')).toBe('2104-220100-04-01-12345X');
    expect(validateProjectCode('２１０４－２２０１００－０４－０１－１２３４５６', NOW).ok).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const bad of [
      '',
      '2104220100040112345',
      '2104-220100-04-01-12345',
      '2104-220100-4-01-123456',
      '2104-22010A-04-01-123456',
      '2104-220100-04-01-1234567',
      '2104-220100-04-01-ABCDE6',
      '2104/220100/04/01/123456',
    ]) {
      expect(validateProjectCode(bad, NOW), bad).toEqual({ ok: false, error: 'project_code_format' });
    }
  });

  it('refuses a region segment outside any province', () => {
    expect(validateProjectCode('2104-990100-04-01-123456', NOW)).toEqual({ ok: false, error: 'project_code_region' });
    expect(validateProjectCode('2104-000100-04-01-123456', NOW)).toEqual({ ok: false, error: 'project_code_region' });
  });

  it('refuses a time segment that is neither a year from 2015 nor a year-month from 2020', () => {
    expect(validateProjectCode('2014-220100-04-01-123456', NOW)).toEqual({ ok: false, error: 'project_code_time' });
    expect(validateProjectCode('1912-220100-04-01-123456', NOW)).toEqual({ ok: false, error: 'project_code_time' });
    expect(validateProjectCode('2113-220100-04-01-123456', NOW)).toEqual({ ok: false, error: 'project_code_time' });
    expect(validateProjectCode('2901-220100-04-01-123456', NOW)).toEqual({ ok: false, error: 'project_code_time' });
    expect(validateProjectCode('2027-220100-04-01-123456', NOW).ok).toBe(true);
  });
});
