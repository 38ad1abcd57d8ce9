/**
 * A saved article in a clean reading view: the saved copy (sanitized again with DOMPurify before it is put
 * into the library page, and made of text only: nothing in it loads from the network), the reader's
 * highlights drawn on it (found with lib/anchor in the snapshot, as in the live page), the byline, quotes
 * and sources as they were when it was saved, the versions and the changes between any two.
 */
import DOMPurify from 'dompurify';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { anchorAll, anchorSelector } from '@/lib/anchor';
import { showRange } from '@/lib/anchor/flash';
import type { TextQuoteSelector } from '@/lib/analyze/types';
import type { Annotation } from '@/lib/annotations/types';
import { Highlighter } from '@/lib/annotator/highlighter';
import type { AnalyzedPage } from '@/lib/extract/types';
import { diffArticles } from '@/lib/library/diff';
import type { ArticleSnapshot, SavedArticle } from '@/lib/library/types';
import { BylineCard } from '../BylineCard';
import { ChangesView } from '../ChangesView';
import { QuotesView } from '../QuotesView';
import { SourcesView } from '../SourcesView';
import { formatSavedAt } from '../SavedArticleBar';

/** Only text and structure: a saved copy must not load anything, even if an old snapshot held more. */
const READING_POLICY = {
  FORBID_TAGS: [
    'img',
    'picture',
    'source',
    'video',
    'audio',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'style',
    'link',
    'form',
    'input',
    'button',
    'textarea',
    'select',
  ],
  FORBID_ATTR: ['style', 'src', 'srcset', 'poster', 'background', 'action', 'formaction'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
};

/** The snapshot in the shape the panel's views take. */
function pageOf(snapshot: ArticleSnapshot): AnalyzedPage {
  return {
    url: snapshot.canonicalUrl ?? snapshot.url,
    title: snapshot.title,
    lang: snapshot.lang,
    isArticle: true,
    articleReason: '',
    byline: snapshot.byline,
    article: {
      text: snapshot.text,
      html: '',
      wordCount: snapshot.wordCount,
      readingMinutes: Math.ceil(snapshot.wordCount / 230),
      excerpt: snapshot.excerpt,
    },
    quotes: snapshot.analysis?.quotes ?? [],
    sources: snapshot.analysis?.sources ?? [],
    glance: snapshot.analysis?.glance ?? null,
    warnings: [],
    timings: { total: 0, readability: 0 },
  };
}

export interface ReaderViewProps {
  article: SavedArticle;
  versions: ArticleSnapshot[];
  highlights: Annotation[];
  onClose(): void;
}

export function ReaderView({ article, versions, highlights, onClose }: ReaderViewProps) {
  const newest = versions.at(-1) ?? null;
  const [shownId, setShownId] = useState<string | null>(newest?.id ?? null);
  const shown = versions.find((version) => version.id === shownId) ?? newest;
  const body = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<number | null>(null);
  const [side, setSide] = useState<'quotes' | 'sources' | 'versions'>('quotes');
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const [passageNote, setPassageNote] = useState<string | null>(null);

  useEffect(() => {
    setShownId(newest?.id ?? null);
  }, [newest?.id]);

  useEffect(() => {
    const element = body.current;
    if (!element || !shown) return;
    element.replaceChildren(DOMPurify.sanitize(shown.html, { ...READING_POLICY, RETURN_DOM_FRAGMENT: true }));
    const highlighter = new Highlighter(window);
    if (!highlighter.supported || highlights.length === 0) {
      setFound(highlights.length ? 0 : null);
      return;
    }
    const anchored = anchorAll(
      element,
      highlights.map((highlight) => highlight.target.selector),
    );
    let count = 0;
    anchored.forEach((passage, index) => {
      if (!passage) return;
      count++;
      highlighter.draw(highlights[index]!.id, passage.range, highlights[index]!.body.colour);
    });
    setFound(count);
    return () => highlighter.clear();
  }, [shown?.id, highlights]);

  const page = useMemo(() => (shown ? pageOf(shown) : null), [shown]);
  const diff = useMemo(() => {
    if (!compare) return null;
    const from = versions.find((version) => version.id === compare.from);
    const to = versions.find((version) => version.id === compare.to);
    return from && to ? diffArticles(from, to) : null;
  }, [compare, versions]);

  const showPassage = (selector: TextQuoteSelector) => {
    const range = body.current ? anchorSelector(body.current, selector) : null;
    setPassageNote(range ? null : 'This passage is not in the saved copy shown.');
    if (range) showRange(range);
  };

  if (!shown || !page) {
    return (
      <section class="reader" data-testid="reader">
        <p>This saved article has no saved copy.</p>
        <button type="button" onClick={onClose}>
          Back to the library
        </button>
      </section>
    );
  }

  return (
    <section class="reader" aria-labelledby="reader-title" data-testid="reader">
      <div class="reader-bar">
        <button type="button" class="secondary" onClick={onClose} data-testid="close-reader">
          ← Back to the library
        </button>
        <a
          href={article.canonicalUrl ?? article.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="live-link"
        >
          Open the live page
        </a>
        <span class="reader-version" data-testid="reader-version">
          Saved copy of {formatSavedAt(shown.savedAt)}
          {versions.length > 1 ? ` (version ${versions.indexOf(shown) + 1} of ${versions.length})` : ''}
        </span>
      </div>
      <div class="reader-columns">
        <article class="reader-article" lang={shown.lang ?? undefined}>
          <h1 id="reader-title">{shown.title}</h1>
          {found !== null && (
            <p class="reader-highlights" data-testid="reader-highlights">
              {found === highlights.length
                ? `${found} ${found === 1 ? 'highlight' : 'highlights'} drawn on the saved copy.`
                : `${found} of ${highlights.length} highlights found in this saved copy; the others are on passages it does not have.`}
            </p>
          )}
          <div class="reader-body" ref={body} data-testid="reader-body" />
        </article>
        <aside class="reader-side" aria-label="About this article">
          <BylineCard page={page} />
          <div class="reader-tabs" role="group" aria-label="Show">
            {(['quotes', 'sources', 'versions'] as const).map((name) => (
              <button
                key={name}
                type="button"
                class={side === name ? 'reader-tab selected' : 'reader-tab'}
                aria-pressed={side === name}
                onClick={() => setSide(name)}
                data-testid={`reader-tab-${name}`}
              >
                {name === 'quotes'
                  ? 'Quotes'
                  : name === 'sources'
                    ? 'Sources'
                    : `Versions (${versions.length})`}
              </button>
            ))}
          </div>
          {passageNote && (
            <p class="passage-note" role="status">
              {passageNote}
            </p>
          )}
          {side === 'quotes' && <QuotesView quotes={page.quotes} onShowPassage={showPassage} />}
          {side === 'sources' && <SourcesView sources={page.sources} onShowPassage={showPassage} />}
          {side === 'versions' && (
            <section data-testid="versions">
              <ol class="versions">
                {versions.map((version, index) => (
                  <li key={version.id} data-testid="version">
                    <button
                      type="button"
                      class="link-button"
                      aria-current={version.id === shown.id ? 'true' : undefined}
                      onClick={() => setShownId(version.id)}
                    >
                      Version {index + 1}: {formatSavedAt(version.savedAt)}
                    </button>
                    {index > 0 && (
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => setCompare({ from: versions[index - 1]!.id, to: version.id })}
                        data-testid="compare-previous"
                      >
                        Changes from version {index}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
              {versions.length > 2 && (
                <CompareAny versions={versions} onCompare={(from, to) => setCompare({ from, to })} />
              )}
              {diff && <ChangesView diff={diff} testId="version-changes" />}
            </section>
          )}
        </aside>
      </div>
    </section>
  );
}

function CompareAny({
  versions,
  onCompare,
}: {
  versions: ArticleSnapshot[];
  onCompare(from: string, to: string): void;
}) {
  const [from, setFrom] = useState(versions[0]!.id);
  const [to, setTo] = useState(versions.at(-1)!.id);
  const options = versions.map((version, index) => (
    <option key={version.id} value={version.id}>
      Version {index + 1}
    </option>
  ));
  return (
    <p class="compare-any">
      <label>
        Compare{' '}
        <select value={from} onChange={(event) => setFrom(event.currentTarget.value)}>
          {options}
        </select>
      </label>{' '}
      <label>
        with{' '}
        <select value={to} onChange={(event) => setTo(event.currentTarget.value)}>
          {options}
        </select>
      </label>{' '}
      <button type="button" class="secondary" onClick={() => onCompare(from, to)}>
        Show changes
      </button>
    </p>
  );
}
