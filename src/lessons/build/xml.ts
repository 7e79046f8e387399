// Just enough XML writing for a cartridge: escaped text and attributes, and elements built from
// already-written children.

// characters XML 1.0 does not allow even escaped: C0 controls but tab, LF and CR, U+FFFE and
// U+FFFF, and halves of surrogate pairs standing alone
// eslint-disable-next-line no-control-regex -- these are the characters it removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// text for element content or an attribute value; the same escaping serves HTML
export const escapeXml = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

export type Attrs = Record<string, string | number | boolean | undefined>;

// <name attrs>children</name>, or <name attrs/> without children; children are written XML
export function el(name: string, attrs: Attrs = {}, ...children: string[]): string {
  const written = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (children.length === 0) return `<${name}${written}/>`;
  const block = children.every((c) => c.startsWith('<'));
  return `<${name}${written}>${block ? `\n${children.join('\n')}\n` : children.join('')}</${name}>`;
}

// an element holding only text
export const textEl = (name: string, text: string, attrs: Attrs = {}): string => el(name, attrs, escapeXml(text));

export const xmlDocument = (root: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
