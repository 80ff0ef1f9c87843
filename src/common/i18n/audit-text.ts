import { auditDomain } from './zh-CN/domain-audit.ts';
import { translate, type Locale } from './messages.ts';

type ObjectKey = keyof typeof auditDomain.auditObjects;
type VerbKey = keyof typeof auditDomain.auditVerbs;

const isObject = (k: string): k is ObjectKey => Object.hasOwn(auditDomain.auditObjects, k);
const isVerb = (k: string): k is VerbKey => Object.hasOwn(auditDomain.auditVerbs, k);

/** Every object type the trail can name, for the filter's select list. */
export const AUDIT_OBJECT_TYPES = Object.keys(auditDomain.auditObjects) as ObjectKey[];

/** An object type in words (`park` → 园区); an unknown one as it is. */
export function auditObjectText(locale: Locale, type: string): string {
  return isObject(type) ? translate(locale, `domain.auditObjects.${type}`) : type;
}

/**
 * An action code in words: its first part names the object, the rest the verb (`park.ledger.correct` → 园区 ·
 * 更正分成台账). A code whose parts are not in the catalogue is shown as it is, never hidden.
 */
export function auditActionText(locale: Locale, code: string): string {
  const [head = '', ...rest] = code.split('.');
  const verb = rest.join('_');
  if (!isObject(head) || !isVerb(verb)) return code;
  return `${translate(locale, `domain.auditObjects.${head}`)} · ${translate(locale, `domain.auditVerbs.${verb}`)}`;
}

/** Whether a code reads in words (audit-text.test.ts holds every code the server writes to this). */
export const auditActionKnown = (code: string) => {
  const [head = '', ...rest] = code.split('.');
  return isObject(head) && isVerb(rest.join('_'));
};
