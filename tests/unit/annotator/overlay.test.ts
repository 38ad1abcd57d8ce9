/** The in-page toolbar, note editor and tip: accessible, isolated in a Shadow DOM, gone without a trace. */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, Overlay, placeNear, type OverlayActions } from '../../../lib/annotator/overlay';

const box = { top: 100, bottom: 120, left: 40, right: 200 };

function setUp() {
  const dom = new JSDOM('<!doctype html><html><body><p>Page text</p></body></html>', {
    pretendToBeVisual: true,
  });
  const document = dom.window.document;
  const actions: OverlayActions = {
    highlight: vi.fn(),
    addNote: vi.fn(),
    copyCitation: vi.fn(),
    clip: vi.fn(),
    saveNote: vi.fn(),
    cancelNote: vi.fn(),
  };
  const overlay = new Overlay(document, actions, 'green', 'open');
  const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot ?? null;
  const button = (name: string) =>
    [...(shadow()?.querySelectorAll('button') ?? [])].find(
      (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name,
    );
  return { dom, document, actions, overlay, shadow, button };
}

afterEach(() => vi.useRealTimers());

describe('the in-page overlay', () => {
  it('shows a toolbar whose every control has an accessible name, and acts on clicks', () => {
    const { document, actions, overlay, shadow, button } = setUp();
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
    button('Highlight')!.click();
    expect(actions.highlight).toHaveBeenCalledWith('green');
    button('Highlight in purple')!.click();
    expect(actions.highlight).toHaveBeenLastCalledWith('purple');
    button('Add note')!.click();
    button('Copy with citation')!.click();
    button('Clip')!.click();
    expect(actions.clip).toHaveBeenCalledOnce();
    expect(actions.addNote).toHaveBeenCalledOnce();
    expect(actions.copyCitation).toHaveBeenCalledOnce();
    // The page's own DOM is untouched: the host hangs off <html>, outside <body>.
    expect(document.body.innerHTML).toBe(bodyBefore);
  });

  it('keeps the host out of the layout and removes it when nothing is shown', () => {
    const { document, overlay } = setUp();
    overlay.showToolbar(box);
    const host = document.querySelector<HTMLElement>(HOST_TAG)!;
    expect(host.parentElement).toBe(document.documentElement);
    const layout = ['position', 'width', 'height'].map((property) => host.style.getPropertyValue(property));
    expect(layout).toEqual(['fixed', '0px', '0px']);
    overlay.hideToolbar();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('moves through the toolbar with the arrow keys and closes on Escape', () => {
    const { document, overlay, shadow, button } = setUp();
    overlay.showToolbar(box);
    button('Highlight')!.focus();
    expect(shadow()?.activeElement).toBe(button('Highlight'));
    const press = (key: string) =>
      shadow()!.activeElement!.dispatchEvent(
        new document.defaultView!.KeyboardEvent('keydown', { key, bubbles: true }),
      );
    press('ArrowRight');
    expect(shadow()?.activeElement).toBe(button('Highlight in yellow'));
    press('ArrowLeft');
    press('ArrowLeft');
    expect(shadow()?.activeElement).toBe(button('Copy with citation'));
    press('Escape');
    expect(overlay.toolbarShown).toBe(false);
  });

  it('opens a labelled note editor that saves on Ctrl+Enter and cancels on Escape', () => {
    const { document, actions, overlay, shadow, button } = setUp();
    overlay.showEditor(box, 'Draft');
    const textarea = shadow()!.querySelector('textarea')!;
    expect(shadow()!.activeElement).toBe(textarea);
    expect(shadow()!.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe('Note');
    expect(shadow()!.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe(
      'Add a note to the highlight',
    );
    textarea.value = 'My note';
    const pageSaw = vi.fn();
    document.addEventListener('keydown', pageSaw);
    textarea.dispatchEvent(
      new document.defaultView!.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    expect(actions.saveNote).toHaveBeenCalledWith('My note');
    expect(pageSaw).not.toHaveBeenCalled();
    textarea.dispatchEvent(
      new document.defaultView!.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(actions.cancelNote).toHaveBeenCalledOnce();
    button('Save note')!.click();
    expect(actions.saveNote).toHaveBeenCalledTimes(2);
  });

  it('shows a note as text, never as markup, and says things for a moment', () => {
    vi.useFakeTimers();
    const { document, overlay, shadow } = setUp();
    overlay.showTip('<img src=x onerror=alert(1)>', { x: 10, y: 10 });
    const tip = shadow()!.querySelector('[role="tooltip"]')!;
    expect(tip.querySelector('img')).toBeNull();
    expect(tip.textContent).toContain('<img src=x onerror=alert(1)>');
    overlay.showTip('word '.repeat(400), { x: 10, y: 10 });
    expect(
      tip.isConnected ? tip.textContent : shadow()!.querySelector('[role="tooltip"]')!.textContent,
    ).toMatch(/^(word ){55}word…Click to open it in Scrutiny$/);
    overlay.hideTip();
    overlay.say('Your disk is full.', 'error');
    expect(shadow()!.querySelector('[role="alert"]')?.textContent).toBe('Your disk is full.');
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
