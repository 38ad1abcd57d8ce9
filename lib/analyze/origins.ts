/**
 * Second-hand quotes: where a quote the article did not gather itself came from. "told CNN", "in an
 * interview with The New York Times", "said on CNN's State of the Union", "according to a recording
 * obtained by ProPublica", "sagte der „Süddeutschen Zeitung“", "im Interview mit dem „Spiegel“", "a
 * déclaré au Monde", "dans un entretien à France Inter". Read from the quote's own sentence outside the
 * quoted words, and only when what follows the cue is an outlet's name (isOutletName): "told Ruiz" or "in
 * an interview with his lawyer" say nothing about a source. The host outlet and its wire are no origin:
 * their own interviews are first-hand.
 */
import { sentenceEnd, sentenceStart } from './paragraphs';
import { isOutletName } from './outlets';
import { compactOutlet, linkSite, siteLabel } from './sources';
import type { Quote } from './types';

/** A name as the text prints it: capitalised words, "of" between, quotation marks around (German). */
const NAME = String.raw`[„"»«]?(\p{Lu}[\p{L}.&'’-]*(?:\s+(?:of\s+|du\s+|de\s+)?\p{Lu}[\p{L}.&'’-]*){0,4})[“"«»]?`;
const THE = String.raw`(?:the\s+)?`;
/** The speaker's name between the verb and the outlet: "sagte Eva Roth der …", "a déclaré Marc Henry au …". */
const SPEAKER = String.raw`(?:\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}\s+)?`;
const FRENCH_DAYS = String.raw`(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)\s+)?`;

/** Phrases that name where a quote was given; the name is the last group. */
const ORIGIN_PHRASES: RegExp[] = [
  // English.
  new RegExp(String.raw`\b(?:told|tells)\s+${THE}${NAME}`, 'gu'),
  new RegExp(
    String.raw`\b(?:in|during)\s+an?\s+(?:[\p{Ll}-]+\s+)?(?:interview|conversation|appearance|podcast)\s+(?:with|on|for|to)\s+${THE}${NAME}`,
    'gu',
  ),
  new RegExp(String.raw`\b(?:said|says|told|speaking|appearing)\s+(?:on|to)\s+${THE}${NAME}`, 'gu'),
  new RegExp(String.raw`\b(?:interviewed|quoted|first reported|reported)\s+by\s+${THE}${NAME}`, 'gu'),
  new RegExp(
    String.raw`\baccording to\s+(?:an?|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:recording|transcript|video|audio|interview|report|memo|e-?mails?|documents?|letter|text messages?|messages)\s+(?:obtained|published|released|aired|broadcast|seen|reviewed|first reported)\s+by\s+${THE}${NAME}`,
    'gu',
  ),
  // German: "gegenüber der „Bild“", "im Interview mit dem „Spiegel“", "sagte er der „Zeit“".
  new RegExp(
    String.raw`\b(?:gegenüber|im\s+(?:Interview|Gespräch)\s+mit|in\s+einem\s+(?:Interview|Gespräch)\s+mit)\s+(?:der|dem|den|des)?\s*${NAME}`,
    'gu',
  ),
  new RegExp(
    String.raw`\b(?:sagte|sagt|erklärte|erklärt|betonte|bestätigte|versicherte|verriet|kündigte|berichtete)\s+(?:(?:er|sie|es)\s+)?${SPEAKER}(?:der|dem)\s+${NAME}`,
    'gu',
  ),
  // French: "a déclaré au Monde", "a confié lundi à France Inter", "dans un entretien au Figaro".
  new RegExp(
    String.raw`\b(?:déclaré|confié|indiqué|expliqué|affirmé|assuré|dit|raconté|précisé|souligné|déclare|confie|explique|affirme|assure)\s+${FRENCH_DAYS}${SPEAKER}(au|aux|à\s+la|à\s+l['’]|à)\s*${NAME}`,
    'gu',
  ),
  new RegExp(
    String.raw`\b(?:dans|lors\s+d['’])\s*(?:un|une)\s+(?:entretien|interview|entrevue)\s+(?:accordée?\s+)?(au|aux|à\s+la|à\s+l['’]|à|avec)\s*${NAME}`,
    'gu',
  ),
  new RegExp(String.raw`\binterrogée?s?\s+par\s+()${NAME}`, 'gu'),
];

/** The name as an outlet, or null: "Monde" after "au" is "Le Monde"; possessives and trailing words go. */
function outletIn(name: string, contraction: string | undefined): string | null {
  const words = name
    .replace(/\.+$/u, '')
    .replace(/['’]s$/u, '')
    .split(/\s+/);
  // "CNN Sunday", "Fox News on": the longest run of the name's first words that is an outlet.
  for (let length = words.length; length > 0; length--) {
    const candidate = words
      .slice(0, length)
      .join(' ')
      .replace(/['’]s$/u, '');
    const french = contraction && /^(?:au|aux)$/u.test(contraction.trim()) ? `Le ${candidate}` : null;
    if (french && isOutletName(french)) return french;
    // German declines the adjectives of a name: "der Süddeutschen Zeitung" is the Süddeutsche Zeitung.
    const nominative = candidate.replace(GERMAN_DECLINED, '$1e');
    if (nominative !== candidate && isOutletName(nominative)) return nominative;
    if (isOutletName(candidate)) return candidate;
  }
  return null;
}

/** German adjectives in the dative or genitive before another word: "Süddeutschen", "Allgemeinen", "Neuen". */
const GERMAN_DECLINED = /(\p{L}+(?:sch|lich|ig|in|eu))en(?=\s)/gu;

const loose = (name: string) =>
  name
    .toLowerCase()
    .replace(/^(?:the|le|la|les|der|die|das)\s+/u, '')
    .trim();

/** A name without case, article or anything but letters and digits: "The Axios" → "axios". */
const compact = (name: string) => loose(name).replace(/[^\p{L}\p{N}]+/gu, '');

/** The page's own outlet: the byline's names, and the site's name in its address ("axios" of axios.com). */
export interface OwnOutlet {
  names: readonly string[];
  pageUrl?: string;
}

/** The outlet named in `context` as where the quote was given, if any, and not the page's own. */
export function originIn(context: string, own: OwnOutlet): string | null {
  const ownNames = new Set(own.names.map(compact));
  const site = own.pageUrl ? siteLabel(linkSite(own.pageUrl)) : '';
  // A site spells its outlet with the article or without: "theguardian", "washingtonpost".
  const isOwn = (outlet: string) =>
    ownNames.has(compact(outlet)) || (site !== '' && [compact(outlet), compactOutlet(outlet)].includes(site));
  for (const phrase of ORIGIN_PHRASES) {
    for (const match of context.matchAll(phrase)) {
      const name = match.at(-1);
      const contraction = match.length > 2 ? match[1] : undefined;
      const outlet = name ? outletIn(name, contraction) : null;
      if (outlet && !isOwn(outlet)) return outlet;
    }
  }
  return null;
}

/** How far around a quote its sentence is read, at most. */
const MAX_CONTEXT = 300;

/**
 * The quotes with `origin` set where their sentence says where they were given. The quoted words
 * themselves are left out ("“I told CNN everything,” he said" is first-hand); the cue is read with the
 * words around the quote, as it may stand between the parts of a split quote.
 */
export function withOrigins(text: string, quotes: Quote[], own: OwnOutlet): Quote[] {
  return quotes.map((quote) => {
    const from = Math.max(sentenceStart(text, quote.start), quote.start - MAX_CONTEXT);
    const to = Math.min(sentenceEnd(text, quote.end), quote.end + MAX_CONTEXT);
    const before = text.slice(from, Math.max(from, quote.start - 1));
    const after = text.slice(Math.min(to, quote.end + 1), to);
    const context = `${before.split('\n').at(-1) ?? ''} … ${quote.cue ?? ''} … ${after.split('\n')[0] ?? ''}`;
    const origin = originIn(context, own);
    return origin ? { ...quote, origin } : quote;
  });
}
