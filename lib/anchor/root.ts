/**
 * The anchor root: the element whose text positions and XPaths a highlight's selectors count from.
 *
 * Restricting anchoring to the article keeps navigation, teasers and comments from offering look-alike
 * passages, and keeps positions from shifting when a site changes its menus. The choice must come out
 * the same on every visit to the same page, so it is made from the markup alone (tag names, attributes,
 * text lengths), never from layout or styles.
 */

/** An article region with less text than this is a teaser or a card, not the article. */
const MIN_ARTICLE_CHARACTERS = 400;

/** The biggest candidate must have at least this many times the text of the next one to be "the" one. */
const DOMINANCE = 2;

/** Elements whose text is never page text; left out of the lengths compared. */
const NOT_TEXT = 'script, style, noscript, template';

/** The element's text length without whitespace and without script or style text. */
function textLength(element: Element): number {
  const count = (text: string) => {
    let length = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code > 0x20 && code !== 0xa0) length++;
    }
    return length;
  };
  let length = count(element.textContent ?? '');
  for (const hidden of element.querySelectorAll(NOT_TEXT)) length -= count(hidden.textContent ?? '');
  return length;
}

/** The one candidate with clearly the most text (outermost ones only), or null when none stands out. */
function dominant(candidates: Element[]): Element | null {
  const shown = candidates.filter((element) => !element.closest('[hidden]'));
  const outermost = shown.filter(
    (element) => !shown.some((other) => other !== element && other.contains(element)),
  );
  const measured = outermost
    .map((element) => ({ element, length: textLength(element) }))
    .sort((a, b) => b.length - a.length);
  const [first, second] = measured;
  if (!first || first.length < MIN_ARTICLE_CHARACTERS) return null;
  return first.length >= DOMINANCE * (second?.length ?? 0) ? first.element : null;
}

/**
 * The article region of the page: a single dominant `<article>`, else the dominant
 * `[itemprop=articleBody]`, else the page's `<main>` / `[role=main]`, else the body.
 */
export function findArticleRoot(document: Document): Element {
  const body = document.body ?? document.documentElement;
  for (const selector of ['article', '[itemprop~="articleBody"]', 'main, [role="main"]']) {
    const found = dominant([...document.querySelectorAll(selector)]);
    if (found) return found;
  }
  return body;
}

/**
 * The root a selection is described against: the article root when the selection lies inside it, the
 * body otherwise (a caption or box outside the article). anchorAll tries both, so which one was used
 * need not be stored.
 */
export function anchorRootFor(document: Document, range: Range): Element {
  const article = findArticleRoot(document);
  const inside = article.contains(range.startContainer) && article.contains(range.endContainer);
  return inside ? article : (document.body ?? document.documentElement);
}
