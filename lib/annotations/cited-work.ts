/**
 * What Copy with citation and a clipping cite of the article: the byline the panel shows, made by the
 * same function (bylineOfCapture) from the same capture of the page, and the title without the site's
 * name at its end. Runs outside the page (in the background), where the Public Suffix List is.
 */
import type { PageCapture } from '../extract/capture';
import { bylineOfCapture } from '../extract/resolve';
import { titleWithoutSiteSuffix } from '../extract/site-names';
import type { Byline } from '../extract/types';
import type { CitedWork } from './citation';

/**
 * The cited work from a capture of the page; from `tabTitle` alone when the page could not be read (a
 * citation with the title and the address is still worth copying).
 */
export function citedWorkOf(capture: PageCapture | null, tabTitle = ''): CitedWork {
  if (!capture) return { title: tabTitle, authors: [], outlet: null, published: null, lang: null };
  let byline: Byline | null = null;
  try {
    byline = bylineOfCapture(capture);
  } catch {
    // The panel says "could not read the byline" in this case; the citation keeps the title.
  }
  const outlet = byline?.outlet?.name ?? null;
  return {
    // The outlet is named apart: "Rates rise | Reuters" is cited as "Rates rise".
    title: titleWithoutSiteSuffix(capture.page.title || tabTitle, outlet),
    authors: byline?.authors.map((author) => author.name) ?? [],
    outlet,
    published: byline?.published ?? null,
    lang: capture.page.lang,
  };
}
