/**
 * The library's catalog in a worker of the library page (started as `new Worker('/catalog-worker.js')`):
 * loading every record and building the search index take longer than a frame on a large library, and
 * here they never hold the page. The worker opens the extension's database itself and hears every change
 * on the library channel. Built as an unlisted script, so it is one classic script with no imports.
 */
import { LibraryCatalog, type LibraryQuery } from '@/lib/library/catalog';
import { onLibraryChange } from '@/lib/library/sync';
import { StoreError } from '@/lib/store/errors';
import { openAnnotationStore } from '@/lib/store/schema';
import type { CatalogAnswer, CatalogRequest, CatalogSummary } from './library/protocol';

export default defineUnlistedScript({
  main() {
    const db = openAnnotationStore();
    const post = (answer: CatalogAnswer) => postMessage(answer);
    const LOAD_FAILED = 'Scrutiny could not open your library. Close this tab and open the library again.';

    function summary(catalog: LibraryCatalog): CatalogSummary {
      return {
        counts: catalog.counts(),
        facets: catalog.facets(),
        sizes: catalog.collectionSizes(),
        total: catalog.total,
      };
    }

    const started = performance.now();
    let query: LibraryQuery = { text: '', filters: {}, sort: 'saved' };
    // Every step on the catalog runs after the one before, so a query never sees a half-applied change.
    let catalog: Promise<LibraryCatalog | null> = LibraryCatalog.load(db, {
      onProgress: (progress) => post({ type: 'progress', ...progress }),
    }).then(
      (loaded) => {
        loaded.query(query);
        post({ type: 'ready', ms: Math.round(performance.now() - started), ...summary(loaded) });
        return loaded;
      },
      (error: unknown) => {
        post({ type: 'error', message: error instanceof StoreError ? error.message : LOAD_FAILED });
        return null;
      },
    );

    function then(step: (loaded: LibraryCatalog) => void | Promise<void>): void {
      catalog = catalog.then(async (loaded) => {
        if (!loaded) return null;
        try {
          await step(loaded);
        } catch (error) {
          console.warn('Scrutiny library worker:', error);
        }
        return loaded;
      });
    }

    onLibraryChange((change) =>
      then(async (loaded) => {
        await loaded.refresh(db, change);
        post({ type: 'changed', ...summary(loaded) });
      }),
    );

    self.onmessage = (event: MessageEvent<CatalogRequest>) => {
      const request = event.data;
      switch (request.type) {
        case 'query':
          query = request.query;
          return then((loaded) => post({ type: 'result', seq: request.seq, total: loaded.query(query) }));
        case 'rows':
          return then((loaded) =>
            post({
              type: 'rows',
              seq: request.seq,
              offset: request.offset,
              rows: loaded.rows(request.offset, request.limit),
            }),
          );
        case 'ids':
          return then((loaded) => post({ type: 'ids', seq: request.seq, items: loaded.ids() }));
        case 'pages-changed':
          return then(async (loaded) => {
            await loaded.refreshPages(db, request.pageKeys);
            post({ type: 'changed', ...summary(loaded) });
          });
      }
    };
  },
});
