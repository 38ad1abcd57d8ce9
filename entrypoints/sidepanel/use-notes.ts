/**
 * The panel's side of the reader's notes for the shown tab: puts the annotator into the page, learns
 * from it which page this is and where its highlights are, lists the page's annotations from the
 * background (which alone writes the database), and keeps all of that current as the page, the other
 * windows and the reader change things.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  parseAnnotationMessage,
  readAnnotationMessage,
  type AnchorReport,
  type AnchorReportRequest,
  type ShowAnnotationRequest,
  type StoreRequest,
  type StoreResponse,
} from '@/lib/annotations/messages';
import { pageKeys } from '@/lib/annotations/page-keys';
import { pageForFrame } from '@/lib/annotations/page-trust';
import type { AnnotationChanges } from '@/lib/store/annotations';
import type { AnnotatedPage, Annotation, HighlightColour } from '@/lib/annotations/types';
import type { NoteEntry } from '@/lib/notes-view-state';
import { injectAnnotator, siteGranted } from '../annotator/inject';
import { askStore } from '../annotator/store-client';
import { takePendingNote } from './pending-note';

export interface NotesState {
  /**
   * The page the tab holds: its address as the browser reports it, with the canonical address the
   * annotator read only on the same site (pageForFrame). Null until the annotator has answered (or when
   * it cannot run there).
   */
  page: AnnotatedPage | null;
  entries: NoteEntry[];
  pageNote: Annotation | null;
  /** Whether highlights come back by themselves on this page's site (the reader granted it). */
  restore: 'automatic' | 'on-open';
  focusedId: string | null;
  undoable: Annotation | null;
  error: string | null;
  /** Counts each click on a highlight in the page, so the panel shows the Notes view every time. */
  focusRequests: number;
}

export interface NotesActions {
  showInPage(id: string): void;
  saveNote(id: string, note: string): void;
  saveTags(id: string, tags: string[]): void;
  setColour(id: string, colour: HighlightColour): void;
  remove(id: string): void;
  undo(): void;
  savePageNote(note: string, tags: string[]): void;
}

const EMPTY: NotesState = {
  page: null,
  entries: [],
  pageNote: null,
  restore: 'on-open',
  focusedId: null,
  undoable: null,
  error: null,
  focusRequests: 0,
};

const STORAGE_UNREACHABLE =
  'Scrutiny could not reach its storage. Close and reopen the panel, then try again.';
const PAGE_GONE = 'The page is not answering; reload it to see your highlights there.';

const ask = (request: StoreRequest) => askStore(request, STORAGE_UNREACHABLE);

/**
 * Which page the tab holds, decided here as the background decides it for the annotator: the address
 * the browser reports for the tab, and the canonical address the annotator reported only when it is
 * on the same site. The annotator runs inside the page, and a page may name another site's article as
 * its canonical address to be shown that article's notes. Null when the tab is gone or has no address.
 */
export async function pageOfTab(tabId: number, reported: AnnotatedPage): Promise<AnnotatedPage | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ? pageForFrame(reported, tab.url) : null;
  } catch {
    return null;
  }
}

/** Each highlight with where the annotator last said it is. */
function entriesFor(annotations: Annotation[], report: AnchorReport | null): NoteEntry[] {
  const order = new Map(report?.anchored.map((id, index) => [id, index]));
  const orphaned = new Set(report?.orphaned);
  return annotations
    .filter((annotation) => annotation.kind === 'highlight')
    .map((annotation) => ({
      annotation,
      status: order.has(annotation.id) ? 'anchored' : orphaned.has(annotation.id) ? 'orphaned' : 'pending',
      order: order.get(annotation.id) ?? null,
    }));
}

/**
 * `permissionsChanged` is anything that changes when the reader grants or withdraws sites (the panel's
 * "all sites" setting), so the restore line is checked again.
 */
export function useNotes(
  tabId: number | null,
  active: boolean,
  permissionsChanged: unknown,
): [NotesState, NotesActions] {
  const [state, setState] = useState<NotesState>(EMPTY);
  const annotations = useRef<Annotation[]>([]);
  const report = useRef<AnchorReport | null>(null);
  const page = useRef<AnnotatedPage | null>(null);
  const shownTab = useRef<number | null>(null);

  const publish = useCallback((change: Partial<NotesState> = {}) => {
    setState((current) => ({
      ...current,
      ...change,
      page: page.current,
      entries: entriesFor(annotations.current, report.current),
      pageNote: annotations.current.find((annotation) => annotation.kind === 'page-note') ?? null,
    }));
  }, []);

  /** Bring a note up in the Notes view (the reader clicked its highlight in the page). */
  const focusNote = useCallback(
    (id: string) =>
      setState((current) => ({ ...current, focusedId: id, focusRequests: current.focusRequests + 1 })),
    [],
  );

  const reload = useCallback(async () => {
    const tab = shownTab.current;
    if (!page.current) return;
    const response = await ask({ type: 'scrutiny/annotations-list', page: page.current });
    if (tab !== shownTab.current) return;
    if (response.ok) annotations.current = response.annotations;
    publish({ error: response.ok ? null : response.error });
  }, [publish]);

  // Each report gets a number; one whose page is identified after a newer report's is dropped.
  const latestReport = useRef(0);
  const takeReport = useCallback(
    async (next: AnchorReport) => {
      const tab = shownTab.current;
      const ticket = ++latestReport.current;
      const identified = tab === null ? null : await pageOfTab(tab, next.page);
      if (tab !== shownTab.current || ticket !== latestReport.current) return;
      const samePage =
        page.current?.url === identified?.url && page.current?.canonicalUrl === identified?.canonicalUrl;
      report.current = next;
      page.current = identified;
      if (samePage) publish();
      else void reload();
    },
    [publish, reload],
  );

  // A new tab (or the same tab with a new page): start over.
  useEffect(() => {
    shownTab.current = tabId;
    annotations.current = [];
    report.current = null;
    page.current = null;
    setState(EMPTY);
    if (tabId === null || !active) return;
    void (async () => {
      if (!(await injectAnnotator(tabId))) return;
      try {
        const request: AnchorReportRequest = { type: 'scrutiny/anchor-report-request' };
        const answer = parseAnnotationMessage(await browser.tabs.sendMessage(tabId, request));
        if (tabId === shownTab.current && answer?.type === 'scrutiny/anchor-report') await takeReport(answer);
        // Opened by a click on a highlight: show that note.
        const pending = await takePendingNote(tabId);
        if (pending && tabId === shownTab.current) focusNote(pending);
      } catch {
        if (tabId === shownTab.current) publish({ error: PAGE_GONE });
      }
    })();
  }, [tabId, active, publish, takeReport, focusNote]);

  useEffect(() => {
    const url = state.page?.url;
    if (!url) return;
    void siteGranted(url).then((granted) =>
      setState((current) =>
        current.page?.url === url ? { ...current, restore: granted ? 'automatic' : 'on-open' } : current,
      ),
    );
  }, [state.page?.url, permissionsChanged]);

  useEffect(() => {
    const listener = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      const message = readAnnotationMessage(raw, sender, browser.runtime.id);
      const fromShownTab = sender.tab?.id !== undefined && sender.tab.id === shownTab.current;
      if (message?.type === 'scrutiny/anchor-report' && fromShownTab) void takeReport(message);
      else if (message?.type === 'scrutiny/open-note' && fromShownTab) focusNote(message.id);
      else if (message?.type === 'scrutiny/annotations-changed' && page.current) {
        const keys = new Set(pageKeys(page.current));
        if (message.pageKeys.some((key) => keys.has(key))) void reload();
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [reload, takeReport, focusNote]);

  const change = useCallback(
    async (
      request: StoreRequest,
      after: (response: Extract<StoreResponse, { ok: true }>) => Partial<NotesState>,
    ) => {
      const response = await ask(request);
      if (!response.ok) return publish({ error: response.error });
      publish({ error: null, ...after(response) });
      // The background tells every page and panel; this one reloads at once rather than wait for that.
      await reload();
    },
    [publish, reload],
  );

  const update = (id: string, changes: AnnotationChanges) =>
    void change({ type: 'scrutiny/annotation-update', id, changes }, () => ({ undoable: null }));

  const actions: NotesActions = {
    showInPage: (id) => {
      const tab = shownTab.current;
      if (tab === null) return;
      const request: ShowAnnotationRequest = { type: 'scrutiny/show-annotation', id };
      browser.tabs.sendMessage(tab, request).catch(() => publish({ error: PAGE_GONE }));
    },
    saveNote: (id, note) => update(id, { note }),
    saveTags: (id, tags) => update(id, { tags }),
    setColour: (id, colour) => update(id, { colour }),
    remove: (id) =>
      void change({ type: 'scrutiny/annotation-delete', id }, (response) => ({
        undoable: response.annotations[0] ?? null,
      })),
    undo: () => {
      const annotation = state.undoable;
      if (annotation)
        void change({ type: 'scrutiny/annotation-restore', annotation }, () => ({ undoable: null }));
    },
    savePageNote: (note, tags) => {
      const existing = state.pageNote;
      // Emptied: the page note goes, with Undo, rather than stay as an empty "saved" note.
      if (existing && !note.trim() && tags.length === 0)
        return void change({ type: 'scrutiny/annotation-delete', id: existing.id }, (response) => ({
          undoable: response.annotations[0] ?? null,
        }));
      if (page.current)
        void change({ type: 'scrutiny/page-note-save', page: page.current, note, tags }, () => ({
          undoable: null,
        }));
    },
  };
  return [state, actions];
}
