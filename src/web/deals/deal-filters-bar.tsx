import { useRef, useState } from 'react';
import { categories, type Category } from '../format/contract-values.js';
import { toQuery, type QueryValue } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';
import { useView } from '../view/use-view.js';
import { hasNarrowingFilters, type CloseFilter, type DealFilters } from './deal-filters.js';
import { useTeamOptions } from './team-options.js';

type FiltersBarProps = {
  filters: DealFilters;
  onChange: (change: Partial<DealFilters>) => void;
  facets: { owners: { id: string; name: string }[]; stages: string[] } | undefined;
  /** The list's query, reused for the export links so a download holds exactly what is listed. */
  params: Record<string, QueryValue>;
};

export function DealFiltersBar({ filters, onChange, facets, params }: FiltersBarProps) {
  const session = useSession();
  const view = useView();
  const teams = useTeamOptions();
  const [searchKey, setSearchKey] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  const owners = withSelected(facets?.owners ?? [], filters.owner);
  const stages = facets?.stages ?? [];
  const showOwner = session.scope.kind === 'everything' || (session.scope.ownerCount ?? 0) > 1;

  const typeSearch = (text: string) => {
    // Wait for a pause in typing, so a word is one request rather than one per letter.
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange({ search: text }), 300);
  };
  const toggleCategory = (category: Category) =>
    onChange({
      categories: filters.categories.includes(category)
        ? filters.categories.filter((c) => c !== category)
        : categories.filter((c) => c === category || filters.categories.includes(c)),
    });
  const clear = () => {
    window.clearTimeout(timer.current);
    setSearchKey((key) => key + 1);
    onChange({ owner: null, team: null, stage: null, categories: [], search: '', close: 'period' });
  };
  const exportHref = (format: 'csv' | 'xlsx') => `/api/opportunities/export${toQuery({ ...params, format })}`;

  return (
    <div className="filters" role="search" aria-label="Filter deals">
      <label className="compact-field filter-search">
        <span>Search</span>
        <input
          key={searchKey}
          type="search"
          placeholder="Deal name"
          defaultValue={filters.search}
          onChange={(event) => typeSearch(event.target.value)}
        />
      </label>
      {showOwner ? (
        <label className="compact-field">
          <span>Owner</span>
          <select value={filters.owner ?? ''} onChange={(e) => onChange({ owner: e.target.value || null })}>
            <option value="">Everyone</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="compact-field">
        <span>Team</span>
        <select value={filters.team ?? ''} onChange={(e) => onChange({ team: e.target.value || null })}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.label}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span>Stage</span>
        <select value={filters.stage ?? ''} onChange={(e) => onChange({ stage: e.target.value || null })}>
          <option value="">All stages</option>
          {withSelected(
            stages.map((s) => ({ id: s, name: s })),
            filters.stage,
          ).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span>Close date</span>
        <select value={filters.close} onChange={(e) => onChange({ close: e.target.value as CloseFilter })}>
          <option value="period">In {view.period}</option>
          <option value="any">Any</option>
          <option value="range">Between…</option>
        </select>
      </label>
      {filters.close === 'range' ? (
        <>
          <label className="compact-field">
            <span>From</span>
            <input
              type="date"
              value={filters.closeFrom ?? ''}
              onChange={(e) => onChange({ closeFrom: e.target.value || null })}
            />
          </label>
          <label className="compact-field">
            <span>Before</span>
            <input
              type="date"
              value={filters.closeTo ?? ''}
              onChange={(e) => onChange({ closeTo: e.target.value || null })}
            />
          </label>
        </>
      ) : null}
      <fieldset className="category-toggles">
        <legend>Category</legend>
        {categories.map((category) => (
          <label key={category} className={`toggle${filters.categories.includes(category) ? ' is-on' : ''}`}>
            <input
              type="checkbox"
              checked={filters.categories.includes(category)}
              onChange={() => toggleCategory(category)}
            />
            {category}
          </label>
        ))}
      </fieldset>
      <div className="filters-end">
        {hasNarrowingFilters(filters) || filters.close !== 'period' ? (
          <button type="button" className="button button-small button-quiet" onClick={clear}>
            Clear filters
          </button>
        ) : null}
        <a className="button button-small" href={exportHref('csv')} download>
          Export CSV
        </a>
        <a className="button button-small" href={exportHref('xlsx')} download>
          Export XLSX
        </a>
      </div>
    </div>
  );
}

function withSelected(options: { id: string; name: string }[], selected: string | null) {
  return selected && !options.some((o) => o.id === selected)
    ? [{ id: selected, name: selected }, ...options]
    : options;
}
