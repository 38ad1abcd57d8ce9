/**
 * The panel's side of the library for the shown page: whether the article is saved, what changed since
 * the newest saved copy, "Save article" / "Save new version", and "Export this article". The panel writes
 * the snapshot itself (it holds the extraction and the analysis; the database is the extension's own, as in
 * the background) and tells the other extension pages through the library channel.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SavedArticleActions, SavedArticleState } from '@/components/SavedArticleBar';
import { pageKeys } from '@/lib/annotations/page-keys';
import { pageForFrame } from '@/lib/annotations/page-trust';
import type { AnnotatedPage } from '@/lib/annotations/types';
import type { AnalyzedPage } from '@/lib/extract/types';
import { diffArticles } from '@/lib/library/diff';
import { contentHash, snapshotInputFromPage, type SnapshotInput } from '@/lib/library/snapshot';
import { announceLibraryChange, onLibraryChange } from '@/lib/library/sync';
import type { ExportScope } from '@/lib/export/types';
import type { PanelView } from '@/lib/panel-state';
import { StoreError } from '@/lib/store/errors';
import { findSavedArticle, latestVersion, saveArticle } from '@/lib/store/library';
import type { ScrutinyDatabase } from '@/lib/store/schema';

const INITIAL: SavedArticleState = {
  status: 'checking',
  article: null,
  changes: null,
  message: null,
  error: null,
  analysisPending: true,
};

const SAVE_FAILED = 'Scrutiny could not save this article. Nothing was changed: try again.';
const EXPORT_FAILED = 'Scrutiny could not export this article. Nothing was downloaded or copied: try again.';

/**
 * Which page the shown tab holds, decided here from the address the browser reports; the canonical
 * address the extraction read counts only on the same site (pageForFrame), as in the background.
 */
export async function identifyPage(tabId: number, page: AnalyzedPage): Promise<AnnotatedPage | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url) return null;
    const claimedCanonical = page.url && page.url !== tab.url ? page.url : null;
    return pageForFrame({ url: tab.url, canonicalUrl: claimedCanonical, title: page.title }, tab.url);
  } catch {
    return null;
  }
}

function snapshotOf(view: Extract<PanelView, { kind: 'result' }>, identity: AnnotatedPage): SnapshotInput {
  const analysis =
    view.analysis.state === 'done' && view.page.glance
      ? { quotes: view.page.quotes, sources: view.page.sources, glance: view.page.glance }
      : null;
  const page = { ...view.page, url: identity.url };
  return snapshotInputFromPage(page, identity.canonicalUrl, analysis);
}

export function useSavedArticle(
  db: ScrutinyDatabase,
  view: PanelView,
): [SavedArticleState, SavedArticleActions] {
  const [state, setState] = useState<SavedArticleState>(INITIAL);
  const result = view.kind === 'result' ? view : null;
  const identity = useRef<AnnotatedPage | null>(null);
  // Each check gets a number; the answer to an older one (another page, an older analysis) is dropped.
  const latestCheck = useRef(0);
  const analysisPending = result ? result.analysis.state === 'running' : true;

  const check = useCallback(async () => {
    if (!result) return;
    const ticket = ++latestCheck.current;
    const current = () => ticket === latestCheck.current;
    const page = identity.current ?? (await identifyPage(result.tabId, result.page));
    if (!current()) return;
    identity.current = page;
    if (!page) {
      setState((state) => ({ ...state, status: 'not-saved', article: null, changes: null }));
      return;
    }
    try {
      const article = await findSavedArticle(db, pageKeys(page));
      if (!current()) return;
      if (!article) {
        setState((state) => ({ ...state, status: 'not-saved', article: null, changes: null }));
        return;
      }
      setState((state) => ({ ...state, status: 'saved', article }));
      // Compare once the quotes are known, so a changed quote is reported too.
      if (result.analysis.state === 'running') return;
      const newest = await latestVersion(db, article.id);
      if (!current() || !newest) return;
      const live = snapshotOf(result, page);
      const changed = (await contentHash(live)) !== newest.contentHash;
      const changes = changed ? diffArticles(newest, live) : null;
      if (current()) setState((state) => ({ ...state, changes }));
    } catch (error) {
      if (current())
        setState((state) => ({
          ...state,
          status: 'not-saved',
          error: error instanceof StoreError ? error.message : SAVE_FAILED,
        }));
    }
  }, [db, result?.tabId, result?.page, result?.analysis.state]);

  // A new page in the tab: start over.
  useEffect(() => {
    identity.current = null;
    latestCheck.current++;
    setState({ ...INITIAL, status: result ? 'checking' : 'not-saved' });
  }, [result?.tabId, result?.page.url, result?.page.article.text]);

  useEffect(() => {
    setState((state) => ({ ...state, analysisPending }));
    void check();
  }, [check, analysisPending]);

  // Saved, changed or deleted from another window or the library: look again.
  useEffect(
    () =>
      onLibraryChange((change) => {
        if (!change.tables.includes('articles') || !identity.current) return;
        const keys = new Set(pageKeys(identity.current));
        if (change.pageKeys.length === 0 || change.pageKeys.some((key) => keys.has(key))) void check();
      }),
    [check],
  );

  const save = useCallback(() => {
    if (!result) return;
    void (async () => {
      setState((state) => ({ ...state, status: 'saving', message: null, error: null }));
      const page = identity.current ?? (await identifyPage(result.tabId, result.page));
      if (!page) {
        setState((state) => ({ ...state, status: 'not-saved', error: SAVE_FAILED }));
        return;
      }
      try {
        const outcome = await saveArticle(db, snapshotOf(result, page));
        announceLibraryChange({
          tables: ['articles'],
          ids: [outcome.article.id],
          pageKeys: outcome.article.pageKeys,
        });
        const message =
          outcome.status === 'unchanged'
            ? 'Nothing changed since you saved it.'
            : outcome.status === 'new-version'
              ? `Saved as version ${outcome.article.versionCount}.`
              : 'Saved to your library.';
        setState((state) => ({
          ...state,
          status: 'saved',
          article: outcome.article,
          changes: null,
          message,
        }));
      } catch (error) {
        setState((state) => ({
          ...state,
          status: state.article ? 'saved' : 'not-saved',
          error: error instanceof StoreError ? error.message : SAVE_FAILED,
        }));
      }
    })();
  }, [db, result]);

  const openLibrary = useCallback(() => {
    const id = state.article?.id;
    const url = `${browser.runtime.getURL('/library.html')}${id ? `#article=${encodeURIComponent(id)}` : ''}`;
    void browser.tabs.create({ url });
  }, [state.article?.id]);

  const exportArticle = useCallback(
    (to: 'download' | 'clipboard') => {
      if (!result) return;
      const articleId = state.article?.id;
      void (async () => {
        setState((current) => ({ ...current, message: null, error: null }));
        const page = identity.current ?? (await identifyPage(result.tabId, result.page));
        // Saved: the article with everything on it; not saved: the page's own notes and clippings.
        const scope: ExportScope | null = articleId
          ? { kind: 'article', articleId }
          : page
            ? { kind: 'page', pageKeys: pageKeys(page) }
            : null;
        try {
          if (!scope) throw new Error('This page has no address to export it by.');
          // Loaded on the first export: the export code (and its schemas) is half the panel's script,
          // which every opening of the panel would otherwise parse before showing the byline.
          const { copyText, downloadFile, makeExport } = await import('../library/transfer');
          const file = await makeExport(db, scope, 'markdown', {
            markdownLayout: 'combined',
            now: new Date(),
          });
          if (to === 'clipboard') await copyText(file);
          else downloadFile(file);
          const message =
            to === 'clipboard'
              ? 'Copied this article as Markdown.'
              : `Exported “${file.name}” to your downloads.`;
          setState((current) => ({ ...current, message }));
        } catch (error) {
          setState((current) => ({
            ...current,
            error: error instanceof StoreError ? error.message : EXPORT_FAILED,
          }));
        }
      })();
    },
    [db, result, state.article?.id],
  );

  return [state, { save, openLibrary, exportArticle }];
}
