import type { ScorecardCard } from '../../api/scorecards.js';
import { DealIdList } from './deal-id-list.js';

type Props = {
  conversions: ScorecardCard['conversions'];
  /** The card's open row: `conversion:<stage>` when one of these. */
  open: string | null;
  onToggle: (key: string) => void;
  dealsHref: string;
};

/**
 * Stage-to-stage conversion on a card: of the deals entering each open stage in the period, how
 * many went on to a later stage or a win. A stage nobody entered says so with a dash; the count of
 * deals that entered opens their list.
 */
export function StageConversionTable({ conversions, open, onToggle, dealsHref }: Props) {
  if (conversions.length === 0) return null;
  return (
    <table className="indicator-table conversion-table">
      <caption>Stage conversion</caption>
      <thead>
        <tr>
          <th scope="col">Entered stage</th>
          <th scope="col" className="num">
            Deals
          </th>
          <th scope="col" className="num">
            Went on
          </th>
          <th scope="col" className="num">
            Rate
          </th>
        </tr>
      </thead>
      <tbody>
        {conversions.map((c) => {
          const key = `conversion:${c.stage}`;
          return (
            <ConversionRow
              key={c.stage}
              conversion={c}
              expanded={open === key}
              onToggle={() => onToggle(key)}
              dealsHref={dealsHref}
            />
          );
        })}
      </tbody>
    </table>
  );
}

function ConversionRow(props: {
  conversion: ScorecardCard['conversions'][number];
  expanded: boolean;
  onToggle: () => void;
  dealsHref: string;
}) {
  const c = props.conversion;
  return (
    <>
      <tr className="conversion-row" data-testid={`conversion-${c.stage}`}>
        <th scope="row">{c.stage}</th>
        <td className="num">
          {c.entered > 0 ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={props.expanded}
              aria-label={`${c.entered} ${c.entered === 1 ? 'deal' : 'deals'} entered ${c.stage}`}
              onClick={props.onToggle}
            >
              {c.entered}
            </button>
          ) : (
            0
          )}
        </td>
        <td className="num">{c.advanced}</td>
        <td className="num">{c.rate === null ? '—' : `${Math.round(c.rate * 100)} %`}</td>
      </tr>
      {props.expanded ? (
        <tr className="indicator-detail">
          <td colSpan={4}>
            <DealIdList ids={c.dealIds} allHref={props.dealsHref} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
