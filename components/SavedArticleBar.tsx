/**
 * The panel's line about the reader's saved copy of the article: "Save article", or "Saved" with the
 * date, and, when the page's text differs from the newest saved copy, what changed and "Save new version";
 * and "Export this article" as Markdown, to a download or the clipboard.
 */
import type { SavedArticle } from '@/lib/library/types';
import type { ArticleDiff } from '@/lib/library/diff';
import { ChangesView } from './ChangesView';

export interface SavedArticleState {
  /** `checking` until the panel knows whether this page is saved. */
  status: 'checking' | 'not-saved' | 'saving' | 'saved';
  article: SavedArticle | null;
  /** The page against its newest saved copy; null when nothing is saved or nothing changed. */
  changes: ArticleDiff | null;
  /** What the last click did, in plain words ("Saved." / "Nothing changed since you saved it."). */
  message: string | null;
  error: string | null;
  /** Quotes and sources are still being found: saving waits for them. */
  analysisPending: boolean;
}

export interface SavedArticleActions {
  save(): void;
  openLibrary(): void;
  /** The article (or, unsaved, the page's notes and clippings) as Markdown: downloaded or copied. */
  exportArticle(to: 'download' | 'clipboard'): void;
}

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatSavedAt(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : DAY.format(time);
}

export function SavedArticleBar({
  state,
  actions,
}: {
  state: SavedArticleState;
  actions: SavedArticleActions;
}) {
  const { status, article, changes } = state;
  const saving = status === 'saving';
  return (
    <section class="saved-bar" aria-label="Your library" data-testid="saved-bar">
      <div class="saved-bar-row">
        {article && status !== 'not-saved' ? (
          <span class="saved-status" data-testid="saved-status">
            Saved {formatSavedAt(article.updatedAt)}
            {article.versionCount > 1 ? ` (${article.versionCount} versions)` : ''}
          </span>
        ) : (
          <button
            type="button"
            onClick={actions.save}
            disabled={saving || status === 'checking' || state.analysisPending}
            data-testid="save-article"
          >
            {saving ? 'Saving…' : 'Save article'}
          </button>
        )}
        <button type="button" class="secondary" onClick={actions.openLibrary} data-testid="open-library">
          Open library
        </button>
      </div>
      {status !== 'checking' && (
        <div class="saved-bar-row" role="group" aria-label="Export this article as Markdown">
          <button
            type="button"
            class="secondary"
            onClick={() => actions.exportArticle('download')}
            data-testid="export-article"
          >
            Export this article
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => actions.exportArticle('clipboard')}
            data-testid="copy-article"
          >
            Copy as Markdown
          </button>
        </div>
      )}
      {state.message && (
        <p class="saved-message" role="status">
          {state.message}
        </p>
      )}
      {state.error && (
        <p class="saved-error" role="alert" data-testid="saved-error">
          {state.error}
        </p>
      )}
      {changes && !changes.identical && (
        <section
          class="changed-since"
          data-testid="changed-since-saved"
          aria-labelledby="changed-since-heading"
        >
          <h3 id="changed-since-heading">Changed since you saved it</h3>
          <ChangesView diff={changes} />
          <button
            type="button"
            onClick={actions.save}
            disabled={saving || state.analysisPending}
            data-testid="save-new-version"
          >
            {saving ? 'Saving…' : 'Save new version'}
          </button>
        </section>
      )}
    </section>
  );
}
