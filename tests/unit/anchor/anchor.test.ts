/** lib/anchor: finding a TextQuoteSelector's passage in a live page (jsdom, with its style cascade). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { anchorSelector, normalizeForMatch } from '../../../lib/anchor';

/** A page whose body holds `html`. */
const page = (html: string): Document => new JSDOM(`<!doctype html><body>${html}</body>`).window.document;

const selector = (exact: string, prefix = '', suffix = '') => ({ exact, prefix, suffix });

/** The element the passage starts in, for telling occurrences apart. */
const startElement = (range: Range | null) => {
  const node = range?.startContainer;
  return node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
};

describe('anchorSelector', () => {
  it('finds a passage inside one text node', () => {
    const doc = page('<p>The mayor said “we will not vote tonight” to reporters.</p>');
    const range = anchorSelector(doc, selector('we will not vote tonight'));
    expect(range?.toString()).toBe('we will not vote tonight');
  });

  it('returns null when the passage is not in the page', () => {
    const doc = page('<p>The mayor said nothing.</p>');
    expect(anchorSelector(doc, selector('we will not vote tonight'))).toBeNull();
    expect(anchorSelector(doc, selector('   '))).toBeNull();
    expect(anchorSelector(doc, selector(''))).toBeNull();
  });

  it('ignores differences in whitespace: line breaks, runs of spaces, NBSP, none between blocks', () => {
    const doc = page(
      '<p>but unfortunately, the opposition parties&nbsp;are\n   still wasting   time,” the message said.</p>',
    );
    const range = anchorSelector(doc, selector('the opposition parties are still wasting time'));
    expect(range?.toString()).toBe('the opposition parties\u00a0are\n   still wasting   time');
    const blocks = page('<p>First block ends here.</p><p>Second block starts here.</p>');
    expect(anchorSelector(blocks, selector('ends here. Second block'))?.toString()).toBe(
      'ends here.Second block',
    );
  });

  it('reads typographic quotes, dashes, soft hyphens and zero-width marks as their plain forms', () => {
    const doc = page('<p>It’s a “fair” deal — for every\u00adone\u200b.</p>');
    expect(anchorSelector(doc, selector('It\'s a "fair" deal - for everyone.'))?.toString()).toBe(
      'It’s a “fair” deal — for every\u00adone\u200b.',
    );
  });

  it('finds text split across inline elements', () => {
    const doc = page(
      '<p>“We <em>fully</em> assure <a href="#">neighboring</a>, <span><b>regional</b> and</span> world countries”</p>',
    );
    const range = anchorSelector(doc, selector('We fully assure neighboring, regional and world countries'));
    expect(range?.toString()).toBe('We fully assure neighboring, regional and world countries');
    expect(range?.startContainer.textContent).toBe('“We ');
    expect(range?.endContainer.textContent).toBe(' world countries”');
  });

  it('prefers the occurrence whose surrounding text matches the prefix and suffix', () => {
    const doc = page(`
      <p>according to the AP.</p>
      <aside class="pull-quote"><p>“We fully assure the world.”</p></aside>
      <p>The statement said the Taliban will leave the world alone.</p>
      <p id="body">“We fully assure the world. And we urge others,” the statement added.</p>`);
    const body = selector(
      'We fully assure the world.',
      'will leave the world alone.\n\n“',
      ' And we urge others,”',
    );
    expect(startElement(anchorSelector(doc, body))?.id).toBe('body');
    // With only a prefix or only a suffix, still the body occurrence.
    expect(startElement(anchorSelector(doc, { ...body, suffix: '' }))?.id).toBe('body');
    expect(startElement(anchorSelector(doc, { ...body, prefix: '' }))?.id).toBe('body');
    // And the pull quote when the context says so.
    const pull = selector('We fully assure the world.', 'according to the AP. “', '”');
    expect(startElement(anchorSelector(doc, pull))?.closest('aside')).not.toBeNull();
  });

  it('takes the first occurrence when nothing tells them apart', () => {
    const doc = page('<p id="a">Yes.</p><p id="b">Yes.</p>');
    expect(startElement(anchorSelector(doc, selector('Yes.')))?.id).toBe('a');
  });

  it('skips scripts, styles, noscript, templates and hidden elements', () => {
    const document = page(`
      <style>.gone { display: none; }</style>
      <script>var quote = "We will not vote tonight";</script>
      <style>p::after { content: "We will not vote tonight"; }</style>
      <noscript>We will not vote tonight</noscript>
      <template><p>We will not vote tonight</p></template>
      <p hidden>We will not vote tonight</p>
      <p style="display: none">We will not vote tonight</p>
      <p class="gone">We will not vote tonight</p>
      <p style="visibility: hidden">We will not vote tonight</p>
      <p id="shown">We will not vote tonight</p>`);
    expect(startElement(anchorSelector(document, selector('We will not vote tonight')))?.id).toBe('shown');
    document.getElementById('shown')!.remove();
    expect(anchorSelector(document, selector('We will not vote tonight'))).toBeNull();
  });

  it('looks only under the root it is given', () => {
    const doc = page(
      '<header><p>Breaking: council votes</p></header><main id="main"><p>Nothing here</p></main>',
    );
    expect(anchorSelector(doc.getElementById('main')!, selector('council votes'))).toBeNull();
    expect(anchorSelector(doc.body, selector('council votes'))?.toString()).toBe('council votes');
  });

  it('ends a passage on a character outside the Basic Multilingual Plane', () => {
    const doc = page('<p>Fans wrote “great game 🎉” on the board.</p>');
    expect(anchorSelector(doc, selector('great game 🎉'))?.toString()).toBe('great game 🎉');
  });

  it('finds the body quote, not the pull quote, on the seed page', () => {
    const html = readFileSync(
      join(import.meta.dirname, '../../fixtures/pages/western-journal-taliban.html'),
      'utf8',
    );
    const document = new JSDOM(html).window.document;
    const exact =
      'We fully assure neighboring, regional and world countries that Afghanistan will not permit anyone to pose a security threat to any other country using our soil.';
    const range = anchorSelector(document, {
      exact,
      prefix: 'as long as the world does the same to its turf.\n\n“',
      suffix: ' And we similarly urge other countries',
    });
    expect(range?.toString()).toBe(exact);
    const paragraph = startElement(range)!;
    expect(paragraph.closest('aside')).toBeNull();
    expect(paragraph.textContent).toContain('And we similarly urge other countries');
    // The whole body quote (as the analysis gives it) only occurs once anyway.
    const whole = anchorSelector(document, {
      exact: `${exact} And we similarly urge other countries to refrain from all interference in our own internal affairs`,
      prefix: '',
      suffix: '',
    });
    expect(startElement(whole)).toBe(paragraph);
    // The NBSP in the third quote.
    expect(
      anchorSelector(document, selector('the opposition parties are still wasting time'))?.toString(),
    ).toBe('the opposition parties\u00a0are still wasting time');
  });
});

describe('normalizeForMatch', () => {
  it('drops whitespace and folds typographic variants', () => {
    expect(normalizeForMatch(' “It’s”\u00a0a\ttest — ok ')).toBe('"It\'s"atest-ok');
  });
});
