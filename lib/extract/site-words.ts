/**
 * The site's name as the page's own text writes it, for a page whose metadata names no outlet:
 * "Refinery29" on refinery29.com. Read inside the page, so without the Public Suffix List (a hundred
 * kilobytes that would go into every page read): every label of the host name is looked for, and the
 * panel keeps the one that is the registrable name (`isRegistrableName` in ./outlet.ts).
 */

import { hostOf } from './urls';

/** Host labels shorter than this are too common as words ("www", "com", "news" is four). */
const MIN_LABEL = 4;
/** Labels looked for, at most: a host name is a handful. */
const MAX_LABELS = 8;

/**
 * For each label of the address's host name (four characters or more), its first appearance in `text`
 * capitalised, as a whole word, not inside an address or a handle ("refinery29.com", "@Refinery29").
 */
export function siteWordsIn(text: string, url: string | null | undefined): string[] {
  const host = url ? hostOf(url) : '';
  const labels = [...new Set(host.split('.'))]
    .filter((label) => label.length >= MIN_LABEL && /^[a-z0-9-]+$/.test(label))
    .slice(0, MAX_LABELS);
  const words: string[] = [];
  for (const label of labels) {
    const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}.@/-])${label}(?![\p{L}\p{N}-]|\.\p{L})`, 'giu');
    for (const match of text.matchAll(pattern))
      if (/^\p{Lu}/u.test(match[0])) {
        words.push(match[0]);
        break;
      }
  }
  return words;
}
