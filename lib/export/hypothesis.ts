/**
 * Import of a Hypothesis export (the JSON file Hypothesis's "Export" gives: `{ export_date,
 * annotations: [...] }`, or a bare array of annotations as its API returns them). Each annotation of a
 * web page becomes a highlight (with its quote, position and range selectors) or a page note; it is
 * anchored the next time its page is opened, like any highlight. Replies, annotations of PDFs or other
 * non-web documents, and ones without a quoted passage or note are skipped and counted by reason.
 *
 * Ids are derived from Hypothesis's own ids, so importing one export twice adds nothing the second time.
 */
import { z } from 'zod';
import { pageKeys } from '../annotations/page-keys';
import {
  DEFAULT_COLOUR,
  type Annotation,
  type RangeSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../annotations/types';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../store/validate';
import { MAX_BACKUP_CHARACTERS, MAX_BACKUP_NESTING, scanJsonShape } from './backup';

export type ParsedHypothesisExport =
  | { ok: true; annotations: Annotation[]; skipped: { reason: string; count: number }[] }
  | { ok: false; problem: string };

const selectorSchema = z.union([
  z.looseObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  }),
  z.looseObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  z.looseObject({
    type: z.literal('RangeSelector'),
    startContainer: z.string(),
    startOffset: z.number().int().nonnegative(),
    endContainer: z.string(),
    endOffset: z.number().int().nonnegative(),
  }),
  // Other selector types (FragmentSelector, EPUB's …) are read and left out.
  z.looseObject({ type: z.string() }),
]);

const hypothesisAnnotationSchema = z.looseObject({
  id: z.string().min(1),
  uri: z.string(),
  text: z.string().optional().default(''),
  tags: z.array(z.string()).optional().default([]),
  created: z.string(),
  updated: z.string().optional(),
  references: z.array(z.string()).optional(),
  target: z
    .array(z.looseObject({ source: z.string().optional(), selector: z.array(selectorSchema).optional() }))
    .optional()
    .default([]),
  document: z.looseObject({ title: z.union([z.array(z.string()), z.string()]).optional() }).optional(),
});

const hypothesisExportSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ annotations: z.array(z.unknown()) }),
  z.looseObject({ rows: z.array(z.unknown()) }), // the search API's reply
]);

export function parseHypothesisExport(text: string): ParsedHypothesisExport {
  if (text.length > MAX_BACKUP_CHARACTERS) {
    return { ok: false, problem: 'The file is too large to be a Hypothesis export.' };
  }
  if (scanJsonShape(text).deepest > MAX_BACKUP_NESTING) {
    return { ok: false, problem: 'The file nests data deeper than any Hypothesis export does.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problem: 'The file is not a Hypothesis export: it is not valid JSON.' };
  }
  const file = hypothesisExportSchema.safeParse(parsed);
  if (!file.success) {
    return { ok: false, problem: 'The file is not a Hypothesis export: it holds no list of annotations.' };
  }
  const rows: unknown[] = Array.isArray(file.data)
    ? file.data
    : Array.isArray(file.data.annotations)
      ? file.data.annotations
      : Array.isArray(file.data.rows)
        ? file.data.rows
        : [];
  const annotations: Annotation[] = [];
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const seen = new Set<string>();
  for (const row of rows) {
    const read = hypothesisAnnotationSchema.safeParse(row);
    if (!read.success) {
      skip('not a Hypothesis annotation (fields missing or of the wrong type)');
      continue;
    }
    const result = toAnnotation(read.data);
    if (typeof result === 'string') {
      skip(result);
    } else if (seen.has(result.id)) {
      skip('listed twice in the file');
    } else {
      seen.add(result.id);
      annotations.push(result);
    }
  }
  if (
    rows.length > 0 &&
    annotations.length === 0 &&
    skipped.size === 1 &&
    skipped.has('not a Hypothesis annotation (fields missing or of the wrong type)')
  ) {
    return {
      ok: false,
      problem: 'The file is not a Hypothesis export: none of its entries is a Hypothesis annotation.',
    };
  }
  return { ok: true, annotations, skipped: [...skipped].map(([reason, count]) => ({ reason, count })) };
}

type HypothesisAnnotation = z.infer<typeof hypothesisAnnotationSchema>;

/** The Scrutiny annotation for one Hypothesis annotation, or why it is skipped. */
function toAnnotation(row: HypothesisAnnotation): Annotation | string {
  if (row.references && row.references.length > 0) return 'a reply to another annotation';
  const keys = pageKeys({ url: row.uri, canonicalUrl: null });
  if (keys.length === 0 || !/^https?:/i.test(row.uri)) {
    return 'made on a PDF or another document without a web address';
  }
  if (row.text.length > MAX_NOTE_LENGTH) return 'a note longer than Scrutiny keeps';
  const created = isoTime(row.created);
  if (!created) return 'no valid creation time';
  const modified = (row.updated && isoTime(row.updated)) || created;
  const selectors: Selector[] = [];
  for (const target of row.target) {
    for (const selector of target.selector ?? []) {
      const known = knownSelector(selector);
      if (known && !selectors.some((s) => s.type === known.type)) selectors.push(known);
    }
  }
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const isPageNote = row.target.every((target) => !target.selector || target.selector.length === 0);
  if (!isPageNote && !quote) return 'a highlight without its quoted passage';
  if (isPageNote && row.text.trim() === '') return 'an empty page note';
  const title = Array.isArray(row.document?.title)
    ? (row.document.title[0] ?? '')
    : (row.document?.title ?? '');
  const tags = [...new Set(row.tags.map((tag) => tag.trim().slice(0, MAX_TAG_LENGTH)).filter(Boolean))].slice(
    0,
    MAX_TAGS,
  );
  return {
    id: uuidFrom(`hypothesis:${row.id}`),
    kind: isPageNote ? 'page-note' : 'highlight',
    target: { url: row.uri, canonicalUrl: null, title, selector: isPageNote ? [] : selectors },
    body: { note: row.text, tags, colour: DEFAULT_COLOUR },
    pageKeys: keys,
    created,
    modified,
  };
}

function knownSelector(selector: z.infer<typeof selectorSchema>): Selector | null {
  const value = selector as Record<string, unknown>;
  switch (selector.type) {
    case 'TextQuoteSelector':
      return {
        type: 'TextQuoteSelector',
        exact: String(value.exact),
        prefix: String(value.prefix ?? ''),
        suffix: String(value.suffix ?? ''),
      } satisfies TextQuoteSelector;
    case 'TextPositionSelector':
      return {
        type: 'TextPositionSelector',
        start: Number(value.start),
        end: Number(value.end),
      } satisfies TextPositionSelector;
    case 'RangeSelector':
      return {
        type: 'RangeSelector',
        startContainer: String(value.startContainer),
        startOffset: Number(value.startOffset),
        endContainer: String(value.endContainer),
        endOffset: Number(value.endOffset),
      } satisfies RangeSelector;
    default:
      return null;
  }
}

function isoTime(text: string): string | null {
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * A UUID (version 8, RFC 9562: "custom") derived from a text, so one Hypothesis annotation always gets
 * the same id: four 32-bit FNV-1a hashes with different seeds. Not cryptographic; it only needs to keep
 * distinct Hypothesis ids apart.
 */
export function uuidFrom(text: string): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = seed >>> 0;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
