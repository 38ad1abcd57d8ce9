/**
 * A browser that dies in the middle of saving a large article leaves the library as it was before the
 * save or as it is after it, never in between: the Chromium process is killed (SIGKILL, no chance to
 * tidy up) right after the reader clicks "Save new version", then started again on the same profile.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Browser } from '@wxt-dev/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { articlePage, articleParagraphs } from '../fixtures/hostile/pages';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  TEST_BUILD,
  browserAvailable,
  temporaryProfile,
  loadExtensionArgs,
} from './browsers';

declare const chrome: typeof Browser;

const available = browserAvailable(CHROMIUM_PATH, 'Chromium');
const PATH = '/news/long-read';

describe.skipIf(!available)('Chromium: a save cut short', () => {
  let server: FixtureServer;
  let profile: ReturnType<typeof temporaryProfile>;

  beforeAll(async () => {
    server = await startFixtureServer();
    profile = temporaryProfile('scrutiny-crash-');
  });

  afterAll(async () => {
    await server?.close();
    profile?.remove();
  });

  async function launch(): Promise<{ context: BrowserContext; extensionId: string }> {
    const context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...loadExtensionArgs(TEST_BUILD.chrome)],
    });
    await context.route(/^(?!http:\/\/127\.0\.0\.1:|chrome-extension:|chrome:|about:|data:)/, (route) =>
      route.abort(),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, extensionId: new URL(worker.url()).host };
  }

  /** What the library's database holds, read with plain IndexedDB from an extension page. */
  const readLibrary = (page: Page) =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('scrutiny');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      const articles = await all<{ id: string; versionCount: number; latestVersionId: string }>('articles');
      const versions = await all<{ id: string; articleId: string; text: string }>('articleVersions');
      db.close();
      return {
        articles: articles.map(({ id, versionCount, latestVersionId }) => ({
          id,
          versionCount,
          latestVersionId,
        })),
        versions: versions.map(({ id, articleId, text }) => ({
          id,
          articleId,
          edited: text.includes('EDITED'),
        })),
      };
    });

  it('leaves the old or the new state, whole', async () => {
    const paragraphs = articleParagraphs(1500);
    server.route(PATH, articlePage({ title: 'A very long read', body: paragraphs }));
    let { context, extensionId } = await launch();
    const article = await context.newPage();
    await article.goto(server.url(PATH));
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const tabId = await panel.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      return tab!.id!;
    }, article.url());
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('save-article').click({ timeout: 60_000 });
    await expect.poll(() => panel.getByTestId('saved-status').count(), { timeout: 60_000 }).toBe(1);

    // The outlet edits the long read; the reader saves the new version and the browser dies at once.
    server.route(
      PATH,
      articlePage({ title: 'A very long read', body: paragraphs.replace('<p>', '<p>EDITED ') }),
    );
    await article.reload();
    await panel.getByTestId('save-new-version').click({ timeout: 60_000 });
    execFileSync('pkill', ['-KILL', '-f', profile.dir]);
    await context.close().catch(() => undefined);

    ({ context, extensionId } = await launch());
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    const state = await readLibrary(library);
    expect(state.articles).toHaveLength(1);
    const [saved] = state.articles;
    const versions = state.versions.filter((version) => version.articleId === saved!.id);
    // Old state: one version, not edited. New state: two, the newest edited. Nothing in between.
    expect([1, 2]).toContain(versions.length);
    expect(saved!.versionCount).toBe(versions.length);
    const newest = versions.find((version) => version.id === saved!.latestVersionId);
    expect(newest?.edited).toBe(versions.length === 2);
    // The library opens on it and counts it.
    await expect.poll(() => library.getByTestId('count-articles').textContent()).toBe('1 saved article');
    await context.close();
  });
});
