/**
 * What a bad cell of the project sheet is told, in Chinese and English. The import report names the row and
 * the column (letter and header) before each text.
 */
export const ROW_MESSAGES = {
  required: ['必填，不能为空', 'is required'],
  too_long: ['不能超过 {max} 个字符', 'must be at most {max} characters'],
  invalid_decimal: ['不是有效的金额（万元）', 'is not a valid amount (10k yuan)'],
  sub_fen: ['金额精度不能超过 0.000001 万元（1 分）', 'is finer than one fen (0.000001 10k yuan)'],
  too_big: ['金额过大', 'is too large'],
  negative_amount: ['不能为负数', 'must not be negative'],
  invalid_date: ['不是有效的日期，应为“2024-03-15”这样的格式', 'is not a valid date (write it like 2024-03-15)'],
  invalid_month: ['不是有效的年月，应为“2024-12”这样的格式', 'is not a valid month (write it like 2024-12)'],
  invalid_flag: ['应填“是”或“否”', 'must be 是 (yes) or 否 (no)'],
  invalid_choice: ['应为以下之一：{choices}', 'must be one of: {choices}'],
  invalid_phone: ['不是有效的电话号码', 'is not a valid phone number'],
  unknown_region: ['找不到地区“{text}”', 'no region named "{text}"'],
  ambiguous_region: [
    '地区“{text}”有重名，请填写6位行政区划代码',
    'region "{text}" is ambiguous; give its 6-digit code',
  ],
  region_outside_pairing: [
    '地区“{text}”不在本对口合作关系的地区范围内',
    'region "{text}" is not one of this pairing\'s regions',
  ],
  unknown_park: [
    '找不到园区“{text}”，请先登记园区或留空',
    'no registered park named "{text}"; register it first or leave blank',
  ],
  unknown_industry: ['不是 GB/T 4754-2017 的门类或大类', 'is not a GB/T 4754-2017 section or division'],
  project_code_format: [
    '项目代码应为24位，形如“2104-220100-04-01-123456”',
    'a project code has 24 characters, like 2104-220100-04-01-123456',
  ],
  project_code_region: ['项目代码中的地区代码不存在', 'the region part of the project code does not exist'],
  project_code_time: ['项目代码中的时间代码不正确', 'the time part of the project code is not valid'],
  stage_not_importable: [
    '导入时阶段只能是谋划、签约、落位、开工、投产；暂停、终止请在系统中操作',
    'only 谋划/签约/落位/开工/投产 can be imported; pause or terminate in the app',
  ],
  stage_date_required: ['项目已到“{stage}”阶段，须填写该日期', 'is required for a project at stage {stage}'],
  date_beyond_stage: ['项目阶段为“{stage}”，不应填写此日期', 'must be blank for a project at stage {stage}'],
  stage_date_order: ['不能早于前一阶段的日期 {previous}', "must not be before the previous stage's date {previous}"],
  date_in_future: ['不能晚于今天', 'must not be in the future'],
  period_in_future: ['不能晚于本月', 'must not be after this month'],
  signed_before_signing: ['项目尚未签约，不能填写签约额', 'the project is not signed, so it has no agreed amount'],
  completed_before_start: [
    '项目在 {period} 尚未开工，不能有完成投资',
    'the project had not started construction by {period}, so nothing can be completed',
  ],
  arrived_exceeds_signed: [
    '到位资金 {arrived} 万元超过签约额 {signed} 万元；确需超过的，请在“超签约额说明”列写明原因',
    'funds arrived ({arrived}) exceed the agreed amount ({signed}); give the reason in the override column',
  ],
  duplicate_in_file: ['与第 {first} 行是同一项目（{key}）', 'is the same project as row {first} ({key})'],
  stage_behind_ledger: [
    '系统中该项目已到“{current}”阶段，表中阶段不能倒退',
    'the project is already at stage {current}; the sheet cannot move it back',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type RowMessageCode = keyof typeof ROW_MESSAGES;

export function rowMessage(code: RowMessageCode | string, params: Record<string, string | number>): [string, string] {
  const pair = (ROW_MESSAGES as Record<string, readonly [string, string]>)[code] ?? [code, code];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
  return [fill(pair[0]), fill(pair[1])];
}
