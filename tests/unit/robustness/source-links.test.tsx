// @vitest-environment jsdom
/**
 * Finding 7: a link to www.reuters.com.<long label>.attacker.example was shown by its address cut off at
 * 70 characters, so the reader saw "www.reuters.com.…" and never the domain it goes to. Links are now
 * named by their registrable domain, with the whole address as the link's title and accessible name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SourcesView } from '../../../components/SourcesView';
import { findSources } from '../../../lib/analyze/sources';
import { findQuotes } from '../../../lib/analyze/quotes';
import { buildSpeakerContext } from '../../../lib/analyze/speakers';
import type { Source } from '../../../lib/analyze/types';

const DISGUISED = `https://www.reuters.com.${'breaking-world-news-'.repeat(5)}live.attacker.example/2026/story`;

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root = null;
});

function shown(sources: Source[]): HTMLElement {
  root = document.createElement('div');
  act(() => render(<SourcesView sources={sources} onShowPassage={() => undefined} />, root!));
  return root;
}

describe('a source link in the Sources view', () => {
  it('is named by the site it goes to, with the whole address on hover and focus', () => {
    const text = 'The offer was first reported by Reuters on Monday.';
    const speakers = buildSpeakerContext(text);
    const quotes = findQuotes(text, { lang: 'en', speakers });
    const sources = findSources(text, quotes, speakers, {
      lang: 'en',
      pageUrl: 'https://news.example/story',
      ownNames: [],
      links: [{ url: DISGUISED, text: 'Reuters' }],
    });
    const reuters = sources.find((source) => source.name === 'Reuters');
    expect(reuters).toMatchObject({ kind: 'wire', url: DISGUISED });

    const view = shown(sources);
    const link = view.querySelector<HTMLAnchorElement>('a.url')!;
    expect(link.textContent).toBe('attacker.example');
    expect(link.title).toBe(DISGUISED);
    expect(link.getAttribute('aria-label')).toBe(`attacker.example (${DISGUISED})`);
    expect(link.href).toBe(DISGUISED);
    expect(view.textContent).not.toContain('www.reuters.com');
  });

  it('shows a plain news link by its registrable domain too', () => {
    const url = 'https://www.bbc.co.uk/news/articles/c1234567';
    const view = shown([{ name: 'BBC', kind: 'news-outlet', mentions: 1, url, places: [] }]);
    const link = view.querySelector<HTMLAnchorElement>('a.url')!;
    expect(link.textContent).toBe('bbc.co.uk');
    expect(link.title).toBe(url);
  });
});
