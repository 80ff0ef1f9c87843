/**
 * jieba's idf table (about 270,000 `word value` lines) as a hash over the table's own bytes, in typed arrays. Kept as a
 * Map it was 35 MB of JavaScript heap in every server process — 270,000 strings that each full garbage collection
 * marks again (a forced full collection of a process holding little else: 48-208 ms with the Map, 6-23 ms with this
 * table, three pairs on a loaded machine). The collector does not walk typed arrays; a pause of every request in flight
 * is that much shorter.
 */
export class IdfTable {
  private readonly starts: Uint32Array;
  private readonly lengths: Uint16Array;
  private readonly values: Float64Array;
  /** Open addressing: each slot holds a line's number + 1, or 0 when free. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private size = 0;
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {
    let lines = 1;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) lines++;
    this.starts = new Uint32Array(lines);
    this.lengths = new Uint16Array(lines);
    this.values = new Float64Array(lines);
    let capacity = 1024;
    while (capacity < lines * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Whether every line has been read. */
  get complete(): boolean {
    return this.at >= this.bytes.length;
  }

  /** Reads up to `lines` more lines (a word seen again takes its later value); a line without a word is skipped. */
  read(lines: number): this {
    const { bytes } = this;
    for (let n = 0; n < lines && this.at < bytes.length; n++) {
      const from = this.at;
      let end = bytes.indexOf(NEWLINE, from);
      if (end < 0) end = bytes.length;
      const space = bytes.indexOf(SPACE, from);
      if (space > from && space < end) this.put(from, space - from, Number(latin1(bytes, space + 1, end)));
      this.at = end + 1;
    }
    return this;
  }

  /** A word's value, or undefined when the table does not have it. */
  get(word: string): number | undefined {
    // A lone surrogate would be encoded as U+FFFD and could match a word it is not.
    if (LONE_SURROGATE.test(word)) return undefined;
    const key = Buffer.from(word, 'utf8');
    for (let slot = hashOf(key, 0, key.length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const line = this.slots[slot]! - 1;
      if (line < 0) return undefined;
      if (this.sameWord(line, key, 0, key.length)) return this.values[line];
    }
  }

  private put(from: number, length: number, value: number) {
    for (let slot = hashOf(this.bytes, from, length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const line = this.slots[slot]! - 1;
      if (line < 0) {
        this.starts[this.size] = from;
        this.lengths[this.size] = length;
        this.values[this.size] = value;
        this.slots[slot] = ++this.size;
        return;
      }
      if (this.sameWord(line, this.bytes, from, length)) {
        this.values[line] = value;
        return;
      }
    }
  }

  private sameWord(line: number, key: Uint8Array, from: number, length: number): boolean {
    if (this.lengths[line] !== length) return false;
    const start = this.starts[line]!;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== key[from + i]) return false;
    return true;
  }
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const LONE_SURROGATE = /\p{Cs}/u;

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** FNV-1a over bytes: cheap, and spreads jieba's words evenly over the slots. */
function hashOf(bytes: Uint8Array, from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
