import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useAuthOptions } from '../session/session-queries.js';
import { useSession } from '../session/session-context.js';
import { DemoBadge } from '../ui/demo-badge.js';
import { useView } from '../view/use-view.js';
import { HistoryBanner } from './history-banner.js';
import { UserMenu } from './user-menu.js';
import { ViewControls } from './view-controls.js';

type NavItem = { to: string; label: string; show: boolean };

/** The frame of every signed-in page: organisation, navigation by capability, view controls, person. */
export function AppLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const options = useAuthOptions();
  const view = useView();
  const [menuOpen, setMenuOpen] = useState(false);
  const organisation = options.data?.organisation ?? null;
  const items: NavItem[] = [
    { to: '/pipeline', label: 'Pipeline', show: true },
    { to: '/deals', label: 'Deals', show: true },
    { to: '/scorecards', label: 'Scorecards', show: true },
    { to: '/forecast', label: 'Forecast', show: true },
    { to: '/accuracy', label: 'Accuracy', show: true },
    { to: '/bridge', label: 'Bridge', show: true },
    { to: '/inspection', label: 'Inspection', show: true },
    { to: '/insights', label: 'Voice', show: true },
    { to: '/engagement', label: 'Engagement', show: true },
    { to: '/audit', label: 'Audit', show: true },
    { to: '/imports', label: 'Imports', show: session.can.administer },
    { to: '/admin', label: 'Admin', show: session.can.administer },
  ];

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <div className="top-bar-row">
          <NavLink to={view.carry('/pipeline')} className="brand" aria-label="Candor, go to the pipeline">
            <span className="brand-mark" aria-hidden="true" />
            Candor
          </NavLink>
          {organisation ? (
            <span className="org-name">
              <span className="org-name-text">{organisation.name}</span>
              {organisation.isDemo ? <DemoBadge /> : null}
            </span>
          ) : null}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <nav id="main-nav" className={`main-nav${menuOpen ? ' is-open' : ''}`} aria-label="Main">
            {items
              .filter((item) => item.show)
              .map((item) => (
                <NavLink
                  key={item.to}
                  to={view.carry(item.to)}
                  className="nav-link"
                  onClick={() => setMenuOpen(false)}
                >
                  {item.label}
                </NavLink>
              ))}
          </nav>
          <div className="top-bar-end">
            <ViewControls />
            <UserMenu />
          </div>
        </div>
      </header>
      {view.isHistory && view.asOf ? (
        <HistoryBanner asOf={view.asOf} onBackToNow={() => view.setAsOf(null)} />
      ) : null}
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
