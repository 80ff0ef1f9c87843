import { describe, it, expect } from 'vitest';
import { industries } from './industries.ts';

describe('GB/T 4754-2017 industries shipped with the product', () => {
  const cat = industries();

  it('has the 20 门类 A–T and the 97 大类 01–97, each under its 门类', () => {
    expect(cat.standard).toBe('GB/T 4754-2017');
    expect(cat.sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const divisions = cat.sections.flatMap((s) => s.divisions);
    expect(divisions.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(cat.section('C')!.divisions).toHaveLength(31);
    expect(cat.division('36')).toMatchObject({ name: '汽车制造业', sectionCode: 'C' });
    expect(cat.division('65')).toMatchObject({ name: '软件和信息技术服务业', sectionCode: 'I' });
    for (const d of divisions) expect(d.nameEn.length).toBeGreaterThan(3);
  });

  it('resolves what an office writes in a spreadsheet cell', () => {
    expect(cat.resolve('36')?.division?.name).toBe('汽车制造业');
    expect(cat.resolve('C36')?.division?.code).toBe('36');
    expect(cat.resolve('C36-汽车制造业')?.division?.code).toBe('36');
    expect(cat.resolve('36 汽车制造业')?.division?.code).toBe('36');
    expect(cat.resolve('汽车制造业')?.division?.code).toBe('36');
    expect(cat.resolve('制造业')).toMatchObject({ section: { code: 'C' }, division: null });
    expect(cat.resolve('C')).toMatchObject({ section: { code: 'C' }, division: null });
    expect(cat.resolve('房地产业')?.division?.code).toBe('70');
    expect(cat.resolve('３６')?.division?.code).toBe('36');
  });

  it('refuses codes and names that do not exist or do not match', () => {
    for (const bad of ['', '98', 'A36', '36 农业', '汽车', 'Z', 'U01']) expect(cat.resolve(bad), bad).toBeNull();
  });
});
