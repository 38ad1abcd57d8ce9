/**
 * Boilerplate that Readability keeps inside article bodies (share bars, "Related:" boxes, author bios,
 * polls, advertising boxes, comment sections), removed from the private copy before Readability runs.
 * Conservative: a block goes only when its class or id names it, it is short, and it holds no headline.
 */

const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:share|sharing|sharebar|social-?share|social-?links|related|recirc|more-?stories|read-?more|newsletter|signup|subscribe|subscription|advert\w*|ad|ads|adslot|ad-?slot|ad-?container|dfp|sponsor\w*|promo|outbrain|taboola|comments?|disqus|author-?box|author-?bio|about-?the-?author|poll|cookie\w*|paywall)(?:$|[\s_-])/i;

const MAX_BOILERPLATE_CHARS = 2000;

function markerOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('data-component') ?? ''}`;
}

/** Remove named boilerplate blocks from a document the caller owns. Returns how many were removed. */
export function removeBoilerplate(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const doomed: Element[] = [];
  const candidates = body.querySelectorAll('div, section, aside, ul, span, p, figure');
  const limit = Math.min(candidates.length, 20_000);
  for (let i = 0; i < limit; i++) {
    const element = candidates[i]!;
    const marker = markerOf(element);
    if (!marker.trim() || !BOILERPLATE_NAME.test(marker)) continue;
    if (element.querySelector('h1, article, main, [itemprop~="articleBody"]')) continue;
    if ((element.textContent ?? '').length > MAX_BOILERPLATE_CHARS) continue;
    doomed.push(element);
  }
  for (const element of doomed) element.remove();
  return doomed.length;
}
