import type { FormInstance } from 'antd';
import { isApiError } from './api-client.ts';
import type { Bilingual } from './i18n.tsx';

type NamePath = (string | number)[];

const keyOf = (path: NamePath) => path.join('.');

function toPath(field: string): NamePath {
  return field.split('.').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface FormErrorResult {
  /** Field errors placed next to their fields. */
  placed: number;
  /** Messages whose field the form does not show (or errors without fields), for a banner. */
  unplaced: string[];
}

/**
 * Puts the server's field errors (`details[].field`, a dotted path such as `sideA.0` or `offices.1.officeName`)
 * next to the form's fields: the longest prefix of the path that is a field of the form gets the message.
 */
export function applyServerErrors(form: FormInstance, err: unknown, pick: (text: Bilingual) => string): FormErrorResult {
  if (!isApiError(err)) return { placed: 0, unplaced: [] };
  const registered = new Map<string, NamePath>();
  for (const entry of form.getFieldsError()) registered.set(keyOf(entry.name as NamePath), entry.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const detail of err.details) {
    const path = toPath(detail.field);
    let target: NamePath | undefined;
    for (let length = path.length; length > 0 && !target; length--) target = registered.get(keyOf(path.slice(0, length)));
    const text = pick(detail);
    if (!target) {
      unplaced.push(detail.field ? `${detail.field}: ${text}` : text);
      continue;
    }
    const entry = byField.get(keyOf(target)) ?? { name: target, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(keyOf(target), entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  if (byField.size === 0 && err.details.length === 0) unplaced.push(pick(err));
  return { placed: byField.size, unplaced };
}
