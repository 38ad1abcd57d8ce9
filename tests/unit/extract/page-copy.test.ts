/** The private copy of a page: what it keeps, where the budget cuts it, and copying in slices. */
import { describe, expect, it } from 'vitest';
import { MAX_ANALYZED_CHARACTERS } from '../../../lib/analyze';
import { extractArticle, pageCutWarning } from '../../../lib/extract';
import { capturePage, capturePageInSlices } from '../../../lib/extract/capture';
import { nestingDepth } from '../../../lib/extract/guard';
import {
  copyInSlices,
  copyWithinBudget,
  PAGE_COPY_BUDGET,
  PAGE_TEXT_BUDGET,
  type CopyBudget,
} from '../../../lib/extract/page-copy';
import { articlePage, hugePage } from '../../fixtures/hostile/pages';
import { deepDocument, domOf } from '../robustness/documents';

const UNLIMITED: CopyBudget = {
  maxTextChars: Infinity,
  maxElements: Infinity,
  maxDepth: 400,
  leaveOut: new Set(),
};

/** A page of `count` numbered paragraphs of 100 characters each, after a script and a style sheet. */
function numberedPage(count: number): Document {
  const paragraphs = Array.from(
    { length: count },
    (_, index) => `<p>${`Paragraph ${index}.`.padEnd(100, ' x')}</p>`,
  ).join('');
  return domOf(
    articlePage({
      body: `<script>var code = "${'c'.repeat(5_000)}";</script><style>p{}</style>${paragraphs}`,
    }),
  ).window.document;
}

describe('copyWithinBudget', () => {
  it('copies the body whole and keeps only metadata of the head, leaving the original alone', () => {
    const html = `<!doctype html><html lang="de"><head>
<title>Title</title><meta name="author" content="Jane Doe"><link rel="canonical" href="https://example.com/a">
<style>p{color:red}</style><script>window.x = 1</script>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
</head><body><style>.b{}</style><p>Hello <b>there</b></p><script>var y</script></body></html>`;
    const doc = domOf(html).window.document;
    const before = doc.documentElement.outerHTML;
    const { copy, flattened, cut } = copyWithinBudget(doc, PAGE_COPY_BUDGET);
    expect([flattened, cut]).toEqual([0, null]);
    expect(copy).not.toBe(doc);
    expect(copy.URL).toBe(doc.URL);
    expect(copy.doctype?.name).toBe('html');
    expect(copy.documentElement.getAttribute('lang')).toBe('de');
    expect(copy.title).toBe('Title');
    expect(Array.from(copy.head.children, (element) => element.tagName)).toEqual([
      'TITLE',
      'META',
      'LINK',
      'SCRIPT',
    ]);
    expect(copy.head.querySelector('script')!.getAttribute('type')).toBe('application/ld+json');
    // Style sheets are left out (Readability removes them first thing); everything else is kept.
    expect(copy.body.innerHTML).toBe(doc.body.innerHTML.replace('<style>.b{}</style>', ''));
    copy.body.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('copies a 20,000-deep document with the deep part as text, leaving the original alone', () => {
    const dom = deepDocument(20_000);
    const doc = dom.window.document;
    const { copy, flattened, cut } = copyWithinBudget(doc, UNLIMITED);
    expect([flattened, cut]).toEqual([1, null]);
    expect(nestingDepth(copy.documentElement)).toBe(400);
    expect(copy.body.textContent).toContain('Deepest paragraph.');
    expect(copy.title).toBe(doc.title);
    expect(nestingDepth(doc.documentElement)).toBe(20_004);
  });

  it('leaves out the elements it is told to, with everything in them', () => {
    const doc = domOf(
      articlePage({
        head: '<style>p{color:red}</style>',
        body: '<p>Hello <b>there</b></p><iframe></iframe>',
      }),
    ).window.document;
    const { copy } = copyWithinBudget(doc, { ...UNLIMITED, leaveOut: new Set(['style', 'iframe']) });
    expect(copy.querySelector('style, iframe')).toBeNull();
    expect(copy.querySelector('article')?.innerHTML).toBe(
      doc.querySelector('article')?.innerHTML.replace('<iframe></iframe>', ''),
    );
  });

  it('cuts the page where the text budget runs out, keeping its beginning in order', () => {
    const doc = numberedPage(100);
    const bodyText = (copy: Document) => {
      copy.querySelectorAll('script, style').forEach((element) => element.remove());
      return copy.body.textContent!;
    };
    const fullText = bodyText(copyWithinBudget(doc, UNLIMITED).copy);
    const { copy, cut } = copyWithinBudget(doc, { ...UNLIMITED, maxTextChars: 5_000 });
    // Script text is code, not writing: it is copied but not counted.
    expect(copy.querySelector('script')?.textContent).toContain('c'.repeat(5_000));
    const text = bodyText(copy);
    expect(cut).toEqual({ readChars: 5_000 });
    expect(copy.documentElement.textContent).toHaveLength(5_000);
    expect(text.length).toBeGreaterThan(4_000);
    expect(fullText.startsWith(text)).toBe(true);
    expect(text).toContain('Paragraph 0.');
    expect(text).not.toContain('Paragraph 99.');
    expect(doc.querySelectorAll('p').length).toBeGreaterThanOrEqual(100);
  });

  it('cuts the page before the first element over the element budget', () => {
    const doc = numberedPage(100);
    const { copy, cut } = copyWithinBudget(doc, { ...UNLIMITED, maxElements: 50 });
    expect(copy.getElementsByTagName('*').length).toBe(50);
    expect(cut).not.toBeNull();
  });

  it('leaves a page within the budget uncut', () => {
    const doc = numberedPage(100);
    const { copy, cut } = copyWithinBudget(doc, PAGE_COPY_BUDGET);
    expect(cut).toBeNull();
    expect(copy.querySelectorAll('p').length).toBe(doc.querySelectorAll('p').length);
  });

  it('reads less text from a big page than the analysis takes, so a cut article can still be analysed', () => {
    expect(PAGE_TEXT_BUDGET).toBeLessThan(MAX_ANALYZED_CHARACTERS);
    const { cut } = copyWithinBudget(domOf(hugePage(400_000)).window.document, PAGE_COPY_BUDGET);
    expect(cut).toEqual({ readChars: PAGE_TEXT_BUDGET });
  });
});

describe('copyInSlices', () => {
  it('stops for a pause whenever a slice is used up and makes the same copy as in one go', async () => {
    const doc = numberedPage(300);
    let clock = 0;
    let pauses = 0;
    const sliced = await copyInSlices(
      doc,
      { ...UNLIMITED, maxTextChars: 20_000 },
      {
        sliceMs: 1,
        // Every look at the clock costs a millisecond: each slice ends at its first look.
        now: () => clock++,
        pause: async () => {
          pauses++;
        },
      },
    );
    const whole = copyWithinBudget(doc, { ...UNLIMITED, maxTextChars: 20_000 });
    expect(pauses).toBeGreaterThan(3);
    expect(sliced.cut).toEqual(whole.cut);
    expect(sliced.copy.documentElement.outerHTML).toBe(whole.copy.documentElement.outerHTML);
  });
});

describe('a page larger than the budget', () => {
  it('is said to be too large, with its size and how much of it was read', () => {
    expect(pageCutWarning({ readChars: 180_000, pageBytes: 26_300_000 })).toBe(
      'This page is too large to read whole (25 MB). Scrutiny read its first 180,000 characters of text, so the article may be cut short.',
    );
    expect(pageCutWarning({ readChars: 1_234, pageBytes: 700_000 })).toContain('(684 KB)');
    expect(pageCutWarning({ readChars: 1_234, pageBytes: null })).toBe(
      'This page is too large to read whole. Scrutiny read its first 1,234 characters of text, so the article may be cut short.',
    );
  });

  it('is read from its beginning, and the first note on it says so', () => {
    const doc = domOf(hugePage(400_000)).window.document;
    const page = extractArticle(doc, { pageBytes: 401_000 });
    expect(page.warnings[0]).toBe(pageCutWarning({ readChars: PAGE_TEXT_BUDGET, pageBytes: 401_000 }));
    expect(page.title).toBe('Council closes the old bridge for repairs');
    expect(page.isArticle).toBe(true);
    expect(page.article.text.length).toBeLessThan(MAX_ANALYZED_CHARACTERS);
  });

  it('is read the same in slices as in one go, as the content script reads it', async () => {
    const doc = domOf(hugePage(400_000)).window.document;
    const sliced = await capturePageInSlices(doc, { pageBytes: 401_000 });
    expect(sliced.cut).toEqual({ readChars: PAGE_TEXT_BUDGET, pageBytes: 401_000 });
    expect(sliced.unsafeHtml).toBe(capturePage(doc, { pageBytes: 401_000 }).unsafeHtml);
  });

  it('is not said to be cut when it fits', () => {
    const page = extractArticle(domOf(articlePage()).window.document);
    expect(page.warnings.join(' ')).not.toContain('too large');
  });
});
