import { describe, expect, it } from 'vitest';
import { iatiActivitiesXml } from './iati-activities.ts';
import type { IatiProjectRow } from './open-data.repository.ts';
import { iatiSchemaErrors } from './test-support/iati-schema.ts';
import { datasetCsv } from './open-data-csv.ts';
import { escapeAttribute, escapeText } from './xml-writer.ts';

const reporter = { orgRef: 'CN-USC-TEST', orgType: '10' };

/** A published project as the repository reads it: planned only, no dates but its publication, no money. */
const planned: IatiProjectRow = {
  id: '11111111-2222-4333-8444-555555555555',
  projectCode: null,
  title: '吉林 <样例> & "项目"',
  publicSummary: null,
  investor: '某公司',
  pairingName: '吉林省—浙江省',
  programmeName: '东北地区与东部地区部分省市对口合作',
  programmeOwner: '国家发展改革委',
  hostRegionCode: 'Z22010001',
  hostRegionName: '长春新区',
  provinceCode: '220000',
  industrySection: 'C',
  industryDivision: '39',
  stage: 'planning',
  signedOn: null,
  startedOn: null,
  producingOn: null,
  signedYuan: '0.0000000000',
  arrivedYuan: '0.0000000000',
  arrivedAsOf: null,
  publishedOn: '2026-12-01',
  updatedAt: new Date('2026-12-01T08:00:00Z'),
  isDemo: true,
};

describe('IATI activity file', () => {
  it('validates for a project with no dates or money yet, dated by its publication, marked 演示', async () => {
    const xml = iatiActivitiesXml([planned], reporter, new Date('2026-12-06T00:00:00Z'));
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<iati-identifier>CN-USC-TEST-11111111-2222-4333-8444-555555555555</iati-identifier>');
    expect(xml).toContain('<activity-date type="1" iso-date="2026-12-01">');
    expect(xml).toContain('【演示】吉林 &lt;样例&gt; &amp; "项目"');
    // Division 39 has no defensible DAC code: only the reporter's own GB/T 4754 vocabulary.
    expect(xml).not.toContain('vocabulary="1"');
    expect(xml).toContain('<sector vocabulary="99" code="GB/T 4754-2017:C39" percentage="100">');
    expect(xml).not.toContain('<transaction>');
    expect(xml).toContain('<narrative>国家发展改革委</narrative>');
  });

  it("dates arrived funds without a report period by the day of the project's last change in China", async () => {
    // 2026-12-31T17:00Z is 1 January 2027, 01:00 in China.
    const arrived = { ...planned, arrivedYuan: '500000.0000000000', updatedAt: new Date('2026-12-31T17:00:00Z') };
    const xml = iatiActivitiesXml([arrived], reporter, new Date('2027-01-02T00:00:00Z'));
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<transaction-date iso-date="2027-01-01"/>');
  });

  it('is refused by the schema when a required element is missing (the validator really validates)', async () => {
    const xml = iatiActivitiesXml([planned], reporter, new Date()).replace(
      /<reporting-org[\s\S]*?<\/reporting-org>/,
      '',
    );
    const errors = await iatiSchemaErrors(xml);
    expect(errors.join('\n')).toContain('reporting-org');
  });
});

describe('XML and CSV cells', () => {
  it('escapes markup, drops what XML cannot carry, and keeps line ends in attributes', () => {
    expect(escapeText('a<b>&c\u0001')).toBe('a&lt;b&gt;&amp;c');
    expect(escapeAttribute('say "x"\nnext')).toBe('say &quot;x&quot;&#10;next');
  });

  it('quotes commas and quotes, and keeps a formula-like text from running in Excel', () => {
    const csv = datasetCsv(
      [
        { name: 'label', type: 'text' },
        { name: 'value', type: 'decimal' },
      ],
      [
        { label: '=HYPERLINK("x")', value: '-1' },
        { label: '甲,乙', value: '2.5' },
      ],
      'zh-CN',
    );
    expect(csv).toBe('\uFEFF指标,数值\r\n"\'=HYPERLINK(""x"")",-1\r\n"甲,乙",2.5\r\n');
  });
});
