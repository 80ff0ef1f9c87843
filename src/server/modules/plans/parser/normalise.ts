import { isDateLine, isDocNoLine, type Marker, MarkerSequence, readMarker } from './markers.ts';
import { isAsciiAlnum, visualWidth } from './text-width.ts';

/** One logical line (paragraph) of the normalised text. */
export interface NormalisedLine {
  text: string;
  /** 1-based lines of the source text this paragraph was joined from. */
  sourceLines: number[];
  /** Numbering at the start of the paragraph, only when it fits the running sequence. */
  marker: Marker | null;
  /** Short and without sentence punctuation: a title or heading. */
  heading: boolean;
}

export interface RemovedLine {
  line: number;
  text: string;
  reason: 'page-number' | 'running-header' | 'stray';
}

export interface NormalisedText {
  lines: NormalisedLine[];
  /** lines joined by '\n'; line N of the plan is lines[N - 1]. */
  text: string;
  removed: RemovedLine[];
}

interface PhysicalLine {
  text: string;
  source: number;
  /** Next to a page number: where running headers and footers sit. */
  nearPageBreak?: boolean;
}

const BODY_PUNCT = /[，。；：！？,;!?]/;
// A title may carry a bracketed note after its last word: （2026年修订）, （试行）, （征求意见稿）.
const TITLE_END_RE = /(?:方案|计划|要点|通知|意见|办法|规划|纲要|协议|备忘录)(?:[（(][^（）()，。]{1,16}[）)])?$/;
const TERMINAL_END = /[。；！？：;!?:][”’）)」』]*$/;

// Whole-line artefacts of newspaper and web extraction.
const STRAY_LINE_RE =
  /^(?:[（(][上下][接转]第[一二三四五六七八九十\d]{1,2}版[）)]|据(?:中国政府网|新华社|人民网|新华网)|来源[:：]\S{0,12})$/;
const STRAY_INLINE_RE =
  /[（(][上下][接转]第[一二三四五六七八九十\d]{1,2}版[）)]|\s*据(?:中国政府网|新华社|人民网|新华网)\s*$/g;
// A lowercase English word between Chinese characters ("推动 and 合作") is an extraction artefact.
const STRAY_WORD_RE = /(?<=^|[\u3000-\u9fff\uff00-\uffef])\s*[a-z]{1,5}\s*(?=$|[\u3000-\u9fff\uff00-\uffef])/g;
const PAGE_NUMBER_RE =
  /^[-—–_·\s]*(?:第\s*)?\d{1,3}\s*页?(?:\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—–_·\s]*$|^[-—–]\s*[ivxlc]{1,5}\s*[-—–]$/i;

/** Character-level clean-up: full-width digits and letters, odd dots, invisible characters, spaces. */
export function cleanLineText(raw: string): string {
  let s = raw
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u3000\t]/g, ' ')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\ufe52/g, '．')
    .replace(/\ufe50/g, '，')
    .replace(/\ufe54/g, '；')
    .replace(/[\u2015\u2500]/g, '—');
  s = s.replace(STRAY_INLINE_RE, '');
  if (/[a-z]/.test(s)) s = s.replace(STRAY_WORD_RE, '');
  // PDF extraction scatters spaces between characters; only spaces inside ASCII words carry meaning.
  s = s.replace(/\s+/g, (m: string, off: number, all: string) =>
    isAsciiAlnum(all[off - 1]) && isAsciiAlnum(all[off + m.length]) ? ' ' : '',
  );
  return s;
}

function isPageNumber(s: string): boolean {
  return PAGE_NUMBER_RE.test(s);
}

/** Short lines repeated on many pages (running headers and footers), with digits ignored. */
function findRunningHeaders(lines: PhysicalLine[]): Set<string> {
  const counts = new Map<string, number>();
  const nearBreak = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const [i, l] of lines.entries()) {
    // A wrapped line can leave the same short tail ("。", "合作。") on several pages: headers are words.
    if (visualWidth(l.text) > 40 || readMarker(l.text) || (l.text.match(/[\u4e00-\u9fffA-Za-z]/g)?.length ?? 0) < 4)
      continue;
    if (TERMINAL_END.test(l.text)) continue;
    const key = l.text.replace(/\d+/g, '#');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (l.nearPageBreak) nearBreak.set(key, (nearBreak.get(key) ?? 0) + 1);
    if (!firstAt.has(key)) firstAt.set(key, i);
  }
  const headers = new Set<string>();
  // Three sightings make a header; two do when the first is the title at the top and the other sits at a page
  // break, or when both sit at page breaks (a title wrapped on the first page is not seen as a sighting).
  for (const [key, n] of counts) {
    const atBreaks = nearBreak.get(key) ?? 0;
    if (n >= 3 || (n === 2 && ((firstAt.get(key)! < 5 && atBreaks > 0) || atBreaks === 2))) headers.add(key);
  }
  return headers;
}

function typicalWidth(lines: PhysicalLine[]): number {
  const widths = lines
    .map((l) => visualWidth(l.text))
    .filter((w) => w >= 4)
    .sort((a, b) => a - b);
  if (widths.length === 0) return 30;
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.8))];
}

/**
 * Turns extracted text into paragraphs: drops page numbers, running headers and stray words, and joins
 * lines that a PDF broke mid-sentence. A paragraph starts at valid numbering, after a heading-like short
 * line, or after a sentence that ends short of the right margin.
 */
export function normalisePlanText(source: string): NormalisedText {
  const removed: RemovedLine[] = [];
  const physical: PhysicalLine[] = [];
  const rawLines = source.replace(/^\ufeff/, '').split(/\r\n|\r|\n|\f/);
  let firstPageBreak = Infinity;
  let afterPageBreak = false;
  rawLines.forEach((raw, i) => {
    const text = cleanLineText(raw);
    if (!text) {
      if (raw.trim()) removed.push({ line: i + 1, text: raw, reason: 'stray' });
      return;
    }
    if (isPageNumber(text)) {
      removed.push({ line: i + 1, text: raw, reason: 'page-number' });
      firstPageBreak = Math.min(firstPageBreak, i + 1);
      const before = physical[physical.length - 1];
      if (before) before.nearPageBreak = true;
      afterPageBreak = true;
    } else if (STRAY_LINE_RE.test(text)) {
      removed.push({ line: i + 1, text: raw, reason: 'stray' });
    } else {
      physical.push({ text, source: i + 1, nearPageBreak: afterPageBreak });
      afterPageBreak = false;
    }
  });

  const headers = findRunningHeaders(physical);
  const lines: PhysicalLine[] = [];
  const seenHeader = new Set<string>();
  for (const l of physical) {
    const key = l.text.replace(/\d+/g, '#');
    if (headers.has(key)) {
      // The first sighting on the first page is the document's own title line; later ones are page headers.
      if (!seenHeader.has(key) && lines.length < 10 && l.source < firstPageBreak) {
        seenHeader.add(key);
        lines.push(l);
      } else {
        removed.push({ line: l.source, text: l.text, reason: 'running-header' });
      }
      continue;
    }
    lines.push(l);
  }

  const W = typicalWidth(lines);
  const seq = new MarkerSequence();
  const markers: (Marker | null)[] = lines.map((l) => {
    const m = readMarker(l.text);
    return m && seq.accept(m) ? m : null;
  });
  const special = lines.map((l) => isDocNoLine(l.text) || isDateLine(l.text));
  const width = lines.map((l) => visualWidth(l.text));
  const startsBlock = (j: number) => j >= lines.length || markers[j] !== null || special[j];

  const headingLike = (j: number): boolean =>
    !BODY_PUNCT.test(lines[j].text) && width[j] <= 24 && (startsBlock(j + 1) || width[j] < 0.75 * width[j + 1]);

  const out: NormalisedLine[] = [];
  let cur: { text: string; sources: number[]; marker: Marker | null; maxWidth: number; punct: boolean } | null = null;
  const flush = () => {
    if (!cur) return;
    out.push({
      text: cur.text,
      sourceLines: cur.sources,
      marker: cur.marker,
      heading:
        !cur.punct && (visualWidth(cur.text) <= 40 || (visualWidth(cur.text) <= 80 && TITLE_END_RE.test(cur.text))),
    });
    cur = null;
  };

  let seenMarker = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!cur) cur = { text: '', sources: [], marker: markers[i], maxWidth: 0, punct: false };
    const prevMax = cur.maxWidth;
    // Lines of a Chinese document break inside numbers and acronyms ("2" / "016年", "P" / "PP"), never at a
    // space that matters, so they join without one.
    cur.text += l.text;
    cur.sources.push(l.source);
    cur.maxWidth = Math.max(cur.maxWidth, width[i]);
    cur.punct ||= BODY_PUNCT.test(l.text);

    const next = i + 1;
    let end = next >= lines.length || startsBlock(next) || special[i];
    if (!end && TERMINAL_END.test(l.text)) {
      // A sentence that stops short of the margin ends its paragraph; so does a heading after it.
      const short = prevMax > 0 ? width[i] < prevMax - 1.5 : width[i] < 0.8 * W;
      end = short || headingLike(next);
    }
    // A heading is clearly narrower than the text below it; a numbered one (一、 （一）) may be a little wider.
    const ratio = cur.marker && (cur.marker.kind === 'top' || cur.marker.kind === 'sub') ? 0.85 : 0.75;
    if (!end && !cur.punct && (width[i] < ratio * width[next] || headingLike(next))) end = true;
    // Before any numbering, a line ending like a document title is one, however wide the text below it.
    if (!end && !cur.punct && !seenMarker && TITLE_END_RE.test(cur.text)) end = true;
    if (markers[i]) seenMarker = true;
    if (end) flush();
  }
  flush();

  return { lines: out, text: out.map((l) => l.text).join('\n'), removed };
}
