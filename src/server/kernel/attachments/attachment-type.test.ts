import { describe, it, expect } from 'vitest';
import { detectAttachment, displayFileName, MAX_ATTACHMENT_BYTES } from './attachment-type.ts';
import {
  docxBomb,
  exe,
  plainZip,
  sampleDocx,
  sampleJpg,
  samplePdf,
  samplePng,
  sampleXlsx,
} from './test-support/attachment-files.ts';

describe('attachment type by magic bytes', () => {
  it('accepts pdf, docx, xlsx, jpg and png named as what they are', async () => {
    expect(detectAttachment(samplePdf(), '进展.pdf')).toEqual({ kind: 'pdf' });
    expect(detectAttachment(await sampleDocx(), '进展报告.DOCX')).toEqual({ kind: 'docx' });
    expect(detectAttachment(await sampleXlsx(), '台账.xlsx')).toEqual({ kind: 'xlsx' });
    expect(detectAttachment(sampleJpg(), '现场.jpeg')).toEqual({ kind: 'jpg' });
    expect(detectAttachment(sampleJpg(), '现场.jpg')).toEqual({ kind: 'jpg' });
    expect(detectAttachment(samplePng(), '图.png')).toEqual({ kind: 'png' });
  });

  it('refuses empty and oversized files', () => {
    expect(detectAttachment(Buffer.alloc(0), 'a.pdf')).toEqual({ code: 'attachment_empty' });
    expect(detectAttachment(Buffer.concat([samplePdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]), 'a.pdf')).toEqual({
      code: 'attachment_too_large',
    });
  });

  it('refuses other kinds whatever their name: executables, text, plain zips, old Office files', () => {
    expect(detectAttachment(exe(), 'report.pdf')).toEqual({ code: 'attachment_type' });
    expect(detectAttachment(Buffer.from('进展情况'), 'report.docx')).toEqual({ code: 'attachment_type' });
    expect(detectAttachment(plainZip(), 'report.docx')).toEqual({ code: 'attachment_type' });
    expect(detectAttachment(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'report.doc')).toEqual(
      { code: 'attachment_type' },
    );
  });

  it('refuses a file whose bytes contradict its name, naming both', () => {
    expect(detectAttachment(samplePng(), 'scan.pdf')).toEqual({
      code: 'attachment_type_mismatch',
      kindZh: 'PNG 图片',
      kindEn: 'a PNG image',
      ext: '.pdf',
    });
    expect(detectAttachment(samplePdf(), 'noextension')).toMatchObject({
      code: 'attachment_type_mismatch',
      ext: '（无）',
    });
  });

  it('refuses a zip bomb dressed as a Word file, and a broken archive', async () => {
    expect(detectAttachment(docxBomb(), 'bomb.docx')).toEqual({ code: 'attachment_zip_bomb' });
    const docx = await sampleDocx();
    expect(detectAttachment(docx.subarray(0, docx.length - 30), 'cut.docx')).toEqual({ code: 'attachment_corrupt' });
  });

  it('keeps only a safe display name', () => {
    expect(displayFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(displayFileName('C:\\Users\\王\\进展"报告".pdf')).toBe('进展报告.pdf');
    expect(displayFileName('\u0000\u0007')).toBe('attachment');
  });
});
