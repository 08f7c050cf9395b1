import { Link } from 'react-router';

const shown = 12;

/** The deals behind a figure, each a link to its page; past a dozen, the deals list has them all. */
export function DealIdList({ ids, allHref }: { ids: readonly string[]; allHref: string }) {
  if (ids.length === 0) return null;
  return (
    <p>
      {ids.length} {ids.length === 1 ? 'deal' : 'deals'}:{' '}
      {ids.slice(0, shown).map((id) => (
        <Link key={id} to={`/deals/${encodeURIComponent(id)}`} className="deal-chip">
          {id}
        </Link>
      ))}
      {ids.length > shown ? <Link to={allHref}> all in the deals list</Link> : null}
    </p>
  );
}
