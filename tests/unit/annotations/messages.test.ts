/** The annotation half of the protocol: who may send, and which shapes are let through. */
import { describe, expect, it } from 'vitest';
import {
  IMPORT_PIECE_LENGTH,
  isImportSender,
  parseAnnotation,
  parseCitedWorkResponse,
  parseAnnotationMessage,
  parseClipResponse,
  parseImportPortMessage,
  parseImportResponse,
  parseStoreResponse,
  readAnnotationMessage,
} from '../../../lib/annotations/messages';
import type { Annotation, PassageSelectors } from '../../../lib/annotations/types';

const OWN_ID = 'scrutiny@example.org';
const page = { url: 'https://news.example/story', canonicalUrl: null, title: 'A story' };
const selectors: PassageSelectors = {
  range: {
    type: 'RangeSelector',
    startContainer: '/p[2]/text()[1]',
    startOffset: 4,
    endContainer: '/p[2]/text()[1]',
    endOffset: 20,
  },
  position: { type: 'TextPositionSelector', start: 120, end: 136 },
  quote: {
    type: 'TextQuoteSelector',
    exact: 'the council voted',
    prefix: 'On Tuesday ',
    suffix: ' to approve',
  },
};
const annotation: Annotation = {
  id: '0b9c8f7e-1a2b-4c3d-9e8f-001122334455',
  kind: 'highlight',
  target: { ...page, selector: [selectors.range, selectors.position, selectors.quote] },
  body: { note: 'Check this', tags: ['budget'], colour: 'green' },
  pageKeys: ['news.example/story'],
  created: '2026-11-27T08:00:00.000Z',
  modified: '2026-11-27T08:05:00.000Z',
};

describe('annotation messages', () => {
  it('are read only from this extension', () => {
    const message = { type: 'scrutiny/annotation-delete', id: annotation.id };
    expect(readAnnotationMessage(message, { id: OWN_ID }, OWN_ID)).toEqual(message);
    expect(readAnnotationMessage(message, { id: 'other-extension' }, OWN_ID)).toBeNull();
    expect(readAnnotationMessage(message, {}, OWN_ID)).toBeNull();
    expect(readAnnotationMessage(message, { id: '' }, '')).toBeNull();
  });

  it('let a new highlight through with its page, selectors, colour and note', () => {
    const message = { type: 'scrutiny/highlight-create', page, selectors, colour: 'blue', note: 'Why?' };
    expect(parseAnnotationMessage(message)).toEqual(message);
  });

  it('refuse shapes that are not the protocol’s', () => {
    const create = { type: 'scrutiny/highlight-create', page, selectors, colour: 'blue', note: '' };
    for (const bad of [
      { ...create, colour: 'red' },
      { ...create, note: 'x'.repeat(1_000_001) },
      { ...create, extra: true },
      { ...create, page: { ...page, url: '' } },
      { ...create, selectors: { ...selectors, quote: { ...selectors.quote, exact: '   ' } } },
      {
        ...create,
        selectors: { ...selectors, position: { type: 'TextPositionSelector', start: 9, end: 3 } },
      },
      { type: 'scrutiny/annotation-update', id: annotation.id, changes: {} },
      { type: 'scrutiny/annotation-update', id: annotation.id, changes: { note: 'a', owner: 'x' } },
      { type: 'scrutiny/annotation-update', id: '../../etc', changes: { note: 'a' } },
      { type: 'scrutiny/annotation-update', id: annotation.id, changes: { tags: 'not a list' } },
      { type: 'scrutiny/selection-action', action: 'delete-everything' },
      { type: 'scrutiny/anchor-report', page, anchored: ['ok'], orphaned: [7] },
      { type: 'scrutiny/unknown' },
      null,
      'scrutiny/annotations-list',
    ])
      expect(parseAnnotationMessage(bad)).toBeNull();
  });

  it('check a restored record field by field and hand back a copy', () => {
    const message = parseAnnotationMessage({ type: 'scrutiny/annotation-restore', annotation });
    expect(message).toEqual({ type: 'scrutiny/annotation-restore', annotation });
    expect(message?.type === 'scrutiny/annotation-restore' && message.annotation).not.toBe(annotation);
    expect(parseAnnotation({ ...annotation, kind: 'bookmark' })).toBeNull();
    expect(parseAnnotation({ ...annotation, created: 'yesterday' })).toBeNull();
    expect(parseAnnotation({ ...annotation, body: { ...annotation.body, colour: 'black' } })).toBeNull();
    expect(
      parseAnnotation({
        ...annotation,
        target: { ...annotation.target, selector: [{ type: 'CssSelector' }] },
      }),
    ).toBeNull();
  });

  it('turn a store answer of another shape into a plain error', () => {
    expect(parseStoreResponse({ ok: true, annotations: [annotation] })).toEqual({
      ok: true,
      annotations: [annotation],
    });
    expect(parseStoreResponse({ ok: false, error: 'Disk full.' })).toEqual({
      ok: false,
      error: 'Disk full.',
    });
    expect(parseStoreResponse(undefined).ok).toBe(false);
    expect(parseStoreResponse({ ok: true, annotations: [{ id: 'x' }] }).ok).toBe(false);
  });
});

describe('clip messages', () => {
  const work = {
    title: 'A story',
    authors: ['Ana Ruiz'],
    outlet: 'News Example',
    published: '2026-11-27',
    lang: 'en-GB',
  };

  it('let a well-formed clip through, without a citation of the page’s own (the background cites)', () => {
    const message = parseAnnotationMessage({ type: 'scrutiny/clip-create', page, selectors });
    expect(message).toEqual({ type: 'scrutiny/clip-create', page, selectors });
    const clip = { type: 'scrutiny/clip-create', page, selectors };
    expect(parseAnnotationMessage({ ...clip, citation: work })).toBeNull();
    expect(parseAnnotationMessage({ ...clip, collectionId: 'mine' })).toBeNull();
    expect(parseAnnotationMessage({ ...clip, selectors: { quote: selectors.quote } })).toBeNull();
  });

  it('ask for the cited work with nothing else, and check the answer field by field', () => {
    expect(parseAnnotationMessage({ type: 'scrutiny/cited-work' })).toEqual({ type: 'scrutiny/cited-work' });
    expect(parseAnnotationMessage({ type: 'scrutiny/cited-work', tabId: 3 })).toBeNull();
    const answer = parseCitedWorkResponse({ ok: true, work });
    expect(answer).toEqual({ ok: true, work });
    if (!answer.ok) throw new Error('refused');
    expect(answer.work.authors).not.toBe(work.authors);
    const misshapen = 'Scrutiny sent back something it does not understand.';
    for (const bad of [
      { ...work, authors: 'Ana Ruiz' },
      { ...work, lang: 'en_US"><script>' },
      { ...work, note: 'x' },
      { ...work, published: 7 },
    ])
      expect(parseCitedWorkResponse({ ok: true, work: bad })).toEqual({ ok: false, error: misshapen });
    expect(parseCitedWorkResponse({ ok: false, error: 'No.' })).toEqual({ ok: false, error: 'No.' });
    expect(parseCitedWorkResponse(undefined)).toEqual({ ok: false, error: misshapen });
  });

  it('read the panel’s clip and save requests only with a tab id', () => {
    expect(parseAnnotationMessage({ type: 'scrutiny/clip-created', id: annotation.id, tabId: 4 })).toEqual({
      type: 'scrutiny/clip-created',
      id: annotation.id,
      tabId: 4,
    });
    expect(
      parseAnnotationMessage({ type: 'scrutiny/clip-created', id: annotation.id, tabId: -1 }),
    ).toBeNull();
    expect(parseAnnotationMessage({ type: 'scrutiny/save-article-request', tabId: 7 })).toEqual({
      type: 'scrutiny/save-article-request',
      tabId: 7,
    });
    expect(parseAnnotationMessage({ type: 'scrutiny/save-article-request' })).toBeNull();
  });

  it('read the background’s answer to a clip', () => {
    expect(parseClipResponse({ ok: true, id: annotation.id })).toEqual({ ok: true, id: annotation.id });
    expect(parseClipResponse({ ok: false, error: 'Disk full.' })).toEqual({ ok: false, error: 'Disk full.' });
    expect(parseClipResponse({ ok: true, id: '<b>' })).toMatchObject({ ok: false });
  });
});

describe('import port', () => {
  const library = 'chrome-extension://abc/library.html';

  it('takes imports only from the extension’s own library page', () => {
    expect(isImportSender({ id: OWN_ID, url: `${library}#article=1` }, OWN_ID, library)).toBe(true);
    expect(isImportSender({ id: OWN_ID, url: 'https://news.example/story' }, OWN_ID, library)).toBe(false);
    expect(
      isImportSender({ id: OWN_ID, url: 'chrome-extension://abc/sidepanel.html' }, OWN_ID, library),
    ).toBe(false);
    expect(isImportSender({ id: 'another-extension', url: library }, OWN_ID, library)).toBe(false);
    expect(isImportSender({ id: OWN_ID }, OWN_ID, library)).toBe(false);
  });

  it('lets through pieces of text and the final mode, nothing else', () => {
    expect(parseImportPortMessage({ type: 'scrutiny/import-piece', text: '{"a":' })).toEqual({
      type: 'scrutiny/import-piece',
      text: '{"a":',
    });
    expect(parseImportPortMessage({ type: 'scrutiny/import-apply', mode: 'replace' })).toEqual({
      type: 'scrutiny/import-apply',
      mode: 'replace',
    });
    expect(parseImportPortMessage({ type: 'scrutiny/import-apply', mode: 'wipe' })).toBeNull();
    expect(parseImportPortMessage({ type: 'scrutiny/import-piece', text: 42 })).toBeNull();
    expect(
      parseImportPortMessage({ type: 'scrutiny/import-piece', text: 'x'.repeat(IMPORT_PIECE_LENGTH + 1) }),
    ).toBeNull();
    expect(parseImportPortMessage({ type: 'scrutiny/import-apply', mode: 'merge', extra: 1 })).toBeNull();
  });

  it('reads the background’s answer, and anything odd as a plain error', () => {
    expect(parseImportResponse({ ok: true, changesNothing: true })).toEqual({
      ok: true,
      changesNothing: true,
    });
    expect(parseImportResponse({ ok: false, error: 'Disk full' })).toEqual({ ok: false, error: 'Disk full' });
    expect(parseImportResponse({ ok: true })).toEqual({ ok: false, error: expect.any(String) });
  });
});
