// Just enough XML for SpreadsheetML parts, on strings and without building a DOM: tags are found with one
// regular expression, namespace prefixes are dropped (Open XML SDK writes <x:c>, Excel writes <c>), and offsets
// are kept so the writer can splice a changed cell into the original text and leave every other byte alone.

/** One tag: `<name attrs>`, `<name attrs/>` or `</name>`, with its offsets in the text. */
export interface Tag {
  /** Local name (prefix removed). */
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: string;
  start: number;
  end: number;
}

// Comments, processing instructions and CDATA are matched first so their contents never look like tags.
const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Every tag in text[from, to), in order. A generator so large parts are walked without building a list. */
export function* tags(text: string, from = 0, to = text.length): Generator<Tag> {
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (!m || m.index >= to) return;
    if (m[2] === undefined) continue;
    const tag: Tag = {
      name: m[2],
      close: m[1] === '/',
      selfClose: m[4] === '/',
      attrs: m[3] ?? '',
      start: m.index,
      end: m.index + m[0].length,
    };
    yield tag;
  }
}

const ATTR = /(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (prefix dropped, so r:id and id both read as "id"; a prefixed one does not replace an unprefixed one). */
export function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(text); m; m = ATTR.exec(text)) {
    const key = m[2]!;
    if (m[1] === 'xmlns' || (key === 'xmlns' && !m[1])) continue;
    if (m[1] && key in out) continue;
    out[key] = decodeXml(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** One attribute, without parsing the others (hot path for cells). */
const ATTR_RE = new Map<string, RegExp>();

export function attr(text: string, name: string): string | undefined {
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(text);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
    named ? NAMED[named]! : String.fromCodePoint(parseInt(hex ?? dec ?? '0', hex ? 16 : 10)),
  );
}

/** SpreadsheetML escapes characters XML cannot hold as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19). */
export function decodeOoxmlText(s: string): string {
  const t = decodeXml(s);
  return t.includes('_x')
    ? t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : t;
}

/** Text for an element body: XML-escaped, characters XML 1.0 forbids dropped, a literal _xHHHH_ protected. */
export function encodeXmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

export function encodeXmlAttr(s: string): string {
  return encodeXmlText(s).replace(/"/g, '&quot;');
}

/** The text content of an element body: <t> runs concatenated, phonetic runs (<rPh>) left out. */
export function runText(body: string): string {
  if (!body.includes('<')) return decodeOoxmlText(body);
  let out = '';
  let inPhonetic = 0;
  let textStart = -1;
  for (const t of tags(body)) {
    if (t.name === 'rPh') {
      if (!t.selfClose) inPhonetic += t.close ? -1 : 1;
    } else if (t.name === 't') {
      if (t.selfClose) continue;
      if (!t.close) textStart = t.end;
      else if (textStart >= 0) {
        if (inPhonetic === 0) out += body.slice(textStart, t.start);
        textStart = -1;
      }
    }
  }
  return decodeOoxmlText(out);
}
