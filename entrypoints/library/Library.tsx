/**
 * The library page: every saved article, clipping, highlight and note, searchable as the reader types,
 * filtered and sorted, grouped into collections, with bulk actions that can be undone and a reading view
 * of each saved copy. The catalog (records + search index) lives in a worker; this page only asks it for
 * the rows on screen, and writes through lib/store, announcing each change to every extension page.
 */
import { lazy, Suspense } from 'preact/compat';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LibraryList, loadingStatus, mergeRows } from '@/components/library/LibraryList';
import { CollectionsPane, type CollectionActions } from '@/components/library/CollectionsPane';
import { FiltersPane } from '@/components/library/FiltersPane';
import { BulkBar } from '@/components/library/BulkBar';
import { StorageFacts, type StorageEstimate } from '@/components/library/StorageFacts';
import { ExportDialog, type ExportScopeChoice } from '@/components/library/ExportDialog';
import { ImportDialog } from '@/components/library/ImportDialog';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import type { ExportScope } from '@/lib/export/types';
import { askStore } from '../annotator/store-client';
import { readAnnotationMessage } from '@/lib/annotations/messages';
import { articleRow, type LibraryQuery, type LibraryRow, type LoadProgress } from '@/lib/library/catalog';
import type { LibraryItemKind } from '@/lib/library/search';
import { announceLibraryChange } from '@/lib/library/sync';
import type { Annotation } from '@/lib/annotations/types';
import type { ArticleSnapshot, Collection, SavedArticle } from '@/lib/library/types';
// From the store's modules, not its index: the index also carries the import code (and zod), which the
// list does not need before its first rows.
import { listAnnotationsForPage } from '@/lib/store/annotations';
import { StoreError } from '@/lib/store/errors';
import {
  createCollection,
  deleteArticles,
  deleteClippings,
  deleteCollection,
  getSavedArticle,
  listArticlesPage,
  listCollections,
  listVersions,
  mergeCollections,
  moveToCollection,
  renameCollection,
  restoreArticles,
  restoreClippings,
  restoreCollection,
  setArticleTags,
  setClippingTags,
  type DeletedArticles,
  type DeletedCollection,
} from '@/lib/store/library';
import { firstScreenCopy } from '@/lib/library/first-screen';
import { keepFirstScreenCopy, openLibraryWriter, readFirstScreenCopy } from './first-screen-copy';
import type { CatalogAnswer, CatalogRequest, CatalogSummary } from './protocol';

/** Every read of the first screen below begins after this: a write since makes a kept copy stale. */
const readSince = Date.now();
const db = openLibraryWriter();
const PAGE = 60;
/** The worker starts after the first rows are on screen, or after this long without them. */
const WORKER_START_AT_LATEST_MS = 3_000;
const UNEXPECTED = 'Something went wrong in Scrutiny’s storage. Nothing was changed: try again.';

interface Undo {
  label: string;
  run(): Promise<void>;
}

interface OpenArticle {
  article: SavedArticle;
  versions: ArticleSnapshot[];
  highlights: Annotation[];
}

const articleIdFromHash = () => {
  const match = /^#article=([\w-]+)$/.exec(location.hash);
  return match ? match[1]! : null;
};

/** The first screen as the last open read it, shown while the database opens (it takes longest). */
const keptFirstScreen = readFirstScreenCopy();

/**
 * Until the worker has the whole catalog (a minute on a large library), the list shows the saved
 * articles newest first, read straight from the database a screen at a time. The first screen is asked
 * for as soon as this module runs, before anything renders, and the worker starts only once it is on
 * screen: its opening reads every record, and would otherwise hold the database while the page waits.
 */
const firstScreen: Promise<SavedArticle[]> = db
  .open()
  .then(() => {
    performance.mark('scrutiny-library-db-open');
    return listArticlesPage(db, { sort: 'savedAt', offset: 0, limit: PAGE });
  })
  .then((articles) => {
    performance.mark('scrutiny-library-first-screen-read');
    return articles;
  });

/**
 * Export and import (the exporters, zod's schemas, fflate) load when the reader first uses them: they are
 * more than a third of the page's code, and the first rows wait for every module the page imports.
 */
const transfer = () => import('./transfer');

const rowsOf = (articles: SavedArticle[]) => articles.map((article) => articleRow(article));

/**
 * The reading view (DOMPurify, re-anchoring, the diff, the highlights' styles) loads when an article is
 * opened, not with the list: the page's first rows wait for less code.
 */
const ReaderView = lazy(async () => {
  const [reader, { HIGHLIGHT_CSS }, { PASSAGE_HIGHLIGHT_CSS }] = await Promise.all([
    import('@/components/library/ReaderView'),
    import('@/lib/annotator/highlighter'),
    import('@/lib/anchor/flash'),
  ]);
  // The reader's highlights on saved copies are drawn with the same colours as in the pages.
  const highlightStyle = document.createElement('style');
  highlightStyle.textContent = `${HIGHLIGHT_CSS}\n${PASSAGE_HIGHLIGHT_CSS}`;
  document.head.append(highlightStyle);
  return { default: reader.ReaderView };
});

const errorMessage = (error: unknown) => (error instanceof StoreError ? error.message : UNEXPECTED);

function announceCollectionChange(deleted: DeletedCollection[], targetId?: string) {
  announceLibraryChange({
    tables: ['collections', 'clippings', 'articles'],
    ids: [
      ...deleted.flatMap((item) => [
        item.collection.id,
        ...item.clippings.map((clipping) => clipping.id),
        ...item.articleIds,
      ]),
      ...(targetId ? [targetId] : []),
    ],
    pageKeys: [],
  });
}

export function Library() {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [summary, setSummary] = useState<CatalogSummary | null>(null);
  // The collections straight from the database, so that moving selected items never waits for the
  // catalog's summary (which comes once every item is loaded and indexed); the summary's take over.
  const [storedCollections, setStoredCollections] = useState<Collection[]>([]);
  useEffect(() => {
    listCollections(db)
      .then(setStoredCollections)
      .catch(() => undefined);
  }, []);
  const [loading, setLoading] = useState(true);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  /** Set once the database's first screen is on screen (or there is none to show): the worker may start. */
  const [workerWanted, setWorkerWanted] = useState(false);
  /** Set once the database's own first screen is read (a kept copy may have shown before). */
  const [firstScreenRead, setFirstScreenRead] = useState(false);
  const [query, setQuery] = useState<LibraryQuery>({ text: '', filters: {}, sort: 'saved' });
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<Map<number, LibraryRow>>(new Map());
  const [resultKey, setResultKey] = useState(0);
  const [selected, setSelected] = useState<Map<string, LibraryItemKind>>(new Map());
  const [undo, setUndo] = useState<Undo | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [storage, setStorage] = useState<StorageEstimate | null>(null);
  const pendingIds = useRef(new Map<number, (items: { id: string; kind: LibraryItemKind }[]) => void>());
  const resultSeq = useRef(0);
  /** The Export dialog's choices while it is open; the Import dialog's file text once read. */
  const [exporting, setExporting] = useState<ExportScopeChoice[] | null>(null);
  const [importing, setImporting] = useState(false);
  const importFile = useRef('');

  const send = useCallback((request: CatalogRequest) => worker.current?.postMessage(request), []);

  /**
   * Rows are fetched one request at a time, and only the latest window the list asked for: while the
   * reader flings through the list, the windows it passed are never fetched. From the database until the
   * worker is ready, from the worker after.
   */
  const rowRequests = useRef({
    wanted: null as { offset: number; limit: number } | null,
    busy: false,
    fromWorker: false,
    /** Bumped when the rows from the database give way to the worker's. */
    generation: 0,
  });
  const fetchRows = useCallback(() => {
    const state = rowRequests.current;
    if (state.busy || !state.wanted) return;
    const { offset, limit } = state.wanted;
    state.wanted = null;
    state.busy = true;
    if (state.fromWorker) return send({ type: 'rows', seq: resultSeq.current, offset, limit });
    const generation = state.generation;
    void listArticlesPage(db, { sort: 'savedAt', offset, limit })
      .then(
        (articles) => {
          if (generation === state.generation)
            setRows((current) => mergeRows(current, offset, rowsOf(articles)));
        },
        () => undefined,
      )
      .finally(() => {
        if (generation !== state.generation) return;
        state.busy = false;
        fetchRows();
      });
  }, [send]);

  // The first screen, read as the module loaded (a layout effect: no frame lost before listening). The
  // copy kept from the last open, if still current, shows until the database's own rows replace it.
  useLayoutEffect(() => {
    let cancelled = false;
    let read = false;
    let shownFromCopy = false;
    // Should the database keep the first screen waiting (another tab upgrading it), the worker starts anyway.
    const fallback = setTimeout(() => setWorkerWanted(true), WORKER_START_AT_LATEST_MS);
    void keptFirstScreen.then((copy) => {
      if (cancelled || read || !copy) return;
      shownFromCopy = true;
      setRows(mergeRows(new Map(), 0, copy.rows));
      setTotal(copy.total);
    });
    firstScreen.then(
      (articles) => {
        if (cancelled) return;
        read = true;
        const fromWorker = rowRequests.current.fromWorker;
        if (articles.length === 0) {
          if (shownFromCopy && !fromWorker) {
            setRows(new Map());
            setTotal(0);
          }
          return setWorkerWanted(true);
        }
        const fresh = rowsOf(articles);
        if (!fromWorker)
          setRows((current) => (shownFromCopy || !current.size ? mergeRows(new Map(), 0, fresh) : current));
        setFirstScreenRead(true);
        setTotal((current) => current || articles.length);
        // Counting walks every key: asked for only once the first screen is read.
        void db.articles.count().then(
          (count) => {
            keepFirstScreenCopy(firstScreenCopy(readSince, count, fresh));
            if (!cancelled && !rowRequests.current.fromWorker) setTotal(count);
          },
          () => undefined,
        );
      },
      () => !cancelled && setWorkerWanted(true),
    );
    return () => {
      cancelled = true;
      clearTimeout(fallback);
    };
  }, []);

  // Once the first rows are on screen: the mark `npm run bench -- --only library` waits for. The worker
  // starts after the frame that shows the database's own first screen, not a kept copy: its opening reads
  // every record, and would hold the database while the page waits for that screen.
  const painted = useRef(false);
  useLayoutEffect(() => {
    if (painted.current || rows.size === 0) return;
    painted.current = true;
    requestAnimationFrame(() => performance.mark('scrutiny-library-painted'));
  }, [rows]);
  useLayoutEffect(() => {
    if (firstScreenRead) requestAnimationFrame(() => setTimeout(() => setWorkerWanted(true), 0));
  }, [firstScreenRead]);

  // The worker's catalog: every item, searchable; it takes over the list when ready.
  useEffect(() => {
    if (!workerWanted) return;
    const started = new Worker(browser.runtime.getURL('/catalog-worker.js'));
    worker.current = started;
    const state = rowRequests.current;
    started.onmessage = (event: MessageEvent<CatalogAnswer>) => {
      const answer = event.data;
      switch (answer.type) {
        case 'progress':
          setProgress({ phase: answer.phase, done: answer.done, total: answer.total });
          return;
        case 'ready':
        case 'changed':
          if (answer.type === 'ready') {
            performance.mark('scrutiny-library-ready');
            state.fromWorker = true;
            state.generation++;
            state.busy = false;
          }
          setLoading(false);
          setSummary(answer);
          setTotal(answer.total);
          setRows(new Map());
          return;
        case 'result':
          if (answer.seq !== resultSeq.current) return;
          setTotal(answer.total);
          setRows(new Map());
          setResultKey(answer.seq);
          return;
        case 'rows':
          state.busy = false;
          if (answer.seq >= resultSeq.current)
            setRows((current) => mergeRows(current, answer.offset, answer.rows));
          fetchRows();
          return;
        case 'ids':
          pendingIds.current.get(answer.seq)?.(answer.items);
          pendingIds.current.delete(answer.seq);
          return;
        case 'error':
          state.busy = false;
          setLoading(false);
          setMessage({ text: answer.message, tone: 'error' });
          return;
      }
    };
    // Highlights and notes changed in a page or the panel: the background tells the extension's pages.
    const onRuntime = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only the background announces changes; content scripts' messages carry their tab.
      if (sender.tab) return;
      const message = readAnnotationMessage(raw, sender, browser.runtime.id);
      if (message?.type === 'scrutiny/annotations-changed')
        send({ type: 'pages-changed', pageKeys: message.pageKeys });
    };
    browser.runtime.onMessage.addListener(onRuntime);
    return () => {
      started.terminate();
      browser.runtime.onMessage.removeListener(onRuntime);
    };
  }, [workerWanted, send, fetchRows]);

  // Results as the reader types: every change of the query is sent at once; older answers are dropped.
  useEffect(() => {
    if (loading) return;
    const ticket = ++seq.current;
    resultSeq.current = ticket;
    send({ type: 'query', seq: ticket, query });
  }, [query, loading, send]);

  const requestRows = useCallback(
    (offset: number, limit: number) => {
      rowRequests.current.wanted = { offset, limit };
      fetchRows();
    },
    [fetchRows],
  );

  const refreshStorage = useCallback(() => {
    void (async () => {
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
      setStorage({ usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted });
    })();
  }, []);
  useEffect(refreshStorage, [refreshStorage, summary]);

  // The reading view follows the address (#article=id), so Back works and the panel can link to it.
  const openFromHash = useCallback(async () => {
    const id = articleIdFromHash();
    if (!id) return setOpen(null);
    try {
      const article = await getSavedArticle(db, id);
      if (!article) {
        setMessage({ text: 'This article is no longer in your library.', tone: 'error' });
        return setOpen(null);
      }
      const [versions, notes] = await Promise.all([
        listVersions(db, id),
        listAnnotationsForPage(db, article.pageKeys),
      ]);
      setOpen({ article, versions, highlights: notes.highlights });
    } catch (error) {
      setMessage({ text: errorMessage(error), tone: 'error' });
    }
  }, []);
  useEffect(() => {
    void openFromHash();
    const listener = () => void openFromHash();
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, [openFromHash]);
  // A new version saved in another window while the reader has the article open.
  useEffect(() => {
    if (open && summary) void openFromHash();
  }, [summary]);

  /** Run a write; on success say what happened and offer its undo; on failure say why, nothing changed. */
  const perform = useCallback(async (work: () => Promise<Undo | null>, done?: string) => {
    try {
      const next = await work();
      setUndo(next);
      setMessage(done ? { text: done, tone: 'info' } : null);
    } catch (error) {
      setMessage({ text: errorMessage(error), tone: 'error' });
    }
  }, []);

  const collections = useMemo(
    () => new Map((summary?.facets.collections ?? []).map((collection) => [collection.id, collection])),
    [summary],
  );

  // Stable across renders, so the side panes (memo) are not rendered again while the list scrolls.
  const setFilters = useCallback(
    (change: Partial<LibraryQuery['filters']>) =>
      setQuery((current) => ({ ...current, filters: { ...current.filters, ...change } })),
    [],
  );
  const selectCollection = useCallback(
    (id: string | null) => setFilters({ collectionId: id ?? undefined }),
    [setFilters],
  );

  const collectionActions: CollectionActions = useMemo(
    () => ({
      create: (name) =>
        perform(async () => {
          const collection = await createCollection(db, name);
          announceLibraryChange({ tables: ['collections'], ids: [collection.id], pageKeys: [] });
          return null;
        }, `Collection “${name}” created.`),
      rename: (collection, name) =>
        perform(async () => {
          await renameCollection(db, collection.id, name);
          announceLibraryChange({ tables: ['collections'], ids: [collection.id], pageKeys: [] });
          return null;
        }, `Renamed to “${name}”.`),
      remove: (collection) =>
        perform(async () => {
          const deleted = await deleteCollection(db, collection.id);
          announceCollectionChange([deleted]);
          setQuery((current) =>
            current.filters.collectionId === collection.id
              ? { ...current, filters: { ...current.filters, collectionId: undefined } }
              : current,
          );
          return {
            label: `Collection “${collection.name}” deleted.`,
            run: async () => {
              await restoreCollection(db, deleted);
              announceCollectionChange([deleted]);
            },
          };
        }, `Collection “${collection.name}” deleted; its articles stay in your library.`),
      merge: (sources, target) =>
        perform(async () => {
          const deleted = await mergeCollections(
            db,
            sources.map((source) => source.id),
            target.id,
          );
          announceCollectionChange(deleted, target.id);
          return {
            label: 'Collections merged.',
            run: async () => {
              for (const collection of deleted) await restoreCollection(db, collection);
              announceCollectionChange(deleted, target.id);
            },
          };
        }, `Merged into “${target.name}”.`),
    }),
    [perform],
  );

  const selectedOf = (kind: LibraryItemKind) =>
    [...selected].filter(([, itemKind]) => itemKind === kind).map(([id]) => id);

  /** Every item of the current result, from the worker. */
  const resultIds = () =>
    new Promise<{ id: string; kind: LibraryItemKind }[]>((resolve) => {
      const ticket = ++seq.current;
      pendingIds.current.set(ticket, resolve);
      send({ type: 'ids', seq: ticket });
    });

  const bulk = {
    selectAll: () =>
      void resultIds().then((items) => setSelected(new Map(items.map((item) => [item.id, item.kind])))),
    clear: () => setSelected(new Map()),
    tag: (tag: string) =>
      perform(
        async () => {
          const articleIds = selectedOf('article');
          const clippingIds = selectedOf('clipping');
          const annotationIds = [...selectedOf('highlight'), ...selectedOf('note')];
          await setArticleTags(db, articleIds, [tag]);
          await setClippingTags(db, clippingIds, [tag]);
          const changedAnnotations: Annotation[] = [];
          for (const id of annotationIds) {
            const before = await db.annotations.get(id);
            if (!before || before.body.tags.includes(tag)) continue;
            const response = await askStore(
              { type: 'scrutiny/annotation-update', id, changes: { tags: [...before.body.tags, tag] } },
              UNEXPECTED,
            );
            if (!response.ok) throw new StoreError('unexpected', response.error);
            changedAnnotations.push(before);
          }
          announceLibraryChange({ tables: ['articles'], ids: articleIds, pageKeys: [] });
          announceLibraryChange({ tables: ['clippings'], ids: clippingIds, pageKeys: [] });
          return {
            label: `Tagged #${tag}.`,
            run: async () => {
              await setArticleTags(db, articleIds, [], [tag]);
              await setClippingTags(db, clippingIds, [], [tag]);
              for (const before of changedAnnotations)
                await askStore(
                  { type: 'scrutiny/annotation-update', id: before.id, changes: { tags: before.body.tags } },
                  UNEXPECTED,
                );
              announceLibraryChange({ tables: ['articles'], ids: articleIds, pageKeys: [] });
              announceLibraryChange({ tables: ['clippings'], ids: clippingIds, pageKeys: [] });
            },
          };
        },
        `Tagged ${selected.size} ${selected.size === 1 ? 'item' : 'items'} #${tag}.`,
      ),
    move: (target: Collection) =>
      perform(
        async () => {
          const articleIds = selectedOf('article');
          const clippingIds = selectedOf('clipping');
          const before = {
            clippings: (await db.clippings.bulkGet(clippingIds)).filter(Boolean),
            articles: (await db.articles.bulkGet(articleIds)).filter(Boolean),
          };
          const fromId = query.filters.collectionId ?? null;
          await moveToCollection(db, { articleIds, clippingIds }, target.id, fromId);
          const ids = [...articleIds, ...clippingIds];
          announceLibraryChange({ tables: ['articles', 'clippings'], ids, pageKeys: [] });
          return {
            label: `Moved to “${target.name}”.`,
            run: async () => {
              await db.transaction('rw', [db.articles, db.clippings], async () => {
                for (const article of before.articles)
                  await db.articles.update(article!.id, { collectionIds: article!.collectionIds });
                for (const clipping of before.clippings)
                  await db.clippings.update(clipping!.id, { collectionId: clipping!.collectionId });
              });
              announceLibraryChange({ tables: ['articles', 'clippings'], ids, pageKeys: [] });
            },
          };
        },
        `Moved ${selected.size} ${selected.size === 1 ? 'item' : 'items'} to “${target.name}”.`,
      ),
    remove: () =>
      perform(async () => {
        const articles: DeletedArticles = await deleteArticles(db, selectedOf('article'));
        const clippings = await deleteClippings(db, selectedOf('clipping'));
        const annotations: Annotation[] = [];
        for (const id of [...selectedOf('highlight'), ...selectedOf('note')]) {
          const response = await askStore({ type: 'scrutiny/annotation-delete', id }, UNEXPECTED);
          if (response.ok) annotations.push(...response.annotations);
        }
        const articleIds = articles.articles.map((article) => article.id);
        const clippingIds = clippings.map((clipping) => clipping.id);
        announceLibraryChange({ tables: ['articles'], ids: articleIds, pageKeys: [] });
        announceLibraryChange({ tables: ['clippings'], ids: clippingIds, pageKeys: [] });
        setSelected(new Map());
        const count = articleIds.length + clippingIds.length + annotations.length;
        return {
          label: `${count} ${count === 1 ? 'item' : 'items'} deleted.`,
          run: async () => {
            await restoreArticles(db, articles);
            await restoreClippings(db, clippings);
            for (const annotation of annotations)
              await askStore({ type: 'scrutiny/annotation-restore', annotation }, UNEXPECTED);
            announceLibraryChange({ tables: ['articles'], ids: articleIds, pageKeys: [] });
            announceLibraryChange({ tables: ['clippings'], ids: clippingIds, pageKeys: [] });
          },
        };
      }, 'Deleted.'),
  };

  const openExport = async () => {
    const choices: ExportScopeChoice[] = [];
    const single = (key: string, label: string, scope: ExportScope) =>
      choices.push({ key, label, options: [{ label, scope }] });
    if (open)
      single('article', `This article: ${open.article.title || open.article.url}`, {
        kind: 'article',
        articleId: open.article.id,
      });
    if (!open && selected.size > 0)
      single('selected', `The ${selected.size.toLocaleString()} selected items`, {
        kind: 'items',
        ids: [...selected.keys()],
      });
    if (!open && (query.text || Object.values(query.filters).some(Boolean))) {
      const items = await resultIds();
      single('result', `The current search result (${items.length.toLocaleString()} items)`, {
        kind: 'items',
        ids: items.map((item) => item.id),
      });
    }
    const allCollections = summary?.facets.collections ?? [];
    if (allCollections.length)
      choices.push({
        key: 'collection',
        label: 'A collection',
        options: allCollections.map((collection) => ({
          label: collection.name,
          scope: { kind: 'collection', collectionId: collection.id },
        })),
        initial: Math.max(
          0,
          allCollections.findIndex((collection) => collection.id === query.filters.collectionId),
        ),
      });
    const tags = summary?.facets.tags ?? [];
    if (tags.length)
      choices.push({
        key: 'tag',
        label: 'A tag',
        options: tags.map((tag) => ({ label: `#${tag}`, scope: { kind: 'tag', tag } })),
        initial: Math.max(0, tags.indexOf(query.filters.tag ?? '')),
      });
    single('everything', 'Everything', { kind: 'everything' });
    setExporting(choices);
  };

  const exportDialog = exporting && (
    <ExportDialog
      scopes={exporting}
      formats={EXPORT_FORMATS}
      onExport={async ({ scope, format, markdownLayout, onProgress, signal }) => {
        const { makeExport, downloadFile } = await transfer();
        const file = await makeExport(db, scope, format, {
          markdownLayout,
          now: new Date(),
          onProgress,
          signal,
        });
        downloadFile(file);
        return file.name;
      }}
      onCopy={async (scope) => {
        const { makeExport, copyText } = await transfer();
        return copyText(
          await makeExport(db, scope, 'markdown', { markdownLayout: 'combined', now: new Date() }),
        );
      }}
      onClose={() => setExporting(null)}
    />
  );

  const exportButton = (
    <button type="button" class="secondary" onClick={() => void openExport()} data-testid="library-export">
      Export
    </button>
  );

  const onToggle = useCallback((row: LibraryRow, on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(row.id, row.kind);
      else next.delete(row.id);
      return next;
    });
  }, []);

  const onOpen = useCallback((row: LibraryRow) => {
    if (row.articleId) location.hash = `article=${row.articleId}`;
  }, []);

  const runUndo = () => {
    const current = undo;
    if (!current) return;
    setUndo(null);
    void perform(async () => {
      await current.run();
      return null;
    }, 'Undone.');
  };

  if (open) {
    return (
      <main class="library library-reading">
        <div class="library-transfer">{exportButton}</div>
        {exportDialog}
        <Suspense fallback={<p class="library-count">Opening the saved copy…</p>}>
          <ReaderView
            article={open.article}
            versions={open.versions}
            highlights={open.highlights}
            onClose={() => {
              history.pushState(null, '', location.pathname);
              setOpen(null);
            }}
          />
        </Suspense>
      </main>
    );
  }

  return (
    <main class="library">
      <header class="library-header">
        <h1 class="brand">Scrutiny library</h1>
        <input
          type="search"
          class="library-search"
          aria-label="Search"
          placeholder="Search articles, quotes, people, notes and clippings"
          value={query.text}
          onInput={(event) => setQuery((current) => ({ ...current, text: event.currentTarget.value }))}
          data-testid="library-search"
        />
        <label class="library-sort">
          Sort by{' '}
          <select
            value={query.sort}
            onChange={(event) =>
              setQuery((current) => ({
                ...current,
                sort: event.currentTarget.value as LibraryQuery['sort'],
              }))
            }
            data-testid="library-sort"
          >
            <option value="saved">Date saved</option>
            <option value="published">Date published</option>
            <option value="relevance">Relevance</option>
          </select>
        </label>
        <div class="library-transfer">
          {exportButton}
          <button
            type="button"
            class="secondary"
            onClick={() => setImporting(true)}
            data-testid="library-import"
          >
            Import
          </button>
        </div>
      </header>
      {exportDialog}
      {importing && (
        <ImportDialog
          onRead={async (file) => {
            importFile.current = await file.text();
            const { previewImport } = await transfer();
            return previewImport(db, importFile.current);
          }}
          onImport={async (mode) => (await transfer()).sendImport(importFile.current, mode)}
          onClose={() => {
            importFile.current = '';
            setImporting(false);
          }}
        />
      )}
      <div class="library-columns">
        <aside class="library-side">
          <CollectionsPane
            collections={summary?.facets.collections ?? []}
            sizes={summary?.sizes ?? {}}
            current={query.filters.collectionId ?? null}
            onSelect={selectCollection}
            actions={collectionActions}
          />
          <FiltersPane filters={query.filters} facets={summary?.facets ?? null} onChange={setFilters} />
          <StorageFacts counts={summary?.counts ?? null} storage={storage} />
        </aside>
        <section class="library-main" aria-label="Items">
          <p class="library-count" role="status" data-testid="library-count">
            {loading
              ? loadingStatus(progress, rows.size > 0)
              : `${total.toLocaleString()} ${total === 1 ? 'item' : 'items'}${query.text ? ` match “${query.text}”` : ''}`}
          </p>
          {message && (
            <p
              class={message.tone === 'error' ? 'library-message error' : 'library-message'}
              role={message.tone === 'error' ? 'alert' : 'status'}
              data-testid="library-message"
            >
              {message.text}{' '}
              {undo && message.tone === 'info' && (
                <button type="button" class="secondary" onClick={runUndo} data-testid="library-undo">
                  Undo
                </button>
              )}
            </p>
          )}
          <BulkBar
            count={selected.size}
            total={total}
            collections={summary?.facets.collections ?? storedCollections}
            onSelectAll={bulk.selectAll}
            onClear={bulk.clear}
            onTag={(tag) => void bulk.tag(tag)}
            onMove={(collection) => void bulk.move(collection)}
            onDelete={() => void bulk.remove()}
          />
          {!loading && total === 0 ? (
            <p class="empty" data-testid="library-empty">
              {query.text || Object.values(query.filters).some(Boolean)
                ? 'Nothing in your library matches. Try fewer words or fewer filters.'
                : 'Your library is empty. Save an article or clip a passage from Scrutiny’s panel to keep it here.'}
            </p>
          ) : (
            <LibraryList
              total={total}
              rows={rows}
              requestRows={requestRows}
              selected={new Set(selected.keys())}
              onToggle={onToggle}
              onOpen={onOpen}
              collections={collections}
              resultKey={resultKey}
            />
          )}
        </section>
      </div>
    </main>
  );
}
