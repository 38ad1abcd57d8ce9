/**
 * News outlets and wires by name: the lists and shapes the sources read from the text, and whether a
 * phrase is an outlet's whole name (a speaker "Le Monde" is the newspaper, not a description).
 */
import { isSpace, mayBeLetter } from './words';

export const WIRES: [RegExp, string][] = [
  [/\b(?:the\s+)?(?:Associated Press|AP)\b(?!-)/g, 'Associated Press'],
  [/\bReuters\b/g, 'Reuters'],
  [/\b(?:Agence France-Presse|AFP)\b/g, 'Agence France-Presse'],
  [/\b(?:Deutsche Presse-Agentur|dpa)\b/g, 'dpa'],
  [/\b(?:United Press International|UPI)\b/g, 'United Press International'],
  [/\b(?:Katholische Nachrichten-Agentur|KNA)\b/g, 'KNA'],
  [/\bepd\b/g, 'epd'],
  [/\bXinhua\b/g, 'Xinhua'],
  [/\b(?:TASS|Interfax|ANSA|EFE|Kyodo|Yonhap|Anadolu)\b/g, ''],
  [/\b(?:PA Media|Press Association|Canadian Press|Australian Associated Press|APA)\b/g, ''],
];

/**
 * Outlets by name. The "Bild" forms sit behind one literal "B": a lookbehind opening an alternative of
 * its own is tried at every character of the text: 8 of the 55 ms a long article's analysis took.
 */
export const OUTLETS =
  /\b(?:(?:The\s+)?(?:New York Times|Washington Post|Wall Street Journal|Los Angeles Times|Financial Times|Guardian|Telegraph|Economist|Atlantic|New Yorker|Independent|Observer|Boston Globe|Chicago Tribune|USA Today|Daily Mail)|BBC(?: News)?|CNN|NPR|NBC(?: News)?|CBS(?: News)?|ABC(?: News)?|Fox News|MSNBC|PBS|Politico|Axios|Bloomberg(?: News)?|ProPublica|Vox|Al Jazeera|Der Spiegel|Spiegel|Süddeutsche Zeitung|Frankfurter Allgemeine(?: Zeitung)?|FAZ|Die Zeit|Zeit Online|B(?:(?<=(?:[Dd]er|[Dd]ie|„|»|")\s?B)ild|ild(?=-Zeitung|\s+am\s+Sonntag)|(?<![A-ZÄÖÜ]\sB)ILD)|Handelsblatt|Tagesschau|ARD|ZDF|taz|Le Monde|Le Figaro|Libération|Le Parisien|Les Échos|France Info|franceinfo|BFMTV|Mediapart|L['’]Équipe|Ouest-France|El País|Corriere della Sera|NHK|Haaretz|Times of Israel|Kyiv Independent|Semafor|The Information|Business Insider|CNBC|Forbes|Fortune|Newsweek|Vanity Fair|Rolling Stone|Wired|The Verge|TechCrunch|Ars Technica|Engadget|Gizmodo|Mashable|Eurogamer|AnandTech|CNET|ZDNet|9to5Mac|MacRumors|AppleInsider|Kotaku|GameSpot|IGN|(?:The\s+)?Daily Beast|HuffPost|Huffington Post|BuzzFeed News|Slate|The Hill|Newsday|Sky News|ITV News|Channel 4 News|The Intercept|Mother Jones|National Review|(?:The\s+)?New Republic|Daily Caller|Breitbart|Newsmax|Fox Business|Yahoo News|Yahoo Finance|MarketWatch|Barron['’]s|Snopes|PolitiFact|FactCheck\.org|Bellingcat|Hollywood Reporter|MDR|NDR|WDR|SWR|RBB|Deutschlandfunk|Deutsche Welle|n-tv|ntv|RTL|NZZ|Tagesspiegel|ORF|SRF|t-online|Le Point|L['’]Express|L['’]Obs|Nouvel Observateur|Europe 1|France Inter|France Culture|France 24|RMC|Radio France|(?:Le\s+)?Canard enchaîné|La Croix|L['’]Humanité|Journal du dimanche|JDD|Les Inrocks|Télérama|Ebdo|Sud Ouest|La Dépêche|Nice-Matin|La Voix du Nord|La Stampa|La Repubblica|El Mundo)\b/g;
/** The last word of a newspaper's or broadcaster's name ("Times", "Zeitung", "Radio"). */
const OUTLET_WORDS =
  'Times|Post|Journal|Tribune|Herald|Gazette|Chronicle|Zeitung|Rundschau|Kurier|Anzeiger|Magazine|Magazin|Daily|Observer|Courier|Dispatch|Inquirer|Examiner|Sentinel|Register|Bulletin|Monitor|Standard|Express|Mirror|Record|Review|Star|Globe|Radio|Television|TV|Broadcasting|Podcast';
/**
 * A capitalised word of an outlet's name before its last word. Not a small word a title-cased heading
 * capitalises: "Playing On A TV" is a heading's words, not a broadcaster.
 */
const OUTLET_NAME_WORD = String.raw`(?!(?:A|An|On|In|Into|For|To|At|With|From|By|Of|And|Or|But|Is|Are|Was|Your|My|Our|Their|This|That|It|Its)\s)[A-Z][\p{L}'’&-]*\s+`;
/** "Tampa Bay Times", "Frankfurter Rundschau": sticky, tried where a capital leads up to OUTLET_ANCHOR. */
export const OUTLET_SHAPE = new RegExp(String.raw`\b(?:${OUTLET_NAME_WORD}){1,3}(?:${OUTLET_WORDS})\b`, 'uy');
export const OUTLET_ANCHOR = new RegExp(String.raw`\s(?=(?:${OUTLET_WORDS})\b)`, 'g');
/** What may stand between the capital that starts an outlet's name and the space before its last word. */
export const inOutletName = (code: number) =>
  isSpace(code) || mayBeLetter(code) || code === 0x27 || code === 0x2019 || code === 0x26 || code === 0x2d;

/** The whole of a name is a news outlet's or a wire's as the lists and shapes above know them. */
// "Bild" on its own is the paper here: in running text only an article or quotation marks say so.
const WHOLE_OUTLET = new RegExp(String.raw`^(?:${OUTLETS.source}|Bild)$`, 'u');
const WHOLE_OUTLET_SHAPE = new RegExp(String.raw`^(?:${OUTLET_NAME_WORD}){1,3}(?:${OUTLET_WORDS})$`, 'u');
/** A North American station's call letters: "KXYZ", "WNYC-FM". */
const CALL_LETTERS = /^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?$/;
const WHOLE_WIRES = WIRES.map(([pattern]) => new RegExp(String.raw`^(?:${pattern.source})$`, 'u'));

/** Is `name` a news outlet's or wire's name ("CNN", "the Tampa Bay Times", "AFP", "WNYC")? */
export function isOutletName(name: string): boolean {
  const bare = name.replace(/^the\s+/i, '');
  return (
    WHOLE_OUTLET.test(bare) ||
    WHOLE_OUTLET_SHAPE.test(bare) ||
    CALL_LETTERS.test(bare) ||
    WHOLE_WIRES.some((pattern) => pattern.test(bare))
  );
}
