/** Keeping the annotator's hosts in a page that removes or restyles them. */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { HostKeeper, QUICK_REMOVALS, type KeptHost } from '../../../lib/annotator/host-keeper';
import { safeDom } from '../../../lib/annotator/safe-dom';

/** Mutation observers report in a microtask; let them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(html = '<!doctype html><html><body><p>Page text</p></body></html>') {
  const dom = new JSDOM(html, { pretendToBeVisual: true });
  const window = dom.window as unknown as Window & typeof globalThis;
  const document = window.document;
  const blocked = vi.fn();
  let clock = 0;
  const keeper = new HostKeeper(window, safeDom(window), blocked, 'open', () => clock);
  const host = (): KeptHost => {
    const element = document.createElement('scrutiny-test-host');
    const restyle = () => element.style.setProperty('display', 'block', 'important');
    restyle();
    return { element, restyle };
  };
  return { dom, window, document, keeper, blocked, host, advance: (ms: number) => (clock += ms) };
}

describe('the host keeper', () => {
  it('puts a removed host back, and its styles too', async () => {
    const { document, keeper, host } = setUp();
    const kept = host();
    keeper.keep(kept);
    expect(kept.element.parentNode).toBe(document.documentElement);
    kept.element.remove();
    await settle();
    expect(kept.element.parentNode).toBe(document.documentElement);
    kept.element.style.setProperty('display', 'none');
    await settle();
    expect(kept.element.style.getPropertyValue('display')).toBe('block');
    keeper.destroy();
    expect(kept.element.isConnected).toBe(false);
  });

  it('lets a released host go for good', async () => {
    const { keeper, host } = setUp();
    const kept = host();
    keeper.keep(kept);
    keeper.release(kept.element);
    await settle();
    expect(kept.element.isConnected).toBe(false);
  });

  it('moves into a closed place of its own on <body> when the page removes it again and again (finding 6)', async () => {
    const { window, document, keeper, blocked, host } = setUp();
    // The page's cleaner: every element it does not know goes as soon as it appears.
    const known = new Set(['html', 'head', 'body', 'p', 'slot']);
    new window.MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node.nodeType === 1 && !known.has((node as Element).localName)) (node as Element).remove();
    }).observe(document.documentElement, { childList: true, subtree: true });
    const kept = host();
    keeper.keep(kept);
    for (let round = 0; round <= QUICK_REMOVALS + 2; round++) await settle();
    expect(keeper.sheltered).toBe(true);
    expect(kept.element.isConnected).toBe(true);
    expect(document.documentElement.contains(kept.element)).toBe(false);
    // The page's own content is shown through a slot, unchanged.
    const root = document.body.shadowRoot!;
    expect(root.querySelector('slot')).not.toBeNull();
    expect(kept.element.parentNode).toBe(root);
    expect(document.body.innerHTML).toBe('<p>Page text</p>');
    expect(blocked).not.toHaveBeenCalled();
  });

  it('says once that the page keeps it out when it cannot move either', async () => {
    const { document, keeper, blocked, host } = setUp();
    // <body> has a shadow root of the page's already.
    document.body.attachShadow({ mode: 'closed' });
    const kept = host();
    keeper.keep(kept);
    for (let round = 0; round <= QUICK_REMOVALS + 3; round++) {
      kept.element.remove();
      await settle();
    }
    expect(blocked).toHaveBeenCalledOnce();
    expect(keeper.sheltered).toBe(false);
  });

  it('does not take removals spread over time for a hostile page', async () => {
    const { keeper, host, advance } = setUp();
    const kept = host();
    keeper.keep(kept);
    for (let round = 0; round <= QUICK_REMOVALS + 3; round++) {
      kept.element.remove();
      await settle();
      advance(5_000);
    }
    expect(keeper.sheltered).toBe(false);
    expect(kept.element.isConnected).toBe(true);
  });
});
