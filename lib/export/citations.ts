/**
 * Citations of saved articles and clippings in the three formats reference managers import: CSL-JSON,
 * BibTeX and RIS, written so that Zotero imports them without edits.
 *
 * Item types: CSL `article-newspaper` and RIS `NEWS` are exactly what a news article is, and Zotero
 * maps both to a Newspaper Article. BibTeX has no news type; `@article` (with `journal` = the outlet) is
 * chosen over biblatex's `@online` because classic BibTeX styles know it (they turn `@online` into
 * `@misc` and drop the outlet), biblatex prints it fine, and Zotero reads it with the outlet as the
 * publication. `url` and `urldate` (biblatex's fields, read by Zotero and natbib styles) carry the
 * address and the accessed date.
 *
 * One item per source: a clipping of an article that is itself saved adds its passage to that article's
 * item (CSL `note`, BibTeX `annote`, RIS `N1`) instead of a second item.
 */
import type { ExportData } from './types';
import { fullFamilyName, splitPersonName, type NameContext, type PersonName } from './names';
import { byCreatedThenId, bySavedThenId } from './order';

/** One work to cite, gathered from a saved article or a clipping's citation. */
export interface CitationItem {
  /** Unique, ASCII, usable as a BibTeX key and a CSL id: "doe2026harbor". */
  key: string;
  title: string;
  authors: PersonName[];
  outlet: string | null;
  /** As the page gives it: an ISO date or time. */
  published: string | null;
  url: string;
  /** When the reader saved or clipped it. */
  accessed: string;
  lang: string | null;
  /** Passages the reader clipped from it, with their notes. */
  passages: { text: string; note: string }[];
}

/** Every saved article, then every clipping whose source is not among them, in a stable order. */
export function citationItems(data: ExportData): CitationItem[] {
  const wires = new Map<string, string[]>();
  for (const version of data.versions) {
    const names = [version.byline.wire, version.byline.outlet?.name].filter((name): name is string => !!name);
    wires.set(version.articleId, [...(wires.get(version.articleId) ?? []), ...names]);
  }
  const bySource = new Map<string, Omit<CitationItem, 'key'>>();
  const sourceKey = (url: string) => url.replace(/[#?].*$/, '').replace(/\/$/, '');
  const articles = [...data.articles].sort(bySavedThenId);
  for (const article of articles) {
    const context: NameContext = {
      organisations: [...(wires.get(article.id) ?? []), ...(article.outlet ? [article.outlet] : [])],
    };
    bySource.set(sourceKey(article.canonicalUrl ?? article.url), {
      title: article.title,
      authors: article.authors.map((name) => splitPersonName(name, context)),
      outlet: article.outlet,
      published: article.published,
      url: article.canonicalUrl ?? article.url,
      accessed: article.savedAt,
      lang: article.lang,
      passages: [],
    });
  }
  const clippings = [...data.clippings].sort(byCreatedThenId);
  for (const clipping of clippings) {
    const { citation } = clipping;
    const key = sourceKey(citation.url);
    const item = bySource.get(key) ?? {
      title: citation.title,
      authors: citation.authors.map((name) =>
        splitPersonName(name, { organisations: citation.outlet ? [citation.outlet] : [] }),
      ),
      outlet: citation.outlet,
      published: citation.published,
      url: citation.url,
      accessed: citation.accessed,
      lang: citation.lang,
      passages: [],
    };
    item.passages.push({ text: clipping.text, note: clipping.note });
    bySource.set(key, item);
  }
  const keys = uniqueKeys();
  return [...bySource.values()].map((item) => ({ key: keys(item), ...item }));
}

/** ASCII letters and digits only: what every BibTeX implementation accepts in a key. */
function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "doe2026harbor", then "doe2026harbora", "doe2026harborb" … for the same author, year and word. */
function uniqueKeys(): (item: Omit<CitationItem, 'key'>) => string {
  const taken = new Set<string>();
  return (item) => {
    // The first name that has letters a key can hold ("毛泽东" has none), else the outlet.
    const names = [
      ...item.authors.map((author) => ('literal' in author ? author.literal : author.family)),
      item.outlet ?? '',
    ];
    const name = names.find((candidate) => asciiWord(candidate) !== '') ?? '';
    const year = dateParts(item.published)?.[0] ?? 'nd';
    const word =
      item.title
        .split(/\s+/)
        .map(asciiWord)
        .find((w) => w.length > 3 && !/^(?:the|and|with|from|that|this)$/.test(w)) ?? '';
    const stem = `${asciiWord(name).slice(0, 20) || 'anon'}${year}${word.slice(0, 20)}`;
    let key = stem;
    for (let n = 0; taken.has(key); n++) key = `${stem}${suffixLetters(n)}`;
    taken.add(key);
    return key;
  };
}

function suffixLetters(n: number): string {
  let letters = '';
  let rest = n;
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return letters;
}

/** [year, month?, day?] from an ISO date or time as written (the outlet's own calendar day). */
export function dateParts(time: string | null): [number, number?, number?] | null {
  const match = time ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(time) : null;
  if (!match) return null;
  const parts: [number, number?, number?] = [Number(match[1])];
  if (match[2]) parts.push(Number(match[2]));
  if (match[2] && match[3]) parts.push(Number(match[3]));
  return parts;
}

function passageNote(passages: CitationItem['passages']): string {
  return passages.map(({ text, note }) => (note ? `“${text}” — ${note}` : `“${text}”`)).join('\n\n');
}

// CSL-JSON ---------------------------------------------------------------------------------------

/** CSL-JSON: an array of items, as Zotero, citeproc and pandoc read it. */
export function cslJson(items: readonly CitationItem[]): string {
  const records = items.map((item) => {
    const record: Record<string, unknown> = {
      id: item.key,
      type: 'article-newspaper',
      title: item.title,
    };
    if (item.authors.length > 0) record.author = item.authors;
    if (item.outlet) record['container-title'] = item.outlet;
    const issued = dateParts(item.published);
    if (issued) record.issued = { 'date-parts': [issued] };
    record.URL = item.url;
    const accessed = dateParts(item.accessed);
    if (accessed) record.accessed = { 'date-parts': [accessed] };
    if (item.lang) record.language = item.lang;
    if (item.passages.length > 0) record.note = passageNote(item.passages);
    return record;
  });
  return `${JSON.stringify(records, null, 2)}\n`;
}

// BibTeX -----------------------------------------------------------------------------------------

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text for a braced BibTeX field: TeX's special characters escaped, line breaks as spaces; Unicode as is. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}#$%&_~^]/g, (c) => BIBTEX_SPECIAL[c] ?? c).replace(/\s+/g, ' ');
}

/** An address as BibTeX's url field takes it: raw (the url package reads it verbatim), braces encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));
}

function bibtexName(name: PersonName): string {
  if ('literal' in name) return `{${bibtexEscape(name.literal)}}`;
  // "von Last, Jr, First": BibTeX's three-part form keeps the particle and the suffix in place. A family
  // name that starts in lower case ("al-Sharif") is braced, or BibTeX readers take it for a particle.
  const particle = name['non-dropping-particle'];
  const familyOnly = /^\p{Ll}/u.test(name.family)
    ? `{${bibtexEscape(name.family)}}`
    : bibtexEscape(name.family);
  const family = particle ? `${bibtexEscape(particle)} ${familyOnly}` : familyOnly;
  const suffix = name.suffix ? `, ${bibtexEscape(name.suffix)}` : '';
  return name.given ? `${family}${suffix}, ${bibtexEscape(name.given)}` : `{${family}}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** BibTeX entries (@article, see the module comment), UTF-8. */
export function bibtex(items: readonly CitationItem[]): string {
  return items
    .map((item) => {
      const fields: [string, string][] = [];
      // Double braces keep the title's capitals, which styles would otherwise lowercase.
      fields.push(['title', `{{${bibtexEscape(item.title)}}}`]);
      if (item.authors.length > 0) {
        fields.push(['author', `{${item.authors.map(bibtexName).join(' and ')}}`]);
      }
      if (item.outlet) fields.push(['journal', `{${bibtexEscape(item.outlet)}}`]);
      const [year, month, day] = dateParts(item.published) ?? [];
      if (year) fields.push(['year', `{${year}}`]);
      if (month) fields.push(['month', MONTHS[month - 1] ?? `{${month}}`]);
      if (day) fields.push(['day', `{${day}}`]);
      fields.push(['url', `{${bibtexUrl(item.url)}}`]);
      const accessed = dateParts(item.accessed);
      if (accessed) fields.push(['urldate', `{${isoDate(accessed)}}`]);
      if (item.lang) fields.push(['language', `{${bibtexEscape(item.lang)}}`]);
      if (item.passages.length > 0) {
        fields.push(['annote', `{${bibtexEscape(passageNote(item.passages))}}`]);
      }
      const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
      return `@article{${item.key},\n${body}\n}\n`;
    })
    .join('\n');
}

function isoDate(parts: [number, number?, number?]): string {
  return parts.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-');
}

// RIS --------------------------------------------------------------------------------------------

/** One RIS value: a single line (RIS has no continuation lines that every reader honours). */
function risValue(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function risName(name: PersonName): string {
  if ('literal' in name) return risValue(name.literal);
  const parts = [fullFamilyName(name), name.given, name.suffix].filter((part): part is string => !!part);
  return risValue(parts.join(', '));
}

function risDate(parts: [number, number?, number?]): string {
  const [year, month, day] = parts;
  return `${year}/${month ? String(month).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`;
}

/** RIS records (TY NEWS), CRLF line ends as the RIS specification has them. */
export function ris(items: readonly CitationItem[]): string {
  return items
    .map((item) => {
      const lines: [string, string][] = [['TY', 'NEWS']];
      lines.push(['TI', risValue(item.title)]);
      for (const author of item.authors) lines.push(['AU', risName(author)]);
      if (item.outlet) lines.push(['T2', risValue(item.outlet)]);
      const published = dateParts(item.published);
      if (published) {
        lines.push(['PY', String(published[0])]);
        lines.push(['DA', risDate(published)]);
      }
      lines.push(['UR', risValue(item.url)]);
      const accessed = dateParts(item.accessed);
      if (accessed) lines.push(['Y2', risDate(accessed)]);
      if (item.lang) lines.push(['LA', risValue(item.lang)]);
      for (const passage of item.passages) {
        lines.push(['N1', risValue(passageNote([passage]))]);
      }
      lines.push(['ID', item.key]);
      lines.push(['ER', '']);
      return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
    })
    .join('\r\n');
}
