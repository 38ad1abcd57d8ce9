import type { ComponentChildren } from 'preact';
import type { AnalyzedPage, FieldSource } from '@/lib/extract/types';
import { GENRE_LABELS, describeGenreOrigin } from '@/lib/extract/genre';
import { SOURCE_LABELS, describeDelay, formatCount, formatPageDate } from '@/lib/format';

function Provenance({ source }: { source: FieldSource | null }) {
  if (!source) return null;
  return (
    <span class="provenance" title={`Read from ${SOURCE_LABELS[source]}`}>
      from {SOURCE_LABELS[source]}
    </span>
  );
}

/** One labelled row of a definition list: the byline card's fields and the glance counts. */
export function Field({
  label,
  children,
  testId,
}: {
  label: string;
  children: ComponentChildren;
  testId: string;
}) {
  return (
    <div class="field" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What could not be read fully on this page, in plain words. */
export function PageWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul class="warnings" aria-label="Notes on this page" data-testid="warnings">
      {warnings.map((warning) => (
        <li key={warning}>{warning}</li>
      ))}
    </ul>
  );
}

/** The headline, who wrote it, for whom, when, and where each of those came from. */
export function BylineCard({ page }: { page: AnalyzedPage }) {
  const { byline, article } = page;
  const delay = byline.published && byline.modified ? describeDelay(byline.published, byline.modified) : null;
  return (
    <section class="card" aria-labelledby="headline">
      <h1 id="headline" data-testid="headline" tabIndex={-1}>
        {page.title || 'Untitled page'}
      </h1>
      <dl class="fields">
        <Field label={byline.authors.length > 1 ? 'Authors' : 'Author'} testId="authors">
          {byline.authors.length === 0 ? (
            <span class="missing">No author named</span>
          ) : (
            <ul class="authors">
              {byline.authors.map((author) => (
                <li key={author.name} data-testid="author">
                  <span class="name">{author.name}</span> <Provenance source={author.source} />
                </li>
              ))}
            </ul>
          )}
        </Field>
        {byline.contributors.length > 0 && (
          <Field label="Contributing" testId="contributors">
            {byline.contributors.join(', ')} <span class="provenance">from the article text</span>
          </Field>
        )}
        <Field label="Outlet" testId="outlet">
          {byline.outlet ? (
            <>
              <span class="name">{byline.outlet.name}</span> <Provenance source={byline.outlet.source} />
            </>
          ) : (
            <span class="missing">Not stated</span>
          )}
          {byline.wire && <div class="wire">Wire credit: {byline.wire}</div>}
        </Field>
        {byline.genre && (
          <Field label="Kind" testId="genre">
            <span class="name">{GENRE_LABELS[byline.genre]}</span>{' '}
            <span class="provenance">{describeGenreOrigin(byline.genreVia)}</span>
          </Field>
        )}
        <Field label="Published" testId="published">
          {byline.published ? (
            <>
              <time dateTime={byline.published}>{formatPageDate(byline.published)}</time>{' '}
              <Provenance source={byline.publishedSource} />
            </>
          ) : (
            <span class="missing">No date found</span>
          )}
        </Field>
        <Field label="Updated" testId="modified">
          {byline.modified ? (
            <>
              <time dateTime={byline.modified}>{formatPageDate(byline.modified)}</time>{' '}
              <Provenance source={byline.modifiedSource} />
              {delay && <div class="delay">{delay} than published</div>}
            </>
          ) : (
            <span class="missing">No update shown</span>
          )}
        </Field>
        <Field label="Length" testId="length">
          {formatCount(article.wordCount, 'word')} · {article.readingMinutes} min read
        </Field>
      </dl>
      <PageWarnings warnings={page.warnings} />
    </section>
  );
}
