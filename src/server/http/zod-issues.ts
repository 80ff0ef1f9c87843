import type { z } from 'zod';
import { fieldError, type ErrorDetail } from './app-error.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  date: 'date',
};

/** zod issues become field errors with Chinese and English text, naming the field by its dotted path. */
export function zodIssuesToDetails(issues: readonly z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(fieldError(path ? `${path}.${key}` : key, 'unknown_field', { key }));
        break;
      case 'too_small':
        if (issue.origin === 'string')
          out.push(
            fieldError(path, Number(issue.minimum) <= 1 ? 'required' : 'too_short', { min: Number(issue.minimum) }),
          );
        else if (issue.origin === 'array') out.push(fieldError(path, 'side_required'));
        else out.push(fieldError(path, 'too_small', { min: Number(issue.minimum) }));
        break;
      case 'too_big':
        out.push(fieldError(path, issue.origin === 'string' ? 'too_long' : 'too_big', { max: Number(issue.maximum) }));
        break;
      case 'invalid_type':
        out.push(
          // zod 4 leaves the input out of issues; its message says what it received.
          issue.input === undefined && /received undefined|^Required/.test(issue.message)
            ? fieldError(path, 'required')
            : fieldError(path, 'invalid_type', { expected: TYPE_NAMES[issue.expected] ?? issue.expected }),
        );
        break;
      case 'invalid_format':
        out.push(
          fieldError(
            path,
            issue.format === 'uuid' ? 'invalid_uuid' : issue.format === 'date' ? 'invalid_date' : 'invalid_format',
          ),
        );
        break;
      case 'custom':
        out.push(
          fieldError(
            path,
            typeof issue.params?.code === 'string' ? issue.params.code : 'invalid_value',
            issue.params ?? {},
          ),
        );
        break;
      default:
        out.push(fieldError(path, 'invalid_value'));
    }
  }
  return out;
}
