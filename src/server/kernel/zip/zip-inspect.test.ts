import { describe, it, expect } from 'vitest';
import { checkZipSafety, readZipDirectory, ZipError, type ZipLimits } from './zip-inspect.ts';
import { writeZip } from './test-support/zip-writer.ts';

const LIMITS: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 200, maxEntries: 5000 };

/** The archive's refusal code, or null when it passes. */
function refusal(buf: Buffer, limits = LIMITS): string | null {
  try {
    checkZipSafety(buf, readZipDirectory(buf), limits);
    return null;
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    return err.code;
  }
}

const document = writeZip([
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'word/document.xml', data: Buffer.from(`<w:document>${'对口合作 '.repeat(2000)}</w:document>`) },
]);

describe('zip inspection', () => {
  it('lets an ordinary document through', () => {
    expect(refusal(document)).toBeNull();
  });

  it('refuses every truncation of an archive as damaged, never by reading past its end', () => {
    for (const length of [0, 1, 2, 3, 4, 21, 22, 30, 46, document.length - 23, document.length - 1]) {
      expect(refusal(document.subarray(0, length)), `first ${length} bytes`).toBe('corrupt');
    }
    expect(refusal(Buffer.from('PK'))).toBe('corrupt');
    // A directory that points past the end of the file, and a local header cut short.
    const pointing = Buffer.from(document);
    pointing.writeUInt32LE(document.length - 10, document.length - 22 + 16);
    pointing.writeUInt32LE(4, document.length - 22 + 12);
    expect(refusal(pointing)).toBe('corrupt');
  });

  it('counts the whole expansion: many entries just under 1 MB each add up to a bomb', () => {
    const entries = Array.from({ length: 60 }, (_, i) => ({
      name: `word/media/part${i}.xml`,
      data: Buffer.alloc(1024 * 1024, 0x20),
    }));
    const bomb = writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, ...entries]);
    // Each entry is within the per-entry rule (not over 1 MB), the archive expands about 1,000 times.
    expect(60 * 1024 * 1024 < LIMITS.maxUncompressedBytes).toBe(true);
    expect(60 * 1024 * 1024 > bomb.length * 500).toBe(true);
    expect(refusal(bomb)).toBe('zip_bomb');
  });

  it('refuses too many entries', () => {
    const many = writeZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from('x') })));
    expect(refusal(many, { ...LIMITS, maxEntries: 10 })).toBe('zip_bomb');
  });
});
