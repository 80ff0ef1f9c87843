import type { FormInstance } from 'antd';
import { ApiError, isApiError } from '../../app/api-client.ts';
import { applyServerErrors, type FormErrorResult } from '../../app/form-errors.ts';
import type { Bilingual } from '../../app/i18n.tsx';

/**
 * Places the server's field errors on a form whose fields are not named as the API's are (the industry cascader
 * holds industrySection and industryDivision; a period is entered as year and month): `aliases` maps an API field
 * (or a prefix of it) to the form field that shows it.
 */
export function applyProjectErrors(
  form: FormInstance,
  err: unknown,
  pick: (text: Bilingual) => string,
  aliases: Record<string, string> = {},
): FormErrorResult {
  if (!isApiError(err)) return applyServerErrors(form, err, pick);
  const rename = (field: string) => {
    for (const [from, to] of Object.entries(aliases)) if (field === from || field.startsWith(`${from}.`)) return to;
    return field;
  };
  const renamed = new ApiError(
    err.status,
    err.code,
    err.zh,
    err.en,
    err.details.map((d) => ({ ...d, field: rename(d.field) })),
  );
  return applyServerErrors(form, renamed, pick);
}

/** Whether the server's refusal names `code` for some field. */
export const hasErrorCode = (err: unknown, code: string) => isApiError(err) && err.details.some((d) => d.code === code);
