/** jsdom Documents for the robustness tests, including ones no HTML parser would build. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { articlePage } from '../../fixtures/hostile/pages';

export const PAGE_URL = 'https://news.example.com/2026/03/03/bridge';

/** A jsdom window for a page (string or bytes, so jsdom sniffs the encoding as it does in the CLI). */
export function domOf(page: string | Buffer, contentType = 'text/html'): JSDOM {
  return new JSDOM(page, { url: PAGE_URL, contentType, virtualConsole: new VirtualConsole() });
}

/**
 * An article page with a chain of `depth` nested <div>s inside the article, ending in a paragraph:
 * what a page script can build in any browser (the HTML parser stops nesting at about 512 levels, the
 * DOM API does not). jsdom's own parser cannot build it (it recurses once per level and overflows), so
 * the chain is built bottom-up while detached and then attached. Attaching makes jsdom mark every node
 * as connected, recursively; at this depth that overflows inside jsdom after the chain is already
 * linked into the tree, which is the tree we want, so that one error is expected and ignored.
 */
export function deepDocument(depth: number): JSDOM {
  const dom = domOf(articlePage());
  const doc = dom.window.document;
  let chain: Element = doc.createElement('p');
  chain.textContent = 'Deepest paragraph.';
  for (let level = 0; level < depth; level++) {
    const wrapper = doc.createElement('div');
    wrapper.appendChild(chain);
    chain = wrapper;
  }
  const article = doc.querySelector('article')!;
  try {
    article.appendChild(chain);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  if (chain.parentNode !== article) throw new Error('deepDocument: the chain was not attached');
  return dom;
}
