/**
 * What changed between two saved states of an article (lib/library/diff): headline and byline changes,
 * whether the outlet's "updated" date moved, quotes added, dropped or altered, and the paragraphs added,
 * removed and reworded, word by word. Used by the panel (live page against the newest saved copy) and
 * by the library (any two versions).
 */
import type { ArticleDiff, FieldChange, WordChange } from '@/lib/library/diff';

const FIELD_NAMES: Record<FieldChange['field'], string> = {
  title: 'Headline',
  authors: 'Authors',
  outlet: 'Outlet',
  published: 'Published',
  modified: 'Updated',
};

function Words({ words }: { words: WordChange[] }) {
  return (
    <>
      {words.map((word, index) =>
        word.added ? (
          <ins key={index}>{word.value}</ins>
        ) : word.removed ? (
          <del key={index}>{word.value}</del>
        ) : (
          <span key={index}>{word.value}</span>
        ),
      )}
    </>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line for the reader: "2 paragraphs reworded, 1 added; 1 quote changed". */
export function summarizeChanges(diff: ArticleDiff): string {
  const { added, removed, reworded, quotesChanged } = diff.summary;
  const parts: string[] = [];
  if (reworded) parts.push(`${plural(reworded, 'paragraph', 'paragraphs')} reworded`);
  if (added) parts.push(`${plural(added, 'paragraph', 'paragraphs')} added`);
  if (removed) parts.push(`${plural(removed, 'paragraph', 'paragraphs')} removed`);
  if (quotesChanged) parts.push(`${plural(quotesChanged, 'quote', 'quotes')} changed`);
  if (diff.fields.length)
    parts.push(diff.fields.map((field) => FIELD_NAMES[field.field]).join(', ') + ' changed');
  return parts.length ? parts.join('; ') : 'No change to the text';
}

export function ChangesView({ diff, testId = 'changes' }: { diff: ArticleDiff; testId?: string }) {
  return (
    <div class="changes" data-testid={testId}>
      <p class="changes-summary">{summarizeChanges(diff)}.</p>
      {diff.updatedDate === 'unchanged' && (
        <p class="changes-undated" role="note" data-testid="edited-without-date">
          The outlet changed the text without changing its “updated” date.
        </p>
      )}
      {diff.updatedDate === 'moved' && (
        <p class="changes-dated" data-testid="updated-date-moved">
          The outlet’s “updated” date moved.
        </p>
      )}
      {diff.fields.length > 0 && (
        <dl class="changes-fields">
          {diff.fields.map((field) => (
            <div key={field.field}>
              <dt>{FIELD_NAMES[field.field]}</dt>
              <dd>
                <del>{field.old ?? 'not stated'}</del> → <ins>{field.new ?? 'not stated'}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {diff.quotes.length > 0 && (
        <section class="changes-section">
          <h4>Quotes</h4>
          <ul class="changes-list" data-testid="quote-changes">
            {diff.quotes.map((quote, index) => (
              <li key={index} data-kind={quote.kind}>
                <span class="change-kind">
                  {quote.kind === 'added' ? 'Added' : quote.kind === 'dropped' ? 'Dropped' : 'Altered'}
                  {quote.speaker ? ` (${quote.speaker})` : ''}:
                </span>{' '}
                {quote.kind === 'altered' && quote.words ? (
                  <Words words={quote.words} />
                ) : quote.kind === 'dropped' ? (
                  <del>{quote.old}</del>
                ) : (
                  <ins>{quote.new}</ins>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.paragraphs.length > 0 && (
        <section class="changes-section">
          <h4>Paragraphs</h4>
          <ul class="changes-list" data-testid="paragraph-changes">
            {diff.paragraphs.map((change, index) => (
              <li key={index} data-kind={change.kind}>
                {change.kind === 'reworded' ? (
                  <>
                    <span class="change-kind">Reworded:</span> <Words words={change.words} />
                  </>
                ) : change.kind === 'added' ? (
                  <>
                    <span class="change-kind">Added:</span> <ins>{change.text}</ins>
                  </>
                ) : (
                  <>
                    <span class="change-kind">Removed:</span> <del>{change.text}</del>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
