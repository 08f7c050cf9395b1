import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { categories } from '../format/contract-values.js';
import { describeError, isApiError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { useEditDeal } from './deal-queries.js';
import { fieldLabels, parseEdit, withRequirements, type EditableField } from './edit-values.js';
import { StageRequirements } from './stage-requirements.js';

type EditableCellProps = {
  dealId: string;
  dealName: string;
  field: EditableField;
  /** The raw value the editor starts from (decimal string, day, category, …). */
  value: string | null;
  /** How the value reads when not editing. */
  children: ReactNode;
  canEdit: boolean;
  stageOptions?: readonly string[];
  /** Sent when known (deal page), so a change made meanwhile by someone else is not overwritten. */
  expectedLastSeq?: string | undefined;
  align?: 'start' | 'end';
};

/**
 * A value that turns into an input on click (or Enter). Enter or the ✓ button saves, Escape or ✕
 * cancels; a refusal is shown under the input in the server's words and the editor stays open.
 */
export function EditableCell(props: EditableCellProps) {
  const { field, dealName, canEdit } = props;
  const session = useSession();
  const edit = useEditDeal(session.csrfToken);
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [requirements, setRequirements] = useState<Record<string, string>>({});
  const label = `${fieldLabels[field]} of ${dealName}`;

  if (!canEdit) return <span className={`cell-value align-${props.align ?? 'start'}`}>{props.children}</span>;

  const open = () => {
    edit.reset();
    setLocalError(null);
    setRequirements({});
    setDraft(props.value ?? '');
  };
  const close = () => {
    setDraft(null);
    setLocalError(null);
    edit.reset();
  };
  const missing =
    isApiError(edit.error) && edit.error.code === 'stage-requirements-missing' ? edit.error.errors : [];
  const save = () => {
    if (draft === null) return;
    const parsed = parseEdit(field, draft);
    if (!parsed.ok) return setLocalError(parsed.message);
    setLocalError(null);
    const filled = field === 'stage' ? withRequirements(parsed.edit, requirements) : parsed.edit;
    const withSeq = props.expectedLastSeq ? { ...filled, expectedLastSeq: props.expectedLastSeq } : filled;
    edit.mutate({ id: props.dealId, edit: withSeq }, { onSuccess: () => setDraft(null) });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  if (draft === null) {
    return (
      <button
        type="button"
        className={`cell-edit align-${props.align ?? 'start'}`}
        onClick={open}
        aria-label={`Edit ${label}`}
      >
        <span className="cell-edit-value">{props.children}</span>
        <span className="cell-edit-icon" aria-hidden="true">
          ✎
        </span>
      </button>
    );
  }

  const error = localError ?? (edit.isError ? describeError(edit.error) : null);
  const inputProps = {
    'aria-label': `New ${label}`,
    autoFocus: true,
    value: draft,
    disabled: edit.isPending,
    onKeyDown,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className="cell-editor">
      <div className="cell-editor-row">
        {field === 'stage' ? (
          <select {...inputProps} onChange={(e) => setDraft(e.target.value)}>
            {withCurrent(props.stageOptions ?? [], props.value).map((stage) => (
              <option key={stage} value={stage}>
                {stage}
              </option>
            ))}
          </select>
        ) : field === 'forecastCategory' ? (
          <select {...inputProps} onChange={(e) => setDraft(e.target.value)}>
            <option value="">Stage default</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...inputProps}
            type={field === 'closeDate' ? 'date' : 'text'}
            inputMode={field === 'amount' ? 'decimal' : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
        )}
        <button
          type="button"
          className="icon-button icon-save"
          onClick={save}
          disabled={edit.isPending}
          aria-label={`Save ${label}`}
        >
          ✓
        </button>
        <button type="button" className="icon-button" onClick={close} aria-label={`Cancel editing ${label}`}>
          ✕
        </button>
      </div>
      {edit.isPending ? <span className="cell-saving">Saving…</span> : null}
      {error ? (
        <span className="cell-error" role="alert">
          {error}
        </span>
      ) : null}
      {missing.length > 0 ? (
        <StageRequirements
          missing={missing}
          values={requirements}
          onChange={(where, value) => setRequirements((current) => ({ ...current, [where]: value }))}
          onEnter={save}
        />
      ) : null}
    </div>
  );
}

function withCurrent(options: readonly string[], current: string | null): string[] {
  return current && !options.includes(current) ? [current, ...options] : [...options];
}
