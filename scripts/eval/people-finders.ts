/**
 * Name finders measured against lib/analyze's own (`npm run eval -- labeled DIR --people compromise|both`,
 * docs/accuracy.md "Finding people: compromise against our own"): the `compromise` NLP library for
 * English and its French sibling `fr-compromise`. The German sibling (`de-compromise` 0.0.10) has no
 * people finder at all and tags only a few first names, so German pages keep our own finder either way.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { findPeople, stripTitles, type PersonMention } from '../../lib/analyze/names';
import type { PeopleFinder } from '../../lib/analyze/speakers';

export type PeopleFinderName = 'ours' | 'compromise' | 'both';
export const PEOPLE_FINDERS: readonly PeopleFinderName[] = ['ours', 'compromise', 'both'];

/** fr-compromise as far as used here: loaded by name, as its shipped .ts types fail a strict check. */
type Compromise = (text: string) => { people(): { json(options: { offset: true }): unknown } };
const FRENCH_COMPROMISE = 'fr-compromise';
const fr = createRequire(import.meta.url)(FRENCH_COMPROMISE) as Compromise;

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

/** compromise's people in `text`, as our finder reports them: two to five name words, titles apart. */
function compromisePeople(text: string, lang: string | null): PersonMention[] | null {
  const language = lang?.slice(0, 2).toLowerCase() ?? 'en';
  const document = language === 'fr' ? fr(text) : language === 'en' ? nlp(text) : null;
  if (!document) return null;
  const matches = document.people().json({ offset: true }) as CompromiseMatch[];
  const people: PersonMention[] = [];
  for (const match of matches) {
    const raw = text.slice(match.offset.start, match.offset.start + match.offset.length);
    // Punctuation around the match goes; a full stop stays after an initial or "Jr".
    const trimmed = raw.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '').replace(/(?<!\b(?:Jr|Sr|\p{Lu}))\.$/u, '');
    const name = stripTitles(trimmed);
    const words = name.split(/\s+/);
    if (words.length < 2 || words.length > 5) continue;
    const start = match.offset.start + raw.indexOf(name);
    if (start < match.offset.start) continue;
    const titles = trimmed
      .slice(0, trimmed.length - name.length)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((title) => title.toLowerCase().replace(/\.$/, ''));
    people.push({ name, start, end: start + name.length, titles });
  }
  return people;
}

/** The finder called `name`, for a page in `lang`; undefined for our own (the analysis's default). */
export function peopleFinder(name: PeopleFinderName, lang: string | null): PeopleFinder | undefined {
  if (name === 'ours') return undefined;
  return (text, words) => {
    const theirs = compromisePeople(text, lang);
    if (theirs === null) return findPeople(text, words);
    if (name === 'compromise') return theirs;
    // Both: ours, and theirs where ours found nobody.
    const ours = findPeople(text, words);
    const extra = theirs.filter(
      (person) => !ours.some((mine) => mine.start < person.end && person.start < mine.end),
    );
    return [...ours, ...extra].sort((a, b) => a.start - b.start);
  };
}
