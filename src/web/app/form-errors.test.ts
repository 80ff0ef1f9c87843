import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { applyServerErrors } from './form-errors.ts';

/** The two calls applyServerErrors makes on an antd form, over a plain map of field errors. */
function fakeForm(fields: string[]) {
  const errors = new Map<string, string[]>(fields.map((f) => [f, []]));
  const form = {
    getFieldsError: () => [...errors].map(([name, list]) => ({ name: name.split('.'), errors: list, warnings: [] })),
    setFields: (entries: { name: (string | number)[]; errors?: string[] }[]) => {
      for (const e of entries) errors.set(e.name.join('.'), e.errors ?? []);
    },
  };
  return { form: form as unknown as FormInstance, errors };
}

const refusal = (...details: { field: string; zh: string }[]) =>
  new ApiError(
    400,
    'validation_failed',
    '输入有误',
    'Invalid input',
    details.map((d) => ({ ...d, code: 'invalid', message: d.zh, en: d.zh })),
  );
const pick = (text: { zh: string }) => text.zh;

describe('applyServerErrors', () => {
  it('places each error on the longest registered prefix of its field and reports the rest as unplaced', () => {
    const { form, errors } = fakeForm(['title', 'offices.1.officeName']);
    const result = applyServerErrors(
      form,
      refusal({ field: 'offices.1.officeName.0', zh: '名称过长' }, { field: 'hostSide', zh: '不是本结对的一方' }),
      pick,
    );
    expect(errors.get('offices.1.officeName')).toEqual(['名称过长']);
    expect(result).toEqual({ placed: 1, unplaced: [{ field: 'hostSide', text: '不是本结对的一方' }] });
  });

  it("clears the previous answer's errors from fields the new answer does not name", () => {
    const { form, errors } = fakeForm(['hostReason', 'date', 'title']);
    applyServerErrors(form, refusal({ field: 'hostReason', zh: '请说明原因' }), pick);
    expect(errors.get('hostReason')).toEqual(['请说明原因']);
    applyServerErrors(form, refusal({ field: 'date', zh: '日期早于开始日期' }), pick);
    expect(errors.get('hostReason')).toEqual([]);
    expect(errors.get('date')).toEqual(['日期早于开始日期']);
    expect(errors.get('title')).toEqual([]);
  });
});
