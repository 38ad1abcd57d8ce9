import { describe, expect, it } from 'vitest';
import { BackgroundAnalyses } from '@/lib/background-analyses';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** BackgroundAnalyses over analyses the test finishes one by one. */
function setUp() {
  const pending = new Map<number, ReturnType<typeof deferred<string | null>>>();
  const started: number[] = [];
  const kept = new Map<number, string>();
  const failures: unknown[] = [];
  const analyses = new BackgroundAnalyses<string>({
    analyze: (tabId) => {
      started.push(tabId);
      const work = deferred<string | null>();
      pending.set(tabId, work);
      return work.promise;
    },
    known: (tabId) => kept.has(tabId),
    keep: (tabId, result) => kept.set(tabId, result),
    failed: (error) => failures.push(error),
  });
  return { analyses, pending, started, kept, failures };
}

describe('BackgroundAnalyses', () => {
  it('analyses one tab at a time, in the order they finished loading, and keeps each result', async () => {
    const { analyses, pending, started, kept } = setUp();
    analyses.schedule(1);
    analyses.schedule(2);
    await settle();
    expect(started).toEqual([1]);
    pending.get(1)!.resolve('page one');
    await settle();
    expect(started).toEqual([1, 2]);
    pending.get(2)!.resolve('page two');
    await settle();
    expect([...kept]).toEqual([
      [1, 'page one'],
      [2, 'page two'],
    ]);
  });

  it('drops the analysis of a page the tab navigated away from meanwhile', async () => {
    const { analyses, pending, kept } = setUp();
    analyses.schedule(1);
    await settle();
    analyses.navigated(1);
    pending.get(1)!.resolve('the old page');
    await settle();
    expect(kept.has(1)).toBe(false);
  });

  it('does not start on a tab the foreground analysed first, nor overwrite it', async () => {
    const { analyses, pending, started, kept } = setUp();
    analyses.schedule(1);
    analyses.schedule(2);
    kept.set(2, 'foreground');
    await settle();
    pending.get(1)!.resolve('page one');
    await settle();
    expect(started).toEqual([1]);
    expect(kept.get(2)).toBe('foreground');

    analyses.schedule(3);
    await settle();
    kept.set(3, 'foreground');
    pending.get(3)!.resolve('background');
    await settle();
    expect(kept.get(3)).toBe('foreground');
  });

  it('lets a switch wait for the analysis under way, not for one still queued', async () => {
    const { analyses, pending, kept } = setUp();
    analyses.schedule(1);
    analyses.schedule(2);
    await settle();
    const running = analyses.runningFor(1);
    expect(running).toBeInstanceOf(Promise);
    expect(analyses.runningFor(2)).toBeUndefined();
    let over = false;
    void running!.then(() => (over = true));
    await settle();
    expect(over).toBe(false);
    pending.get(1)!.resolve('page one');
    await settle();
    expect(over).toBe(true);
    expect(kept.get(1)).toBe('page one');
    expect(analyses.runningFor(1)).toBeUndefined();
  });

  it('keeps going after an analysis fails, and settles the switch waiting on it', async () => {
    const { analyses, pending, started, kept, failures } = setUp();
    analyses.schedule(1);
    analyses.schedule(2);
    await settle();
    const running = analyses.runningFor(1)!;
    pending.get(1)!.reject(new Error('the page went away'));
    await running;
    await settle();
    expect(failures).toHaveLength(1);
    expect(started).toEqual([1, 2]);
    pending.get(2)!.resolve(null);
    await settle();
    expect(kept.size).toBe(0);
  });
});
