import { describe, expect, it } from 'vitest';
import {
  addressKey,
  drawLanguage,
  extraPages,
  manifestOf,
  mulberry32,
  pageFacts,
  pageId,
  seededShuffle,
  slotHalves,
  type Candidate,
  type LanguageDraw,
  type Lang,
} from '../../../scripts/labeled/select';

const candidates = (count: number, lang: Lang = 'en'): Candidate[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `page-${String(index).padStart(3, '0')}`,
    corpus: 'corpus',
    path: `corpus/${index}.html`,
    lang,
    url: `https://news.example/${index}`,
  }));

describe('the seeded PRNG and shuffle', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
  });

  it('shuffles deterministically, keeping every item and leaving the input alone', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = seededShuffle(items, mulberry32(7));
    expect(seededShuffle(items, mulberry32(7))).toEqual(shuffled);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});

describe('halves', () => {
  it('puts one slot of each pair in dev and the other in test', () => {
    const halves = slotHalves(12, mulberry32(1));
    for (let slot = 0; slot < 12; slot += 2)
      expect(new Set([halves[slot], halves[slot + 1]])).toEqual(new Set(['dev', 'test']));
    expect(halves.filter((half) => half === 'dev')).toHaveLength(6);
  });
});

describe('the draw of one language', () => {
  const pool = candidates(30);

  it('draws the quota, the same pages on every run, without a skip list', () => {
    const draw = drawLanguage(pool, 'en', 10, new Map(), 99);
    expect(draw.slots).toHaveLength(10);
    expect(new Set(draw.slots.map((page) => page!.id)).size).toBe(10);
    expect(drawLanguage(pool, 'en', 10, new Map(), 99)).toEqual(draw);
    expect(drawLanguage(pool, 'en', 10, new Map(), 100).slots).not.toEqual(draw.slots);
  });

  it('gives a skipped page’s slot and half to the next spare, and leaves every other slot alone', () => {
    const before = drawLanguage(pool, 'en', 10, new Map(), 99);
    const skippedId = before.slots[3]!.id;
    const after = drawLanguage(pool, 'en', 10, new Map([[skippedId, 'a shop page']]), 99);
    before.slots.forEach((page, slot) => {
      if (slot !== 3) expect(after.slots[slot]).toEqual(page);
    });
    expect(after.slots[3]!.id).not.toBe(skippedId);
    expect(before.slots.map((page) => page!.id)).not.toContain(after.slots[3]!.id);
    expect(after.slots[3]!.half).toBe(before.slots[3]!.half);
    expect(after.skipped).toEqual([
      { candidate: expect.objectContaining({ id: skippedId }), slot: 3, reason: 'a shop page' },
    ]);
    expect(after.replacements).toEqual([
      { candidate: expect.objectContaining({ id: after.slots[3]!.id }), slot: 3, replaced: skippedId },
    ]);
  });

  it('leaves a slot empty when the spares run out', () => {
    const small = candidates(3);
    const skip = new Map(small.map((page) => [page.id, 'not news']));
    const draw = drawLanguage(small, 'en', 2, skip, 5);
    expect(draw.slots).toEqual([undefined, undefined]);
    expect(draw.skipped).toHaveLength(3);
  });
});

describe('the extra dev set', () => {
  const pool = candidates(30);

  it('takes the spares after the ones the draw used, all dev, none of the drawn pages', () => {
    const skippedId = drawLanguage(pool, 'en', 10, new Map(), 99).slots[2]!.id;
    const skip = new Map([[skippedId, 'a shop page']]);
    const draw = drawLanguage(pool, 'en', 10, skip, 99);
    const extra = extraPages(pool, 'en', 10, 6, skip, 99);
    expect(extra).toHaveLength(6);
    expect(extra.every((page) => page.half === 'dev')).toBe(true);
    const drawn = new Set([...draw.slots.map((page) => page!.id), skippedId]);
    for (const page of extra) expect(drawn.has(page.id)).toBe(false);
    // Exactly the six spares that follow the one the replacement used.
    const withoutSkip = extraPages(pool, 'en', 10, 7, new Map(), 99);
    expect(extra.map((page) => page.id)).toEqual(withoutSkip.slice(1).map((page) => page.id));
    expect(withoutSkip[0]!.id).toBe(draw.replacements[0]!.candidate.id);
  });

  it('shrinks when one of its own pages is skipped, and does not move', () => {
    const extra = extraPages(pool, 'en', 10, 6, new Map(), 99);
    const after = extraPages(pool, 'en', 10, 6, new Map([[extra[1]!.id, 'a blog']]), 99);
    expect(after.map((page) => page.id)).toEqual(
      extra.filter((_, index) => index !== 1).map((page) => page.id),
    );
    expect(drawLanguage(pool, 'en', 10, new Map([[extra[1]!.id, 'a blog']]), 99)).toEqual(
      drawLanguage(pool, 'en', 10, new Map(), 99),
    );
  });
});

describe('the manifest', () => {
  it('interleaves the languages by their position in the draw', () => {
    const draws = new Map<Lang, LanguageDraw>([
      ['en', drawLanguage(candidates(8, 'en'), 'en', 4, new Map(), 3)],
      ['de', drawLanguage(candidates(4, 'de'), 'de', 2, new Map(), 3)],
    ]);
    const manifest = manifestOf(draws);
    expect(manifest.map((entry) => entry.lang)).toEqual(['en', 'de', 'en', 'en', 'de', 'en']);
    expect(Object.keys(manifest[0]!)).toEqual(['id', 'corpus', 'path', 'lang', 'half', 'url']);
  });
});

describe('page metadata for the filters', () => {
  it('reads the declared language, the address, a publication date and counts words outside scripts', () => {
    const facts = pageFacts(`<!doctype html><html lang="de-CH"><head>
      <link rel="canonical" href="https://zeitung.example/a">
      <meta property="article:published_time" content="2020-01-02T10:00:00+01:00">
      <script>var notWords = "one two three";</script></head>
      <body><p>Ein kurzer Text mit sieben Wörtern hier.</p><style>.x{}</style></body></html>`);
    expect(facts).toEqual({
      lang: 'de',
      address: 'https://zeitung.example/a',
      metaDate: '2020-01-02T10:00:00+01:00',
      words: 7,
    });
  });

  it('falls back to og:locale, og:url and a JSON-LD datePublished', () => {
    const facts = pageFacts(`<html><head><meta property="og:locale" content="fr_FR">
      <meta property="og:url" content="https://journal.example/b">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-05-07"}</script>
      </head><body></body></html>`);
    expect(facts).toMatchObject({ lang: 'fr', address: 'https://journal.example/b', metaDate: '2019-05-07' });
    expect(pageFacts('<html><body>no metadata</body></html>')).toMatchObject({
      lang: null,
      address: null,
      metaDate: null,
    });
  });
});

describe('ids and addresses', () => {
  it('makes readable, file-safe ids; a bare hash gets its host', () => {
    expect(pageId('trafilatura', 'kulinariaathome.com.mandelplätzchen', 'https://x.example/')).toBe(
      'trafilatura-kulinariaathome.com.mandelplatzchen',
    );
    expect(pageId('zyte', '042bb7b5fedab6eac7db576522b89b93', 'https://www.wsj.com/articles/x')).toBe(
      'zyte-wsj.com-042bb7b5',
    );
  });

  it('takes the same article under http/https, www., a trailing slash or a fragment for one', () => {
    expect(addressKey('http://www.News.example/a/b/#top')).toBe(addressKey('https://news.example/a/b'));
    expect(addressKey('https://news.example/a?id=1')).not.toBe(addressKey('https://news.example/a?id=2'));
  });
});
