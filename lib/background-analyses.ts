/**
 * The panel's analyses of tabs the reader is not looking at: a tab of the panel's window that finishes
 * loading is analysed at once, so that switching to it shows the analysis without waiting for the page's
 * capture. One at a time, never beside each other; a tab that started loading another page meanwhile,
 * or got analysed in the foreground first, keeps what the foreground knows.
 */
export interface BackgroundWork<T> {
  /** The whole analysis of a tab; null when there is nothing to keep (no access, not a page). */
  analyze(tabId: number): Promise<T | null>;
  /** Whether the foreground already holds an analysis of the tab's current page. */
  known(tabId: number): boolean;
  keep(tabId: number, result: T): void;
  /** Told of a failure; the next background analysis still runs. */
  failed?(error: unknown): void;
}

export class BackgroundAnalyses<T> {
  private queue: Promise<void> = Promise.resolve();
  private readonly navigations = new Map<number, number>();
  private readonly running = new Map<number, Promise<void>>();

  constructor(private readonly work: BackgroundWork<T>) {}

  /** The tab started loading a page (or closed): whatever is under way for it is stale. */
  navigated(tabId: number): void {
    this.navigations.set(tabId, (this.navigations.get(tabId) ?? 0) + 1);
  }

  /** Analyse the tab once the analyses before it are done. */
  schedule(tabId: number): void {
    const navigation = this.navigations.get(tabId) ?? 0;
    const stale = () => (this.navigations.get(tabId) ?? 0) !== navigation || this.work.known(tabId);
    this.queue = this.queue
      .then(async () => {
        if (stale()) return;
        let finished = () => undefined as void;
        this.running.set(tabId, new Promise<void>((resolve) => (finished = resolve)));
        try {
          const result = await this.work.analyze(tabId);
          if (result !== null && !stale()) this.work.keep(tabId, result);
        } finally {
          this.running.delete(tabId);
          finished();
        }
      })
      .catch((error: unknown) => this.work.failed?.(error));
  }

  /**
   * Settles when the tab's analysis, now under way, is over (kept or not); undefined when none is
   * running (a queued one is not waited for: the foreground is quicker than the queue).
   */
  runningFor(tabId: number): Promise<void> | undefined {
    return this.running.get(tabId);
  }
}
