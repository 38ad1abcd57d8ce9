/**
 * Which pages an extension may read, and in plain words why not when it may not. Browsers refuse
 * extensions on their own pages, on their add-on stores and inside their PDF viewers.
 */

export type PageSupport = { supported: true } | { supported: false; reason: string };

const STORE_HOSTS: Array<[RegExp, string]> = [
  [/^chromewebstore\.google\.com$/, 'the Chrome Web Store'],
  [/^chrome\.google\.com$/, 'the Chrome Web Store'],
  [/^microsoftedge\.microsoft\.com$/, 'the Edge Add-ons store'],
  [/^addons\.mozilla\.org$/, 'Firefox Add-ons'],
  [/^accounts-static\.cdn\.mozilla\.net$/, 'a protected Firefox page'],
];

export const BROWSER_PAGE =
  'This is one of the browser’s own pages. Browsers do not let extensions read them, so there is nothing for Scrutiny to analyze here.';

/** Classify a tab's address. An unknown address (no permission to see it yet) counts as supported. */
export function pageSupport(address: string | undefined): PageSupport {
  if (!address) return { supported: true };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { supported: false, reason: 'This tab has no web page in it.' };
  }
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      break;
    case 'file:':
      return /\.pdf$/i.test(url.pathname) ? pdfViewer() : { supported: true };
    case 'chrome:':
    case 'edge:':
    case 'about:':
    case 'moz-extension:':
    case 'chrome-extension:':
    case 'devtools:':
    case 'view-source:':
    case 'chrome-search:':
    case 'chrome-untrusted:':
    case 'resource:':
      return { supported: false, reason: BROWSER_PAGE };
    case 'data:':
    case 'blob:':
    case 'javascript:':
      return {
        supported: false,
        reason: 'This tab shows a page made on the fly, which extensions cannot read.',
      };
    default:
      return { supported: false, reason: `Scrutiny cannot read ${url.protocol.replace(/:$/, '')}: pages.` };
  }
  for (const [host, name] of STORE_HOSTS) {
    if (host.test(url.hostname)) {
      return {
        supported: false,
        reason: `This is ${name}. Browsers keep extensions out of their add-on stores.`,
      };
    }
  }
  if (/\.pdf$/i.test(url.pathname)) return pdfViewer();
  return { supported: true };
}

const PDF_VIEWER =
  'This is a PDF shown in the browser’s PDF viewer, which extensions cannot read. Scrutiny works on web pages.';

function pdfViewer(): PageSupport {
  return { supported: false, reason: PDF_VIEWER };
}

/**
 * Turn the browser's refusal to inject into a plain-words reason, or null when the refusal only means
 * "no permission yet" (the reader can grant it with the toolbar button).
 */
export function reasonFromInjectionError(message: string): string | null {
  if (
    /cannot access a chrome:\/\/|chrome-extension:\/\/|cannot be scripted|about:|extensions gallery|moz-extension|privileged|reader mode/i.test(
      message,
    )
  ) {
    return BROWSER_PAGE;
  }
  if (/pdf/i.test(message)) return PDF_VIEWER;
  if (/error page|showing error/i.test(message))
    return 'This tab shows an error page: the page itself did not load.';
  return null;
}

/**
 * Whether a refusal to inject only means the page was changing under the extension: the frame or the
 * tab went away between asking and injecting (a navigation, a reload, a tab being closed). Such a
 * page needs another try, not a permission.
 */
export function pageWasChanging(message: string): boolean {
  return /frame with id \d+ was removed|no frame with id|the frame was removed|no tab with id|tab was closed|message manager disconnected/i.test(
    message,
  );
}

/** What the reader is told when the page was changing (see pageWasChanging). */
export const PAGE_WAS_CHANGING =
  'The page changed while Scrutiny was reading it (it was loading or going to another address). Try again once it has loaded.';
