import { linkSite } from '@/lib/analyze/sources';
import type { Source, TextQuoteSelector } from '@/lib/analyze/types';
import { LINK_KIND_LABELS, SOURCE_KIND_LABELS, displayUrl, formatCount, httpUrl } from '@/lib/format';
import { groupSources } from '@/lib/panel-state';

function SourceItem({
  source,
  onShowPassage,
}: {
  source: Source;
  onShowPassage(selector: TextQuoteSelector): void;
}) {
  const first = source.places[0];
  const url = httpUrl(source.url);
  const label = (
    <>
      <span class="name">{source.name}</span>{' '}
      <span class="count">{formatCount(source.mentions, 'mention')}</span>
      {source.kind === 'link' && source.linkKind && (
        <>
          {' '}
          <span class="tag">{LINK_KIND_LABELS[source.linkKind]}</span>
        </>
      )}
    </>
  );
  return (
    <li class="source" data-testid="source">
      {first ? (
        <button
          type="button"
          class="item"
          title="Show where the article first uses this source"
          onClick={() => onShowPassage(first.selector)}
        >
          {label}
        </button>
      ) : (
        <div class="item">{label}</div>
      )}
      {url && (
        // Named by the site it goes to (its registrable domain), never by a cut-off address a page can
        // pad with a trusted name; the whole address is the link's title and part of its accessible name.
        <a
          class="url"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          title={url}
          aria-label={`${linkSite(url) || displayUrl(url)} (${url})`}
        >
          {linkSite(url) || displayUrl(url)}
        </a>
      )}
    </li>
  );
}

/** What the story rests on, grouped by kind. */
export function SourcesView({
  sources,
  onShowPassage,
}: {
  sources: Source[];
  onShowPassage(selector: TextQuoteSelector): void;
}) {
  if (sources.length === 0) {
    return (
      <p class="empty" data-testid="no-sources">
        Scrutiny found no named sources or links out in this article.
      </p>
    );
  }
  return (
    <>
      <p class="hint">Select a source to see where the article first uses it.</p>
      {groupSources(sources).map((group) => (
        <section
          class="group"
          key={group.kind}
          aria-labelledby={`source-group-${group.kind}`}
          data-testid="source-group"
        >
          <h3 class="group-heading" id={`source-group-${group.kind}`} data-testid="source-group-heading">
            <span class="group-name">{SOURCE_KIND_LABELS[group.kind]}</span>{' '}
            <span class="count">{formatCount(group.sources.length, 'source')}</span>
          </h3>
          <ul class="items">
            {group.sources.map((source, index) => (
              <SourceItem key={`${source.name}-${index}`} source={source} onShowPassage={onShowPassage} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
