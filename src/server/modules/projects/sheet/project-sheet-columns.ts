/**
 * The columns of the project sheet (合作项目台账导入表), in the order offices keep them. One list drives the
 * downloadable template, the reader (which finds columns by header, in any order) and the row validator.
 */
export type ColumnKind = 'text' | 'money' | 'date' | 'month' | 'flag' | 'choice';

export interface SheetColumn {
  key: string;
  header: string;
  headerEn: string;
  kind: ColumnKind;
  required?: boolean;
  /** Longest text accepted. */
  max?: number;
  width: number;
  /** What the 填写说明 sheet says about the column. */
  hint: string;
  example: string;
  /** Other headers offices use for the same column. */
  aliases?: string[];
}

export const STAGE_LABELS = {
  planning: '谋划',
  signed: '签约',
  sited: '落位',
  started: '开工',
  producing: '投产',
} as const;
export const TYPE_LABELS = {
  industrial: '工业',
  infrastructure: '基础设施',
  ppp: 'PPP',
  science_tech: '科技',
  agriculture: '农业',
  tourism: '旅游',
  finance: '金融',
  service: '服务业',
} as const;
export const FLAG_LABELS = ['是', '否'] as const;

export const PROJECT_SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'seq', header: '序号', headerEn: 'No.', kind: 'text', width: 6, hint: '可不填，导入时忽略', example: '1' },
  {
    key: 'title',
    header: '项目名称',
    headerEn: 'Project title',
    kind: 'text',
    required: true,
    max: 200,
    width: 36,
    hint: '必填',
    example: '年产10万辆新能源汽车零部件项目',
  },
  {
    key: 'investor',
    header: '投资方',
    headerEn: 'Investor',
    kind: 'text',
    required: true,
    max: 200,
    width: 28,
    hint: '必填，投资企业或单位全称',
    example: '浙江某某汽车零部件有限公司',
    aliases: ['投资主体', '投资企业'],
  },
  {
    key: 'investorRegion',
    header: '投资方所在地',
    headerEn: "Investor's home region",
    kind: 'text',
    max: 50,
    width: 14,
    hint: '地区名称或6位行政区划代码',
    example: '宁波市',
  },
  {
    key: 'hostRegion',
    header: '项目落地地区',
    headerEn: 'Host region',
    kind: 'text',
    required: true,
    max: 50,
    width: 14,
    hint: '必填，须在本对口合作关系的地区范围内；地区名称或6位行政区划代码',
    example: '长春市',
    aliases: ['落地地区', '项目所在地'],
  },
  {
    key: 'park',
    header: '所在园区',
    headerEn: 'Park',
    kind: 'text',
    max: 200,
    width: 24,
    hint: '已登记的合作园区名称，可不填',
    example: '',
  },
  {
    key: 'industry',
    header: '所属行业',
    headerEn: 'Industry (GB/T 4754-2017)',
    kind: 'text',
    max: 60,
    width: 22,
    hint: '国民经济行业分类（GB/T 4754-2017）门类或大类，可填代码或名称，如“C36”或“汽车制造业”',
    example: 'C36 汽车制造业',
    aliases: ['行业'],
  },
  {
    key: 'type',
    header: '项目类型',
    headerEn: 'Project type',
    kind: 'choice',
    required: true,
    width: 10,
    hint: `必填：${Object.values(TYPE_LABELS).join('、')}`,
    example: '工业',
  },
  {
    key: 'projectCode',
    header: '项目代码',
    headerEn: 'National project code',
    kind: 'text',
    max: 40,
    width: 26,
    hint: '全国投资项目在线审批监管平台赋予的24位项目代码，如“2104-220100-04-01-123456”，尚未赋码可不填',
    example: '2104-220100-04-01-123456',
  },
  {
    key: 'stage',
    header: '项目阶段',
    headerEn: 'Stage',
    kind: 'choice',
    required: true,
    width: 10,
    hint: `必填：${Object.values(STAGE_LABELS).join('、')}`,
    example: '开工',
  },
  {
    key: 'signedOn',
    header: '签约日期',
    headerEn: 'Signing date',
    kind: 'date',
    width: 12,
    hint: '阶段为签约及以后时必填',
    example: '2024-03-15',
  },
  {
    key: 'sitedOn',
    header: '落位日期',
    headerEn: 'Siting date',
    kind: 'date',
    width: 12,
    hint: '可不填（落位可跳过）',
    example: '2024-05-10',
  },
  {
    key: 'startedOn',
    header: '开工日期',
    headerEn: 'Construction start',
    kind: 'date',
    width: 12,
    hint: '阶段为开工、投产时必填',
    example: '2024-08-01',
  },
  {
    key: 'producingOn',
    header: '投产日期',
    headerEn: 'Production start',
    kind: 'date',
    width: 12,
    hint: '阶段为投产时必填',
    example: '',
  },
  {
    key: 'signedAmount',
    header: '签约额（万元）',
    headerEn: 'Agreed amount (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元，最多6位小数；签约前须为空',
    example: '50000',
    aliases: ['签约金额（万元）', '签约额'],
  },
  {
    key: 'plannedInvestment',
    header: '计划总投资（万元）',
    headerEn: 'Planned investment (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元',
    example: '52000',
    aliases: ['计划总投资', '总投资（万元）'],
  },
  {
    key: 'arrivedFunds',
    header: '到位资金（万元）',
    headerEn: 'Funds arrived (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元，截至数据期末累计；不得超过签约额，确需超过的在“超签约额说明”中写明原因',
    example: '18000',
    aliases: ['累计到位资金（万元）', '到位资金'],
  },
  {
    key: 'completedInvestment',
    header: '完成投资（万元）',
    headerEn: 'Investment completed (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元，截至数据期末累计；开工前须为空或0',
    example: '12000',
    aliases: ['累计完成投资（万元）', '完成投资'],
  },
  {
    key: 'figuresAsOf',
    header: '数据截至',
    headerEn: 'Figures as of (month)',
    kind: 'month',
    width: 10,
    hint: '年月，如“2024-12”；不填则为导入当月',
    example: '2024-12',
  },
  {
    key: 'arrivedOverride',
    header: '超签约额说明',
    headerEn: 'Reason funds exceed the agreed amount',
    kind: 'text',
    max: 500,
    width: 20,
    hint: '到位资金超过签约额时必填，将记录在案',
    example: '',
  },
  {
    key: 'landmark',
    header: '标志性项目',
    headerEn: 'Landmark project',
    kind: 'flag',
    width: 8,
    hint: '是/否，不填为否',
    example: '否',
  },
  {
    key: 'greenChannel',
    header: '绿色通道',
    headerEn: 'Green channel',
    kind: 'flag',
    width: 8,
    hint: '是/否，不填为否',
    example: '是',
  },
  {
    key: 'centralBudget',
    header: '中央预算内投资（万元）',
    headerEn: 'Central budget investment (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元，获得的支持',
    example: '',
  },
  {
    key: 'bankCredit',
    header: '银行信贷（万元）',
    headerEn: 'Bank credit (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元，获得的支持',
    example: '20000',
  },
  {
    key: 'industryFund',
    header: '产业基金（万元）',
    headerEn: 'Industry fund (10k yuan)',
    kind: 'money',
    width: 14,
    hint: '万元，获得的支持',
    example: '',
  },
  {
    key: 'contactName',
    header: '联系人',
    headerEn: 'Contact',
    kind: 'text',
    max: 50,
    width: 10,
    hint: '',
    example: '王某',
  },
  {
    key: 'contactPhone',
    header: '联系电话',
    headerEn: 'Contact phone',
    kind: 'text',
    max: 30,
    width: 14,
    hint: '',
    example: '0431-88888888',
  },
  { key: 'note', header: '备注', headerEn: 'Note', kind: 'text', max: 1000, width: 24, hint: '', example: '' },
];

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A header as written, without the required-mark, spaces or unit variants, for matching. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[*＊\s]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}
