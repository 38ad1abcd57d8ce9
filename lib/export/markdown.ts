/**
 * Markdown: one document per article, with YAML front matter that Obsidian reads as properties, the
 * reader's page note, the highlights as block quotes in reading order with their colours, tags and
 * notes, and the clippings with their citations. Text from the page and from the reader is escaped, so
 * a passage that looks like Markdown or HTML shows as the text it is, on GitHub and in Obsidian alike.
 */
import { COLOUR_NAMES } from '../annotations/types';
import { formatCitation } from '../annotations/citation';
import { articleFileName, isoDay } from './file-names';
import { quoteOf } from '../annotations/selectors';
import { collectionNames, type ArticleGroup } from './grouping';
import type { ExportData } from './types';

/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of YAML's; characters YAML wants escaped
 * and JSON leaves alone (C1 controls, line and paragraph separators, the byte order mark) are escaped.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function yamlValue(value: string | null): string {
  return value === null ? 'null' : yamlString(value);
}

function yamlList(values: readonly string[]): string {
  return values.length === 0 ? ' []' : values.map((value) => `\n  - ${yamlString(value)}`).join('');
}

/**
 * Text that Markdown shows as written: characters that would start emphasis, links, code, HTML, tags
 * (Obsidian's #tag) or tables are backslash-escaped, and so are line starts that would make headings,
 * lists or quotes.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Several lines as one block quote; blank lines stay inside the quote. */
function blockQuote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * One article's Markdown. As a `file` it opens with YAML front matter; as a `section` of a combined
 * file, where only the first lines could be front matter, the same YAML follows the heading as a fenced
 * block.
 */
export function articleMarkdown(
  group: ArticleGroup,
  data: ExportData,
  layout: 'file' | 'section' = 'file',
): string {
  const { article } = group;
  const tags = article?.tags ?? [];
  const collections = collectionNames(data, [
    ...(article?.collectionIds ?? []),
    ...group.clippings.map((clipping) => clipping.collectionId),
  ]);
  const properties = [
    `title: ${yamlString(group.title)}`,
    `authors:${yamlList(group.authors)}`,
    `outlet: ${yamlValue(group.outlet)}`,
    `published: ${yamlValue(group.published)}`,
    `updated: ${yamlValue(group.modified)}`,
    `url: ${yamlString(group.url)}`,
    `saved: ${yamlValue(article?.savedAt ?? null)}`,
    `tags:${yamlList(tags)}`,
    `collections:${yamlList([...new Set(collections)])}`,
  ];
  const heading = `# ${markdownText(group.title || group.url)}`;
  const lines =
    layout === 'file'
      ? ['---', ...properties, '---', '', heading, '']
      : [heading, '', '```yaml', ...properties, '```', ''];
  const facts = [
    group.authors.length > 0 ? markdownText(group.authors.join(', ')) : null,
    group.outlet ? markdownText(group.outlet) : null,
    isoDay(group.published),
  ].filter((part): part is string => !!part);
  if (facts.length > 0) lines.push(facts.join(' · '), '');
  lines.push(`<${group.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');

  if (group.pageNotes.length > 0) {
    lines.push('## Page note', '');
    for (const note of group.pageNotes) {
      lines.push(markdownText(note.body.note), '');
      if (note.body.tags.length > 0) lines.push(tagLine(note.body.tags), '');
    }
  }
  if (group.highlights.length > 0) {
    lines.push('## Highlights', '');
    for (const highlight of group.highlights) {
      lines.push(blockQuote(markdownText(quoteOf(highlight)?.exact ?? '')), '');
      const details = [`${COLOUR_NAMES[highlight.body.colour]} highlight`];
      if (highlight.body.tags.length > 0) details.push(tagLine(highlight.body.tags));
      lines.push(`*${details.join(' · ')}*`, '');
      if (highlight.body.note) lines.push(markdownText(highlight.body.note), '');
    }
  }
  if (group.clippings.length > 0) {
    lines.push('## Clippings', '');
    for (const clipping of group.clippings) {
      const citation = formatCitation(clipping.text, clipping.citation, new Date(clipping.citation.accessed));
      lines.push(blockQuote(markdownText(citation)), '');
      const details = collectionNames(data, [clipping.collectionId]).map(
        (name) => `In ${markdownText(name)}`,
      );
      if (clipping.tags.length > 0) details.push(tagLine(clipping.tags));
      if (details.length > 0) lines.push(`*${details.join(' · ')}*`, '');
      if (clipping.note) lines.push(markdownText(clipping.note), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function tagLine(tags: readonly string[]): string {
  return `Tags: ${tags.map(markdownText).join(', ')}`;
}

/** The document's file name inside a zip: "Outlet 2026-03-03 Title.md". */
export function articleMarkdownName(group: ArticleGroup): string {
  return articleFileName({ outlet: group.outlet, date: group.published, title: group.title }, 'md');
}

/** Between two articles of a combined file: a rule no article text can produce (text is escaped). */
export const COMBINED_SEPARATOR = '\n---\n\n';
