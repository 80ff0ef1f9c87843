import { describe, expect, it } from 'vitest';
import { creditCodeCheck, validCreditCode } from './credit-code.ts';

describe('统一社会信用代码 check character (GB 32100)', () => {
  it('accepts published codes', () => {
    // 国家电网有限公司, 阿里巴巴（中国）有限公司, 腾讯科技（深圳）有限公司, as printed on their business licences.
    for (const code of ['91110000710931141J', '91330100716105852F', '9144030071526726XG'])
      expect(validCreditCode(code), code).toBe(true);
  });
  it('refuses a changed character and a wrong check character', () => {
    expect(validCreditCode('91110000710931141K')).toBe(false);
    expect(validCreditCode('91110000710931142J')).toBe(false);
    expect(validCreditCode('9111000071093114')).toBe(false);
  });
  it('computes the check character, 0 when the remainder is 0', () => {
    expect(creditCodeCheck('91110000710931141')).toBe('J');
    expect(creditCodeCheck('9111000071093114I')).toBeNull();
  });
});
