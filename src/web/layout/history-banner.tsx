import { formatDay } from '../format/format-time.js';

/** Unmissable while the app shows the past: what moment, that edits are off, the way back. */
export function HistoryBanner({ asOf, onBackToNow }: { asOf: string; onBackToNow: () => void }) {
  return (
    <div className="history-banner" role="status">
      <span className="history-banner-icon" aria-hidden="true">
        ⟲
      </span>
      <span>
        <strong>Viewing history as of {formatDay(asOf)}</strong> (start of day, UTC): every figure is the
        ledger as it stood then. Editing is switched off.
      </span>
      <button type="button" className="button button-small button-on-dark" onClick={onBackToNow}>
        Back to now
      </button>
    </div>
  );
}
