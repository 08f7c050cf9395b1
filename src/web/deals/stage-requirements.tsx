import type { ProblemError } from '../../api/problem-details.js';
import { isFillableRequirement } from './edit-values.js';

type StageRequirementsProps = {
  missing: readonly ProblemError[];
  values: Record<string, string>;
  onChange: (where: string, value: string) => void;
  onEnter: () => void;
};

/**
 * When a stage refuses a deal for missing fields (422 stage-requirements-missing), the editor asks
 * for them right there, and the next save sends them together with the stage in one edit.
 */
export function StageRequirements({ missing, values, onChange, onEnter }: StageRequirementsProps) {
  return (
    <div className="stage-requirements">
      {missing.map((item) => {
        const label = item.reason.replace(/ is required.*$/, '');
        if (!isFillableRequirement(item.where)) {
          return (
            <p key={item.reason} className="cell-error">
              {item.reason} (set it in the CRM and import again).
            </p>
          );
        }
        const where = item.where;
        return (
          <label key={where} className="compact-field">
            <span>{label}</span>
            <input
              type={where === 'closeDate' ? 'date' : 'text'}
              value={values[where] ?? ''}
              onChange={(event) => onChange(where, event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  onEnter();
                }
              }}
            />
          </label>
        );
      })}
    </div>
  );
}
