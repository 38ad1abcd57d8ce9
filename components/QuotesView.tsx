import type { Quote, TextQuoteSelector } from '@/lib/analyze/types';
import { formatCount } from '@/lib/format';
import { groupQuotes, type QuoteGroup } from '@/lib/panel-state';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s\u00a0]+/)
    .filter(Boolean);

/** "Kovalin" or "Andrej Kovalin" for "Andrej Kovalin": the mention says no more than the name. */
function partOfName(mention: string, name: string): boolean {
  const nameWords = new Set(words(name));
  return words(mention).every((word) => nameWords.has(word));
}

function groupName(group: QuoteGroup): string {
  if (group.unattributed) return 'Unattributed';
  return group.speaker ?? 'Unnamed source';
}

/**
 * "said · as “the message”": the cue as written, how the text names the speaker when not by name, and
 * for a second-hand quote where it was given ("second-hand, via CNN"; the outlet once only when the cue
 * already names it: "told CNN · second-hand").
 */
function QuoteMeta({ quote }: { quote: Quote }) {
  const mention =
    quote.speakerMention && !(quote.speaker && partOfName(quote.speakerMention, quote.speaker))
      ? quote.speakerMention
      : null;
  const origin = quote.origin
    ? quote.cue?.includes(quote.origin)
      ? 'second-hand'
      : `second-hand, via ${quote.origin}`
    : null;
  const parts = [
    quote.cue && (
      <span class="cue" key="cue">
        {quote.cue}
      </span>
    ),
    mention && (
      <span class="mention" key="mention">
        as “{mention}”
      </span>
    ),
    origin && (
      <span
        class="origin"
        key="origin"
        title={`The article took this quote from ${quote.origin}; it did not gather it itself.`}
      >
        {origin}
      </span>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <>
      {' '}
      <span class="quote-meta">{parts.flatMap((part, index) => (index > 0 ? [' · ', part] : [part]))}</span>
    </>
  );
}

/** Who is quoted, most quoted first; each quote a button that shows it in the page. */
export function QuotesView({
  quotes,
  onShowPassage,
}: {
  quotes: Quote[];
  onShowPassage(selector: TextQuoteSelector): void;
}) {
  if (quotes.length === 0) {
    return (
      <p class="empty" data-testid="no-quotes">
        Scrutiny found no direct quotes in this article.
      </p>
    );
  }
  return (
    <>
      <p class="hint">Select a quote to see it in the page.</p>
      {groupQuotes(quotes).map((group, index) => (
        <section
          class="group"
          key={group.key}
          aria-labelledby={`quote-group-${index}`}
          data-testid="quote-group"
        >
          <h3 class="group-heading" id={`quote-group-${index}`} data-testid="quote-group-heading">
            <span class="group-name">{groupName(group)}</span>
            {group.anonymous && (
              <>
                {' '}
                <span class="tag">anonymous</span>
              </>
            )}{' '}
            <span class="count">{formatCount(group.quotes.length, 'quote')}</span>
          </h3>
          <ul class="items">
            {group.quotes.map((quote, quoteIndex) => (
              <li key={`${quote.start}-${quoteIndex}`}>
                <button
                  type="button"
                  class="item"
                  data-testid="quote"
                  title="Show this quote in the page"
                  onClick={() => onShowPassage(quote.selector)}
                >
                  <span class="quote-text">
                    {quote.marks?.[0] ?? '“'}
                    {quote.text}
                    {quote.marks?.[1] ?? '”'}
                  </span>
                  <QuoteMeta quote={quote} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
