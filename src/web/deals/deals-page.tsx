import { useSession } from '../session/session-context.js';
import { useView } from '../view/use-view.js';
import { DealsTable } from './deals-table.js';

export function DealsPage() {
  const view = useView();
  const session = useSession();
  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Deals</h1>
          <p className="page-subtitle">
            {session.scope.description}
            {view.isHistory ? ' · as they stood on the day picked above' : ''}
            {session.can.editDeals && !view.isHistory
              ? ' · click a stage, category, amount, close date or next step to change it'
              : ''}
          </p>
        </div>
      </header>
      <DealsTable height="tall" />
    </div>
  );
}
