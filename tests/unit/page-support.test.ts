import { describe, expect, it } from 'vitest';
import { pageSupport, pageWasChanging, reasonFromInjectionError } from '../../lib/page-support';

describe('pageSupport', () => {
  it('accepts web pages and addresses the browser hides from us', () => {
    expect(pageSupport('https://www.example.com/news/story')).toEqual({ supported: true });
    expect(pageSupport('http://127.0.0.1:8080/a.html')).toEqual({ supported: true });
    expect(pageSupport(undefined)).toEqual({ supported: true });
  });

  it.each([
    ['chrome://settings', 'browser’s own pages'],
    ['about:preferences', 'browser’s own pages'],
    ['edge://extensions', 'browser’s own pages'],
    ['view-source:https://example.com/', 'browser’s own pages'],
    ['chrome-extension://abc/sidepanel.html', 'browser’s own pages'],
    ['https://chromewebstore.google.com/detail/x', 'Chrome Web Store'],
    ['https://chrome.google.com/webstore/detail/x', 'Chrome Web Store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'Firefox Add-ons'],
    ['https://example.com/report.PDF', 'PDF viewer'],
    ['file:///home/me/paper.pdf', 'PDF viewer'],
    ['data:text/html,<p>hi</p>', 'made on the fly'],
  ])('refuses %s in plain words', (url, words) => {
    const support = pageSupport(url);
    expect(support.supported).toBe(false);
    expect(support.supported === false && support.reason).toContain(words);
  });

  it('reads a saved page from disk', () => {
    expect(pageSupport('file:///home/me/page.html')).toEqual({ supported: true });
  });
});

describe('reasonFromInjectionError', () => {
  it('turns the browsers’ refusals into reasons', () => {
    expect(reasonFromInjectionError('Cannot access a chrome:// URL')).toContain('browser’s own pages');
    expect(reasonFromInjectionError('The extensions gallery cannot be scripted.')).toContain(
      'browser’s own pages',
    );
  });

  it('treats a missing permission as something the reader can grant', () => {
    expect(
      reasonFromInjectionError(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      ),
    ).toBeNull();
    expect(reasonFromInjectionError('Missing host permission for the tab')).toBeNull();
  });
});

describe('pageWasChanging', () => {
  it('tells a page that went away while being read from one that needs a permission', () => {
    expect(pageWasChanging('Frame with ID 0 was removed.')).toBe(true);
    expect(pageWasChanging('No frame with id 0 in tab 12.')).toBe(true);
    expect(pageWasChanging('No tab with id: 12.')).toBe(true);
    expect(pageWasChanging('Missing host permission for the tab')).toBe(false);
    expect(
      pageWasChanging(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      ),
    ).toBe(false);
  });
});
