import type { FormInstance } from 'antd';
import { isApiError } from './api-client.ts';
import type { Bilingual, I18n } from './i18n.tsx';

type NamePath = (string | number)[];

const keyOf = (path: NamePath) => path.join('.');

function toPath(field: string): NamePath {
  return field
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A server error that no field of the form shows: the field it names (a dotted path, '' for none) and its text. */
export interface UnplacedError {
  field: string;
  text: string;
}

export interface FormErrorResult {
  /** Field errors placed next to their fields. */
  placed: number;
  /** Errors whose field the form does not show (or errors without fields), for a banner. */
  unplaced: UnplacedError[];
}

/** An unplaced error as one line of a banner: "field: text", or the text when it names no field. */
export const unplacedLine = ({ field, text }: UnplacedError) => (field ? `${field}: ${text}` : text);

/**
 * Puts the server's field errors (`details[].field`, a dotted path such as `sideA.0` or `offices.1.officeName`)
 * next to the form's fields: the longest prefix of the path that is a field of the form gets the message; errors
 * of an earlier answer on fields this one does not name are cleared.
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  pick: (text: Bilingual) => string,
): FormErrorResult {
  if (!isApiError(err)) return { placed: 0, unplaced: [] };
  const registered = new Map<string, NamePath>();
  for (const entry of form.getFieldsError()) registered.set(keyOf(entry.name as NamePath), entry.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: UnplacedError[] = [];
  for (const detail of err.details) {
    const path = toPath(detail.field);
    let target: NamePath | undefined;
    for (let length = path.length; length > 0 && !target; length--)
      target = registered.get(keyOf(path.slice(0, length)));
    const text = pick(detail);
    if (!target) {
      unplaced.push({ field: detail.field, text });
      continue;
    }
    const entry = byField.get(keyOf(target)) ?? { name: target, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(keyOf(target), entry);
  }
  // A form is sent only once its own rules pass, so an error still shown on a field the server no longer names is
  // the previous answer's: left in place it would stand beside, or hide, what is wrong now.
  const stale = form
    .getFieldsError()
    .filter((entry) => entry.errors.length > 0 && !byField.has(keyOf(entry.name as NamePath)))
    .map((entry) => ({ name: entry.name as NamePath, errors: [] as string[] }));
  form.setFields([...stale, ...[...byField.values()].map(({ name, errors }) => ({ name, errors }))]);
  if (byField.size === 0 && err.details.length === 0) unplaced.push({ field: '', text: pick(err) });
  return { placed: byField.size, unplaced };
}

/**
 * The text of the banner above a form the server refused, once its errors were placed (`result`): "correct the
 * marked fields" when some were placed, otherwise the server's message, then what no field shows; a network
 * failure says so.
 */
export function formErrorBanner(
  err: unknown,
  { placed, unplaced }: FormErrorResult,
  { t, pick }: Pick<I18n, 't' | 'pick'>,
): string {
  if (!isApiError(err)) return t('ui.common.networkError');
  const lines = [placed ? t('ui.common.formHasErrors') : pick(err), ...unplaced.map(unplacedLine)];
  return [...new Set(lines)].join(t('ui.common.messageSeparator'));
}

/** Places the server's field errors on the form and answers the banner's text (see formErrorBanner). */
export function formFailure(form: FormInstance, err: unknown, i18n: Pick<I18n, 't' | 'pick'>): string {
  return formErrorBanner(err, applyServerErrors(form, err, i18n.pick), i18n);
}

/** The fields of an edit form whose values differ from what was read: what a PATCH sends. */
export function changedFields<T extends Record<string, unknown>>(now: T, before: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(now) as (keyof T)[])
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) changes[key] = now[key];
  return changes;
}
