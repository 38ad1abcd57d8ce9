/** The message protocol's checks: who may send, and which shapes are let through. */
import { describe, expect, it } from 'vitest';
import {
  MAX_PASSAGE_CONTEXT,
  MAX_PASSAGE_LENGTH,
  parseExtractResponse,
  parseMessage,
  parseShowPassageResponse,
  readMessage,
} from '../../lib/messages';
import { emptyByline } from '../../lib/extract/types';

const OWN_ID = 'scrutiny@example.org';
const ownSender = { id: OWN_ID, url: 'chrome-extension://abc/sidepanel.html' };

/** A capture as the content script sends it (only the fields parseExtractResponse looks at, and more). */
function validCapture() {
  return {
    page: {
      url: 'https://news.example.com/story',
      title: 'A headline',
      lang: 'en',
      isArticle: false,
      articleReason: '',
      byline: emptyByline(),
      article: { text: '', html: '', wordCount: 0, readingMinutes: 0, excerpt: '' },
      quotes: [],
      glance: null,
      sources: [],
      warnings: [],
      timings: { total: 0, readability: 0 },
    },
    unsafeHtml: '<p>Text</p>',
    readabilityByline: null,
    readabilityPublished: null,
    bylineText: 'Text',
    readerable: true,
    declaresArticle: true,
    startedAt: 0,
  };
}

describe('readMessage', () => {
  it('accepts each message type from this extension', () => {
    expect(readMessage({ type: 'scrutiny/extract' }, ownSender, OWN_ID)).toEqual({
      type: 'scrutiny/extract',
    });
    expect(readMessage({ type: 'scrutiny/extract', early: true }, ownSender, OWN_ID)).toEqual({
      type: 'scrutiny/extract',
      early: true,
    });
    expect(readMessage({ type: 'scrutiny/extract', early: 'yes' }, ownSender, OWN_ID)).toBeNull();
    expect(readMessage({ type: 'scrutiny/panel-ping' }, ownSender, OWN_ID)).toEqual({
      type: 'scrutiny/panel-ping',
    });
    expect(readMessage({ type: 'scrutiny/analyze-tab', tabId: 3, windowId: 1 }, ownSender, OWN_ID)).toEqual({
      type: 'scrutiny/analyze-tab',
      tabId: 3,
      windowId: 1,
    });
  });

  it.each([
    ['another extension', { id: 'evil@example.org' }],
    ['a web page (no sender id)', { url: 'https://evil.example/' }],
    ['an empty sender', {}],
    ['a sender id that only differs in case', { id: OWN_ID.toUpperCase() }],
  ])('rejects a message from %s', (_name, sender) => {
    expect(readMessage({ type: 'scrutiny/extract' }, sender, OWN_ID)).toBeNull();
  });

  it('rejects everything when the own id is unknown (empty)', () => {
    expect(readMessage({ type: 'scrutiny/extract' }, { id: '' }, '')).toBeNull();
  });

  it.each([
    ['an unknown type', { type: 'scrutiny/delete-everything' }],
    ['a type that is not a string', { type: 42 }],
    ['no type', {}],
    ['null', null],
    ['a string', 'scrutiny/extract'],
    ['an array', [{ type: 'scrutiny/extract' }]],
    ['extra keys on extract', { type: 'scrutiny/extract', url: 'https://evil.example/' }],
    ['extra keys on panel-ping', { type: 'scrutiny/panel-ping', tabId: 1 }],
    ['a prototype key', JSON.parse('{"type":"scrutiny/extract","__proto__":{"x":1}}') as unknown],
    ['a tab id that is not a number', { type: 'scrutiny/analyze-tab', tabId: '3', windowId: 1 }],
    ['a negative tab id', { type: 'scrutiny/analyze-tab', tabId: -1, windowId: 1 }],
    ['a fractional window id', { type: 'scrutiny/analyze-tab', tabId: 1, windowId: 1.5 }],
    ['a missing window id', { type: 'scrutiny/analyze-tab', tabId: 1 }],
    ['NaN as tab id', { type: 'scrutiny/analyze-tab', tabId: Number.NaN, windowId: 1 }],
  ])('rejects %s', (_name, value) => {
    expect(readMessage(value, ownSender, OWN_ID)).toBeNull();
    expect(parseMessage(value)).toBeNull();
  });

  it('returns a fresh object, never the one it was given', () => {
    const sent = { type: 'scrutiny/analyze-tab', tabId: 3, windowId: 1 };
    const read = readMessage(sent, ownSender, OWN_ID);
    expect(read).not.toBe(sent);
  });

  it('rejects extra keys on analyze-tab', () => {
    expect(
      readMessage({ type: 'scrutiny/analyze-tab', tabId: 3, windowId: 1, extra: true }, ownSender, OWN_ID),
    ).toBeNull();
  });
});

describe('parseExtractResponse', () => {
  it('accepts a capture and an error', () => {
    const capture = validCapture();
    expect(parseExtractResponse({ ok: true, capture })).toEqual({ ok: true, capture });
    expect(parseExtractResponse({ ok: false, error: 'Could not read the page.' })).toEqual({
      ok: false,
      error: 'Could not read the page.',
    });
  });

  it('accepts a capture of a page read in part, with or without its size', () => {
    for (const cut of [
      { readChars: 180_000, pageBytes: 26_214_400 },
      { readChars: 180_000, pageBytes: null },
    ]) {
      const capture = { ...validCapture(), cut };
      expect(parseExtractResponse({ ok: true, capture })).toEqual({ ok: true, capture });
    }
  });

  it('accepts a capture without article HTML (null)', () => {
    const capture = { ...validCapture(), unsafeHtml: null };
    expect(parseExtractResponse({ ok: true, capture })).not.toBeNull();
  });

  const withPage = (change: (page: Record<string, unknown>) => void) => {
    const capture = validCapture() as unknown as { page: Record<string, unknown> };
    change(capture.page);
    return { ok: true, capture };
  };

  it.each([
    ['null', null],
    ['a string', 'ok'],
    ['no ok', { capture: validCapture() }],
    ['ok as a string', { ok: 'true', capture: validCapture() }],
    ['an error that is not a string', { ok: false, error: { message: 'x' } }],
    ['an error without a message', { ok: false }],
    ['no capture', { ok: true }],
    ['a capture that is an array', { ok: true, capture: [] }],
    ['a capture without page', { ok: true, capture: { ...validCapture(), page: undefined } }],
    ['a title that is not a string', withPage((page) => (page.title = 42))],
    ['a url that is not a string', withPage((page) => (page.url = null))],
    ['no byline', withPage((page) => delete page.byline)],
    ['authors that are not an array', withPage((page) => (page.byline = { authors: 'Jane Doe' }))],
    ['no article', withPage((page) => delete page.article)],
    ['warnings that are not an array', withPage((page) => (page.warnings = 'none'))],
    ['article HTML that is not a string', { ok: true, capture: { ...validCapture(), unsafeHtml: 42 } }],
    ['byline text missing', { ok: true, capture: { ...validCapture(), bylineText: undefined } }],
    ['article HTML missing', { ok: true, capture: { ...validCapture(), unsafeHtml: undefined } }],
  ])('rejects %s', (_name, value) => {
    expect(parseExtractResponse(value)).toBeNull();
  });

  it.each([
    ['a sentence', 'This page is fine.'],
    ['a negative count', { readChars: -1, pageBytes: null }],
    ['a fractional count', { readChars: 1.5, pageBytes: null }],
    ['a size that is a string', { readChars: 10, pageBytes: '25 MB' }],
    ['words of its own', { readChars: 10, pageBytes: null, warning: 'Hi' }],
  ])('rejects a cut that is %s (the panel words the notice itself)', (_name, cut) => {
    expect(parseExtractResponse({ ok: true, capture: { ...validCapture(), cut } })).toBeNull();
  });

  it.each([
    [
      'article text that is not a string',
      withPage((page) => ((page.article as { text: unknown }).text = 42)),
    ],
    [
      'authors that are not named objects',
      withPage((page) => ((page.byline as { authors: unknown }).authors = ['Jane Doe'])),
    ],
    ['no timings', withPage((page) => delete page.timings)],
    ['warnings that are not strings', withPage((page) => (page.warnings = [{ text: 'x' }]))],
    [
      'evidence clues without text',
      withPage(
        (page) => ((page.byline as { evidence: unknown }).evidence = { authors: [{ source: 'meta' }] }),
      ),
    ],
    ['readerable that is not a boolean', { ok: true, capture: { ...validCapture(), readerable: 'yes' } }],
    ['declaresArticle missing', { ok: true, capture: { ...validCapture(), declaresArticle: undefined } }],
  ])('rejects %s', (_name, value) => {
    expect(parseExtractResponse(value)).toBeNull();
  });
});

describe('show-passage messages', () => {
  const selector = { exact: 'We fully assure', prefix: 'its turf. “', suffix: ' neighboring' };
  const request = { type: 'scrutiny/show-passage', selector };

  it('accepts a passage request from this extension, as a fresh copy', () => {
    const read = readMessage(request, ownSender, OWN_ID);
    expect(read).toEqual(request);
    expect(read).not.toBe(request);
    expect(read?.type === 'scrutiny/show-passage' && read.selector).not.toBe(selector);
    expect(parseMessage({ ...request, selector: { ...selector, prefix: '', suffix: '' } })).not.toBeNull();
  });

  it.each([
    ['another extension', { id: 'evil@example.org' }],
    ['a web page', { url: 'https://evil.example/' }],
  ])('rejects a passage request from %s', (_name, sender) => {
    expect(readMessage(request, sender, OWN_ID)).toBeNull();
  });

  it.each([
    ['no selector', { type: 'scrutiny/show-passage' }],
    ['a selector that is a string', { type: 'scrutiny/show-passage', selector: 'We fully assure' }],
    ['a selector that is an array', { type: 'scrutiny/show-passage', selector: ['We'] }],
    ['an empty passage', { ...request, selector: { ...selector, exact: '' } }],
    ['a passage of whitespace', { ...request, selector: { ...selector, exact: ' \n ' } }],
    ['a passage that is not a string', { ...request, selector: { ...selector, exact: 42 } }],
    ['a missing prefix', { ...request, selector: { exact: 'x', suffix: '' } }],
    ['a suffix that is null', { ...request, selector: { ...selector, suffix: null } }],
    ['extra keys on the selector', { ...request, selector: { ...selector, start: 3 } }],
    ['extra keys on the message', { ...request, tabId: 3 }],
    ['a huge passage', { ...request, selector: { ...selector, exact: 'x'.repeat(MAX_PASSAGE_LENGTH + 1) } }],
    ['a huge prefix', { ...request, selector: { ...selector, prefix: 'x'.repeat(MAX_PASSAGE_CONTEXT + 1) } }],
    [
      'a prototype key in the selector',
      JSON.parse(
        '{"type":"scrutiny/show-passage","selector":{"exact":"x","prefix":"","__proto__":{"suffix":""}}}',
      ) as unknown,
    ],
  ])('rejects %s', (_name, value) => {
    expect(parseMessage(value)).toBeNull();
    expect(readMessage(value, ownSender, OWN_ID)).toBeNull();
  });

  it('reads the page’s answer, and nothing else', () => {
    expect(parseShowPassageResponse({ found: true })).toEqual({ found: true });
    expect(parseShowPassageResponse({ found: false })).toEqual({ found: false });
    expect(parseShowPassageResponse({ found: 'yes' })).toBeNull();
    expect(parseShowPassageResponse({ found: true, extra: 1 })).toBeNull();
    expect(parseShowPassageResponse(null)).toBeNull();
    expect(parseShowPassageResponse(undefined)).toBeNull();
  });
});
