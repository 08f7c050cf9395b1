import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { OpportunityListItem } from '../../api/opportunity-list.js';
import type { SortKey } from '../format/contract-values.js';
import { formatExact, formatMoney } from '../format/format-money.js';
import { formatDay } from '../format/format-time.js';
import { CategoryBadge } from '../ui/category-badge.js';
import { EditableCell } from './editable-cell.js';

export type ColumnContext = {
  canEdit: boolean;
  stageOptions: readonly string[];
  corporateCurrency: string;
  dealLink: (id: string) => { pathname: string; search: string };
};

/** Which column sorts by which API sort key; the others do not sort. */
export type DealColumnMeta = { sortKey?: SortKey; className?: string };

/** The deal table's columns; the stage, category, amount, close date and next step edit in place. */
export function dealColumns(context: ColumnContext): ColumnDef<OpportunityListItem>[] {
  const { canEdit, stageOptions } = context;
  return [
    {
      id: 'name',
      header: 'Deal',
      meta: { sortKey: 'name', className: 'col-deal' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => (
        <div className="deal-cell">
          <Link to={context.dealLink(deal.id)} className="deal-link">
            {deal.name}
          </Link>
          <span className="deal-account">{deal.accountName ?? 'No account'}</span>
        </div>
      ),
    },
    {
      id: 'owner',
      header: 'Owner',
      meta: { className: 'col-owner' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => deal.ownerName ?? '—',
    },
    {
      id: 'stage',
      header: 'Stage',
      meta: { className: 'col-stage' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => (
        <EditableCell
          dealId={deal.id}
          dealName={deal.name}
          field="stage"
          value={deal.stage}
          canEdit={canEdit}
          stageOptions={stageOptions}
        >
          {deal.stage}
        </EditableCell>
      ),
    },
    {
      id: 'category',
      header: 'Category',
      meta: { className: 'col-category' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => (
        <EditableCell
          dealId={deal.id}
          dealName={deal.name}
          field="forecastCategory"
          value={deal.forecastCategory}
          canEdit={canEdit}
        >
          <CategoryBadge category={deal.forecastCategory} />
        </EditableCell>
      ),
    },
    {
      id: 'amount',
      header: 'Amount',
      meta: { sortKey: 'amount', className: 'col-amount' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => (
        <EditableCell
          dealId={deal.id}
          dealName={deal.name}
          field="amount"
          value={deal.amount}
          canEdit={canEdit}
          align="end"
        >
          <span title={formatExact(deal.amount, deal.currency)} data-amount={deal.corporateAmount ?? ''}>
            {formatMoney(deal.amount, deal.currency)}
          </span>
          {deal.currency !== context.corporateCurrency && deal.corporateAmount !== null ? (
            <span className="amount-converted">
              ≈ {formatMoney(deal.corporateAmount, context.corporateCurrency)}
            </span>
          ) : null}
        </EditableCell>
      ),
    },
    {
      id: 'closeDate',
      header: 'Close date',
      meta: { sortKey: 'closeDate', className: 'col-close' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => (
        <EditableCell
          dealId={deal.id}
          dealName={deal.name}
          field="closeDate"
          value={deal.closeDate}
          canEdit={canEdit}
        >
          {formatDay(deal.closeDate)}
          {deal.pushCount > 0 ? (
            <span className="mark mark-push" title={`Close date pushed later ${deal.pushCount} times`}>
              ↻{deal.pushCount}
            </span>
          ) : null}
          {deal.isLateRecordedClose ? (
            <span className="mark mark-late" title="Closed, but recorded well after its close date">
              late
            </span>
          ) : null}
        </EditableCell>
      ),
    },
    {
      id: 'nextStep',
      header: 'Next step',
      meta: { className: 'col-next' } satisfies DealColumnMeta,
      cell: ({ row: { original: deal } }) => (
        <EditableCell
          dealId={deal.id}
          dealName={deal.name}
          field="nextStep"
          value={deal.nextStep}
          canEdit={canEdit}
        >
          {deal.nextStep ?? <span className="muted">—</span>}
        </EditableCell>
      ),
    },
  ];
}
