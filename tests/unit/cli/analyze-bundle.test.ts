/**
 * The built CLI end to end, as `npm run analyze` starts it: scripts/build-cli.mjs builds it once into
 * a temporary folder, then each test starts `node analyze.mjs` as a process. Only what an in-process
 * call cannot show is tested here (the build runs, the worker bundle loads its dependencies, exit
 * codes reach the shell, the process ends after a stopped page, the bundle is rebuilt when stale);
 * everything else is in ./analyze.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage } from '../../fixtures/hostile/pages';

/** Generous: a busy machine may take many times longer than an idle one; no test here measures speed. */
const SLOW_MACHINE_MS = 120_000;

const ROOT = resolve(import.meta.dirname, '../../..');
// Inside the project, so that the bundle's imports of jsdom and the other dependencies find node_modules.
mkdirSync(join(ROOT, '.output'), { recursive: true });
const bundle = mkdtempSync(join(ROOT, '.output', 'cli-test-'));
const pages = mkdtempSync(join(tmpdir(), 'scrutiny-cli-bundle-'));
const article = join(pages, 'article.html');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node analyze.mjs ARGS` and waits for the process to end, however it ends. */
function startBundle(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    // --timeout 600: the CLI's own limit per page, raised so that no page times out on a busy machine
    // (a test that passes its own --timeout overrides it: the last one given counts).
    const patientArgs = ['--timeout', '600', ...args];
    execFile(process.execPath, [join(bundle, 'analyze.mjs'), ...patientArgs], (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const buildCli = (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--outdir', bundle, ...args]);

beforeAll(async () => {
  writeFileSync(article, articlePage());
  await buildCli('--if-stale'); // the folder is empty: a missing bundle counts as stale
}, SLOW_MACHINE_MS);
afterAll(() => {
  rmSync(bundle, { recursive: true, force: true });
  rmSync(pages, { recursive: true, force: true });
});

describe('node analyze.mjs', { timeout: SLOW_MACHINE_MS }, () => {
  it('analyzes a page in its worker and prints the JSON, exit 0', async () => {
    const run = await startBundle('--url', 'https://news.example.com/bridge', article);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({
      url: 'https://news.example.com/bridge',
      title: 'Council closes the old bridge for repairs',
      isArticle: true,
    });
  });

  it('a missing file: exit 1 and one line on stderr', async () => {
    const missing = join(pages, 'missing.html');
    expect(await startBundle(missing)).toEqual({
      code: 1,
      stdout: '',
      stderr: `Cannot read ${missing}: no such file.\n`,
    });
  });

  it('a page stopped at --timeout: exit 1, one line, and the process ends', async () => {
    expect(await startBundle('--timeout', '0.001', article)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${article} took longer than 0.001 s to analyze; Scrutiny stopped reading it.\n`,
    });
  });
});

describe('node scripts/build-cli.mjs --if-stale', { timeout: SLOW_MACHINE_MS }, () => {
  it('leaves a bundle newer than its sources alone, and rebuilds one older than them', async () => {
    const entry = join(bundle, 'analyze.mjs');
    const future = new Date('2100-01-01T00:00:00Z');
    for (const built of [entry, join(bundle, 'analyze-worker.mjs')]) utimesSync(built, future, future);
    await buildCli('--if-stale');
    expect(statSync(entry).mtime).toEqual(future);

    const past = new Date('2000-01-01T00:00:00Z');
    utimesSync(entry, past, past);
    await buildCli('--if-stale');
    expect(statSync(entry).mtime.getFullYear()).toBeGreaterThan(2000);
    expect((await startBundle('--help')).code).toBe(0);
  });
});
