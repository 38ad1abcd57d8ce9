/** Narrow the library by kind, tag, outlet, author, person quoted, source kind, language and dates. */
import { memo } from 'preact/compat';
import type { LibraryFacets } from '@/lib/library/catalog';
import type { LibraryFilters, LibraryItemKind } from '@/lib/library/search';

const KINDS: { value: LibraryItemKind; label: string }[] = [
  { value: 'article', label: 'Saved articles' },
  { value: 'clipping', label: 'Clippings' },
  { value: 'highlight', label: 'Highlights' },
  { value: 'note', label: 'Notes on articles' },
];

function Choice({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange(value: string | undefined): void;
  testId: string;
}) {
  return (
    <label class="filter">
      <span>{label}</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
        data-testid={testId}
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Kept as it is while the list scrolls: rendered again only when its props change. */
export const FiltersPane = memo(function FiltersPane({
  filters,
  facets,
  onChange,
}: {
  filters: LibraryFilters;
  facets: LibraryFacets | null;
  onChange(change: Partial<LibraryFilters>): void;
}) {
  const kind = filters.kinds?.length === 1 ? filters.kinds[0] : undefined;
  return (
    <section class="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="side-heading">
        Filters
      </h2>
      <label class="filter">
        <span>Show</span>
        <select
          value={kind ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value as LibraryItemKind | '';
            onChange({ kinds: value ? [value] : undefined });
          }}
          data-testid="filter-kind"
        >
          <option value="">Everything</option>
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <Choice
        label="Tag"
        value={filters.tag}
        options={facets?.tags ?? []}
        onChange={(tag) => onChange({ tag })}
        testId="filter-tag"
      />
      <Choice
        label="Outlet"
        value={filters.outlet}
        options={facets?.outlets ?? []}
        onChange={(outlet) => onChange({ outlet })}
        testId="filter-outlet"
      />
      <Choice
        label="Author"
        value={filters.author}
        options={facets?.authors ?? []}
        onChange={(author) => onChange({ author })}
        testId="filter-author"
      />
      <Choice
        label="Person quoted"
        value={filters.speaker}
        options={facets?.speakers ?? []}
        onChange={(speaker) => onChange({ speaker })}
        testId="filter-speaker"
      />
      <Choice
        label="Source kind"
        value={filters.sourceKind}
        options={facets?.sourceKinds ?? []}
        onChange={(sourceKind) => onChange({ sourceKind })}
        testId="filter-source-kind"
      />
      <Choice
        label="Language"
        value={filters.lang}
        options={facets?.langs ?? []}
        onChange={(lang) => onChange({ lang })}
        testId="filter-lang"
      />
      <fieldset class="filter-dates">
        <legend>Dates</legend>
        <label class="filter">
          <span>Date</span>
          <select
            value={filters.dateField ?? 'saved'}
            onChange={(event) => onChange({ dateField: event.currentTarget.value as 'published' | 'saved' })}
          >
            <option value="saved">saved</option>
            <option value="published">published</option>
          </select>
        </label>
        <label class="filter">
          <span>From</span>
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
          />
        </label>
        <label class="filter">
          <span>To</span>
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
          />
        </label>
      </fieldset>
    </section>
  );
});
