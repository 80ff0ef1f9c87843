import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readProjectSheet } from './project-sheet-reader.ts';
import { validateProjectRow, type ProjectDraft } from './project-row-validator.ts';
import { planImport, naturalKey, draftFingerprint } from './project-import-plan.ts';
import { buildProjectTemplate, HELP_SHEET, TEMPLATE_SHEET } from './project-sheet-template.ts';
import { PROJECT_SHEET_COLUMNS } from './project-sheet-columns.ts';
import { SheetFileError } from '../../../kernel/sheet/sheet-file-error.ts';
import { filledTemplate, goodRow, testLookups, type SheetRow } from './test-support/project-sheet-fixture.ts';
import { wan } from '../../../../common/money/money.ts';

async function validate(rows: SheetRow[]) {
  const sheet = await readProjectSheet(await filledTemplate(rows));
  const results = sheet.rows.map((r) => validateProjectRow(r, sheet.columns, testLookups));
  return {
    sheet,
    drafts: results.flatMap((r) => (r.ok ? [r.draft] : [])),
    errors: results.flatMap((r) => (r.ok ? [] : r.errors)),
  };
}

describe('the downloadable template', () => {
  it('has every column, required ones marked, drop-downs, and a help sheet with examples', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildProjectTemplate({ pairingName: '吉林省—浙江省' })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toHaveLength(PROJECT_SHEET_COLUMNS.length);
    expect(headers).toContain('项目名称*');
    expect(headers).toContain('签约额（万元）');
    expect(ws.getCell('H2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"工业,基础设施,PPP,科技,农业,旅游,金融,服务业"'],
    });
    expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"谋划,签约,落位,开工,投产"'] });
    const help = wb.getWorksheet(HELP_SHEET)!;
    expect(help.getCell('A2').value).toBe('序号');
    expect(JSON.stringify(help.getSheetValues())).toContain('吉林省—浙江省');
  });

  it('imports nothing when left empty', async () => {
    await expect(readProjectSheet(await buildProjectTemplate())).rejects.toMatchObject({ code: 'no_rows' });
  });
});

describe('project rows', () => {
  it('turns a good row into a project draft with exact money and its stage path', async () => {
    const { drafts, errors } = await validate([goodRow(1)]);
    expect(errors).toEqual([]);
    const d = drafts[0]!;
    expect(d).toMatchObject({
      row: 2,
      title: '新能源汽车零部件项目1',
      hostRegionCode: '220100',
      investorRegionCode: '330200',
      side: 'a',
      industrySection: 'C',
      industryDivision: '36',
      type: 'industrial',
      stage: 'started',
      figuresAsOf: { year: 2024, month: 12 },
      landmark: false,
      greenChannel: true,
    });
    expect(d.moves).toEqual([
      { to: 'signed', on: '2024-03-15' },
      { to: 'started', on: '2024-08-01' },
    ]);
    expect(d.figures).toEqual({
      signed: wan('50000'),
      planned: wan('52000'),
      arrived: wan('18000.5'),
      completed: wan('12000'),
    });
    expect(d.support).toEqual({ central_budget: null, bank_credit: wan('20000'), industry_fund: null });
  });

  it('names the row and the column of every problem, in Chinese and English', async () => {
    const { errors } = await validate([
      goodRow(1),
      goodRow(2, { signedAmount: -5, hostRegion: '南京市' }),
      goodRow(3),
      goodRow(4, {
        stage: '谋划',
        signedOn: undefined,
        startedOn: undefined,
        completedInvestment: 10,
        arrivedFunds: undefined,
        signedAmount: undefined,
      }),
    ]);
    expect(errors.map((e) => [e.row, e.column, e.field, e.code])).toEqual([
      [3, 'E', 'hostRegion', 'region_outside_pairing'],
      [3, 'O', 'signedAmount', 'negative_amount'],
      [5, 'R', 'completedInvestment', 'completed_before_start'],
    ]);
    expect(errors[1]!.zh).toBe('第 3 行 O 列“签约额（万元）”：不能为负数');
    expect(errors[1]!.en).toBe('Row 3, column O (Agreed amount (10k yuan)): must not be negative');
    expect(errors[0]!.zh).toContain('南京市');
  });

  it('checks each kind of cell', async () => {
    const cases: [SheetRow, string, string][] = [
      [{ title: undefined }, 'title', 'required'],
      [{ title: 'x'.repeat(201) }, 'title', 'too_long'],
      [{ hostRegion: '不存在市' }, 'hostRegion', 'unknown_region'],
      [{ hostRegion: '朝阳区' }, 'hostRegion', 'ambiguous_region'],
      [{ park: '某某园' }, 'park', 'unknown_park'],
      [{ industry: '98' }, 'industry', 'unknown_industry'],
      [{ type: '房地产' }, 'type', 'invalid_choice'],
      [{ projectCode: '2104-220100-04-01-12345' }, 'projectCode', 'project_code_format'],
      [{ stage: '暂停' }, 'stage', 'stage_not_importable'],
      [{ stage: '开工吧' }, 'stage', 'invalid_choice'],
      [{ signedOn: '2024-02-30' }, 'signedOn', 'invalid_date'],
      [{ startedOn: undefined }, 'startedOn', 'stage_date_required'],
      [{ producingOn: '2025-01-01' }, 'producingOn', 'date_beyond_stage'],
      [{ startedOn: '2024-01-01' }, 'startedOn', 'stage_date_order'],
      [{ signedOn: '2027-01-01', startedOn: '2027-02-01' }, 'signedOn', 'date_in_future'],
      [{ plannedInvestment: '五万' }, 'plannedInvestment', 'invalid_decimal'],
      [{ plannedInvestment: '1.0000001' }, 'plannedInvestment', 'sub_fen'],
      [{ arrivedFunds: 60000 }, 'arrivedFunds', 'arrived_exceeds_signed'],
      [{ figuresAsOf: '2024-13' }, 'figuresAsOf', 'invalid_month'],
      [{ figuresAsOf: '2026-09' }, 'figuresAsOf', 'period_in_future'],
      [{ figuresAsOf: '2024-07' }, 'completedInvestment', 'completed_before_start'],
      [{ landmark: '也许' }, 'landmark', 'invalid_flag'],
      [{ contactPhone: 'call me' }, 'contactPhone', 'invalid_phone'],
    ];
    // One file, one case per row: row n + 2 holds case n.
    const { errors } = await validate(cases.map(([extra], i) => goodRow(i + 1, extra)));
    cases.forEach(([extra, field, code], i) => {
      const mine = errors.filter((e) => e.row === i + 2);
      expect(
        mine.map((e) => `${e.field}:${e.code}`),
        JSON.stringify(extra),
      ).toContain(`${field}:${code}`);
      for (const e of mine) expect(e.zh).toMatch(new RegExp(`^第 ${i + 2} 行 [A-Z]+ 列“`));
    });
  });

  it('refuses text that may not enter the system, as the API does: bidi overrides and control characters', async () => {
    const { errors } = await validate([goodRow(1, { title: '长春\u202e项目', investor: '某公司\u0085' })]);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['title:bidi_control', 'investor:control_character']);
    expect(errors[0]!.zh).toContain('双向文本控制字符');
    expect(errors[1]!.en).toContain('control characters');
  });

  it('accepts what offices really write', async () => {
    const { drafts, errors } = await validate([
      goodRow(1, {
        signedAmount: '5亿元',
        arrivedFunds: '18,000.5万元',
        signedOn: '2024年3月15日',
        startedOn: '2024/8/1',
        figuresAsOf: '2024年12月',
        landmark: '是',
        projectCode: '２１０４－２２０１００－０４－０１－１２３４５６',
      }),
      goodRow(2, { arrivedFunds: 60000, arrivedOverride: '追加投资协议已签，待补录签约额' }),
      goodRow(3, {
        stage: '谋划',
        signedOn: undefined,
        startedOn: undefined,
        signedAmount: undefined,
        arrivedFunds: undefined,
        completedInvestment: undefined,
        industry: '制造业',
      }),
    ]);
    expect(errors).toEqual([]);
    expect(drafts[0]!.figures.signed).toBe(wan('50000'));
    expect(drafts[0]!.projectCode).toBe('2104-220100-04-01-123456');
    expect(drafts[0]!.landmark).toBe(true);
    expect(drafts[1]!.arrivedOverride).toMatch(/追加投资/);
    expect(drafts[2]).toMatchObject({
      stage: 'planning',
      industrySection: 'C',
      industryDivision: null,
      moves: [{ to: 'planning', on: '2026-06-30' }],
    });
  });

  it('finds columns by header whatever their order, and ignores columns it does not know', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['2024年合作项目台账']);
    ws.addRow(['填报单位内部编号', '项目阶段', '项目类型', '项目落地地区', '投资主体', '项目名称']);
    ws.addRow(['X-01', '谋划', '旅游', '吉林市', '杭州某旅游公司', '长白山冰雪旅游综合体']);
    const sheet = await readProjectSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!.row).toBe(3);
    const r = validateProjectRow(sheet.rows[0]!, sheet.columns, testLookups);
    expect(r.ok && r.draft).toMatchObject({
      title: '长白山冰雪旅游综合体',
      type: 'tourism',
      hostRegionCode: '220200',
      side: 'a',
      stage: 'planning',
    });
  });

  it('refuses a sheet without the required columns, naming them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['项目名称', '投资方', '项目阶段']);
    const err = await readProjectSheet(Buffer.from(await wb.xlsx.writeBuffer())).catch((e: SheetFileError) => e);
    expect(err).toBeInstanceOf(SheetFileError);
    expect((err as SheetFileError).code).toBe('missing_columns');
    expect((err as SheetFileError).messageZh).toContain('项目落地地区');
    expect((err as SheetFileError).messageEn).toContain('Host region');
  });
});

describe('idempotent import planning', () => {
  const PAIRING = '11111111-1111-4111-8111-111111111111';

  it('keys on the project code, else on pairing + title + investor without spacing or width differences', () => {
    expect(naturalKey(PAIRING, { projectCode: '2104-220100-04-01-123456', title: 'a', investor: 'b' })).toBe(
      'code:2104-220100-04-01-123456',
    );
    const k1 = naturalKey(PAIRING, {
      projectCode: null,
      title: '年产10万辆 新能源汽车项目',
      investor: '浙江某某（集团）有限公司',
    });
    const k2 = naturalKey(PAIRING, {
      projectCode: null,
      title: '年产１０万辆新能源汽车项目',
      investor: '浙江某某(集团)有限公司',
    });
    expect(k1).toBe(k2);
  });

  it('creates first, then finds every row unchanged, and updates only what changed', async () => {
    const { drafts, sheet } = await validate([goodRow(1), goodRow(2)]);
    const first = planImport(PAIRING, drafts, new Map(), sheet.columns);
    expect(first.counts).toEqual({ create: 2, update: 0, unchanged: 0 });
    const stored = new Map(
      first.actions.map((a, i) => [
        a.key,
        {
          id: `p${i}`,
          fingerprint: a.kind === 'create' ? draftFingerprint(a.draft) : null,
          furthestStage: 'started' as const,
        },
      ]),
    );
    expect(planImport(PAIRING, drafts, stored, sheet.columns).counts).toEqual({ create: 0, update: 0, unchanged: 2 });
    const changed: ProjectDraft[] = [
      { ...drafts[0]!, figures: { ...drafts[0]!.figures, arrived: wan('20000') } },
      drafts[1]!,
    ];
    expect(planImport(PAIRING, changed, stored, sheet.columns).counts).toEqual({ create: 0, update: 1, unchanged: 1 });
  });

  it('names a project listed twice in one file, and refuses to move a project back', async () => {
    const { drafts, sheet } = await validate([goodRow(1), goodRow(2), goodRow(1, { seq: 3 })]);
    const plan = planImport(PAIRING, drafts, new Map(), sheet.columns);
    expect(plan.errors.map((e) => [e.row, e.field, e.code])).toEqual([[4, 'title', 'duplicate_in_file']]);
    expect(plan.errors[0]!.zh).toContain('第 2 行');
    const key = naturalKey(PAIRING, drafts[0]!);
    const back = planImport(
      PAIRING,
      [drafts[0]!],
      new Map([[key, { id: 'p', fingerprint: null, furthestStage: 'producing' as const }]]),
      sheet.columns,
    );
    expect(back.errors.map((e) => e.code)).toEqual(['stage_behind_ledger']);
  });
});
