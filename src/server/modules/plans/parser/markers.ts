import { parseSectionNumeral } from './chinese-numerals.ts';

/**
 * Numbering that starts a line of a plan:
 * top 一、 / 第一部分, sub （一）, item 1． 1. 1、 22﹒, minor （1） ①, dash ——.
 */
export type MarkerKind = 'top' | 'sub' | 'item' | 'minor' | 'dash';

export interface Marker {
  kind: MarkerKind;
  value: number;
  /** The numbering as written, normalised: '一', '（一）', '1'. */
  label: string;
  /** Length of the numbering prefix in the line. */
  length: number;
}

const TOP_RE = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*/;
const CHAPTER_RE = /^第([一二三四五六七八九十]{1,3})(?:部分|章|篇)\s*[、．.：:]?\s*/;
const SUB_RE = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、．.]?\s*/;
// A digit followed by a dot and another digit is a decimal (1.5亿元), not an item number.
const ITEM_RE = /^(\d{1,3})\s*[．.、﹒](?!\d)\s*/;
const MINOR_PAREN_RE = /^[（(]\s*(\d{1,2})\s*[）)]\s*/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const DASH_RE = /^(?:——|--|－－)\s*/;

export function readMarker(line: string): Marker | null {
  let m = CHAPTER_RE.exec(line) ?? TOP_RE.exec(line);
  if (m) {
    const v = parseSectionNumeral(m[1]);
    if (v !== null) return { kind: 'top', value: v, label: m[1], length: m[0].length };
  }
  m = SUB_RE.exec(line);
  if (m) {
    const v = parseSectionNumeral(m[1]);
    if (v !== null) return { kind: 'sub', value: v, label: `（${m[1]}）`, length: m[0].length };
  }
  m = ITEM_RE.exec(line);
  if (m) {
    const v = Number(m[1]);
    if (v > 0 && v <= 300) return { kind: 'item', value: v, label: String(v), length: m[0].length };
  }
  m = MINOR_PAREN_RE.exec(line);
  if (m) return { kind: 'minor', value: Number(m[1]), label: `（${m[1]}）`, length: m[0].length };
  const circled = CIRCLED.indexOf(line[0] ?? '');
  if (circled >= 0) return { kind: 'minor', value: circled + 1, label: line[0], length: 1 };
  m = DASH_RE.exec(line);
  if (m) return { kind: 'dash', value: 0, label: '——', length: m[0].length };
  return null;
}

/**
 * Numbering must run in sequence: a wrapped line that happens to begin with "一、" or "5、" must not
 * start a section. Items may restart at 1 (the national plan numbers each area from 1) or run on across
 * sections (吉林—浙江 1…39).
 */
export class MarkerSequence {
  private top = 0;
  private sub = 0;
  private item = 0;
  private headingSinceItem = true;

  accept(m: Marker): boolean {
    switch (m.kind) {
      case 'top':
        if (m.value !== this.top + 1) return false;
        this.top = m.value;
        this.sub = 0;
        this.headingSinceItem = true;
        return true;
      case 'sub':
        if (m.value !== this.sub + 1) return false;
        this.sub = m.value;
        this.headingSinceItem = true;
        return true;
      case 'item':
        if (this.item > 0 && m.value !== this.item + 1 && !(m.value === 1 && this.headingSinceItem)) return false;
        this.item = m.value;
        this.headingSinceItem = false;
        return true;
      default:
        return true;
    }
  }
}

const DOC_NO_RE = /^[\u4e00-\u9fff]{1,12}[〔［[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*\d{1,4}\s*号$/;
/** 国办发〔2017〕22号 on a line of its own. */
export function isDocNoLine(line: string): boolean {
  return DOC_NO_RE.test(line);
}

const DATE_LINE_RE = /^[\u4e00-\u9fff（）()]{0,24}(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布)?$/;
/** A signature or date line: 国务院办公厅2017年3月7日. */
export function isDateLine(line: string): boolean {
  return DATE_LINE_RE.test(line);
}
