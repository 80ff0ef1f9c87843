/**
 * The national project code (项目代码) issued by the 全国投资项目在线审批监管平台.
 *
 * Published format, as found:
 * - GB/T 40058-2021《全国固定资产投资项目代码编码规范》 (issued 2021-04-30, in force 2021-08-01), and before it
 *   发改投资〔2020〕1439号《固定资产投资项目代码管理规范》 (in force from 2020-11-01, switched over province by
 *   province): "项目代码共24位，由4位时间代码，6位地区代码，2位中央业务指导部门代码，2位项目类型代码，5位随机码
 *   和1位校验码，5段依次组成" and "每段代码之间由短横线“-”连接，共24位" (NDRC's explanation of the standard, and
 *   the 湖北省发改委 notice of 2021-01-18 implementing 发改投资〔2020〕1439号).
 * - Codes issued before the switch-over (2016–2020) have the same 4-6-2-2-6 layout (年份-地区代码-行业代码-
 *   项目类型-顺序号), so one shape accepts both generations.
 *
 * What is checked: the five segments and their lengths (24 characters with the four hyphens), digits where the
 * standard has digits, a real province prefix in the region segment (or 000000 for a central project), and a
 * time segment that is either a year from 2015 (the platform's first codes) or a year-month (YYMM) from 2020.
 * What is not: the check character. The standard's check-code algorithm was not available in the public text
 * found, so a code with a mistyped digit still passes; the last character may be a digit or a capital letter,
 * since check characters of Chinese national codes can be letters.
 */
export const PROJECT_CODE_LENGTH = 24;

const SHAPE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{5}[0-9A-Z])$/;

/** GB/T 2260 province prefixes (including 台湾 71, 香港 81, 澳门 82). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type ProjectCodeError = 'project_code_format' | 'project_code_region' | 'project_code_time';

export interface ProjectCodeParts {
  time: string;
  region: string;
  department: string;
  type: string;
  serial: string;
}

export type ProjectCodeResult =
  | { ok: true; code: string; parts: ProjectCodeParts }
  | { ok: false; error: ProjectCodeError };

/** What people paste: full-width digits, other dashes, spaces, lower-case letters. */
export function normaliseProjectCode(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFF0D\uFE63]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

function plausibleTime(t: string, now: Date): boolean {
  const year = Number(t);
  const thisYear = now.getUTCFullYear();
  if (year >= 2015 && year <= thisYear + 1) return true;
  const yy = 2000 + Number(t.slice(0, 2));
  const mm = Number(t.slice(2));
  return yy >= 2020 && yy <= thisYear + 1 && mm >= 1 && mm <= 12;
}

export function validateProjectCode(input: string, now: Date = new Date()): ProjectCodeResult {
  const code = normaliseProjectCode(input);
  const m = SHAPE.exec(code);
  if (!m) return { ok: false, error: 'project_code_format' };
  const [, time, region, department, type, serial] = m as unknown as [string, string, string, string, string, string];
  if (!(PROVINCES.has(region.slice(0, 2)) || region === '000000')) return { ok: false, error: 'project_code_region' };
  if (!plausibleTime(time, now)) return { ok: false, error: 'project_code_time' };
  return { ok: true, code, parts: { time, region, department, type, serial } };
}
