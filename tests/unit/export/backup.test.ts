/** The JSON backup: lossless and byte-stable round trips, and every broken or hostile file refused with a plain problem. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupText,
  parseBackup,
  type ParsedBackup,
} from '../../../lib/export/backup';
import { NOW, generatedLibrary, trickyLibrary, uuid } from './library';

function problemOf(result: ParsedBackup): string {
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.problem;
}

describe('backupText and parseBackup', () => {
  it('give identical bytes after export → import → export, with 10,000 generated items', () => {
    const library = generatedLibrary(10_000);
    const first = backupText(library, NOW);
    const read = parseBackup(first);
    if (!read.ok) throw new Error(read.problem);
    expect(read.backup.data.annotations).toHaveLength(10_000);
    expect(read.backup.data).toEqual(library); // lossless: every field, unicode and empty ones included
    expect(backupText(read.backup.data, NOW)).toBe(first);
  });

  it('write the same bytes whatever order the records and their keys come in', () => {
    const library = trickyLibrary();
    const shuffled = {
      ...library,
      annotations: [...library.annotations].reverse(),
      articles: library.articles.map((article) => Object.fromEntries(Object.entries(article).reverse())),
    } as typeof library;
    expect(backupText(shuffled, NOW)).toBe(backupText(library, NOW));
  });

  it('keep a note that holds a script as the text it is', () => {
    const library = trickyLibrary();
    const read = parseBackup(backupText(library, NOW));
    if (!read.ok) throw new Error(read.problem);
    const notes = read.backup.data.annotations.map((annotation) => annotation.body.note);
    expect(notes).toContain('<script>alert(1)</script> *not emphasis* # not a heading');
  });

  it('reads a backup that starts with a byte order mark', () => {
    expect(parseBackup(`\ufeff${backupText(trickyLibrary(), NOW)}`).ok).toBe(true);
  });
});

describe('parseBackup refuses, naming the problem,', () => {
  const valid = backupText(trickyLibrary(), NOW);

  it('a file that is not JSON', () => {
    expect(problemOf(parseBackup('Dear reader, this is a letter.'))).toMatch(/not valid JSON/);
    expect(problemOf(parseBackup(''))).toMatch(/empty/);
  });

  it('a truncated backup', () => {
    expect(problemOf(parseBackup(valid.slice(0, Math.floor(valid.length / 2))))).toMatch(/truncated/);
  });

  it('another program’s JSON', () => {
    expect(problemOf(parseBackup('{"annotations": []}'))).toMatch(/not a Scrutiny backup/);
    expect(problemOf(parseBackup('[1, 2, 3]'))).toMatch(/not a Scrutiny backup/);
  });

  it('a backup of a newer version, asking to update', () => {
    const newer = valid.replace(`"version": ${BACKUP_VERSION}`, `"version": ${BACKUP_VERSION + 1}`);
    expect(problemOf(parseBackup(newer))).toMatch(/newer Scrutiny.*Update Scrutiny/);
  });

  it('50 MB of junk', () => {
    const junk = 'x'.repeat(50 * 1024 * 1024);
    expect(problemOf(parseBackup(junk))).toMatch(/not valid JSON/);
    const bracketJunk = `{"format":"${BACKUP_FORMAT}","version":1,"junk":"${'\\"'.repeat(1000)}${'ab'.repeat(25 * 1024 * 1024)}`;
    expect(problemOf(parseBackup(bracketJunk))).toMatch(/truncated/);
  });

  it('100,000-deep nesting, before JSON.parse could overflow the stack', () => {
    expect(problemOf(parseBackup('['.repeat(100_000) + ']'.repeat(100_000)))).toMatch(/levels deep/);
    // Brackets inside strings are text, not nesting.
    const library = trickyLibrary();
    const withBrackets = {
      ...library,
      annotations: library.annotations.map((a) => ({ ...a, body: { ...a.body, note: '['.repeat(1000) } })),
    };
    expect(parseBackup(backupText(withBrackets, NOW)).ok).toBe(true);
  });

  it('__proto__, constructor and prototype keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const hostile = valid.replace(
        '"articles": [\n',
        `"articles": [\n      {"${key}": {"polluted": true}},\n`,
      );
      expect(problemOf(parseBackup(hostile))).toMatch(new RegExp(`field named "${key}"`));
    }
    const escaped = valid.replace('"articles": [\n', '"articles": [\n      {"\\u005f_proto__": {}},\n');
    expect(problemOf(parseBackup(escaped))).toMatch(/field named "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fields of the wrong type, naming the record and the field', () => {
    const wrong = valid.replace('"colour":"blue"', '"colour":42');
    expect(problemOf(parseBackup(wrong))).toMatch(/note \d+ \(field body\.colour\)/);
    const missing = valid.replace('"title":"Talks resume in Doha",', '');
    expect(problemOf(parseBackup(missing))).toMatch(/saved article 2 \(field title\) is missing/);
  });

  it('a field this version does not know, rather than dropping it', () => {
    const extra = valid.replace('"colour":"blue"', '"colour":"blue","glow":true');
    expect(problemOf(parseBackup(extra))).toMatch(/field that a version 1 backup does not have \(glow\)/);
  });

  it('two records with one id', () => {
    const library = trickyLibrary();
    const first = library.annotations[0];
    if (!first) throw new Error('fixture has annotations');
    const twice = {
      ...library,
      annotations: [...library.annotations, { ...first, modified: NOW.toISOString() }],
    };
    expect(problemOf(parseBackup(backupText(twice, NOW)))).toMatch(`share the id ${uuid(11)}`);
  });

  it('anything at all without throwing (fast-check)', () => {
    const json = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .jsonValue()
        .map((value) => JSON.stringify({ format: BACKUP_FORMAT, version: 1, exported: '', data: value })),
      fc.nat(valid.length).map((cut) => valid.slice(0, cut)),
      fc
        .tuple(fc.nat(valid.length), fc.string())
        .map(([at, text]) => valid.slice(0, at) + text + valid.slice(at)),
    );
    fc.assert(
      fc.property(json, (text) => {
        const result = parseBackup(text);
        return result.ok || (typeof result.problem === 'string' && !result.problem.includes('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
