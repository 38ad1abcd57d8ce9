/**
 * One line of `npm run analyze`'s JSON Lines output, as a zod schema: the source of
 * docs/record.schema.json (JSON Schema, written by `npm run -s analyze -- --schema`) and what the tests
 * check every record against. Objects are open: fields may be added, never removed or retyped.
 */
import { z } from 'zod';
import { SOURCE_KINDS } from '../lib/analyze/types';

const fieldSource = z.enum(['jsonld', 'meta', 'byline', 'text', 'url']);

/** Where a record's page came from: its id in the input, the file, and for WARC records the record. */
const origin = {
  id: z
    .string()
    .describe('Unique in the input: the WARC-Record-ID, or the path relative to the folder or manifest'),
  file: z.string().describe('The page file, or the WARC file the record is in'),
  warcRecordId: z.string().optional().describe('WARC records: the WARC-Record-ID'),
  warcDate: z.string().optional().describe('WARC records: the WARC-Date (when the page was fetched)'),
};

const quote = z.looseObject({
  text: z.string(),
  speaker: z.string().nullable(),
  speakerMention: z.string().nullable(),
  cue: z.string().nullable(),
  anonymous: z.boolean(),
  paragraph: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  marks: z.string().optional(),
  origin: z.string().optional().describe('A second-hand quote: the outlet it was given to'),
});

const source = z.looseObject({
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  mentions: z.number().int(),
  url: z.string().nullable(),
});

export const PAGE_RECORD = z
  .looseObject({
    ...origin,
    url: z.string().describe("The page's address ('' when unknown)"),
    title: z.string(),
    lang: z.string().nullable(),
    isArticle: z.boolean(),
    articleReason: z.string(),
    byline: z.looseObject({
      authors: z.array(z.looseObject({ name: z.string(), source: fieldSource })),
      outlet: z.looseObject({ name: z.string(), source: z.string() }).nullable(),
      published: z.string().nullable(),
      modified: z.string().nullable(),
      wire: z.string().nullable(),
      contributors: z.array(z.string()),
      genre: z.string().nullable().optional(),
    }),
    article: z.looseObject({ text: z.string(), html: z.string(), wordCount: z.number().int() }),
    quotes: z.array(quote),
    sources: z.array(source),
    warnings: z.array(z.string()),
  })
  .describe('A page analyzed');

export const ERROR_RECORD = z
  .strictObject({
    ...origin,
    url: z.string().nullable(),
    error: z.string().describe('Why the page was not analyzed, in one plain line'),
  })
  .describe('A page that could not be analyzed');

export const ANALYSIS_RECORD = z.union([ERROR_RECORD, PAGE_RECORD]);

/** The JSON Schema of a record (draft 2020-12). */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    title: 'Scrutiny analysis record (one line of npm run analyze JSON Lines output)',
    ...z.toJSONSchema(ANALYSIS_RECORD),
  };
}
