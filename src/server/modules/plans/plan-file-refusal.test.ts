import { describe, it, expect } from 'vitest';
import { PlanFileError, type PlanFileErrorCode } from './parser/plan-file-error.ts';
import { planFileRefusal } from './plan-preview.service.ts';

describe('plan file refusals', () => {
  const cases: [PlanFileErrorCode, Record<string, string>][] = [
    ['empty', {}],
    ['too_large', { limit: '20 MB' }],
    ['image', {}],
    ['spreadsheet', {}],
    ['unsupported_type', {}],
    [
      'unsupported_type',
      { hint: '（旧版 Office 文件，请另存为 .docx）', hintEn: ' (an old binary Office file; save it as .docx)' },
    ],
    ['unsupported_type', { hint: '（.rtf）', hintEn: ' (.rtf)' }],
    ['zip_bomb', {}],
    ['corrupt', {}],
    ['encrypted', {}],
    ['no_text', {}],
  ];

  it("answer 400 naming the file field, in the catalogues' words, which are the parser's own", () => {
    for (const [code, params] of cases) {
      const parserError = new PlanFileError(code, params);
      const refusal = planFileRefusal(parserError);
      expect(refusal.status).toBe(400);
      expect(refusal.code).toBe('plan_file_refused');
      expect(refusal.details).toHaveLength(1);
      const [d] = refusal.details;
      expect(d).toMatchObject({
        field: 'file',
        code: `file_${code}`,
        zh: parserError.messageZh,
        en: parserError.messageEn,
      });
      expect(d!.message).toBe(`${parserError.messageZh} / ${parserError.messageEn}`);
    }
  });
});
