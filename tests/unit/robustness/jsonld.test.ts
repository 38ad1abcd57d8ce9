/** readJsonLd and pruneJson on JSON-LD that is malformed, huge, deep or hostile. */
import { afterEach, describe, expect, it } from 'vitest';
import { firstString, pruneJson, readJsonLd, type JsonObject } from '../../../lib/extract/jsonld';
import {
  deepJsonLdPage,
  hugeJsonLdPage,
  malformedJsonLdPage,
  prototypePollutionJsonLdPage,
} from '../../fixtures/hostile/pages';
import { domOf } from './documents';

const readFrom = (page: string) => readJsonLd(domOf(page).window.document);
const headlines = (nodes: JsonObject[]) => nodes.map((node) => node['headline']).filter(Boolean);

describe('readJsonLd', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips malformed blocks with one warning and reads the valid one', () => {
    const result = readFrom(malformedJsonLdPage());
    expect(result.warnings).toEqual([
      'Ignored 3 blocks of structured data (JSON-LD) that could not be read.',
    ]);
    expect(headlines(result.nodes)).toEqual(['Council closes the old bridge for repairs']);
  });

  it('reads a 5 MB block', () => {
    const result = readFrom(hugeJsonLdPage());
    expect(result.warnings).toEqual([]);
    expect(result.nodes.map((node) => node['@type'])).toEqual(['WebPage', 'NewsArticle', 'Person']);
  });

  it('skips a block over the size limit with a warning that gives its size', () => {
    const result = readFrom(hugeJsonLdPage(9_000_000));
    expect(result.warnings).toEqual([
      'Skipped a 9.0 MB block of structured data (JSON-LD): larger than 8 MB.',
    ]);
    expect(headlines(result.nodes)).toEqual(['Council closes the old bridge for repairs']);
  });

  it('reads past a block nested 5,000 deep (valid JSON; a reviver would overflow the stack)', () => {
    const result = readFrom(deepJsonLdPage(5_000));
    expect(result.warnings).toEqual([]);
    expect(headlines(result.nodes)).toEqual(['Council closes the old bridge for repairs']);
  });

  it('keeps no prototype key and pollutes no prototype', () => {
    const result = readFrom(prototypePollutionJsonLdPage());
    const article = result.nodes.find((node) => node['@type'] === 'NewsArticle')!;
    expect(article['headline']).toBe('Council closes the old bridge for repairs');
    for (const node of result.nodes) {
      expect(Object.getPrototypeOf(node)).toBeNull();
      expect(Object.keys(node)).not.toContain('__proto__');
      expect(Object.keys(node)).not.toContain('constructor');
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('pruneJson', () => {
  it('survives nesting a million levels deep and drops what is past the depth limit', () => {
    const deep = JSON.parse(`${'['.repeat(1_000_000)}1${']'.repeat(1_000_000)}`) as unknown;
    let value = pruneJson(deep);
    let depth = 0;
    while (Array.isArray(value) && value.length > 0) {
      value = value[0]!;
      depth++;
    }
    expect(depth).toBeLessThanOrEqual(41);
  });

  it('drops prototype keys at every level', () => {
    const parsed = JSON.parse(
      '{"a":{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}},"b":[{"prototype":1,"c":2}]}}',
    ) as unknown;
    expect(JSON.stringify(pruneJson(parsed))).toBe('{"a":{"b":[{"c":2}]}}');
  });

  it('keeps at most 1,000 entries of a long array', () => {
    const pruned = pruneJson(Array.from({ length: 100_000 }, (_, i) => i));
    expect(Array.isArray(pruned) && pruned.length).toBe(1_000);
  });

  it('turns non-finite numbers into null', () => {
    expect(pruneJson({ n: Number.POSITIVE_INFINITY })).toEqual(
      Object.assign(Object.create(null), { n: null }),
    );
  });
});

describe('firstString', () => {
  it('gives up on names nested absurdly deep instead of recursing through them', () => {
    let value: unknown = 'Jane Doe';
    for (let i = 0; i < 100_000; i++) value = { name: value };
    expect(firstString(value as JsonObject)).toBeNull();
    expect(firstString({ name: { '@value': 'Jane Doe' } })).toBe('Jane Doe');
  });
});
