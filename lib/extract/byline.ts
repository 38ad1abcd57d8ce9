/**
 * Parsing a byline into people and an organisation: "By Jane Doe and John Roe, Associated Press",
 * "Von JANE DOE und John Roe", "Par Jane Doe et John Roe, envoyée spéciale à Kyiv". Runs on the extension
 * side and in Node (resolve.ts), never in the content script, so it may carry word lists.
 */
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
  [
    /^(?:epd|kna|apa|sda|ansa|efe|kyodo(?:\s+news)?|xinhua|pa(?:\s+media)?|cnn\s+wire|tass|belga|anp|reuters\/ap|ap\/reuters)$/i,
    '',
  ],
];

/** The reader-facing name of a wire service, or null when the text is not one. */
export function wireServiceName(text: string): string | null {
  const cleaned = collapseWhitespace(text).replace(/[.,;:]+$/, '');
  for (const [pattern, name] of WIRE_SERVICES) if (pattern.test(cleaned)) return name || cleaned;
  return null;
}

/** Words that make a phrase a job title ("Staff Writer", "Korrespondentin", "envoyée spéciale"). */
const JOB_TITLE =
  /^(?:writer|writers|reporter|reporters|correspondent|correspondents|editor|editors|columnist|contributor|contributors|journalist|journalists|producer|photographer|photographers|photos?|video|intern|critic|anchor|host|analyst|blogger|staff|redakteur(?:in)?|redaktion|korrespondent(?:in)?|reporter(?:in)?|autor(?:in)?|journalistin|chefredakteur(?:in)?|mitarbeiter(?:in)?|journaliste|rédacteur|rédactrice|envoyée?|correspondante?|chroniqueur|chroniqueuse|ceo|founder|president|professor|director|chief|editor-at-large|author|experte|expertin|expert|기자|특파원|記者|记者|特派員|特派员|编辑|編集|ライター|撰稿)$/i;

/** Words that may stand next to a job title ("Senior White House Correspondent"). */
const JOB_QUALIFIER =
  /^(?:senior|chief|staff|political|politics|investigative|sports?|science|health|business|technology|tech|news|white|house|washington|national|international|foreign|economics?|climate|culture|digital|deputy|managing|executive|associate|contributing|special|spéciale?|spécial|opinion|bureau|global|legal|crime|courts?|education|entertainment|features?|food|travel|music|arts?|film|tv|fashion|markets?|finance|investment|energy|environment|environmental|weather|audience|social|media|lead|general|assignment|freelance|guest|the|a|an|and|of|for|at|in|à|en|de|du|la|le|des|für|bei|der|die|das|im)$/i;

/** Words that make a phrase an organisation rather than a person. */
const ORGANISATION_WORD =
  /\b(?:news|press|times|post|journal|tribune|herald|gazette|guardian|telegraph|daily|weekly|magazine|media|network|radio|television|tv|agency|agentur|zeitung|redaktion|rédaction|group|inc|ltd|llc|gmbh|wire|service|online|newsroom|desk|team|staff|editors|editorial|university|institute|foundation|association|council|committee|department|ministry|company|corporation|customs|protection|police|administration|authority|commission|bureau|office)\b/i;

/** Chinese, Japanese and Korean names of organisations end in one of these ("ASCII編集部", "新华社"). */
const CJK_ORGANISATION =
  /(?:編集部|编辑部|新聞|新闻|報|报|通信|ニュース|社|部|局|網|网|台|會|会|委員会|委员会|研究所|大学|學院|学院|公司|集団|集团|グループ|センター|中心)$/u;

/** Labels and buttons written in those scripts that byline boxes hold next to the name. */
const CJK_NOT_A_NAME =
  /^(?:编辑|編集|记者|記者|作者|著者|撰文|摄影|攝影|写真|翻訳|翻译|来源|來源|出典|投稿|本报|本報|评论|評論|分享|关注|關注|首页|首頁|更多|详情|詳細|一覧|一覽|プロフィール|ライター|フォロー|关于|關於|相关|相關|ページ|記事|ランキング|この|その)/u;

/** An organisation's name rather than a person's. */
const isOrganisationName = (name: string) => ORGANISATION_WORD.test(name) || CJK_ORGANISATION.test(name);

/** Social links and labels that sit inside bylines next to the name. */
const NOT_A_NAME =
  /^(?:twitter|facebook|instagram|linkedin|email|e-mail|mail|follow|more|bio|view|profile|contact|rss|feed|share|comments?|about|close|menu|photo|image|see|all|stories|articles|posts|and|or|with|ok|read|watch|live|sign|subscribe|login|search|home|print|listen|save|keine|kein|kommentare?|teilen|drucken|mehr|startseite|aucun|commentaires?|partager|lire|accueil|no|none|anonymous|admin|administrator|guest|user|unknown)$/i;

/** Where the people part of a byline ends: dates, update notes, separators. */
const TAIL_MARKER =
  /\s*(?:\||•|\b(?:photos?|photographs?|illustrations?|video|graphics?|images?|fotos?)\s+(?:by|von|par)\b|·|\u2014|\u2013(?=\s)|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\blast\s+updated\b|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\baktualisiert\b|\bveröffentlicht\b|\bstand:|\bam\s+\d|\bmis à jour\b|\bpublié(?=\s|$)|\ble\s+\d|\b\d{1,2}:\d{2}|\b\d{1,2}\s*(?:am|pm)\b|\b\d{4}-\d{2}-\d{2}|\d{4}\s*年|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|fév|avr|juin|juil|août|sept|déc)[a-zéû]*\.?\s+\d{4}|\bvor\s+\d|\bil y a\b|\b\d+\s+(?:min|minutes?|hours?|hrs?|days?)\s+ago\b).*$/i;

/** A credit word before the names: "By", "Written by", "Von", "Text:", "Par", "Autor:". */
const LEADING_CREDIT =
  /^(?:(?:written|words|story|text|reporting|reported|compiled|interview|posted|published|edited|a\s+report|ein\s+(?:beitrag|kommentar|gastbeitrag|bericht)|eine\s+(?:analyse|reportage|glosse|kolumne)|un\s+article|publié|écrit)\s+(?:by|von|par)\b|by\b|von\b|par\b|de\b(?=\s+\p{Lu})|text\b|autor(?:in|en)?\b|author\b|auteure?\b|byline\b|credit\b|(?:著者|投稿者|作者|筆者|記者)(?=[\s:：])|文(?=\s*[:：●]))\s*[:：●]?\s*/iu;

/**
 * A social handle or an e-mail address printed next to the name ("Jane Doe @jdoe",
 * "jdoe@example.com"). It says how to reach the person, not who they are.
 */
const HANDLE_OR_EMAIL = /(?<!\S)@[\p{L}\p{N}_.]+|[^\s@]+@[^\s@]+\.\p{L}+/gu;

/**
 * One word in brackets after a name: a user name ("Junichi Niino（jniino）", "Jane Doe (@jdoe)") or a
 * wire service ("Jane Doe (AP)").
 */
const BRACKETED_WORD = /\s*[(（]\s*(@?[\p{L}\p{N}_.]+)\s*[)）]/gu;

/**
 * A user name: an @handle, or a word without capitals or dots (capitalised words in brackets are
 * places or roles, dotted ones addresses: "Deutsche Welle (www.dw.com)" is an outlet).
 */
const isUserName = (word: string) => /^@|^[\p{Ll}\p{N}_]+$/u.test(word);

/**
 * Japanese credits put the role after the name: "Eric Freeman 著" wrote the text, "木下 哲也 訳"
 * translated it, "… 絵" drew the pictures. Only the first kind is an author.
 */
const JAPANESE_ROLE_SUFFIX = /\s(著|作|文|監訳|翻訳|訳|絵|画|イラスト|写真|撮影|編|監修|構成)$/u;
const JAPANESE_AUTHOR_ROLE = /^(?:著|作|文)$/u;

/** Where a byline's people part may start again after a kicker or a date: "Politik · Jochen Bittner". */
const SEPARATOR = /\s*(?:·|\||•)\s*/;

/**
 * In a field meant for names, a conjunction followed by lower-case words joins a phrase, not people:
 * "Zone Justice et faits divers" is a section of the site.
 */
const CONJOINED_PHRASE = /\s(?:and|et|und|y|&)\s+(\p{Ll}+)\s+(\p{Ll}+)/u;

/** A person-name particle that stays lower case ("Lisa de Moraes", "Ursula von der Leyen"). */
const NAME_PARTICLE =
  /^(?:de|da|das|del|della|der|den|des|di|do|dos|du|la|le|van|von|zu|y|e|bin|al|ibn|ben|st\.?|mc|mac|ter|ten|af)$/i;

export interface ParsedByline {
  authors: string[];
  /** An outlet or wire service named in the byline ("…, Associated Press"). */
  organization: string | null;
  /** A date written in the byline, if any. */
  date: string | null;
  /** A collective credit ("AOL Staff", "BWW News Desk"), kept apart from the people. */
  collective: string | null;
}

/** A credit to a group of the outlet's staff rather than to a person. */
const COLLECTIVE =
  /^(?:\S+\s+){1,4}(?:staff|desk|team|editors|newsroom|redaktion|rédaction|editorial\s+board)$/i;

export interface NameOptions {
  /**
   * The text comes from a field declared to hold names (meta author, JSON-LD): one-word names
   * ("Heiko") and names in scripts without capitals (松村太郎) are accepted.
   */
  declared?: boolean;
  /**
   * Another clue spells this name: the author's profile link (/author/doumae/) or the page's author tag
   * ("cindy mangomini"). A user name, or a surname, in lower case is fine.
   */
  confirmedByLink?: boolean;
  /**
   * The text is a byline printed on the page: a short name in a script without capitals (松村太郎,
   * 谢若含) counts, as it does in a declared field.
   */
  shown?: boolean;
}

/** Does a short text look like a person's name (capitalised words, no digits or symbols)? */
export function looksLikePersonName(text: string, options: NameOptions = {}): boolean {
  const name = text.trim();
  if (name.length < 2 || name.length > 60) return false;
  if (/[\d@#/\\<>=_{}[\]|:;!?©®™+*"“”«»()]|https?:|www\./i.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 5 || words.some((word) => NOT_A_NAME.test(word))) return false;
  // Scripts without capital letters (Chinese, Japanese, Korean…): only where a name is expected.
  if (!/[\p{Lu}\p{Ll}]/u.test(name)) {
    if (CJK_NOT_A_NAME.test(name) || CJK_ORGANISATION.test(name)) return false;
    if (options.declared) return name.length <= 20;
    // Printed in a byline: a short name, at most one space ("中村 真子"), longer only for a foreign name
    // written with a middle dot ("ジョン・スミス"); a credit or outlet inside it makes it no name.
    const letterCount = name.replace(/[\s・]/gu, '').length;
    return (
      options.shown === true &&
      /^\S+(?: \S+)?$/u.test(name) &&
      letterCount >= 2 &&
      letterCount <= (name.includes('・') ? 12 : 6) &&
      !/记者|記者|編集|编辑|新聞|新闻|通信|社/u.test(name)
    );
  }
  // One word ("Heiko", "EvilSpark") only where a name is expected, and with a capital: "mikecason" is a handle.
  if (
    words.length === 1 &&
    !(
      options.declared &&
      /^\p{L}[\p{L}'’.-]+$/u.test(name) &&
      (/\p{Lu}/u.test(name) || options.confirmedByLink)
    )
  )
    return false;
  // A particle comes before a surname, never last: "Originalbild von" is a credit whose name was a handle.
  if (words.length > 1 && /^\p{Ll}/u.test(words.at(-1)!) && NAME_PARTICLE.test(words.at(-1)!)) return false;
  let capitalised = 0;
  for (const word of words) {
    if (/^\p{Lu}[\p{L}'’.-]*$/u.test(word) || /^(?:\p{Lu}\.)+$/u.test(word)) capitalised++;
    else if (
      !NAME_PARTICLE.test(word) &&
      !(options.declared && (words.length === 1 || options.confirmedByLink))
    )
      return false;
  }
  return capitalised >= 1 || options.declared === true;
}

/** Normalise a person's name as printed: case fixed when all caps, stray punctuation removed. */
export function cleanPersonName(raw: string): string {
  let name = collapseWhitespace(raw)
    .replace(LEADING_CREDIT, '')
    .replace(/^[\s,;:.'"“”‘’*-]+|[\s,;:'"“”‘’*-]+$/g, '')
    .replace(/(\p{Ll}{2})\.$/u, '$1');
  // ("ASCII編集部" is no name in capitals: letters without case leave it as written.)
  if (isAllCaps(name) && name.length > 3 && !/(?![\p{Lu}\p{Ll}])\p{L}/u.test(name))
    name = titleCaseName(name);
  return name;
}

/**
 * Strip a job title written next to the name without a comma: "Jane Doe Staff Writer" → "Jane Doe",
 * "Korrespondentin Jane Doe" → "Jane Doe". Returns the name part, or "" when the phrase is only a title.
 */
function withoutJobTitle(phrase: string): string {
  const words = phrase.split(' ');
  // A compound title counts by its last part: "FOCUS-Online-Experte", "SPIEGEL-Korrespondentin".
  const titleAt = words.findIndex((word) => JOB_TITLE.test(word.replace(/[.,]$/, '').replace(/^.+-/, '')));
  if (titleAt < 0) return phrase;
  let start = titleAt;
  while (start > 0 && JOB_QUALIFIER.test(words[start - 1]!)) start--;
  let end = titleAt + 1;
  while (end < words.length && (JOB_TITLE.test(words[end]!) || JOB_QUALIFIER.test(words[end]!))) end++;
  // The title is at the end ("Jane Doe Staff Writer") or at the start ("Reporter Jane Doe").
  if (start > 0) return words.slice(0, start).join(' ');
  return words.slice(end).join(' ');
}

/** Split a list of people: "A, B and C", "A & B", "A und B", "A et B". */
function splitPeople(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\band\b|&|\+|\bund\b|\bet\b|\by\b|\bwith\b|\bmit\b|\bavec\b|\/|，|、|／)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * "By Jane Doe and John Roe, Associated Press" → authors [Jane Doe, John Roe], organization Associated Press.
 * "By JANE DOE" → [Jane Doe]. Job titles ("Staff Writer"), dates and "Updated …" after the names are
 * dropped. Line breaks in `raw` separate pieces the page printed apart ("Jane Doe\nCEO").
 */
export function parseByline(raw: string, options: NameOptions = {}): ParsedByline {
  const lines = raw
    .slice(0, 600)
    .split('\n')
    .map((line) => collapseWhitespace(line))
    .filter(Boolean);
  const date = findDateInText(lines.join(' '));
  const authors: string[] = [];
  let organization: string | null = null;
  let collective: string | null = null;
  let credit = '';
  let linesWithoutNames = 0;
  /** Lines that are the rest of the line before, after a separator. */
  const resumed = new Set<number>();
  for (let index = 0; index < lines.length; index++) {
    const rawLine = lines[index]!;
    // Names come first in a byline; three lines of something else make this a menu or a teaser.
    if (authors.length === 0 && linesWithoutNames >= 3) break;
    // "By" printed apart from the name ("By <a>Jane Doe</a>"): keep it for the next line.
    let line =
      credit +
      rawLine
        .replace(/^(By|Von|Par)(?=\p{Lu}\p{Ll})/u, '$1 ')
        // "Jane DoeUpdated March 3": a label glued to the name in the page's text.
        .replace(
          /(\p{Ll})(Updated|Published|Posted|Aktualisiert|Veröffentlicht|Publié|Mis à jour)/gu,
          '$1 $2',
        );
    credit = '';
    if (/^(?:(?:written\s+)?by|von|par|text|autor(?:in)?|author)\s*:?$/i.test(line)) {
      credit = `${line} `;
      continue;
    }
    // "March 3, 2026 10:44 am by Jane Doe": the credit follows a date or a "Posted" label.
    const inner = /^(.*?)(?:\b(?:by|von|par):?\s+(?=\p{Lu})|(?:著者|作者|筆者|記者)\s*[:：]\s*)/iu.exec(line);
    const afterDate = !!inner?.[1] && /\d|posted|published|updated|veröffentlicht|publié/i.test(inner[1]);
    if (afterDate) line = line.slice(inner![0].length);
    if (!/[\p{L}\p{N}]/u.test(line)) continue; // punctuation between names ("Jane Doe</a>, <a>John Roe")
    const hadCredit = LEADING_CREDIT.test(line);
    // A name after a credit ("By", "著者：") is printed as a byline, whatever its script.
    const nameOptions = hadCredit || afterDate ? { ...options, shown: true } : options;
    line = line.replace(LEADING_CREDIT, '');
    const organizationBefore: string | null = organization;
    const collectiveBefore: string | null = collective;
    // A connecting word left hanging before the date that followed ("Jane Doe on", "Jane Doe le").
    const people = line
      .replace(TAIL_MARKER, '')
      .replace(BRACKETED_WORD, (bracketed, word: string) => {
        const wire = wireServiceName(word);
        if (wire) organization ??= wire;
        return wire || isUserName(word) ? '' : bracketed;
      })
      .replace(HANDLE_OR_EMAIL, '')
      // "Julia Carrie Wong in San Francisco", "Michael Larabel in Valve": a place or a section.
      .replace(/\s+in\s+[A-ZÀ-Þ].*$/u, '')
      .replace(/\s+(?:on|at|am|um|le|à|the|in)$/i, '')
      .trim();
    // A line that starts with a date or "Updated" ends the people part of the byline.
    if (!people && !hadCredit && authors.length > 0) break;
    const found = authors.length;
    const phrase = CONJOINED_PHRASE.exec(people);
    const joinsPhrase =
      options.declared === true &&
      phrase !== null &&
      !phrase.slice(1).some((word) => JOB_TITLE.test(word)) &&
      !isOrganisationName(phrase[0]);
    // "U.S. Customs and Border Protection": one organisation's name with "and" in it, not two people.
    const organisationWithAnd =
      !people.includes(',') &&
      /\s(?:and|und|et|&)\s/u.test(people) &&
      people.split(/\s+/).every((word) => /^(?:and|und|et|&|of|for|the|\p{Lu}.*)$/u.test(word)) &&
      isOrganisationName(people);
    if (organisationWithAnd) organization ??= cleanPersonName(people) || people;
    let parts = joinsPhrase || organisationWithAnd ? [] : splitPeople(people);
    // "Doe, Jane" in a name field is one person, last name first.
    if (options.declared && parts.length === 2 && /^[^\s,]+,\s*[^\s,]+$/.test(people))
      parts = [`${parts[1]} ${parts[0]}`];
    // "By Nada Tawfik, BBC News, New York": the last part, after the names and where they work, is where
    // they are ("By Jane Doe, TIME, and Mary Roe, CNN" credits two).
    let placeFollows = false;
    for (const [index, whole] of parts.entries()) {
      if (placeFollows && index === parts.length - 1) break;
      let part = whole;
      const role = JAPANESE_ROLE_SUFFIX.exec(part);
      if (role) {
        if (!JAPANESE_AUTHOR_ROLE.test(role[1]!)) continue;
        part = part.slice(0, role.index);
      }
      const wire = wireServiceName(part);
      if (wire) {
        organization ??= wire;
        placeFollows = authors.length > found;
        continue;
      }
      // "John Patrick Pullen, TIME": one word in capitals after a name is where they work, not a person.
      if (authors.length > found && /^\p{Lu}{2,}$/u.test(part.trim())) {
        placeFollows = true;
        continue;
      }
      if (COLLECTIVE.test(part) && !/[\d@/|]/.test(part)) {
        collective ??= cleanPersonName(part);
        continue;
      }
      const name = cleanPersonName(withoutJobTitle(cleanPersonName(part)));
      if (!name) continue;
      if (looksLikePersonName(name, nameOptions) && !isOrganisationName(name)) {
        if (!authors.includes(name)) authors.push(name);
      } else if (isOrganisationName(name) && !JOB_TITLE.test(name.split(' ').pop() ?? '')) {
        organization ??= name;
        placeFollows = authors.length > found;
      }
      // Anything else (a job title, a place, a label) is dropped.
    }
    // What follows a separator is read for names only: "Home | News" credits no organisation.
    if (resumed.has(index) && authors.length === found) {
      organization = organizationBefore;
      collective = collectiveBefore;
    }
    // Nothing read before a separator in a printed byline (a section, a date): the names may follow
    // it. (A field meant for names does not start with a section: there, one word is a name.)
    const separator = options.declared ? null : SEPARATOR.exec(line);
    if (authors.length === 0 && organization === organizationBefore && !collective && separator) {
      const rest = line.slice(separator.index + separator[0].length);
      if (rest) {
        lines.splice(index + 1, 0, rest);
        resumed.add(index + 1);
      }
    }
    // Once the names are read, a line that adds none (a job title, a bio, a headline) ends the byline.
    if (found > 0 && authors.length === found) break;
    if (authors.length === 0) linesWithoutNames++;
  }
  return { authors, organization, date, collective };
}
