/** An element to write: its name, attributes (undefined ones left out) and children, text or elements. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  children?: (XmlElement | string | null | undefined | false)[];
}

/**
 * Characters XML 1.0 cannot carry at all, even escaped (controls other than tab and line ends, U+FFFE/U+FFFF, lone
 * surrogates). The input guard keeps them out of new records; this keeps an older record from breaking the file.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** In an attribute the quote must go, and line ends and tabs too, or a parser turns them into spaces. */
export function escapeAttribute(s: string): string {
  return escapeText(s)
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}

function write(el: XmlElement, indent: string, out: string[]) {
  const attrs = Object.entries(el.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  const children = (el.children ?? []).filter((c): c is XmlElement | string => !!c || c === '');
  if (!children.length) {
    out.push(`${indent}<${el.name}${attrs}/>`);
    return;
  }
  if (children.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${el.name}${attrs}>${children.map(escapeText).join('')}</${el.name}>`);
    return;
  }
  out.push(`${indent}<${el.name}${attrs}>`);
  for (const c of children) {
    if (typeof c === 'string') out.push(`${indent}  ${escapeText(c)}`);
    else write(c, `${indent}  `, out);
  }
  out.push(`${indent}</${el.name}>`);
}

/** A document: the XML declaration, then the root element, indented two spaces a level. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
