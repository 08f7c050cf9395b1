import { useSearchParams } from 'react-router';
import { CurrenciesTab } from './currencies-tab.js';
import { FiscalTab } from './fiscal-tab.js';
import { HygieneTab } from './hygiene-tab.js';
import { QuotasTab } from './quotas-tab.js';
import { StagesTab } from './stages-tab.js';
import { TeamsTab } from './teams-tab.js';
import { UsersTab } from './users-tab.js';

const tabs = [
  { id: 'users', label: 'Users & roles', render: () => <UsersTab /> },
  { id: 'teams', label: 'Teams', render: () => <TeamsTab /> },
  { id: 'stages', label: 'Stages', render: () => <StagesTab /> },
  { id: 'fiscal', label: 'Fiscal calendar', render: () => <FiscalTab /> },
  { id: 'currencies', label: 'Currencies & rates', render: () => <CurrenciesTab /> },
  { id: 'quotas', label: 'Quotas', render: () => <QuotasTab /> },
  { id: 'hygiene', label: 'Hygiene rules', render: () => <HygieneTab /> },
] as const;

/** Administration: people and roles, the team tree, stages, the fiscal calendar and currencies. */
export function AdminPage() {
  const [params, setParams] = useSearchParams();
  const current = tabs.find((tab) => tab.id === params.get('tab')) ?? tabs[0];
  const select = (id: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('tab', id);
      return next;
    });

  return (
    <div className="page-stack">
      <title>Admin · Candor</title>
      <header className="page-header">
        <div>
          <h1>Admin</h1>
          <p className="page-subtitle">Every change here is recorded in the ledger with your name.</p>
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label="Administration">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            className="tab"
            aria-selected={tab.id === current.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => select(tab.id)}
            onKeyDown={(event) => {
              const index = tabs.findIndex((t) => t.id === tab.id);
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = tabs[(index + step + tabs.length) % tabs.length];
              if (next) {
                select(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${current.id}`}
        aria-labelledby={`tab-${current.id}`}
        className="page-stack"
      >
        {current.render()}
      </div>
    </div>
  );
}
