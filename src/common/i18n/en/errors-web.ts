import type { Shape } from '../shape.ts';
import type { webErrors as zh, webFieldErrors as zhField } from '../zh-CN/errors-web.ts';

export const webErrors: Shape<typeof zh> = {
  forbidden: 'You are not allowed to do this',
  plan_file_refused: 'This file cannot be imported as a plan',
  project_sheet_refused: 'This file cannot be imported as a project sheet',
};

export const webFieldErrors: Shape<typeof zhField> = {
  required: 'Required',
  file_too_large: 'The file is larger than the {limit} limit.',
  pairing_required: 'Choose the pairing the plan belongs to',
};
