/**
 * CSV: one row per highlight, page note or clipping, each with its article's columns, in the form Excel
 * and LibreOffice open correctly: UTF-8 with a byte order mark, CRLF row ends, RFC 4180 quoting (line
 * breaks inside quoted cells). A cell that a spreadsheet would read as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) is prefixed with an apostrophe, so opening an export never runs anything.
 */
import { COLOUR_NAMES } from '../annotations/types';
import { quoteOf } from '../annotations/selectors';
import { collectionNames, type ArticleGroup } from './grouping';
import type { ExportData } from './types';

export const CSV_BOM = '\ufeff';

export const CSV_COLUMNS = [
  'Kind',
  'Passage',
  'Note',
  'Colour',
  'Tags',
  'Collection',
  'Created',
  'Modified',
  'Article title',
  'Authors',
  'Outlet',
  'Published',
  'Updated',
  'URL',
  'Saved',
  'Article tags',
] as const;

/** Starts a spreadsheet reads as a formula or a command (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised when it could run as a formula, quoted when it must be (RFC 4180). */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header row, with the byte order mark that tells Excel the file is UTF-8. */
export function csvHeader(): string {
  return CSV_BOM + csvRow(CSV_COLUMNS);
}

/** The rows of one article: page notes, highlights in reading order, clippings. */
export function articleCsvRows(group: ArticleGroup, data: ExportData): string {
  const { article } = group;
  const articleCells = [
    group.title,
    group.authors.join('; '),
    group.outlet ?? '',
    group.published ?? '',
    group.modified ?? '',
    group.url,
    article?.savedAt ?? '',
    (article?.tags ?? []).join('; '),
  ];
  let rows = '';
  for (const annotation of [...group.pageNotes, ...group.highlights]) {
    rows += csvRow([
      annotation.kind === 'page-note' ? 'Page note' : 'Highlight',
      quoteOf(annotation)?.exact ?? '',
      annotation.body.note,
      annotation.kind === 'page-note' ? '' : COLOUR_NAMES[annotation.body.colour],
      annotation.body.tags.join('; '),
      '',
      annotation.created,
      annotation.modified,
      ...articleCells,
    ]);
  }
  for (const clipping of group.clippings) {
    rows += csvRow([
      'Clipping',
      clipping.text,
      clipping.note,
      '',
      clipping.tags.join('; '),
      collectionNames(data, [clipping.collectionId]).join('; '),
      clipping.created,
      clipping.modified,
      ...articleCells,
    ]);
  }
  return rows;
}
