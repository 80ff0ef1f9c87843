import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../http/system-actor.ts';
import { repoPath } from '../../repo-path.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { seedBuiltInIndicators } from '../indicators/indicators.service.ts';

/*
 * A programme may carry its own plan kinds and indicator set (docs/PROGRAMME-FILE.md): the 东西部协作 example names
 * national, implementation and annual plans and 17 of the library's indicators; 22号's programme names none and
 * keeps every kind and the whole library.
 */
const example = () => JSON.parse(fs.readFileSync(repoPath('resources/programmes/dongxi-xiezuo-2021.json'), 'utf8'));

/** The smallest plan an office could confirm: one section, one task, its text the source. */
const planBody = (kind: string, pairingId: string) => ({
  kind,
  pairingId,
  title: '江苏省—陕西省东西部协作专项规划',
  fileName: 'plan.txt',
  sourceText: '一、产业协作\n1. 共建产业园区。',
  sections: [
    {
      no: '一',
      title: '产业协作',
      line: 1,
      tasks: [{ no: 1, title: '共建产业园区', text: '共建产业园区。', line: 2 }],
    },
  ],
});

describe.each(testEngines())('a programme’s own plan kinds and indicator set on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('loads them from the file, refuses a plan of another kind naming the field, and measures its own indicators', async () => {
    const c = await s.as(s.f.users.national);
    expect((await c.post('/api/programmes/load', example())).statusCode).toBe(200);
    const programmes = (await c.get('/api/programmes')).json().items;
    const dx = programmes.find((p: { name: string }) => p.name === '东西部协作');
    const file = example().programme;
    expect(dx.planKinds).toEqual(['national', 'implementation', 'annual']);
    expect(dx.indicators).toEqual(file.indicators);
    const ne = programmes.find((p: { docNo: string | null }) => p.docNo === '国办发〔2017〕22号');
    expect(ne).toMatchObject({ planKinds: null, indicators: null });
    // Loading the same file again changes nothing: the new fields compare as stored.
    expect((await c.post('/api/programmes/load', example())).json()).toMatchObject({ unchanged: true });

    const pairings = (await c.get(`/api/pairings?programmeId=${dx.id}&pageSize=50`)).json().items;
    const js = pairings.find((p: { name: string }) => p.name === '江苏省—陕西省').id;
    const refused = await c.post('/api/plans', planBody('special', js));
    expect(refused.statusCode, refused.body).toBe(400);
    const [detail] = refused.json().error.details;
    expect(detail).toMatchObject({ field: 'kind', code: 'plan_kind_not_in_programme' });
    expect(detail.zh).toContain('专项');
    expect(detail.zh).toContain('实施方案');
    expect(detail.en).toMatch(/plan kinds: .*annual/i);
    expect((await c.post('/api/plans', planBody('implementation', js))).statusCode).toBe(201);
    // 22号's programme takes every kind.
    expect((await c.post('/api/plans', planBody('special', s.f.pairings.jilinZhejiang))).statusCode).toBe(201);

    // Its pairings are measured on its own set; 22号's on the whole active library.
    await seedBuiltInIndicators(systemContext(s.t.deps));
    const library = (await c.get('/api/indicators')).json().items as { id: string; code: string; active: boolean }[];
    const codeOf = new Map(library.map((i) => [i.id, i.code]));
    const measured = async (pairingId: string) =>
      (await c.get(`/api/indicators/values?pairingId=${pairingId}&fromYear=2024&toYear=2025`))
        .json()
        .series.map((x: { indicatorId: string }) => codeOf.get(x.indicatorId));
    expect((await measured(js)).sort()).toEqual([...file.indicators].sort());
    expect(await measured(js)).not.toContain('shared_tax_wan');
    expect((await measured(s.f.pairings.jilinZhejiang)).length).toBe(library.filter((i) => i.active).length);

    // The national office edits them on the programme: every kind again.
    const edited = await c.patch(`/api/programmes/${dx.id}`, { version: dx.version, planKinds: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().planKinds).toBeNull();
    const special = await c.post('/api/plans', { ...planBody('special', js), title: '第二份专项规划' });
    expect(special.statusCode, special.body).toBe(201);
  });
});
