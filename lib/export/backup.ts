/**
 * The JSON backup: everything in the library, lossless, in a documented and versioned format
 * (docs/backup-format.md), and the one reader that turns a file back into data or names its problem.
 *
 * Writing is deterministic: keys in every object are sorted, records are sorted by id (snapshots by
 * article, then time), one record per line. So export → import → export gives identical bytes, and two
 * backups of one library differ only in their `exported` time.
 *
 * Reading never trusts the file: its size is capped, its nesting is measured before JSON.parse could
 * exhaust the stack, keys that could reach an object's prototype are refused, and every record is checked
 * against the zod schema (./schema). Notes are plain text; a note that holds a script stays text, since
 * no note is ever rendered as HTML.
 */
import { z } from 'zod';
import type { ExportData } from './types';
import { exportDataSchema } from './schema';
import { compareText } from './order';

export const BACKUP_FORMAT = 'scrutiny-backup';
/** Raised when a reader of the old version could no longer read a new file correctly (docs/backup-format.md). */
export const BACKUP_VERSION = 1;
/** 200 million characters: far beyond a library of 100,000 notes, short of what a tab can hold twice. */
export const MAX_BACKUP_CHARACTERS = 200_000_000;
/** A backup nests about 10 levels deep; anything near this is not a backup. */
export const MAX_BACKUP_NESTING = 64;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was written, ISO 8601. */
  exported: string;
  data: ExportData;
}

export type ParsedBackup = { ok: true; backup: BackupFile } | { ok: false; problem: string };

const RECORD_LISTS = ['articles', 'versions', 'annotations', 'clippings', 'collections'] as const;
type RecordList = (typeof RECORD_LISTS)[number];

/** The backup's text, in pieces of at most one record each, so a large export can pause between them. */
export function* backupPieces(data: ExportData, now: Date): Generator<string, void, undefined> {
  yield `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n`;
  yield `  "exported": ${JSON.stringify(now.toISOString())},\n  "data": {\n`;
  for (const list of RECORD_LISTS) {
    const records = sortedRecords(data, list);
    if (records.length === 0) {
      yield `    ${JSON.stringify(list)}: [],\n`;
      continue;
    }
    yield `    ${JSON.stringify(list)}: [\n`;
    for (let index = 0; index < records.length; index++) {
      const separator = index < records.length - 1 ? ',\n' : '\n';
      yield `      ${canonicalJson(records[index])}${separator}`;
    }
    yield '    ],\n';
  }
  yield `    "settings": ${canonicalJson(data.settings)}\n  }\n}\n`;
}

/** The whole backup as one text (see `backupPieces`). */
export function backupText(data: ExportData, now: Date): string {
  let text = '';
  for (const piece of backupPieces(data, now)) text += piece;
  return text;
}

/** Records of one list in the backup's order: by id; snapshots by article, then oldest first. */
function sortedRecords(data: ExportData, list: RecordList): readonly object[] {
  if (list === 'versions') {
    return [...data.versions].sort(
      (a, b) =>
        compareText(a.articleId, b.articleId) || compareText(a.savedAt, b.savedAt) || compareText(a.id, b.id),
    );
  }
  const records: readonly { id: string }[] = data[list];
  return [...records].sort((a, b) => compareText(a.id, b.id));
}

/**
 * JSON with every object's keys sorted; `undefined` fields are left out, as JSON.stringify does. Written
 * out by hand rather than with a JSON.stringify replacer, which would build a sorted copy of every
 * object first (three times slower on a large backup).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      const item: unknown = value[index];
      text += item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort(compareText)) {
    const item = record[key];
    if (item === undefined || typeof item === 'function') continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/** What JSON.parse might make an own property that later code could mistake for the prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads a backup file's text, or says in one plain sentence why it cannot be imported. */
export function parseBackup(text: string): ParsedBackup {
  if (typeof text !== 'string') return problem('The file could not be read as text.');
  if (text.length > MAX_BACKUP_CHARACTERS) {
    return problem(
      `The file is too large to be a Scrutiny backup (more than ${MAX_BACKUP_CHARACTERS / 1_000_000} million characters).`,
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return problem('The file is empty.');
  const shape = scanJsonShape(body);
  if (shape.deepest > MAX_BACKUP_NESTING) {
    return problem(
      `The file nests data more than ${MAX_BACKUP_NESTING} levels deep, which no Scrutiny backup does.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    if (shape.open > 0 || shape.inString) {
      return problem('The file ends too early: it was cut off before the end (truncated).');
    }
    return problem('The file is not a Scrutiny backup: it is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return problem('The file is not a Scrutiny backup: it holds no backup object.');
  }
  const header = parsed as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    return problem('The file is not a Scrutiny backup: it does not say it is one ("format" field).');
  }
  const version = header.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return problem('The backup has no valid version number, so it cannot be read safely.');
  }
  if (version > BACKUP_VERSION) {
    return problem(
      `The backup was made by a newer Scrutiny (backup version ${version}; this one reads version ${BACKUP_VERSION}). Update Scrutiny to import it.`,
    );
  }
  // Walked for every file, not only when the text shows such a key: "\u005f_proto__" is one too.
  const key = prototypeKeyIn(parsed);
  if (key) return problem(`The file contains a field named "${key}", which no Scrutiny backup has.`);
  const checked = backupSchema.safeParse(parsed);
  if (!checked.success) return problem(describeIssue(checked.error.issues[0], parsed));
  const duplicate = duplicateId(checked.data.data);
  if (duplicate) return problem(duplicate);
  return { ok: true, backup: checked.data };
}

function problem(sentence: string): ParsedBackup {
  return { ok: false, problem: sentence };
}

/**
 * How deep the JSON's brackets nest, and whether it ends inside a string or an open bracket, read in
 * one pass over the text without building anything (JSON.parse of a 100,000-deep array may overflow the
 * stack, and a truncated file is told apart from a malformed one by where it stops).
 */
export function scanJsonShape(text: string): { deepest: number; open: number; inString: boolean } {
  let open = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      open++;
      if (open > deepest) deepest = open;
      if (deepest > MAX_BACKUP_NESTING) break;
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) open--;
  }
  return { deepest, open, inString };
}

/** The first own key anywhere in the value that could be read as a prototype, if there is one. */
function prototypeKeyIn(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== 'object') continue;
    for (const key of Object.keys(item)) {
      if (PROTOTYPE_KEYS.has(key)) return key;
      pending.push((item as Record<string, unknown>)[key]);
    }
  }
  return null;
}

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exported: z.string(),
  data: exportDataSchema,
});

/** What a list holds, for the reader: "data.annotations[3].body.note" → "note 4". */
const RECORD_NAMES: Record<string, string> = {
  articles: 'saved article',
  versions: 'article version',
  annotations: 'note',
  clippings: 'clipping',
  collections: 'collection',
  settings: 'settings',
};

/** One zod issue as a plain sentence that names the record and the field. */
function describeIssue(issue: z.core.$ZodIssue | undefined, parsed: unknown): string {
  if (!issue) return 'The backup could not be read.';
  const path = issue.path.map(String);
  const [top, list, index, ...field] = path;
  let where = path.join('.') || 'the file';
  if (top === 'data' && list && RECORD_NAMES[list]) {
    where =
      index !== undefined && /^\d+$/.test(index)
        ? `${RECORD_NAMES[list]} ${Number(index) + 1}${field.length ? ` (field ${field.join('.')})` : ''}`
        : `the ${list} list`;
  }
  let what: string;
  if (issue.code === 'invalid_type') {
    const found = valueAt(parsed, issue.path);
    what =
      found === undefined
        ? `is missing a required value (${issue.expected})`
        : `has the wrong type: expected ${issue.expected}, found ${describeType(found)}`;
  } else if (issue.code === 'unrecognized_keys') {
    what = `has a field that a version ${BACKUP_VERSION} backup does not have (${issue.keys.join(', ')})`;
  } else if (issue.code === 'invalid_value') {
    what = `has a value that is not allowed (expected one of: ${issue.values.map(String).join(', ')})`;
  } else {
    what = `is not valid: ${issue.message}`;
  }
  return `The backup is damaged: ${where} ${what}. Nothing was imported.`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A sentence naming an id that two records of one kind share, or null when every id is unique. */
function duplicateId(data: ExportData): string | null {
  for (const list of RECORD_LISTS) {
    const seen = new Set<string>();
    for (const record of data[list]) {
      if (seen.has(record.id)) {
        return `The backup is damaged: two records in the ${list} list share the id ${record.id}. Nothing was imported.`;
      }
      seen.add(record.id);
    }
  }
  return null;
}
