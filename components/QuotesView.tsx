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

/** "said · as “the message”": the cue as written, and how the text names the speaker when not by name. */
function QuoteMeta({ quote }: { quote: Quote }) {
  const mention =
    quote.speakerMention && !(quote.speaker && partOfName(quote.speakerMention, quote.speaker))
      ? quote.speakerMention
      : null;
  if (!quote.cue && !mention) return null;
  return (
    <>
      {' '}
      <span class="quote-meta">
        {quote.cue && <span class="cue">{quote.cue}</span>}
        {quote.cue && mention && ' · '}
        {mention && <span class="mention">as “{mention}”</span>}
      </span>
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
