/**
 * Which page an annotator may speak for. The annotator runs inside a page the reader does not control,
 * and a page chooses its own canonical link: a page on evil.example that names news.example's article as
 * its canonical address must not be handed the reader's notes on that article. So the address is the one
 * the browser reports for the frame, and the canonical address counts only when it is on the same site.
 */
import { pageKeys } from './page-keys';
import type { AnnotatedPage } from './types';

/** Second-level labels under which a country's sites live (example.co.uk, example.com.au). */
const SHARED_SECOND_LEVEL = /^(?:co|com|net|org|gov|ac|edu|ne|or|go|gv|nic)$/;

/** The host a page's keys name (an AMP cache copy counts as the site it copies). */
function hostOf(url: string): string | null {
  const key = pageKeys({ url, canonicalUrl: null }).find((candidate) => !candidate.startsWith('file:'));
  const host = key?.split(/[/?#]/, 1)[0];
  return host ? host.replace(/:\d+$/, '') : null;
}

/** The registrable part of a host, approximately: the last two labels, three under a shared second level. */
function siteOf(host: string): string {
  if (/^[\d.]+$|:/.test(host)) return host; // an IP address is a site of its own
  const labels = host.split('.');
  const size =
    labels.length >= 3 && labels.at(-1)!.length === 2 && SHARED_SECOND_LEVEL.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-size).join('.');
}

export function sameSite(a: string, b: string): boolean {
  const [hostA, hostB] = [hostOf(a), hostOf(b)];
  return hostA !== null && hostB !== null && siteOf(hostA) === siteOf(hostB);
}

/** The page as an annotator in the frame at `frameUrl` may claim it. */
export function pageForFrame(claimed: AnnotatedPage, frameUrl: string): AnnotatedPage {
  const canonicalUrl =
    claimed.canonicalUrl && sameSite(claimed.canonicalUrl, frameUrl) ? claimed.canonicalUrl : null;
  return { url: frameUrl, canonicalUrl, title: claimed.title };
}
