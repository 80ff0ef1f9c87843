import { describe, expect, it } from 'vitest';
import { mentionOf } from './unit-matching.ts';

describe('how a clause names an organisation', () => {
  it('finds the full name, the name with the level prefix, or the name without its region', () => {
    expect(mentionOf('由吉林省商务厅牵头', '吉林省商务厅', '吉林省')).toBe('吉林省商务厅');
    expect(mentionOf('省商务厅、省发展改革委负责', '吉林省商务厅', '吉林省')).toBe('省商务厅');
    expect(mentionOf('商务厅牵头，浙江省经信厅配合', '吉林省商务厅', '吉林省')).toBe('商务厅');
    expect(mentionOf('长春市科技局牵头', '长春市科技局', '长春市')).toBe('长春市科技局');
    expect(mentionOf('市科技局牵头', '长春市科技局', '长春市')).toBe('市科技局');
  });
  it('does not match a name that only shares its region or is too short to tell', () => {
    expect(mentionOf('吉林省人民政府负责', '吉林省商务厅', '吉林省')).toBeNull();
    expect(mentionOf('厅里统筹', '吉林省厅', '吉林省')).toBeNull();
    expect(mentionOf('商务厅牵头', '商务部', '')).toBeNull();
  });
});
