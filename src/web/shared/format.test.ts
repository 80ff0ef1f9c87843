import { describe, expect, it } from 'vitest';
import { wanText, yiText } from './format.ts';

describe('money on the web', () => {
  it('shows 万元 with two decimals always, so a column lines up', () => {
    expect(wanText('394821')).toBe('394,821.00');
    expect(wanText('722731.45')).toBe('722,731.45');
    expect(wanText('150000.5')).toBe('150,000.50');
    expect(wanText('0.005')).toBe('0.01');
    expect(wanText('-1234.5')).toBe('-1,234.50');
    expect(wanText(null)).toBe('—');
    expect(yiText('123456')).toBe('12.35');
  });
});
