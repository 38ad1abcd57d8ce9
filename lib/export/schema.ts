/**
 * The zod schema of everything a backup holds: the library's own records (lib/library/types,
 * lib/annotations/types), field by field. Objects are strict, so a field this version does not know is
 * reported rather than silently dropped (an import must lose nothing), and every record type checks
 * against the TypeScript type it stands for (the `satisfies` lines below), so the two cannot drift apart.
 */
import { z } from 'zod';
import { HIGHLIGHT_COLOURS, type Annotation } from '../annotations/types';
import { SOURCE_KINDS, type Analysis } from '../analyze/types';
import { GENRES } from '../extract/genre';
import type { ArticleSnapshot, Clipping, Collection, LibrarySettings, SavedArticle } from '../library/types';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../store/validate';
import type { ExportData } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ISO 8601 as the library writes it: a date, or a date and time with an optional offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const id = z.string().regex(UUID, 'should be a UUID');
const time = z.string().regex(ISO_TIME, 'should be an ISO 8601 date or time');
const text = z.string();
const count = z.number().int().nonnegative();
const offset = z.number().int().nonnegative();
const tags = z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS);

const fieldSource = z.enum(['jsonld', 'meta', 'byline', 'text', 'url']);
const sourceKind = z.enum(SOURCE_KINDS);
const quoteText = z.strictObject({ exact: text, prefix: text, suffix: text });

const analysis = z.strictObject({
  quotes: z.array(
    z.strictObject({
      text,
      speaker: text.nullable(),
      speakerMention: text.nullable(),
      cue: text.nullable(),
      anonymous: z.boolean(),
      paragraph: count,
      start: offset,
      end: offset,
      selector: quoteText,
      marks: z.string().max(4).optional(),
    }),
  ),
  sources: z.array(
    z.strictObject({
      name: text,
      kind: sourceKind,
      mentions: count,
      url: text.nullable(),
      linkKind: z
        .enum(['primary-document', 'other-outlet', 'same-site', 'social', 'study', 'other'])
        .optional(),
      places: z.array(z.strictObject({ start: offset, end: offset, selector: quoteText })),
    }),
  ),
  glance: z.strictObject({
    quotes: count,
    speakers: count,
    unattributedQuotes: count,
    namedSources: count,
    anonymousSources: count,
    quotedShare: z.number().min(0).max(1),
    linksOut: count,
    minutesToUpdate: z.number().nullable(),
  }),
}) satisfies z.ZodType<Analysis>;

const bylineCandidate = z.strictObject({ value: text, source: fieldSource });
const storedByline = z.strictObject({
  authors: z.array(z.strictObject({ name: text, source: fieldSource, url: text.optional() })),
  outlet: z.strictObject({ name: text, source: fieldSource }).nullable(),
  published: text.nullable(),
  modified: text.nullable(),
  publishedSource: fieldSource.nullable(),
  modifiedSource: fieldSource.nullable(),
  wire: text.nullable(),
  contributors: z.array(text),
  genre: z.enum(GENRES).nullable().optional(),
  genreSource: fieldSource.nullable().optional(),
  genreVia: text.nullable().optional(),
  decisions: z
    .array(
      z.strictObject({
        field: z.enum(['authors', 'published', 'modified']),
        chosen: bylineCandidate,
        rejected: z.array(bylineCandidate),
        reason: text,
      }),
    )
    .optional(),
});

const rangeSelector = z.strictObject({
  type: z.literal('RangeSelector'),
  startContainer: text,
  startOffset: offset,
  endContainer: text,
  endOffset: offset,
});
const positionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});
const quoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: text,
  prefix: text,
  suffix: text,
});

export const articleSnapshotSchema = z.strictObject({
  id,
  articleId: id,
  savedAt: time,
  contentHash: text,
  url: text,
  canonicalUrl: text.nullable(),
  title: text,
  lang: text.nullable(),
  byline: storedByline,
  html: text,
  text,
  wordCount: count,
  excerpt: text,
  analysis: analysis.nullable(),
}) satisfies z.ZodType<ArticleSnapshot>;

export const savedArticleSchema = z.strictObject({
  id,
  pageKeys: z.array(text),
  url: text,
  canonicalUrl: text.nullable(),
  title: text,
  authors: z.array(text),
  outlet: text.nullable(),
  lang: text.nullable(),
  published: text.nullable(),
  modified: text.nullable(),
  savedAt: time,
  updatedAt: time,
  latestVersionId: id,
  versionCount: count,
  collectionIds: z.array(id),
  tags,
  speakers: z.array(text),
  sourceKinds: z.array(sourceKind),
  wordCount: count,
  excerpt: text,
}) satisfies z.ZodType<SavedArticle>;

export const annotationSchema = z.strictObject({
  id,
  kind: z.enum(['highlight', 'page-note']),
  target: z.strictObject({
    url: text,
    canonicalUrl: text.nullable(),
    title: text,
    selector: z.array(z.discriminatedUnion('type', [rangeSelector, positionSelector, quoteSelector])),
  }),
  body: z.strictObject({
    note: z.string().max(MAX_NOTE_LENGTH),
    tags,
    colour: z.enum(HIGHLIGHT_COLOURS),
  }),
  pageKeys: z.array(text),
  created: time,
  modified: time,
}) satisfies z.ZodType<Annotation>;

export const clippingSchema = z.strictObject({
  id,
  collectionId: id,
  text,
  selectors: z
    .strictObject({ range: rangeSelector, position: positionSelector, quote: quoteSelector })
    .nullable(),
  citation: z.strictObject({
    title: text,
    authors: z.array(text),
    outlet: text.nullable(),
    published: text.nullable(),
    url: text,
    accessed: time,
    lang: text.nullable(),
  }),
  pageKeys: z.array(text),
  note: z.string().max(MAX_NOTE_LENGTH),
  tags,
  annotationId: id.nullable(),
  created: time,
  modified: time,
}) satisfies z.ZodType<Clipping>;

export const collectionSchema = z.strictObject({
  id,
  name: z.string().refine((name) => name.trim() !== '', 'should not be empty'),
  created: time,
  modified: time,
}) satisfies z.ZodType<Collection>;

export const settingsSchema = z.strictObject({
  lastCollectionId: id.nullable(),
}) satisfies z.ZodType<LibrarySettings>;

export const exportDataSchema = z.strictObject({
  articles: z.array(savedArticleSchema),
  versions: z.array(articleSnapshotSchema),
  annotations: z.array(annotationSchema),
  clippings: z.array(clippingSchema),
  collections: z.array(collectionSchema),
  settings: settingsSchema.nullable(),
}) satisfies z.ZodType<ExportData>;
