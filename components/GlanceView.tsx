import type { AnalyzedPage, BylineCandidate, BylineDecision, FieldSource } from '@/lib/extract/types';
import { SOURCE_LABELS, describeDelay, formatCount, formatPageDate, formatShare } from '@/lib/format';
import { Field } from './BylineCard';

function From({ source }: { source: FieldSource | null | undefined }) {
  return source ? <>{SOURCE_LABELS[source]}</> : <span class="missing">not found</span>;
}

/** "17 hours later", or why there is no delay to tell. */
function updateText(published: string | null, modified: string | null): string {
  if (!modified) return 'No update shown';
  if (!published) return 'Updated; no publication date to compare with';
  const delay = describeDelay(published, modified);
  return delay ? `Updated ${delay}` : 'Updated at the time of publication';
}

const DECISION_LABELS: Record<BylineDecision['field'], string> = {
  authors: 'Authors',
  published: 'Published',
  modified: 'Updated',
};

/** A candidate value as the reader reads it: dates formatted, names as they are. */
function candidateText(field: BylineDecision['field'], candidate: BylineCandidate): string {
  const value = field === 'authors' ? candidate.value : formatPageDate(candidate.value);
  return `${value} (${SOURCE_LABELS[candidate.source]})`;
}

/** Where the page's sources disagreed about the byline: which value was shown, which were not, and why. */
function Disagreements({ decisions }: { decisions: BylineDecision[] }) {
  return (
    <>
      <h3 class="subheading">Where the page disagreed with itself</h3>
      <dl class="fields" data-testid="glance-decisions">
        {decisions.map((decision) => (
          <Field key={decision.field} label={DECISION_LABELS[decision.field]} testId="glance-decision">
            <span>Shown: {candidateText(decision.field, decision.chosen)}. </span>
            <span>
              Also given:{' '}
              {decision.rejected.map((candidate) => candidateText(decision.field, candidate)).join('; ')}
              .{' '}
            </span>
            <span class="decision-reason">{decision.reason}</span>
          </Field>
        ))}
      </dl>
    </>
  );
}

/** Plain counts over the quotes, sources and byline; no verdicts. */
export function GlanceView({ page, running }: { page: AnalyzedPage; running: boolean }) {
  const { glance, byline } = page;
  const authorSources = [...new Set(byline.authors.map((author) => author.source))];
  return (
    <>
      {glance && !running && (
        <dl class="fields" data-testid="glance-counts">
          <Field label="Quotes" testId="glance-quotes">
            {formatCount(glance.quotes, 'quote')} from {formatCount(glance.speakers, 'speaker')}
          </Field>
          <Field label="Unattributed" testId="glance-unattributed">
            {formatCount(glance.unattributedQuotes, 'quote')}
          </Field>
          <Field label="Sources" testId="glance-sources">
            {glance.namedSources.toLocaleString('en-US')} named,{' '}
            {glance.anonymousSources.toLocaleString('en-US')} anonymous
          </Field>
          <Field label="Quoted text" testId="glance-quoted-share">
            {formatShare(glance.quotedShare)} of the article
          </Field>
          <Field label="Links out" testId="glance-links">
            {formatCount(glance.linksOut, 'link')}
          </Field>
        </dl>
      )}
      <h3 class="subheading">Dates</h3>
      <dl class="fields">
        <Field label="Published" testId="glance-published">
          {byline.published ? formatPageDate(byline.published) : <span class="missing">No date found</span>}
        </Field>
        <Field label="Updated" testId="glance-update">
          {updateText(byline.published, byline.modified)}
        </Field>
      </dl>
      <h3 class="subheading">Where the byline was read</h3>
      <dl class="fields" data-testid="glance-provenance">
        <Field label={byline.authors.length > 1 ? 'Authors' : 'Author'} testId="glance-author-source">
          {authorSources.length === 0 ? (
            <span class="missing">not found</span>
          ) : (
            authorSources.map((source) => SOURCE_LABELS[source]).join(', ')
          )}
        </Field>
        <Field label="Outlet" testId="glance-outlet-source">
          <From source={byline.outlet?.source} />
        </Field>
        <Field label="Published" testId="glance-published-source">
          <From source={byline.published ? byline.publishedSource : null} />
        </Field>
        <Field label="Updated" testId="glance-modified-source">
          <From source={byline.modified ? byline.modifiedSource : null} />
        </Field>
      </dl>
      {byline.decisions && byline.decisions.length > 0 && <Disagreements decisions={byline.decisions} />}
    </>
  );
}
