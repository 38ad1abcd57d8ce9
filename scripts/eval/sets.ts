/**
 * The evaluation sets: how each corpus is read, which pages go through the pipeline, and how the
 * answers are scored. Every set returns tables for people and numbers for `--json`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SOURCE_KINDS } from '../../lib/analyze/types';
import { GENRES, type Genre } from '../../lib/extract/genre';
import { LABELED_DIR, LANGS, type Half, type ManifestEntry } from '../labeled/select';
import { analyzePages, type PageJob, type PageOutcome, type PageSummary } from './pool';
import {
  authorSet,
  collapseSpaces,
  dayOf,
  f1Of,
  macroPrecisionRecall,
  matchQuotes,
  microPrecisionRecall,
  normalizeForMatch,
  sameInstantOrDay,
  sameSet,
  shingleMatch,
  sourceNameMatches,
  type MatchCounts,
  type PrecisionRecall,
} from './scoring';

export interface EvalOptions {
  jobs?: number;
  timeoutMs?: number;
  /** Only the first N pages (after `only`). */
  limit?: number;
  /** Only pages whose key contains this text. */
  only?: string;
  /** Print each miss (page, expected, got) to stderr. */
  showMisses?: boolean;
  /** Zyte set: score this reference-outputs JSON instead of running the extractor. */
  reference?: string;
  /** Labeled set: the folder with manifest.json and the labels (default tests/fixtures/labeled). */
  labelsDir?: string;
  quiet?: boolean;
  /** Labeled set: analyze, score and report only this half (tune on "dev", never on "test"). */
  half?: Half;
}

export interface Table {
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

export interface SetReport {
  set: string;
  dir: string;
  pages: number;
  tables: Table[];
  /** Flat numbers for --json, e.g. { "body.f1": 0.95 }. */
  numbers: Record<string, number>;
  /** Problems that make the run itself suspect (crashes, timeouts), shown after the tables. */
  notes: string[];
  /** Per-page scores, written out with --dump for comparing two runs. */
  perPage?: Array<Record<string, unknown>>;
  /** Named lists of page keys shown after the tables (the labeled set's pages not labeled yet). */
  lists?: Array<{ title: string; items: string[] }>;
}

type SetRunner = (dir: string, options: EvalOptions) => Promise<SetReport>;

// ---------------------------------------------------------------------------------------------------
// Shared plumbing
// ---------------------------------------------------------------------------------------------------

/** JSON as Python writes it: htmldate's gold files hold bare `NaN` for unknown dates. */
function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8').replace(/:\s*NaN\b/g, ': null')) as T;
}

function selectJobs<T extends { key: string }>(items: T[], options: EvalOptions): T[] {
  const picked = options.only ? items.filter((item) => item.key.includes(options.only!)) : items;
  return options.limit ? picked.slice(0, options.limit) : picked;
}

/** Run the pipeline on the jobs, with a progress line on stderr, and index the outcomes by key. */
async function runPipeline(jobs: PageJob[], options: EvalOptions): Promise<Map<string, PageOutcome>> {
  const showProgress = !options.quiet && process.stderr.isTTY;
  const outcomes = await analyzePages(jobs, {
    concurrency: options.jobs,
    timeoutMs: options.timeoutMs,
    onProgress: showProgress
      ? (done, total) => process.stderr.write(`\r  ${done}/${total} pages`)
      : undefined,
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  return new Map(outcomes.map((outcome) => [outcome.key, outcome]));
}

function pageOf(outcome: PageOutcome | undefined): PageSummary | null {
  return outcome?.status === 'ok' ? outcome.page : null;
}

/** Pages that crashed or timed out make every number below them suspect: say so. */
function failureNotes(outcomes: Map<string, PageOutcome>): string[] {
  const notes: string[] = [];
  for (const outcome of outcomes.values()) {
    if (outcome.status === 'error') notes.push(`crash: ${outcome.key}: ${outcome.error}`);
    if (outcome.status === 'timeout')
      notes.push(`timeout: ${outcome.key} (killed after ${(outcome.ms / 1000).toFixed(0)} s)`);
  }
  return notes;
}

function miss(options: EvalOptions, set: string, key: string, what: string, expected: unknown, got: unknown) {
  if (!options.showMisses) return;
  process.stderr.write(
    `[${set}] ${key} ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}\n`,
  );
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const fixed = (value: number) => value.toFixed(3);

/** Accuracy over labelled pages, plus precision (of answers given) and recall (of answers expected). */
interface FieldTally {
  total: number;
  correct: number;
  /** Pages where we gave an answer. */
  answered: number;
  /** Pages whose gold has an answer. */
  expected: number;
  /** Right answers on pages whose gold has one. */
  correctAnswers: number;
}

const newTally = (): FieldTally => ({ total: 0, correct: 0, answered: 0, expected: 0, correctAnswers: 0 });

function tallyField(tally: FieldTally, goldHasValue: boolean, answered: boolean, correct: boolean) {
  tally.total++;
  if (correct) tally.correct++;
  if (answered) tally.answered++;
  if (goldHasValue) tally.expected++;
  if (goldHasValue && answered && correct) tally.correctAnswers++;
}

/** A ratio for the table, or "-" when there was nothing to count (no answers, or none expected). */
const cell = (part: number, whole: number) => (whole === 0 ? '-' : fixed(part / whole));

function tallyRow(name: string, tally: FieldTally): Array<string | number> {
  return [
    name,
    tally.total,
    cell(tally.correct, tally.total),
    cell(tally.correctAnswers, tally.answered),
    cell(tally.correctAnswers, tally.expected),
  ];
}

const TALLY_HEADER = ['field', 'pages', 'accuracy', 'precision', 'recall'];

function tallyNumbers(prefix: string, tally: FieldTally): Record<string, number> {
  return {
    [`${prefix}.pages`]: tally.total,
    [`${prefix}.accuracy`]: ratio(tally.correct, tally.total),
    [`${prefix}.precision`]: ratio(tally.correctAnswers, tally.answered),
    [`${prefix}.recall`]: ratio(tally.correctAnswers, tally.expected),
  };
}

// ---------------------------------------------------------------------------------------------------
// zyte: article-extraction-benchmark, body shingle F1
// ---------------------------------------------------------------------------------------------------

interface ZyteRecord {
  articleBody?: string;
  url?: string;
}

const zyte: SetRunner = async (dir, options) => {
  const gold = readJson<Record<string, ZyteRecord>>(join(dir, 'ground-truth.json'));
  const keys = selectJobs(
    Object.keys(gold).map((key) => ({ key })),
    options,
  ).map(({ key }) => key);
  const predicted = new Map<string, string>();
  let notes: string[] = [];
  let label = 'Scrutiny (lib/extract)';
  if (options.reference) {
    const raw = readJson<Record<string, unknown>>(options.reference);
    const records = (raw['output'] ?? raw) as Record<string, ZyteRecord>;
    for (const key of keys) predicted.set(key, records[key]?.articleBody ?? '');
    label = `reference ${basename(options.reference)}`;
  } else {
    const outcomes = await runPipeline(
      keys.map((key) => ({ key, path: join(dir, 'html', `${key}.html.gz`), url: gold[key]!.url })),
      options,
    );
    for (const key of keys) predicted.set(key, pageOf(outcomes.get(key))?.text ?? '');
    notes = failureNotes(outcomes);
  }
  const perPage: MatchCounts[] = [];
  const details: Array<Record<string, unknown>> = [];
  for (const key of keys) {
    const counts = shingleMatch(gold[key]!.articleBody ?? '', predicted.get(key) ?? '');
    perPage.push(counts);
    const { precision, recall } = macroPrecisionRecall([counts]);
    details.push({ key, url: gold[key]!.url, precision, recall });
    if (options.showMisses && (precision < 0.8 || recall < 0.8))
      process.stderr.write(`[zyte] ${key} P ${fixed(precision)} R ${fixed(recall)} ${gold[key]!.url}\n`);
  }
  const score = macroPrecisionRecall(perPage);
  return {
    set: 'zyte',
    dir,
    pages: keys.length,
    tables: [
      {
        title: 'Article body, 4-token shingles (per-page P/R averaged; F1 of the means)',
        header: ['extractor', 'pages', 'F1', 'precision', 'recall'],
        rows: [[label, keys.length, fixed(score.f1), fixed(score.precision), fixed(score.recall)]],
      },
    ],
    numbers: { 'body.f1': score.f1, 'body.precision': score.precision, 'body.recall': score.recall },
    notes,
    perPage: details,
  };
};

// ---------------------------------------------------------------------------------------------------
// postlight: authors (exact set) and dates
// ---------------------------------------------------------------------------------------------------

interface PostlightRecord {
  fixture: string;
  file: string;
  url: string;
  author?: string | null;
  date_published?: string | null;
  date_published_dateonly?: string | null;
}

const postlight: SetRunner = async (dir, options) => {
  const records = selectJobs(
    readJson<PostlightRecord[]>(join(dir, 'expected.json')).map((record) => ({
      ...record,
      key: record.fixture,
    })),
    options,
  );
  const outcomes = await runPipeline(
    records.map((r) => ({ key: r.key, path: join(dir, r.file), url: r.url })),
    options,
  );
  const authors = newTally();
  const dates = newTally();
  for (const record of records) {
    const page = pageOf(outcomes.get(record.key));
    if ('author' in record) {
      const expected = authorSet(record.author ?? null);
      const got = authorSet(page?.authors ?? [], false);
      const correct = sameSet(expected, got);
      tallyField(authors, expected.size > 0, got.size > 0, correct);
      if (!correct) miss(options, 'postlight', record.key, 'authors', record.author, page?.authors);
    }
    if ('date_published' in record || 'date_published_dateonly' in record) {
      const dateOnly = 'date_published_dateonly' in record;
      const expected = (dateOnly ? record.date_published_dateonly : record.date_published) ?? null;
      const got = page?.published ?? null;
      const correct =
        expected === null ? got === null : got !== null && sameInstantOrDay(expected, got, dateOnly);
      tallyField(dates, expected !== null, got !== null, correct);
      if (!correct) miss(options, 'postlight', record.key, 'date', expected, got);
    }
  }
  return {
    set: 'postlight',
    dir,
    pages: records.length,
    tables: [
      {
        title: 'Authors (exact set of normalised names) and publication date (instant, or day ±1)',
        header: TALLY_HEADER,
        rows: [tallyRow('authors', authors), tallyRow('published', dates)],
      },
    ],
    numbers: { ...tallyNumbers('authors', authors), ...tallyNumbers('published', dates) },
    notes: failureNotes(outcomes),
  };
};

// ---------------------------------------------------------------------------------------------------
// htmldate: publication date from the HTML alone
// ---------------------------------------------------------------------------------------------------

const HTMLDATE_FILES = ['eval_default.json', 'eval_mediacloud_2020.json'];

const htmldate: SetRunner = async (dir, options) => {
  const subsets = HTMLDATE_FILES.filter((file) => existsSync(join(dir, file)));
  // One gold date is NaN (null here): kept, so N matches upstream's, and it can never be a TP.
  const records = subsets.flatMap((subset) =>
    Object.entries(readJson<Record<string, { file: string; date: string | null }>>(join(dir, subset))).map(
      ([url, record]) => ({ key: `${subset}:${record.file}`, subset, url, ...record }),
    ),
  );
  const picked = selectJobs(records, options);
  // No URL on purpose: upstream gives the extractor the HTML only.
  const outcomes = await runPipeline(
    picked.map((r) => ({ key: r.key, path: join(dir, 'html', `${r.file}.gz`) })),
    options,
  );
  const tallies = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
  for (const name of [...subsets, 'combined']) tallies.set(name, { tp: 0, fp: 0, fn: 0, n: 0 });
  for (const record of picked) {
    const page = pageOf(outcomes.get(record.key));
    const got = dayOf(page?.published);
    for (const name of [record.subset, 'combined']) {
      const tally = tallies.get(name)!;
      tally.n++;
      if (got !== null && got === record.date) tally.tp++;
      else if (got) tally.fp++;
      else tally.fn++;
    }
    if (got !== record.date)
      miss(
        options,
        'htmldate',
        `${record.file} ${record.url}`,
        'date',
        record.date,
        got && `${got} (${page?.publishedSource})`,
      );
  }
  const rows: Array<Array<string | number>> = [];
  const numbers: Record<string, number> = {};
  for (const [name, { tp, fp, fn, n }] of tallies) {
    if (n === 0) continue;
    const label = name.replace(/\.json$/, '');
    rows.push([label, n, fixed(ratio(tp, n)), fixed(ratio(tp, tp + fp)), fixed(ratio(tp, tp + fn))]);
    numbers[`${label}.pages`] = n;
    numbers[`${label}.accuracy`] = ratio(tp, n);
    numbers[`${label}.precision`] = ratio(tp, tp + fp);
    numbers[`${label}.recall`] = ratio(tp, tp + fn);
  }
  return {
    set: 'htmldate',
    dir,
    pages: picked.length,
    tables: [
      {
        title: 'Publication date from the HTML only (no URL): TP same day, FP other day, FN none',
        header: ['subset', 'pages', 'accuracy', 'precision', 'recall'],
        rows,
      },
    ],
    numbers,
    notes: failureNotes(outcomes),
  };
};

// ---------------------------------------------------------------------------------------------------
// trafilatura: body segments, authors, dates
// ---------------------------------------------------------------------------------------------------

interface TrafilaturaRecord {
  file: string;
  with: string[];
  without: string[];
  author?: string;
  date?: string;
}

const trafilatura: SetRunner = async (dir, options) => {
  const records = selectJobs(
    Object.entries(readJson<Record<string, TrafilaturaRecord>>(join(dir, 'evaldata.json'))).map(
      ([url, record]) => ({ key: record.file, url, ...record }),
    ),
    options,
  );
  const outcomes = await runPipeline(
    records.map((r) => ({ key: r.key, path: join(dir, 'html', `${r.file}.gz`), url: r.url })),
    options,
  );
  const body: MatchCounts = { tp: 0, fp: 0, fn: 0 };
  let trueNegatives = 0;
  const authors = newTally();
  const dates = newTally();
  for (const record of records) {
    const page = pageOf(outcomes.get(record.key));
    const text = collapseSpaces(page?.text ?? '');
    for (const segment of record.with) {
      if (text.includes(collapseSpaces(segment))) body.tp++;
      else {
        body.fn++;
        miss(options, 'trafilatura', record.key, 'with', segment, null);
      }
    }
    for (const segment of record.without) {
      if (text.includes(collapseSpaces(segment))) {
        body.fp++;
        miss(options, 'trafilatura', record.key, 'without', segment, 'found');
      } else trueNegatives++;
    }
    if (record.author !== undefined) {
      const got = (page?.authors ?? []).join('; ');
      tallyField(authors, record.author !== '', got !== '', got === record.author);
      if (got !== record.author) miss(options, 'trafilatura', record.key, 'author', record.author, got);
    }
    if (record.date !== undefined) {
      const got = dayOf(page?.published) ?? '';
      tallyField(dates, record.date !== '', got !== '', got === record.date);
      if (got !== record.date) miss(options, 'trafilatura', record.key, 'date', record.date, got);
    }
  }
  const score = microPrecisionRecall(body);
  const segments = body.tp + body.fp + body.fn + trueNegatives;
  return {
    set: 'trafilatura',
    dir,
    pages: records.length,
    tables: [
      {
        title: 'Body: `with` segments found (TP) or not (FN), `without` segments found (FP); summed',
        header: ['pages', 'segments', 'F1', 'precision', 'recall', 'accuracy'],
        rows: [
          [
            records.length,
            segments,
            fixed(score.f1),
            fixed(score.precision),
            fixed(score.recall),
            fixed(ratio(body.tp + trueNegatives, segments)),
          ],
        ],
      },
      {
        title:
          'Metadata: author (exact string, "; "-joined), date (day); an answer where gold is empty is wrong',
        header: TALLY_HEADER,
        rows: [tallyRow('author', authors), tallyRow('date', dates)],
      },
    ],
    numbers: {
      'body.f1': score.f1,
      'body.precision': score.precision,
      'body.recall': score.recall,
      'body.accuracy': ratio(body.tp + trueNegatives, segments),
      ...tallyNumbers('author', authors),
      ...tallyNumbers('date', dates),
    },
    notes: failureNotes(outcomes),
  };
};

// ---------------------------------------------------------------------------------------------------
// Pages in the gold format of shared/fixtures/README.md: one page's score (shared by fixtures and labeled)
// ---------------------------------------------------------------------------------------------------

export interface GoldQuote {
  text: string;
  speaker: string | null;
  aliases?: string[];
  anonymous?: boolean;
}

export interface GoldSource {
  name: string;
  aliases?: string[];
  kind: string;
  url?: string | null;
}

/** One page's gold answer (shared/fixtures/README.md); keys a file leaves out are not scored. */
export interface GoldPage {
  file: string;
  url: string;
  title?: string;
  authors?: string[];
  outlet?: string;
  published?: string | null;
  modified?: string | null;
  lang?: string;
  /** The labeled set's extra key (tests/fixtures/labeled/README.md). */
  genre?: Genre;
  /** Optional keys some fixtures carry (see the fixtures README). */
  wire?: string | null;
  contributors?: string[];
  quotes?: GoldQuote[];
  sources?: GoldSource[];
  anonymousSourceCount?: number;
  bodyMustContain?: string[];
  bodyMustNotContain?: string[];
}

export const GOLD_FIELDS = [
  'title',
  'authors',
  'outlet',
  'published',
  'modified',
  'wire',
  'contributors',
  'genre',
] as const;
export type GoldField = (typeof GOLD_FIELDS)[number];

/** One labelled field on one page. */
export interface FieldCheck {
  /** The gold has a value (not null, not empty). */
  expected: boolean;
  /** We gave a value. */
  answered: boolean;
  correct: boolean;
}

export interface QuoteCounts {
  gold: number;
  predicted: number;
  /** Gold quotes matched one to one by a predicted quote. */
  matched: number;
  /** Matched quotes whose gold names a speaker: the base of speaker accuracy. */
  speakerTotal: number;
  speakerRight: number;
  /**
   * Matched quotes to which we put a name (a speaker, not marked anonymous) that is not the gold
   * speaker, including quotes the gold leaves unattributed: misattributions, over `matched`.
   */
  wrongSpeaker: number;
}

export interface SourceCounts {
  /** Named gold sources (kinds other than anonymous). */
  gold: number;
  found: number;
  /** Predicted sources of kinds other than anonymous and link. */
  predicted: number;
  predictedRight: number;
}

export interface BodyCounts {
  contain: number;
  containTotal: number;
  avoid: number;
  avoidTotal: number;
}

/** How one page's answers compare with its gold. */
export interface GoldPageScore {
  fields: Partial<Record<GoldField, FieldCheck>>;
  body: BodyCounts;
  quotes: QuoteCounts;
  sources: SourceCounts;
}

/** The answers the gold is compared with: the fields of a PageSummary the scorer reads. */
export type ScoredPage = Pick<
  PageSummary,
  | 'title'
  | 'authors'
  | 'outlet'
  | 'published'
  | 'modified'
  | 'wire'
  | 'contributors'
  | 'text'
  | 'quotes'
  | 'sources'
> & { genre?: string | null };

/** Called for every miss: what was wrong, the gold value and ours. */
export type MissReporter = (what: string, expected: unknown, got: unknown) => void;

/** Read a field of an analysis-step record whose shape is not fixed yet (quotes and sources). */
function stringField(record: unknown, key: string): string {
  const value = record && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * The genre the analysis gives a page, or null while it gives none: `genre` on the page, else on its
 * byline (the summary the evaluation worker sends carries the page's `genre`, when there is one).
 */
export function predictedGenre(page: unknown): string | null {
  const record = page && typeof page === 'object' ? (page as Record<string, unknown>) : {};
  const byline = record['byline'];
  const value =
    record['genre'] ??
    (byline && typeof byline === 'object' ? (byline as Record<string, unknown>)['genre'] : null);
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * A gold speaker matched by a predicted quote: the predicted speaker, normalised, contains the gold
 * name or an alias word for word; for an anonymous gold quote, also when the prediction says anonymous.
 */
export function speakerIsRight(gold: GoldQuote, predicted: unknown): boolean {
  if (!gold.speaker) return false;
  // Word for word: a one-letter alias ("I") or a pronoun ("he") is inside many a wrong name's letters
  // ("My Hairspray", "Stephen"), but not among its words.
  const wordsOf = (text: string) =>
    normalizeForMatch(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .join(' ');
  const spoken = ` ${wordsOf(stringField(predicted, 'speaker'))} `;
  // An article is no part of a proper name: the alias "the Chinese CDC" is matched by "Chinese CDC". Not
  // before a common noun ("the mayor" is no "Mayor Tom Lee"), and not German, which capitalises both.
  const names = [gold.speaker, ...(gold.aliases ?? [])]
    .map((name) => wordsOf(name.replace(/^(?:[Tt]he|[Ll]es?|[Ll]a)\s+(?=\p{Lu})|^[Ll]['’](?=\p{Lu})/u, '')))
    .filter((name) => name !== '');
  const anonymousRight =
    gold.anonymous === true && (predicted as Record<string, unknown> | undefined)?.['anonymous'] === true;
  return anonymousRight || names.some((name) => spoken.includes(` ${name} `));
}

const emptyQuoteCounts = (): QuoteCounts => ({
  gold: 0,
  predicted: 0,
  matched: 0,
  speakerTotal: 0,
  speakerRight: 0,
  wrongSpeaker: 0,
});
const emptySourceCounts = (): SourceCounts => ({ gold: 0, found: 0, predicted: 0, predictedRight: 0 });
const emptyBodyCounts = (): BodyCounts => ({ contain: 0, containTotal: 0, avoid: 0, avoidTotal: 0 });

/**
 * Score one page against its gold by the rules of shared/fixtures/README.md ("How pages are scored").
 * `page` is null when the pipeline failed on the page: every labelled field then counts as wrong.
 */
export function scoreGoldPage(
  gold: GoldPage,
  page: ScoredPage | null,
  onMiss: MissReporter = () => {},
): GoldPageScore {
  const score: GoldPageScore = {
    fields: {},
    body: emptyBodyCounts(),
    quotes: emptyQuoteCounts(),
    sources: emptySourceCounts(),
  };
  const check = (name: GoldField, expected: unknown, got: unknown, correct: boolean) => {
    score.fields[name] = {
      expected: expected !== null && expected !== '',
      answered: got !== null && got !== undefined && got !== '',
      correct,
    };
    if (!correct) onMiss(name, expected, got);
  };
  if (gold.title !== undefined)
    check(
      'title',
      gold.title,
      page?.title,
      normalizeForMatch(page?.title ?? '') === normalizeForMatch(gold.title),
    );
  if (gold.authors !== undefined) {
    const expected = new Set(gold.authors.map(normalizeForMatch));
    const got = new Set((page?.authors ?? []).map(normalizeForMatch));
    check('authors', gold.authors.join('; '), page?.authors.join('; '), sameSet(expected, got));
  }
  if (gold.outlet !== undefined) {
    const got = page?.outlet ?? '';
    check('outlet', gold.outlet, got, normalizeForMatch(got).includes(normalizeForMatch(gold.outlet)));
  }
  for (const field of ['published', 'modified'] as const) {
    if (gold[field] === undefined) continue;
    const got = page?.[field]?.slice(0, 10) ?? null;
    check(field, gold[field], got, got === (gold[field]?.slice(0, 10) ?? null));
  }
  if (gold.wire !== undefined) {
    const got = page?.wire ?? null;
    const correct =
      gold.wire === null ? got === null : normalizeForMatch(got ?? '').includes(normalizeForMatch(gold.wire));
    check('wire', gold.wire, got, correct);
  }
  if (gold.contributors !== undefined) {
    const expected = new Set(gold.contributors.map(normalizeForMatch));
    const got = new Set((page?.contributors ?? []).map(normalizeForMatch));
    check(
      'contributors',
      gold.contributors.join('; '),
      page?.contributors.join('; '),
      sameSet(expected, got),
    );
  }
  // Genre only once the analysis gives one: until then there is nothing to score.
  const genre = page ? predictedGenre(page) : null;
  if (gold.genre !== undefined && genre !== null) check('genre', gold.genre, genre, genre === gold.genre);

  const text = collapseSpaces(page?.text ?? '');
  for (const fragment of gold.bodyMustContain ?? []) {
    score.body.containTotal++;
    if (text.includes(collapseSpaces(fragment))) score.body.contain++;
    else onMiss('bodyMustContain', fragment, 'missing');
  }
  for (const fragment of gold.bodyMustNotContain ?? []) {
    score.body.avoidTotal++;
    if (!text.includes(collapseSpaces(fragment))) score.body.avoid++;
    else onMiss('bodyMustNotContain', fragment, 'present');
  }

  const goldQuotes = gold.quotes ?? [];
  const predictedQuotes = page?.quotes ?? [];
  const matches = matchQuotes(
    goldQuotes.map((q) => q.text),
    predictedQuotes.map((q) => stringField(q, 'text')),
  );
  const quotes = score.quotes;
  quotes.gold = goldQuotes.length;
  quotes.predicted = predictedQuotes.length;
  quotes.matched = matches.length;
  const matchedGold = new Set(matches.map(([goldIndex]) => goldIndex));
  const matchedPredicted = new Set(matches.map(([, predictedIndex]) => predictedIndex));
  goldQuotes.forEach((quote, index) => {
    if (!matchedGold.has(index)) onMiss('quote', quote.text, 'missing');
  });
  predictedQuotes.forEach((quote, index) => {
    if (!matchedPredicted.has(index)) onMiss('quote', 'none', stringField(quote, 'text'));
  });
  for (const [goldIndex, predictedIndex] of matches) {
    const goldQuote = goldQuotes[goldIndex]!;
    const predicted = predictedQuotes[predictedIndex];
    const right = speakerIsRight(goldQuote, predicted);
    const named =
      stringField(predicted, 'speaker').trim() !== '' &&
      (predicted as Record<string, unknown> | undefined)?.['anonymous'] !== true;
    if (named && !right) quotes.wrongSpeaker++;
    if (!goldQuote.speaker) {
      if (named)
        onMiss(`speaker of "${goldQuote.text.slice(0, 60)}"`, null, stringField(predicted, 'speaker'));
      continue;
    }
    quotes.speakerTotal++;
    if (right) quotes.speakerRight++;
    else
      onMiss(
        `speaker of "${goldQuote.text.slice(0, 60)}"`,
        goldQuote.speaker,
        stringField(predicted, 'speaker'),
      );
  }

  const goldSources = (gold.sources ?? []).filter((s) => s.kind !== 'anonymous');
  const predictedSources = (page?.sources ?? []).filter(
    (s) => !['anonymous', 'link'].includes(stringField(s, 'kind')),
  );
  const predictedNames = predictedSources.map((s) => stringField(s, 'name'));
  score.sources.gold = goldSources.length;
  for (const source of goldSources) {
    if (predictedNames.some((name) => sourceNameMatches(name, [source.name, ...(source.aliases ?? [])])))
      score.sources.found++;
    else onMiss(`source (${source.kind})`, source.name, 'missing');
  }
  score.sources.predicted = predictedSources.length;
  for (const name of predictedNames) {
    if (goldSources.some((s) => sourceNameMatches(name, [s.name, ...(s.aliases ?? [])])))
      score.sources.predictedRight++;
    else onMiss('source', 'none', name);
  }
  return score;
}

/** Several pages' scores summed: counts add up, field checks become tallies. */
export interface GoldTotals {
  pages: number;
  fields: Record<GoldField, FieldTally>;
  body: BodyCounts;
  quotes: QuoteCounts;
  sources: SourceCounts;
}

export function sumGoldScores(scores: GoldPageScore[]): GoldTotals {
  const totals: GoldTotals = {
    pages: scores.length,
    fields: Object.fromEntries(GOLD_FIELDS.map((name) => [name, newTally()])) as Record<
      GoldField,
      FieldTally
    >,
    body: emptyBodyCounts(),
    quotes: emptyQuoteCounts(),
    sources: emptySourceCounts(),
  };
  for (const score of scores) {
    for (const name of GOLD_FIELDS) {
      const field = score.fields[name];
      if (field) tallyField(totals.fields[name], field.expected, field.answered, field.correct);
    }
    for (const key of Object.keys(totals.body) as Array<keyof BodyCounts>)
      totals.body[key] += score.body[key];
    for (const key of Object.keys(totals.quotes) as Array<keyof QuoteCounts>)
      totals.quotes[key] += score.quotes[key];
    for (const key of Object.keys(totals.sources) as Array<keyof SourceCounts>)
      totals.sources[key] += score.sources[key];
  }
  return totals;
}

/** The headline numbers of summed scores: quote P/R/F1 (summed over pages), speakers, sources. */
export interface GoldRates {
  quotes: PrecisionRecall;
  /** Right speakers over matched quotes with a gold speaker. */
  speakerAccuracy: number;
  /** Wrong named speakers over all matched quotes. */
  wrongSpeakerRate: number;
  sources: PrecisionRecall;
}

export function goldRates(totals: GoldTotals): GoldRates {
  const { quotes, sources } = totals;
  const sourcePrecision = ratio(sources.predictedRight, sources.predicted);
  const sourceRecall = ratio(sources.found, sources.gold);
  return {
    quotes: microPrecisionRecall({
      tp: quotes.matched,
      fp: quotes.predicted - quotes.matched,
      fn: quotes.gold - quotes.matched,
    }),
    speakerAccuracy: ratio(quotes.speakerRight, quotes.speakerTotal),
    wrongSpeakerRate: ratio(quotes.wrongSpeaker, quotes.matched),
    sources: { precision: sourcePrecision, recall: sourceRecall, f1: f1Of(sourcePrecision, sourceRecall) },
  };
}

/** Problems in a gold file that would make its scores wrong: the file is read as JSON first. */
export function validateGold(value: unknown, requireGenre = false): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['not a JSON object'];
  const gold = value as Record<string, unknown>;
  const problems: string[] = [];
  const isString = (item: unknown): item is string => typeof item === 'string';
  const isStringArray = (item: unknown) => Array.isArray(item) && item.every(isString);
  const isDay = (item: unknown) => item === null || (isString(item) && /^\d{4}-\d{2}-\d{2}$/.test(item));
  for (const key of ['file', 'url', 'title', 'outlet'])
    if (!isString(gold[key]) || gold[key] === '') problems.push(`${key} must be a non-empty string`);
  if (!isStringArray(gold['authors'])) problems.push('authors must be a list of names ([] when none)');
  if (!isDay(gold['published'])) problems.push('published must be YYYY-MM-DD or null');
  if (gold['modified'] !== undefined && !isDay(gold['modified']))
    problems.push('modified must be YYYY-MM-DD or null');
  if (!['en', 'de', 'fr'].includes(gold['lang'] as string)) problems.push('lang must be en, de or fr');
  if (gold['genre'] !== undefined || requireGenre)
    if (!(GENRES as readonly unknown[]).includes(gold['genre']))
      problems.push(`genre must be one of ${GENRES.join(', ')}`);
  if (!Array.isArray(gold['quotes'])) problems.push('quotes must be a list ([] when none)');
  else
    gold['quotes'].forEach((quote: unknown, index) => {
      const q = (quote ?? {}) as Record<string, unknown>;
      if (!isString(q['text']) || q['text'].trim() === '') problems.push(`quotes[${index}].text is missing`);
      if (q['speaker'] !== null && !isString(q['speaker']))
        problems.push(`quotes[${index}].speaker must be a string or null`);
      if (q['aliases'] !== undefined && !isStringArray(q['aliases']))
        problems.push(`quotes[${index}].aliases must be a list of strings`);
      if (typeof q['anonymous'] !== 'boolean')
        problems.push(`quotes[${index}].anonymous must be true or false`);
    });
  let anonymousSources = 0;
  if (!Array.isArray(gold['sources'])) problems.push('sources must be a list ([] when none)');
  else
    gold['sources'].forEach((source: unknown, index) => {
      const s = (source ?? {}) as Record<string, unknown>;
      if (!isString(s['name']) || s['name'].trim() === '') problems.push(`sources[${index}].name is missing`);
      if (!(SOURCE_KINDS as readonly unknown[]).includes(s['kind']))
        problems.push(`sources[${index}].kind must be one of ${SOURCE_KINDS.join(', ')}`);
      if (s['kind'] === 'anonymous') anonymousSources++;
      if (s['aliases'] !== undefined && !isStringArray(s['aliases']))
        problems.push(`sources[${index}].aliases must be a list of strings`);
    });
  if (gold['anonymousSourceCount'] !== anonymousSources)
    problems.push(`anonymousSourceCount must equal the ${anonymousSources} sources of kind anonymous`);
  for (const key of ['bodyMustContain', 'bodyMustNotContain'])
    if (!isStringArray(gold[key])) problems.push(`${key} must be a list of strings`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// fixtures: the project's labelled pages (shared/fixtures/README.md)
// ---------------------------------------------------------------------------------------------------

function findExpectedFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findExpectedFiles(path));
    else if (entry.endsWith('.expected.json')) found.push(path);
  }
  return found.sort();
}

const FIXTURE_FIELDS: GoldField[] = [
  'title',
  'authors',
  'outlet',
  'published',
  'modified',
  'wire',
  'contributors',
];

const fixtures: SetRunner = async (dir, options) => {
  const golds = selectJobs(
    findExpectedFiles(dir).map((path) => {
      const gold = readJson<GoldPage>(path);
      return { key: gold.file, gold, html: join(dirname(path), gold.file) };
    }),
    options,
  );
  const outcomes = await runPipeline(
    golds.map(({ key, html, gold }) => ({ key, path: html, url: gold.url })),
    options,
  );
  const totals = sumGoldScores(
    golds.map(({ key, gold }) =>
      scoreGoldPage(gold, pageOf(outcomes.get(key)), (what, expected, got) =>
        miss(options, 'fixtures', key, what, expected, got),
      ),
    ),
  );
  const { body, quotes, sources } = totals;
  const rates = goldRates(totals);
  const labelledFields = FIXTURE_FIELDS.filter((name) => totals.fields[name].total > 0);
  return {
    set: 'fixtures',
    dir,
    pages: golds.length,
    tables: [
      {
        title:
          'Byline and title (authors, contributors: exact sets; dates: the day; outlet, wire: contain the gold name)',
        header: TALLY_HEADER,
        rows: labelledFields.map((name) => tallyRow(name, totals.fields[name])),
      },
      {
        title: 'Body fragments (case-sensitive substrings after whitespace collapse)',
        header: ['check', 'fragments', 'passed', 'rate'],
        rows: [
          ['bodyMustContain', body.containTotal, body.contain, fixed(ratio(body.contain, body.containTotal))],
          ['bodyMustNotContain', body.avoidTotal, body.avoid, fixed(ratio(body.avoid, body.avoidTotal))],
        ],
      },
      {
        title: 'Quotes and sources (quotes: token F1 ≥ 0.8 or 80% containment, one to one)',
        header: ['item', 'gold', 'predicted', 'F1', 'precision', 'recall', 'speaker acc.'],
        rows: [
          [
            'quotes',
            quotes.gold,
            quotes.predicted,
            fixed(rates.quotes.f1),
            fixed(rates.quotes.precision),
            fixed(rates.quotes.recall),
            fixed(rates.speakerAccuracy),
          ],
          [
            'sources',
            sources.gold,
            sources.predicted,
            fixed(rates.sources.f1),
            fixed(rates.sources.precision),
            fixed(rates.sources.recall),
            '',
          ],
        ],
      },
    ],
    numbers: {
      ...Object.fromEntries(
        labelledFields.flatMap((name) => Object.entries(tallyNumbers(name, totals.fields[name]))),
      ),
      'body.mustContain': ratio(body.contain, body.containTotal),
      'body.mustNotContain': ratio(body.avoid, body.avoidTotal),
      'quotes.f1': rates.quotes.f1,
      'quotes.precision': rates.quotes.precision,
      'quotes.recall': rates.quotes.recall,
      'quotes.speakerAccuracy': rates.speakerAccuracy,
      'sources.precision': rates.sources.precision,
      'sources.recall': rates.sources.recall,
    },
    notes: failureNotes(outcomes),
  };
};

// ---------------------------------------------------------------------------------------------------
// labeled: real news pages drawn at random from the corpora (tests/fixtures/labeled/README.md)
// ---------------------------------------------------------------------------------------------------

const HALVES: Half[] = ['dev', 'test'];
const LABELED_LANGS = [...LANGS, 'all'] as const;

/** A ratio with its counts, "0.750 (6/8)", or "-" when there is nothing to count. */
const countCell = (part: number, whole: number) =>
  whole === 0 ? '-' : `${fixed(part / whole)} (${part}/${whole})`;

/** Accuracy of a field over the pages that score it; genre says "n/a" while the analysis gives none. */
function fieldCell(tally: FieldTally, name: GoldField): string {
  if (tally.total === 0) return name === 'genre' ? 'n/a' : '-';
  return countCell(tally.correct, tally.total);
}

/** The quote and source row of one language of one half. */
function quoteRow(lang: string, totals: GoldTotals): Array<string | number> {
  const rates = goldRates(totals);
  const { quotes, sources } = totals;
  const none = totals.pages === 0;
  const rate = (value: number, base: number) => (none || base === 0 ? '-' : fixed(value));
  return [
    lang,
    totals.pages,
    quotes.gold,
    quotes.predicted,
    rate(rates.quotes.precision, quotes.predicted),
    rate(rates.quotes.recall, quotes.gold),
    rate(rates.quotes.f1, quotes.gold + quotes.predicted),
    rate(rates.speakerAccuracy, quotes.speakerTotal),
    rate(rates.wrongSpeakerRate, quotes.matched),
    rate(rates.sources.recall, sources.gold),
    rate(rates.sources.precision, sources.predicted),
  ];
}

function bylineRow(lang: string, totals: GoldTotals): Array<string | number> {
  const { body } = totals;
  return [
    lang,
    totals.pages,
    fieldCell(totals.fields.authors, 'authors'),
    fieldCell(totals.fields.outlet, 'outlet'),
    fieldCell(totals.fields.published, 'published'),
    // The update day is right when it is the one the page shows, or none when it shows none.
    fieldCell(totals.fields.modified, 'modified'),
    fieldCell(totals.fields.genre, 'genre'),
    countCell(body.contain, body.containTotal),
    countCell(body.avoid, body.avoidTotal),
  ];
}

function labeledNumbers(prefix: string, totals: GoldTotals): Record<string, number> {
  const rates = goldRates(totals);
  const numbers: Record<string, number> = {
    [`${prefix}.pages`]: totals.pages,
    [`${prefix}.quotes.gold`]: totals.quotes.gold,
    [`${prefix}.quotes.predicted`]: totals.quotes.predicted,
    [`${prefix}.quotes.precision`]: rates.quotes.precision,
    [`${prefix}.quotes.recall`]: rates.quotes.recall,
    [`${prefix}.quotes.f1`]: rates.quotes.f1,
    [`${prefix}.speaker.accuracy`]: rates.speakerAccuracy,
    [`${prefix}.speaker.wrongRate`]: rates.wrongSpeakerRate,
    [`${prefix}.sources.recall`]: rates.sources.recall,
    [`${prefix}.sources.precision`]: rates.sources.precision,
  };
  for (const name of ['authors', 'outlet', 'published', 'modified', 'genre'] as const) {
    const tally = totals.fields[name];
    if (tally.total > 0) numbers[`${prefix}.${name}.accuracy`] = ratio(tally.correct, tally.total);
  }
  return numbers;
}

/**
 * Every page of tests/fixtures/labeled/manifest.json that has its `<id>.expected.json`, read from the
 * corpora folder `dir`; the others are listed as not labeled yet. Dev and test halves are reported
 * apart, each per language: the test half is for reporting only, never for tuning.
 */
const labeled: SetRunner = async (dir, options) => {
  const labelsDir = options.labelsDir ?? LABELED_DIR;
  const manifestPath = join(labelsDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: run npx tsx scripts/labeled/select.ts <corpora-dir> first.`);
  const entries = selectJobs(
    readJson<ManifestEntry[]>(manifestPath)
      .filter((entry) => !options.half || entry.half === options.half)
      .map((entry) => ({ ...entry, key: entry.id })),
    options,
  );
  const notes: string[] = [];
  const pages: Array<{ entry: ManifestEntry; gold: GoldPage }> = [];
  const unlabeled: ManifestEntry[] = [];
  for (const entry of entries) {
    const goldPath = join(labelsDir, `${entry.id}.expected.json`);
    if (!existsSync(goldPath)) {
      unlabeled.push(entry);
      continue;
    }
    let gold: unknown;
    try {
      gold = JSON.parse(readFileSync(goldPath, 'utf8'));
    } catch (error) {
      notes.push(`bad label: ${entry.id}: not valid JSON (${(error as Error).message}); not scored`);
      continue;
    }
    const problems = validateGold(gold, true);
    if ((gold as GoldPage).file !== entry.path) problems.push(`file must be the manifest path ${entry.path}`);
    if ((gold as GoldPage).lang !== entry.lang) problems.push(`lang must be the manifest's ${entry.lang}`);
    if (problems.length > 0) {
      notes.push(`bad label: ${entry.id}: ${problems.join('; ')}; not scored`);
      continue;
    }
    pages.push({ entry, gold: gold as GoldPage });
  }
  const listed = new Set(readJson<ManifestEntry[]>(manifestPath).map((entry) => entry.id));
  for (const name of readdirSync(labelsDir))
    if (name.endsWith('.expected.json') && !listed.has(name.replace(/\.expected\.json$/, '')))
      notes.push(`label without a manifest entry (skipped or redrawn page?): ${name}`);

  const outcomes = await runPipeline(
    pages.map(({ entry }) => ({ key: entry.id, path: join(dir, entry.path), url: entry.url })),
    options,
  );
  const scored = pages.map(({ entry, gold }) => ({
    entry,
    score: scoreGoldPage(gold, pageOf(outcomes.get(entry.id)), (what, expected, got) =>
      miss(options, `labeled ${entry.half}`, entry.id, what, expected, got),
    ),
  }));

  const tables: Table[] = [];
  const numbers: Record<string, number> = {};
  for (const half of HALVES.filter((name) => !options.half || name === options.half)) {
    const inHalf = scored.filter(({ entry }) => entry.half === half);
    const drawn = entries.filter((entry) => entry.half === half).length;
    const quoteRows: Array<Array<string | number>> = [];
    const bylineRows: Array<Array<string | number>> = [];
    for (const lang of LABELED_LANGS) {
      const totals = sumGoldScores(
        inHalf.filter(({ entry }) => lang === 'all' || entry.lang === lang).map(({ score }) => score),
      );
      quoteRows.push(quoteRow(lang, totals));
      bylineRows.push(bylineRow(lang, totals));
      Object.assign(numbers, labeledNumbers(`${half}.${lang}`, totals));
    }
    const heading = `${half} half (${inHalf.length} of ${drawn} pages labeled${half === 'test' ? '; report only, never tune on it' : ''})`;
    tables.push(
      {
        title: `${heading}: quotes (token F1 ≥ 0.8 or 80% containment, one to one, summed over pages), speakers on matched quotes, named sources`,
        header: [
          'lang',
          'pages',
          'quotes',
          'predicted',
          'P',
          'R',
          'F1',
          'speaker acc.',
          'wrong speaker',
          'sources R',
          'sources P',
        ],
        rows: quoteRows,
      },
      {
        title: `${heading}: byline (share of pages right), genre, body fragments`,
        header: [
          'lang',
          'pages',
          'authors',
          'outlet',
          'published',
          'updated',
          'genre',
          'body kept',
          'boilerplate out',
        ],
        rows: bylineRows,
      },
    );
  }
  const timed = [...outcomes.values()].flatMap((outcome) =>
    outcome.status === 'ok' && outcome.page.analysisMs !== undefined ? [outcome.page.analysisMs] : [],
  );
  if (timed.length > 0) {
    // Only with --people: the analysis timed alone with the chosen name finder, both halves.
    timed.sort((a, b) => a - b);
    const at = (share: number) => timed[Math.min(timed.length - 1, Math.floor(share * timed.length))]!;
    tables.push({
      title: `analysis alone with the name finder "${process.env.SCRUTINY_EVAL_PEOPLE}" (ms per page)`,
      header: ['pages', 'median', 'p90', 'max'],
      rows: [[timed.length, at(0.5).toFixed(1), at(0.9).toFixed(1), timed.at(-1)!.toFixed(1)]],
    });
    numbers['analysisMs.median'] = at(0.5);
    numbers['analysisMs.max'] = timed.at(-1)!;
  }
  const lists = HALVES.flatMap((half) =>
    LANGS.map((lang) => ({
      title: `not labeled yet, ${half} ${lang}`,
      items: unlabeled.filter((entry) => entry.half === half && entry.lang === lang).map((entry) => entry.id),
    })),
  ).filter((list) => list.items.length > 0);
  numbers['labeled'] = pages.length;
  numbers['notLabeled'] = unlabeled.length;
  return {
    set: 'labeled',
    dir,
    pages: pages.length,
    tables,
    numbers,
    notes: [...notes, ...failureNotes(outcomes)],
    lists,
  };
};

// ---------------------------------------------------------------------------------------------------
// robustness: every readability test page through the pipeline, crashes, hangs and time
// ---------------------------------------------------------------------------------------------------

const robustness: SetRunner = async (dir, options) => {
  const pages = selectJobs(
    readdirSync(dir)
      .filter((name) => existsSync(join(dir, name, 'source.html')))
      .sort()
      .map((name) => ({
        key: name,
        path: join(dir, name, 'source.html'),
        referencePath: existsSync(join(dir, name, 'expected.html'))
          ? join(dir, name, 'expected.html')
          : undefined,
      })),
    options,
  );
  const outcomes = await runPipeline(pages, { ...options, timeoutMs: options.timeoutMs ?? 30_000 });
  const finished = [...outcomes.values()].filter((o) => o.status === 'ok');
  const crashes = [...outcomes.values()].filter((o) => o.status === 'error').length;
  const timeouts = [...outcomes.values()].filter((o) => o.status === 'timeout').length;
  const byWallTime = [...finished].sort((a, b) => b.ms - a.ms);
  const pipelineTimes = finished
    .map((o) => (o.status === 'ok' ? o.page.pipelineMs : 0))
    .sort((a, b) => a - b);
  const slowest = byWallTime[0];
  const slowestPipeline = [...finished].sort(
    (a, b) => (b.status === 'ok' ? b.page.pipelineMs : 0) - (a.status === 'ok' ? a.page.pipelineMs : 0),
  )[0];
  const median = pipelineTimes[Math.floor(pipelineTimes.length / 2)] ?? 0;
  // How close our text stays to Readability's own output on its test pages (boilerplate removal
  // should move it a little, not a lot).
  const faithfulness = finished
    .filter((o) => o.status === 'ok' && o.page.referenceText !== undefined)
    .map((o) =>
      o.status === 'ok' ? shingleMatch(o.page.referenceText!, o.page.text) : { tp: 0, fp: 0, fn: 0 },
    );
  const faithful = macroPrecisionRecall(faithfulness);
  const msOf = (o: PageOutcome | undefined) => (o ? `${o.ms.toFixed(0)} ms (${o.key})` : '-');
  const pipelineOf = (o: PageOutcome | undefined) =>
    o?.status === 'ok' ? `${o.page.pipelineMs.toFixed(0)} ms (${o.key})` : '-';
  return {
    set: 'robustness',
    dir,
    pages: pages.length,
    tables: [
      {
        title: 'Every source.html through the CLI pipeline, each in a child process with a time limit',
        header: [
          'pages',
          'crashes',
          'timeouts',
          'slowest (read+parse+extract)',
          'slowest pipeline',
          'median pipeline',
        ],
        rows: [
          [
            pages.length,
            crashes,
            timeouts,
            msOf(slowest),
            pipelineOf(slowestPipeline),
            `${median.toFixed(0)} ms`,
          ],
        ],
      },
      {
        title: "Text agreement with Readability 0.6.0's expected.html (shingles; not ground truth)",
        header: ['pages', 'F1', 'precision', 'recall'],
        rows: [[faithfulness.length, fixed(faithful.f1), fixed(faithful.precision), fixed(faithful.recall)]],
      },
    ],
    numbers: {
      pages: pages.length,
      crashes,
      timeouts,
      slowestMs: slowest?.ms ?? 0,
      slowestPipelineMs: slowestPipeline?.status === 'ok' ? slowestPipeline.page.pipelineMs : 0,
      medianPipelineMs: median,
      'readabilityAgreement.f1': faithful.f1,
    },
    notes: failureNotes(outcomes),
    perPage: finished.map((o) => {
      const page = o.status === 'ok' ? o.page : null;
      const agreement =
        page?.referenceText !== undefined
          ? macroPrecisionRecall([shingleMatch(page.referenceText, page.text)])
          : null;
      return {
        key: o.key,
        ms: o.ms,
        pipelineMs: page?.pipelineMs,
        precision: agreement?.precision,
        recall: agreement?.recall,
      };
    }),
  };
};

// ---------------------------------------------------------------------------------------------------
// german-quotes: direct quotes in German Wikinews articles (Petersen-Frey & Biemann 2024)
// ---------------------------------------------------------------------------------------------------

interface GermanSpan {
  spans: { charBegin: number; charEnd: number }[];
  text: string;
}

interface GermanDocument {
  documentName?: string;
  originalText: string;
  annotations: { type: string; quote: GermanSpan; speaker: GermanSpan }[];
}

/** The words of a speaker phrase, normalised, without determiners and short words. */
function speakerWords(text: string): Set<string> {
  return new Set(
    normalizeForMatch(text)
      .split(' ')
      .filter((word) => word && !/^(?:der|die|das|des|dem|den|ein|eine|einer|und|von|vom|the)$/.test(word)),
  );
}

/**
 * Runs the quote finder straight on each article's text (no HTML here). A predicted quote matches a gold
 * Direct quote when their character spans overlap (one to one, largest overlap first). The speaker is
 * right when a name word of the predicted speaker (resolved name or mention as written) is among the
 * words of the gold speaker span.
 */
const germanQuotes: SetRunner = async (dir, options) => {
  const { analyzeArticle } = await import('../../lib/analyze');
  const { emptyByline } = await import('../../lib/extract/types');
  const files: { key: string; path: string }[] = [];
  for (const split of ['train', 'dev', 'test']) {
    const folder = join(dir, 'data', split);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort())
      if (name.endsWith('.json.gz')) files.push({ key: `${split}/${name}`, path: join(folder, name) });
  }
  const { gunzipSync } = await import('node:zlib');
  const picked = selectJobs(files, options);
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let speakerRight = 0;
  let speakerTotal = 0;
  let analysisMs = 0;
  for (const { key, path } of picked) {
    const doc = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as GermanDocument;
    const text = doc.originalText;
    const direct = doc.annotations.filter((a) => a.type === 'Direct' && a.quote.spans.length > 0);
    const started = performance.now();
    const analysis = analyzeArticle({
      url: '',
      lang: 'de',
      byline: emptyByline(),
      article: { text, html: '', wordCount: 0, readingMinutes: 0, excerpt: '' },
    });
    analysisMs += performance.now() - started;
    gold += direct.length;
    predicted += analysis.quotes.length;
    const pairs: [number, number, number][] = [];
    direct.forEach((annotation, g) => {
      const begin = Math.min(...annotation.quote.spans.map((span) => span.charBegin));
      const end = Math.max(...annotation.quote.spans.map((span) => span.charEnd));
      analysis.quotes.forEach((quote, p) => {
        const overlap = Math.min(end, quote.end) - Math.max(begin, quote.start);
        if (overlap > 0) pairs.push([overlap, g, p]);
      });
    });
    pairs.sort((a, b) => b[0] - a[0]);
    const usedGold = new Set<number>();
    const usedPredicted = new Set<number>();
    for (const [, g, p] of pairs) {
      if (usedGold.has(g) || usedPredicted.has(p)) continue;
      usedGold.add(g);
      usedPredicted.add(p);
      matched++;
      const goldSpeaker = direct[g]!.speaker.text;
      if (!goldSpeaker) continue;
      speakerTotal++;
      const quote = analysis.quotes[p]!;
      const goldWords = speakerWords(goldSpeaker);
      const predictedWords = [
        ...speakerWords(quote.speaker ?? ''),
        ...speakerWords(quote.speakerMention ?? ''),
      ];
      if (predictedWords.some((word) => goldWords.has(word))) speakerRight++;
      else if (options.showMisses)
        process.stderr.write(
          `german-quotes\t${key}\tspeaker\t${goldSpeaker}\t${quote.speaker ?? ''} (${quote.speakerMention ?? ''})\n`,
        );
    }
    if (options.showMisses) {
      direct.forEach((annotation, g) => {
        if (!usedGold.has(g))
          process.stderr.write(`german-quotes\t${key}\tmissed\t${annotation.quote.text.slice(0, 100)}\n`);
      });
      analysis.quotes.forEach((quote, p) => {
        if (!usedPredicted.has(p))
          process.stderr.write(`german-quotes\t${key}\textra\t${quote.text.slice(0, 100)}\n`);
      });
    }
  }
  const score = microPrecisionRecall({ tp: matched, fp: predicted - matched, fn: gold - matched });
  const speakerAccuracy = ratio(speakerRight, speakerTotal);
  return {
    set: 'german-quotes',
    dir,
    pages: picked.length,
    tables: [
      {
        title: 'Direct quotes (span overlap, one to one) and speakers on matched quotes',
        header: ['gold', 'predicted', 'matched', 'F1', 'precision', 'recall', 'speaker acc.', 'ms/article'],
        rows: [
          [
            gold,
            predicted,
            matched,
            fixed(score.f1),
            fixed(score.precision),
            fixed(score.recall),
            fixed(speakerAccuracy),
            (analysisMs / Math.max(1, picked.length)).toFixed(2),
          ],
        ],
      },
    ],
    numbers: {
      'quotes.f1': score.f1,
      'quotes.precision': score.precision,
      'quotes.recall': score.recall,
      'speaker.accuracy': speakerAccuracy,
    },
    notes: [],
  };
};

export const SETS: Record<string, SetRunner> = {
  zyte,
  'german-quotes': germanQuotes,
  postlight,
  htmldate,
  trafilatura,
  fixtures,
  labeled,
  robustness,
};
