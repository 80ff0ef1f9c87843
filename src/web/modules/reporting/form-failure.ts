import type { FormInstance } from 'antd';
import { isApiError } from '../../app/api-client.ts';
import { applyServerErrors } from '../../app/form-errors.ts';
import type { I18n } from '../../app/i18n.tsx';

/** Whether the server refused a change because the record moved on since it was read (another user saved it). */
export const isVersionConflict = (err: unknown) => isApiError(err) && err.status === 409 && err.code === 'conflict';

/**
 * Puts the server's field errors next to the form's fields and answers the text of the banner above the form:
 * "correct the marked fields" when some were placed, otherwise the server's message, plus what had no field.
 */
export function formFailure(form: FormInstance, err: unknown, { t, pick }: Pick<I18n, 't' | 'pick'>): string {
  if (!isApiError(err)) return t('ui.common.networkError');
  const { placed, unplaced } = applyServerErrors(form, err, pick);
  return [placed ? t('ui.common.formHasErrors') : pick(err), ...unplaced].join(t('ui.common.messageSeparator'));
}
