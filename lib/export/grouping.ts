/**
 * The export data arranged per article, as Markdown and CSV present it: each saved article with its
 * newest snapshot, its page notes, its highlights in reading order and its clippings; then, for
 * annotations and clippings of pages that are not saved, one group per page. With 100,000 notes this is
 * a few hundred milliseconds of work, so it lets the page breathe as it goes (`Breather`).
 */
import { quoteOf } from '../annotations/selectors';
import type { Annotation, TextPositionSelector } from '../annotations/types';
import type { ArticleSnapshot, Clipping, SavedArticle } from '../library/types';
import type { ExportData } from './types';
import { byCreatedThenId, bySavedThenId, sortInSlices, type Breather } from './order';

export interface ArticleGroup {
  /** Null for a page that is annotated or clipped but not saved. */
  article: SavedArticle | null;
  latestVersion: ArticleSnapshot | null;
  title: string;
  url: string;
  outlet: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  pageNotes: Annotation[];
  /** In reading order: by position in the text, then (for those without one) by creation time. */
  highlights: Annotation[];
  clippings: Clipping[];
}

export async function articleGroups(data: ExportData, pacer: Breather): Promise<ArticleGroup[]> {
  const latest = new Map(data.versions.map((version) => [version.id, version]));
  const groups: ArticleGroup[] = [];
  const groupByKey = new Map<string, ArticleGroup>();
  const articles = await sortInSlices(data.articles, bySavedThenId, pacer);
  for (const article of articles) {
    const group: ArticleGroup = {
      article,
      latestVersion: latest.get(article.latestVersionId) ?? null,
      title: article.title,
      url: article.canonicalUrl ?? article.url,
      outlet: article.outlet,
      authors: article.authors,
      published: article.published,
      modified: article.modified,
      pageNotes: [],
      highlights: [],
      clippings: [],
    };
    groups.push(group);
    for (const key of article.pageKeys) if (!groupByKey.has(key)) groupByKey.set(key, group);
    await pacer.breathe();
  }
  const find = (pageKeys: readonly string[]) =>
    pageKeys.map((key) => groupByKey.get(key)).find((group) => group !== undefined);
  const unsaved = (
    pageKeys: readonly string[],
    page: Omit<ArticleGroup, 'article' | 'latestVersion' | 'pageNotes' | 'highlights' | 'clippings'>,
  ) => {
    const group: ArticleGroup = {
      article: null,
      latestVersion: null,
      ...page,
      pageNotes: [],
      highlights: [],
      clippings: [],
    };
    groups.push(group);
    for (const key of pageKeys) if (!groupByKey.has(key)) groupByKey.set(key, group);
    return group;
  };
  const annotations = await sortInSlices(data.annotations, byCreatedThenId, pacer);
  for (const annotation of annotations) {
    const group =
      find(annotation.pageKeys) ??
      unsaved(annotation.pageKeys, {
        title: annotation.target.title,
        url: annotation.target.canonicalUrl ?? annotation.target.url,
        outlet: null,
        authors: [],
        published: null,
        modified: null,
      });
    (annotation.kind === 'page-note' ? group.pageNotes : group.highlights).push(annotation);
    await pacer.breathe();
  }
  const clippings = await sortInSlices(data.clippings, byCreatedThenId, pacer);
  for (const clipping of clippings) {
    const { citation } = clipping;
    const group =
      find(clipping.pageKeys) ??
      unsaved(clipping.pageKeys, {
        title: citation.title,
        url: citation.url,
        outlet: citation.outlet,
        authors: citation.authors,
        published: citation.published,
        modified: null,
      });
    group.clippings.push(clipping);
    await pacer.breathe();
  }
  for (const group of groups) {
    group.highlights = inReadingOrder(group.highlights, group.latestVersion);
    await pacer.breathe();
  }
  return groups;
}

/**
 * Highlights by where they start in the text: the TextPositionSelector, or where the quoted passage is
 * found in the saved text; those placed nowhere follow, oldest first (the list arrives oldest first).
 */
function inReadingOrder(highlights: Annotation[], version: ArticleSnapshot | null): Annotation[] {
  const placed = highlights.map((highlight, index) => ({
    highlight,
    index,
    start: startOf(highlight, version),
  }));
  placed.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.index - b.index);
  return placed.map(({ highlight }) => highlight);
}

function startOf(highlight: Annotation, version: ArticleSnapshot | null): number | null {
  const position = highlight.target.selector.find(
    (selector): selector is TextPositionSelector => selector.type === 'TextPositionSelector',
  );
  if (position) return position.start;
  const quote = quoteOf(highlight);
  if (!quote || !version) return null;
  const found = version.text.indexOf(quote.exact);
  return found >= 0 ? found : null;
}

/** The names of the collections an article or clipping belongs to, as the reader named them. */
export function collectionNames(data: ExportData, ids: readonly string[]): string[] {
  const names = new Map(data.collections.map((collection) => [collection.id, collection.name]));
  return ids.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
}
