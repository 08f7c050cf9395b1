import type { ReactNode } from 'react';
import type { OpportunityDetailResponse } from '../../api/opportunity-detail.js';
import { useDealFacets } from '../deals/deal-queries.js';
import { EditableCell } from '../deals/editable-cell.js';
import { formatExact, formatMoney, formatPercent } from '../format/format-money.js';
import { formatDay, formatInstant } from '../format/format-time.js';
import { CategoryBadge } from '../ui/category-badge.js';

type Deal = OpportunityDetailResponse;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The deal's own fields; the ones a rep keeps current edit in place, guarded by the deal's last seq. */
export function DealFacts({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const facets = useDealFacets({ asOf: null });
  const common = { dealId: deal.id, dealName: deal.name, canEdit, expectedLastSeq: deal.lastSeq };
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title" className="panel-title">
        Deal
      </h2>
      <dl className="facts">
        <Fact label="Amount">
          <EditableCell {...common} field="amount" value={deal.amount}>
            <span title={formatExact(deal.amount, deal.currency)} data-testid="deal-amount">
              {formatMoney(deal.amount, deal.currency)}
            </span>
            {deal.currency !== deal.corporateCurrency && deal.corporateAmount !== null ? (
              <span className="amount-converted">
                ≈ {formatMoney(deal.corporateAmount, deal.corporateCurrency)}
              </span>
            ) : null}
          </EditableCell>
        </Fact>
        <Fact label="Close date">
          <EditableCell {...common} field="closeDate" value={deal.closeDate}>
            {formatDay(deal.closeDate)}
            {deal.pushCount > 0 ? (
              <span className="mark mark-push" title="Times the close date moved later while open">
                pushed {deal.pushCount}×
              </span>
            ) : null}
          </EditableCell>
        </Fact>
        <Fact label="Stage">
          <EditableCell
            {...common}
            field="stage"
            value={deal.stage}
            stageOptions={facets.data?.editableStages ?? []}
          >
            <span data-testid="deal-stage">{deal.stage}</span>
          </EditableCell>
        </Fact>
        <Fact label="Forecast category">
          <EditableCell
            {...common}
            field="forecastCategory"
            value={deal.forecastCategoryOverridden ? deal.forecastCategory : ''}
          >
            <CategoryBadge category={deal.forecastCategory} />
            {deal.forecastCategoryOverridden ? <span className="muted"> (set by owner)</span> : null}
          </EditableCell>
        </Fact>
        <Fact label="Next step">
          <EditableCell {...common} field="nextStep" value={deal.nextStep}>
            <span data-testid="deal-next-step">{deal.nextStep ?? '—'}</span>
          </EditableCell>
        </Fact>
        <Fact label="Probability">{formatPercent(deal.probability)}</Fact>
        <Fact label="In stage since">{formatInstant(deal.stageEnteredAt)}</Fact>
        <Fact label="Created">{formatInstant(deal.createdAt)}</Fact>
        <Fact label="Lead source">{deal.leadSource ?? '—'}</Fact>
        <Fact label="Competitor">{deal.competitor ?? '—'}</Fact>
        {deal.isClosed ? <Fact label="Loss reason">{deal.lossReason ?? '—'}</Fact> : null}
        {deal.closedRecordedAt ? (
          <Fact label="Close recorded">{formatInstant(deal.closedRecordedAt)}</Fact>
        ) : null}
        <Fact label="Last change">{formatInstant(deal.updatedAt)}</Fact>
        <Fact label="Ledger sequence">#{deal.lastSeq}</Fact>
      </dl>
    </section>
  );
}
