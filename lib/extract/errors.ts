/**
 * What the reader is told when a step of the extraction fails: a plain sentence per step, never the
 * error's own message. Those messages are internals of the (minified) code ("a.getAttribute is not a
 * function"), mean nothing to a reader, and on a hostile page are provoked by the page itself.
 */

/** The steps of capturePage and buildAnalyzedPage that can fail on a page, each with its own sentence. */
export const EXTRACTION_FAILURES = {
  copy: 'Scrutiny could not make a private copy of this page to read the article from, so it read the headline, byline and dates only.',
  metadata:
    'Scrutiny could not read this page’s headline and byline: the page is built in a way it cannot follow.',
  boilerplate:
    'Scrutiny could not take the share bars and similar boxes out of this page, so some of them may show in the article text.',
  article:
    'Scrutiny could not find the article text on this page: the page is built in a way its reader cannot follow (a page script may have changed it).',
  sanitize: 'The article text was left out because Scrutiny could not make it safe to show.',
  byline: 'Scrutiny could not read this page’s byline.',
  page: 'Scrutiny could not read this page: it is built in a way Scrutiny cannot follow.',
} as const;

export type ExtractionStep = keyof typeof EXTRACTION_FAILURES;

/**
 * The content script's answer when reading the page failed altogether, worded to follow "Scrutiny could
 * not read this page: " as the panel shows it.
 */
export const CAPTURE_FAILED =
  'something in the page (its markup or its scripts) got in the way. Reload the page and try again.';
