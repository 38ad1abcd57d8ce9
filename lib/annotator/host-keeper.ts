/**
 * Keeping the annotator's host elements in a page that removes them.
 *
 * The annotator's UI lives in closed shadow roots under a few host elements hung off <html>. Some pages
 * take out whatever they did not make (a MutationObserver that "cleans" the DOM, a framework that
 * re-renders <html>), and a hostile one may do it on purpose. The keeper puts a removed host back, and a
 * restyled one back in shape; when the page removes them again and again, it moves them into a closed
 * shadow root of its own on <body> (the page's content shows through a <slot>, unchanged), where no
 * MutationObserver of the page sees them and no script of the page can reach them. When even that is
 * impossible, it says so once through `blocked`, so the reader is told in plain words.
 */
import type { SafeDom } from './safe-dom';

/** This many removals within REMOVAL_WINDOW_MS and the page is taken to remove the hosts on purpose. */
export const QUICK_REMOVALS = 3;
export const REMOVAL_WINDOW_MS = 2_000;

export interface KeptHost {
  element: HTMLElement;
  /** Put the host's own inline styles back (the page may have changed them). */
  restyle(): void;
}

export class HostKeeper {
  private readonly hosts = new Map<HTMLElement, KeptHost>();
  private observer: MutationObserver | null = null;
  private removals: number[] = [];
  /** The closed shadow root on <body> the hosts moved into, and that body. */
  private shelter: { root: ShadowRoot; body: Element } | null = null;
  private blockedSaid = false;
  private gaveUp = false;

  constructor(
    private readonly window: Window,
    private readonly dom: SafeDom,
    /** Called once when the page keeps the hosts out altogether. */
    private readonly blocked: () => void,
    private readonly shadowMode: ShadowRootMode = 'closed',
    private readonly now: () => number = () => Date.now(),
  ) {}

  private get document(): Document {
    return this.window.document;
  }

  /** Whether the hosts had to move into the shelter on <body>. */
  get sheltered(): boolean {
    return this.shelter !== null;
  }

  /** Put the host into the page and keep it there until `release`. */
  keep(host: KeptHost): void {
    this.hosts.set(host.element, host);
    this.place(host.element);
    this.watch();
  }

  release(element: HTMLElement): void {
    if (!this.hosts.delete(element)) return;
    this.dom.removeChild(element);
    if (this.hosts.size === 0) this.unwatch();
  }

  /** Whether the page has the host where the keeper put it. */
  placed(element: HTMLElement): boolean {
    const parent = this.dom.parentNode(element);
    if (this.shelter) return parent === this.shelter.root && this.dom.isConnected(this.shelter.body);
    return parent !== null && parent === this.dom.documentElement(this.document);
  }

  private place(element: HTMLElement): void {
    if (this.placed(element)) return;
    if (this.shelter && !this.dom.isConnected(this.shelter.body)) this.shelter = null;
    const parent = this.shelter?.root ?? this.dom.documentElement(this.document);
    if (parent) this.dom.appendChild(parent, element);
  }

  private watch(): void {
    if (this.observer) return;
    const Observer = (this.window as Window & typeof globalThis).MutationObserver;
    if (!Observer) return;
    this.observer = new Observer((records) => this.changed(records));
    this.observeTargets();
  }

  private observeTargets(): void {
    if (!this.observer) return;
    this.observer.disconnect();
    // <html> replaced, a host taken out of <html>, <body> replaced under the shelter.
    this.observer.observe(this.document, { childList: true });
    const root = this.dom.documentElement(this.document);
    if (root) this.observer.observe(root, { childList: true });
    for (const element of this.hosts.keys())
      this.observer.observe(element, { attributes: true, attributeFilter: ['style', 'hidden', 'class'] });
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private changed(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'attributes') this.hosts.get(record.target as HTMLElement)?.restyle();
    }
    const missing = [...this.hosts.keys()].filter((element) => !this.placed(element));
    if (missing.length === 0) return;
    if (this.gaveUp) return;
    const now = this.now();
    this.removals = [...this.removals.filter((at) => now - at < REMOVAL_WINDOW_MS), now];
    if (this.removals.length > QUICK_REMOVALS) {
      this.removals = [];
      if (!this.moveToShelter()) {
        this.gaveUp = true;
        this.unwatch();
        if (!this.blockedSaid) {
          this.blockedSaid = true;
          this.blocked();
        }
        return;
      }
    }
    for (const element of missing) this.place(element);
    // <html> may be a new element now.
    this.observeTargets();
  }

  /**
   * Move every host into a closed shadow root on <body>: the page's own children are shown through a
   * <slot>, so its layout and styles do not change, and mutations inside the root are not the page's to see.
   */
  private moveToShelter(): boolean {
    const body = this.dom.body(this.document);
    if (!body) return false;
    if (this.shelter?.body === body && this.dom.isConnected(body)) return true;
    let root: ShadowRoot;
    try {
      root = body.attachShadow({ mode: this.shadowMode });
    } catch {
      // The page has a shadow root on <body> already (or <body> is not a body).
      return false;
    }
    this.dom.appendChild(root, this.dom.createElement(this.document, 'slot'));
    this.shelter = { root, body };
    return true;
  }

  /** Let the hosts go and stop watching (the extension was turned off or updated). */
  destroy(): void {
    this.unwatch();
    for (const element of this.hosts.keys()) this.dom.removeChild(element);
    this.hosts.clear();
  }
}
