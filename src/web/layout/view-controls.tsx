import { todayText } from '../format/format-time.js';
import { quartersAround } from '../view/quarters.js';
import { useView } from '../view/use-view.js';

/** The quarter every page reports on, and the optional past day the whole app is shown as of. */
export function ViewControls() {
  const view = useView();
  const today = todayText();
  const quarters = quartersAround(view.currentQuarter, view.period);
  return (
    <div className="view-controls">
      <label className="compact-field">
        <span>Quarter</span>
        <select value={view.period} onChange={(event) => view.setPeriod(event.target.value)}>
          {quarters.map((quarter) => (
            <option key={quarter} value={quarter}>
              {quarter}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span>As of</span>
        <input
          type="date"
          value={view.asOf ?? ''}
          max={today}
          aria-describedby="as-of-help"
          onChange={(event) => {
            const value = event.target.value;
            // A cleared input, or today, means "now": the live figures, with editing on.
            view.setAsOf(value && value < today ? value : null);
          }}
        />
      </label>
      <span id="as-of-help" className="visually-hidden">
        Pick a past day to see every page as it stood then; clear it to return to now.
      </span>
    </div>
  );
}
