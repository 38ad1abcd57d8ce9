/**
 * A reader of CSV for reading exports back in the tests, written here because no CSV parser is
 * installed; it follows RFC 4180, not the exporter's code. (BibTeX, RIS and CSL-JSON are read back by
 * citation-js: citation-js.test.ts.)
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
