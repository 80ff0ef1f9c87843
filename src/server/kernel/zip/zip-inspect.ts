import { inflateRawSync } from 'node:zlib';

/**
 * Why an archive is refused. Each importer (plans, spreadsheets, attachments) tells its user in its own words;
 * the detail is for the log.
 */
export type ZipErrorCode = 'corrupt' | 'zip_bomb' | 'encrypted' | 'unsupported_method';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Total uncompressed size of all entries. */
  maxUncompressedBytes: number;
  /**
   * Uncompressed / compressed, checked for each entry over 1 MB and for the whole archive once it expands past
   * 1 MB (many entries just under 1 MB each add up to a bomb no single entry shows).
   */
  maxCompressionRatio: number;
  maxEntries: number;
}

/** Below this, no expansion can hurt, and tiny parts of ordinary documents compress far beyond any ratio. */
const RATIO_FLOOR = 1024 * 1024;

/** A read past the end of a truncated or malformed archive is a damaged file, never a crash. */
function withinBuffer<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof RangeError) throw new ZipError('corrupt', `zip: ${err.message}`);
    throw err;
  }
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** Reads the central directory without inflating anything. */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  return withinBuffer(() => readDirectory(buf));
}

function readDirectory(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt', 'zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // Word never writes ZIP64 archives; one that claims to be is built to hide its real size.
  if (count === 0xffff || cdOffset === ZIP64_MARK || cdSize === ZIP64_MARK) throw new ZipError('zip_bomb', 'zip64');
  if (cdOffset + cdSize > buf.length) throw new ZipError('corrupt', 'zip: central directory out of range');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG)
      throw new ZipError('corrupt', 'zip: bad directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Refuses a zip bomb before any library inflates it: the declared sizes must stay within the limits, and each
 * entry is inflated here with a hard output cap, so an archive that lies about its sizes is caught too.
 */
export function checkZipSafety(buf: Buffer, entries: ZipEntry[], limits: ZipLimits): void {
  withinBuffer(() => checkEntries(buf, entries, limits));
}

function checkEntries(buf: Buffer, entries: ZipEntry[], limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) throw new ZipError('zip_bomb', `${entries.length} entries`);
  let total = 0;
  for (const e of entries) {
    if (e.compressedSize === ZIP64_MARK || e.uncompressedSize === ZIP64_MARK)
      throw new ZipError('zip_bomb', 'zip64 entry');
    if (e.flags & 1) throw new ZipError('encrypted', e.name);
    total += e.uncompressedSize;
    if (total > limits.maxUncompressedBytes)
      throw new ZipError('zip_bomb', `expands to over ${limits.maxUncompressedBytes} bytes`);
    if (
      e.uncompressedSize > RATIO_FLOOR &&
      e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio
    ) {
      throw new ZipError(
        'zip_bomb',
        `${e.name} ratio ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}`,
      );
    }
  }
  if (total > RATIO_FLOOR && total / buf.length > limits.maxCompressionRatio)
    throw new ZipError('zip_bomb', `the archive expands ${Math.round(total / buf.length)} times`);
  for (const e of entries) {
    const h = e.localHeaderOffset;
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOC_SIG)
      throw new ZipError('corrupt', `zip: bad local header for ${e.name}`);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new ZipError('corrupt', `zip: ${e.name} truncated`);
    let actual: number;
    if (e.method === 0) actual = data.length;
    else if (e.method === 8) {
      try {
        actual = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new ZipError('zip_bomb', `${e.name} inflates past its declared size`);
        throw new ZipError('corrupt', `zip: ${e.name} does not inflate`);
      }
    } else {
      throw new ZipError('unsupported_method', `zip compression method ${e.method}`);
    }
    if (actual !== e.uncompressedSize) throw new ZipError('zip_bomb', `${e.name} size differs from its header`);
  }
}
