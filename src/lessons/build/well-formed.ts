// A small XML reader for checking what the cartridge writes: it refuses a document that is not
// well-formed (unbalanced or crossed tags, a bad name, an unquoted or repeated attribute, a raw
// "<" or a bare "&", text or a second element outside the root) and returns its element tree.
// No DTDs beyond a bare <!DOCTYPE name>, no external entities, no namespace checks.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /\s*/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  const bare = raw.replace(ENTITY, '').indexOf('&');
  if (bare >= 0) throw new Error(`a bare "&" near offset ${where}`);
  return raw.replace(ENTITY, (_, named: string, dec: string, hex: string) => (named ? NAMED[named] : String.fromCodePoint(parseInt(dec ?? hex, dec ? 10 : 16))));
}

export function parseXml(text: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML: ${what} at offset ${at} (${JSON.stringify(text.slice(at, at + 30))})`);
  };
  const skip = (marker: string, end: string) => {
    const close = text.indexOf(end, at + marker.length);
    if (close < 0) fail(`an unclosed ${marker}`);
    at = close + end.length;
  };
  const name = () => {
    NAME.lastIndex = at;
    const m = NAME.exec(text) ?? fail('a bad name');
    at += m[0].length;
    return m[0];
  };
  const space = () => {
    SPACE.lastIndex = at;
    at += SPACE.exec(text)![0].length;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunk = text.slice(at, lt < 0 ? text.length : lt);
    if (chunk.length > 0) {
      if (stack.length === 0 && chunk.trim() !== '') fail('text outside the root element');
      if (chunk.includes(']]>')) fail('"]]>" in text');
      if (stack.length > 0) stack.at(-1)!.children.push(decode(chunk, at));
      at += chunk.length;
    }
    if (lt < 0) break;
    if (text.startsWith('<?', at)) skip('<?', '?>');
    else if (text.startsWith('<!--', at)) skip('<!--', '-->');
    else if (text.startsWith('<![CDATA[', at)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const close = text.indexOf(']]>', at);
      if (close < 0) fail('an unclosed CDATA section');
      stack.at(-1)!.children.push(text.slice(at + 9, close));
      at = close + 3;
    } else if (/^<!DOCTYPE\s+[A-Za-z_][\w.:-]*\s*>/i.test(text.slice(at, at + 200))) skip('<!DOCTYPE', '>');
    else if (text.startsWith('</', at)) {
      at += 2;
      const closing = name();
      space();
      if (text[at] !== '>') fail('a bad closing tag');
      at += 1;
      const open = stack.pop();
      if (!open || open.name !== closing) fail(`</${closing}> closes ${open ? `<${open.name}>` : 'nothing'}`);
    } else {
      at += 1;
      const element: XmlElement = { name: name(), attrs: {}, children: [] };
      for (;;) {
        const before = at;
        space();
        if (text.startsWith('/>', at) || text[at] === '>') break;
        if (at === before) fail('no space before an attribute');
        const attr = name();
        space();
        if (text[at] !== '=') fail(`attribute ${attr} without a value`);
        at += 1;
        space();
        const quote = text[at];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} without quotes`);
        const end = text.indexOf(quote, at + 1);
        if (end < 0) fail('an unclosed attribute value');
        const raw = text.slice(at + 1, end);
        if (raw.includes('<')) fail(`a "<" in attribute ${attr}`);
        if (attr in element.attrs) fail(`attribute ${attr} twice`);
        element.attrs[attr] = decode(raw, at);
        at = end + 1;
      }
      if (stack.length === 0 && root) fail('a second root element');
      if (stack.length > 0) stack.at(-1)!.children.push(element);
      else root = element;
      if (text.startsWith('/>', at)) at += 2;
      else {
        at += 1;
        stack.push(element);
      }
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is never closed`);
  return root ?? fail('no root element');
}

// every element below (and including) `from` with this name, in document order
export function findAll(from: XmlElement, name: string): XmlElement[] {
  const found = from.name === name ? [from] : [];
  for (const c of from.children) if (typeof c !== 'string') found.push(...findAll(c, name));
  return found;
}

export const textOf = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
