/** The in-page toolbar and its hosts: accessible, isolated in Shadow DOM, acting on the reader's events only. */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostKeeper } from '../../../lib/annotator/host-keeper';
import { HOST_TAG, LAYER_TAG, Overlay, placeNear, type OverlayActions } from '../../../lib/annotator/overlay';
import { safeDom } from '../../../lib/annotator/safe-dom';

const box = { top: 100, bottom: 120, left: 40, right: 200 };

/** Events a test marks as the reader's (the browser's isTrusted cannot be set from a script). */
const fromReader = new WeakSet<Event>();

function setUp() {
  const dom = new JSDOM('<!doctype html><html><body><p>Page text</p></body></html>', {
    pretendToBeVisual: true,
  });
  const window = dom.window as unknown as Window;
  const document = window.document;
  const actions: OverlayActions = {
    highlight: vi.fn(),
    addNote: vi.fn(),
    copyCitation: vi.fn(),
    clip: vi.fn(),
  };
  const safe = safeDom(window);
  const keeper = new HostKeeper(window, safe, vi.fn(), 'open');
  const overlay = new Overlay(
    window,
    safe,
    keeper,
    actions,
    'green',
    (event) => fromReader.has(event),
    'open',
  );
  const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot ?? null;
  const button = (name: string) =>
    [...(shadow()?.querySelectorAll('button') ?? [])].find(
      (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name,
    );
  /** A click as the reader makes it, or (trusted: false) as a page's script would. */
  const click = (target: Element, trusted = true) => {
    const event = new dom.window.MouseEvent('click', { bubbles: true, cancelable: true });
    if (trusted) fromReader.add(event);
    target.dispatchEvent(event);
  };
  return { dom, window, document, actions, overlay, shadow, button, click };
}

afterEach(() => vi.useRealTimers());

describe('the in-page overlay', () => {
  it('shows a toolbar whose every control has an accessible name, and acts on the reader’s clicks', () => {
    const { document, actions, overlay, shadow, button, click } = setUp();
    const bodyBefore = document.body.innerHTML;
    overlay.showToolbar(box);
    const toolbar = shadow()?.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('Scrutiny: annotate the selection');
    const names = [...toolbar!.querySelectorAll('button')].map(
      (b) => b.getAttribute('aria-label') ?? b.textContent,
    );
    expect(names).toEqual([
      'Highlight',
      'Highlight in yellow',
      'Highlight in green',
      'Highlight in blue',
      'Highlight in pink',
      'Highlight in purple',
      'Add note',
      'Clip',
      'Copy with citation',
    ]);
    expect(button('Highlight in green')?.getAttribute('aria-pressed')).toBe('true');
    click(button('Highlight')!);
    expect(actions.highlight).toHaveBeenLastCalledWith('green');
    click(button('Highlight in purple')!);
    expect(actions.highlight).toHaveBeenLastCalledWith('purple');
    click(button('Add note')!);
    click(button('Clip')!);
    click(button('Copy with citation')!);
    expect(actions.addNote).toHaveBeenCalledOnce();
    expect(actions.clip).toHaveBeenCalledOnce();
    expect(actions.copyCitation).toHaveBeenCalledOnce();
    // The page's own DOM is untouched: the host hangs off <html>, outside <body>.
    expect(document.body.innerHTML).toBe(bodyBefore);
  });

  it('ignores clicks a page’s script makes, on every button (finding 2)', () => {
    const { actions, overlay, shadow, click } = setUp();
    overlay.showToolbar(box);
    for (const button of shadow()!.querySelectorAll('button')) {
      click(button, false);
      button.click();
    }
    expect(actions.highlight).not.toHaveBeenCalled();
    expect(actions.addNote).not.toHaveBeenCalled();
    expect(actions.clip).not.toHaveBeenCalled();
    expect(actions.copyCitation).not.toHaveBeenCalled();
  });

  it('keeps the toolbar host out of the layout, and takes it out when nothing is shown', () => {
    const { document, overlay } = setUp();
    overlay.showToolbar(box);
    const host = document.querySelector<HTMLElement>(HOST_TAG)!;
    expect(host.parentElement).toBe(document.documentElement);
    const layout = ['position', 'width', 'height'].map((property) => host.style.getPropertyValue(property));
    expect(layout).toEqual(['fixed', '0px', '0px']);
    expect(host.style.getPropertyPriority('display')).toBe('important');
    overlay.hideToolbar();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('keeps the layer of highlights in the page from start to end, empty of text', () => {
    const { document, overlay } = setUp();
    overlay.mountLayer();
    const host = document.querySelector<HTMLElement>(LAYER_TAG)!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.style.getPropertyValue('position')).toBe('absolute');
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
    expect(overlay.layer()?.className).toBe('marks');
    expect(host.shadowRoot!.textContent).toBe('');
    expect(overlay.contains(host)).toBe(true);
    overlay.destroy();
    expect(document.querySelector(LAYER_TAG)).toBeNull();
  });

  it('moves through the toolbar with the reader’s arrow keys and closes on Escape', () => {
    const { dom, overlay, shadow, button } = setUp();
    overlay.showToolbar(box);
    button('Highlight')!.focus();
    expect(shadow()?.activeElement).toBe(button('Highlight'));
    const press = (key: string, trusted = true) => {
      const event = new dom.window.KeyboardEvent('keydown', { key, bubbles: true });
      if (trusted) fromReader.add(event);
      shadow()!.activeElement!.dispatchEvent(event);
    };
    press('ArrowRight');
    expect(shadow()?.activeElement).toBe(button('Highlight in yellow'));
    press('ArrowLeft');
    press('ArrowLeft');
    expect(shadow()?.activeElement).toBe(button('Copy with citation'));
    press('Escape', false);
    expect(overlay.toolbarShown).toBe(true);
    press('Escape');
    expect(overlay.toolbarShown).toBe(false);
  });

  it('says things for a moment, as text, then leaves nothing behind', () => {
    vi.useFakeTimers();
    const { document, overlay, shadow } = setUp();
    overlay.say('<img src=x onerror=alert(1)>', 'error');
    const alert = shadow()!.querySelector('[role="alert"]')!;
    expect(alert.querySelector('img')).toBeNull();
    expect(alert.textContent).toBe('<img src=x onerror=alert(1)>');
    overlay.say('Copied with citation.');
    expect(shadow()!.querySelector('[role="status"]')?.textContent).toBe('Copied with citation.');
    vi.advanceTimersByTime(10_000);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('places boxes below the selection, above it when there is no room, and on screen', () => {
    const viewport = { width: 800, height: 600 };
    expect(placeNear(box, { width: 300, height: 40 }, viewport)).toEqual({ top: 128, left: 40 });
    expect(
      placeNear({ top: 570, bottom: 590, left: 700, right: 790 }, { width: 300, height: 40 }, viewport),
    ).toEqual({
      top: 522,
      left: 492,
    });
  });
});
