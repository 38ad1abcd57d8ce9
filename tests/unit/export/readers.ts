/**
 * Small readers of CSV, BibTeX and RIS for reading exports back in the tests, written here because no
 * parser of these formats is installed (with one, say @citation-js/core with its BibTeX and RIS plugins,
 * these would go). They follow the formats' specifications, not the exporters' code.
 */

/** RFC 4180: fields separated by commas, rows by CRLF; quoted fields may hold commas, quotes ("") and line breaks. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const c = text[index];
    if (quoted) {
      if (c === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export interface BibtexEntry {
  type: string;
  key: string;
  /** Values with their outer braces removed (inner braces and TeX escapes as written). */
  fields: Record<string, string>;
}

/** BibTeX entries: @type{key, name = {braced} or bare, ...}. */
export function readBibtex(text: string): BibtexEntry[] {
  const entries: BibtexEntry[] = [];
  const head = /@(\w+)\s*\{\s*([^,\s]+)\s*,/g;
  let match: RegExpExecArray | null;
  while ((match = head.exec(text))) {
    const fields: Record<string, string> = {};
    let at = head.lastIndex;
    for (;;) {
      const name = /^\s*(\w+)\s*=\s*/.exec(text.slice(at));
      if (!name?.[1]) break;
      at += name[0].length;
      let value: string;
      if (text[at] === '{') {
        let depth = 0;
        const start = at;
        do {
          if (text[at] === '\\') at++;
          else if (text[at] === '{') depth++;
          else if (text[at] === '}') depth--;
          at++;
        } while (depth > 0 && at < text.length);
        value = text.slice(start + 1, at - 1);
      } else {
        const bare = /^[\w-]+/.exec(text.slice(at))?.[0] ?? '';
        value = bare;
        at += bare.length;
      }
      fields[name[1].toLowerCase()] = value;
      const comma = /^\s*,/.exec(text.slice(at));
      if (!comma) break;
      at += comma[0].length;
    }
    if (!/^\s*\}/.test(text.slice(at))) throw new Error(`BibTeX entry ${match[2]} is not closed`);
    entries.push({ type: (match[1] ?? '').toLowerCase(), key: match[2] ?? '', fields });
    head.lastIndex = at;
  }
  return entries;
}

/** RIS: "TG  - value" lines, a record from TY to ER; each tag's values in order. */
export function readRis(text: string): Record<string, string[]>[] {
  const records: Record<string, string[]>[] = [];
  let record: Record<string, string[]> | null = null;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!match?.[1]) throw new Error(`Not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value = ''] = match;
    if (tag === 'TY') record = {};
    if (!record) throw new Error('RIS line outside a record');
    if (tag === 'ER') {
      records.push(record);
      record = null;
      continue;
    }
    (record[tag] ??= []).push(value);
  }
  if (record) throw new Error('RIS record without ER');
  return records;
}
