/** Parsing the visible byline line into people and an organisation. */
import { findDateInText } from './dates';
import { collapseWhitespace, isAllCaps, titleCaseName } from './text';

/** Wire services and agencies, as credited in bylines; mapped to the name readers know. */
const WIRE_SERVICES: Array<[RegExp, string]> = [
  [/^(?:the\s+)?associated\s+press$|^ap$/i, 'Associated Press'],
  [/^(?:thomson\s+)?reuters$/i, 'Reuters'],
  [/^afp$|^agence\s+france[-\s]presse$/i, 'Agence France-Presse'],
  [/^bloomberg(?:\s+news)?$/i, 'Bloomberg'],
  [/^upi$|^united\s+press\s+international$/i, 'United Press International'],
  [/^dpa$|^deutsche\s+presse[-\s]agentur$/i, 'dpa'],
  [/^epd$|^kna$|^apa$|^sda$|^ansa$|^efe$|^kyodo(?:\s+news)?$|^xinhua$|^pa(?:\s+media)?$|^cnn\s+wire$/i, ''],
];

/** The reader-facing name of a wire service, or null when the text is not one. */
export function wireServiceName(text: string): string | null {
  const cleaned = collapseWhitespace(text).replace(/[.,;:]+$/, '');
  for (const [pattern, name] of WIRE_SERVICES) if (pattern.test(cleaned)) return name || cleaned;
  return null;
}

const ROLE_WORDS =
  /\b(?:staff|senior|chief|writer|reporter|correspondent|editor|editors|columnist|contributor|contributing|freelance|journalist|bureau|producer|analyst|photographer|host|anchor|critic|intern|fellow|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|envoyé|envoyée|rédacteur|rédactrice|spécial|special|political|investigative|opinion|sports|science|health|business|technology|tech|politics|news|desk|team|associate|deputy|managing|executive|director|president|professor|author|guest|affairs|national|international|foreign|white house|washington|economics|climate|culture|digital)\b/i;

const ORGANISATION_WORDS =
  /\b(?:news|press|times|post|journal|tribune|herald|gazette|guardian|telegraph|daily|weekly|magazine|media|network|radio|television|tv|agency|agentur|zeitung|redaktion|rédaction|group|inc|ltd|llc|staff|wire|service|online)\b/i;

/** Words that mark the end of the people part of a byline: dates, update notes, locations. */
const TAIL_MARKERS =
  /\s*(?:\||•|·|\u2014|\u2013(?=\s)|\bupdated\b|\bpublished\b|\bposted\b|\blast\s+updated\b|\baktualisiert\b|\bveröffentlicht\b|\bstand:|\bmis à jour\b|\bpublié\b|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)|\b\d{1,2}:\d{2}|\b\d{1,2}\s*(?:am|pm)\b|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}).*$/i;

const LEADING_CREDIT =
  /^(?:(?:written|words|story|text|reporting|report|reported|compiled|interview|photos?|video)\s+by|by|von|par|text:|von:|by:)\s+/i;

export interface ParsedByline {
  authors: string[];
  /** An outlet or wire service named in the byline ("…, Associated Press"). */
  organization: string | null;
  /** A date written in the byline, if any. */
  date: string | null;
}

/** Does a short text look like a person's name (1–5 capitalised words, no digits or symbols)? */
export function looksLikePersonName(text: string): boolean {
  const name = text.trim();
  if (name.length < 3 || name.length > 60) return false;
  if (/[\d@#/\\<>=_{}[\]|]|https?:|www\./i.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  if (words.length === 1 && !/^\p{Lu}\p{Ll}+$/u.test(name)) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w)).length;
  const particles = words.filter((w) =>
    /^(?:de|da|del|della|der|den|di|du|la|le|van|von|y|bin|al|ibn)$/i.test(w),
  ).length;
  return capitalised + particles === words.length && capitalised >= 1;
}

/** Normalise a person's name as printed: case fixed when all caps, stray punctuation removed. */
export function cleanPersonName(raw: string): string {
  let name = collapseWhitespace(raw)
    .replace(LEADING_CREDIT, '')
    .replace(/^[\s,;:.'"“”‘’-]+|[\s,;:'"“”‘’-]+$/g, '')
    .replace(/\.$/, '');
  if (isAllCaps(name)) name = titleCaseName(name);
  return name;
}

/** Split a people list: "A, B and C", "A & B", "A und B", "A et B". */
function splitPeople(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\bwith\b|\bmit\b|\bavec\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * "By Jane Doe and John Roe, Associated Press" → authors [Jane Doe, John Roe], organization Associated Press.
 * "By JANE DOE" → [Jane Doe]. Roles ("Staff Writer"), dates and "Updated …" after the names are dropped.
 */
export function parseByline(raw: string): ParsedByline {
  const text = collapseWhitespace(raw).slice(0, 400);
  const date = findDateInText(text);
  let people = text.replace(LEADING_CREDIT, '');
  people = people.replace(TAIL_MARKERS, '');
  // A date without a marker: "By Jane Doe March 3, 2026".
  people = people.replace(
    /\s*,?\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?\s+\d{1,2},?\s+\d{4}.*$/i,
    '',
  );
  const authors: string[] = [];
  let organization: string | null = null;
  for (const part of splitPeople(people)) {
    const wire = wireServiceName(part);
    if (wire) {
      organization ??= wire;
      continue;
    }
    const name = cleanPersonName(part);
    if (!name) continue;
    if (looksLikePersonName(name) && !ROLE_WORDS.test(name) && !ORGANISATION_WORDS.test(name)) {
      if (!authors.includes(name)) authors.push(name);
    } else if (ORGANISATION_WORDS.test(name) && !ROLE_WORDS.test(name.replace(ORGANISATION_WORDS, ''))) {
      organization ??= name;
    }
    // Anything else (a role, a location) is dropped.
  }
  return { authors, organization, date };
}
