import { useState, type FormEvent } from 'react';
import type { OpportunityDetailResponse } from '../../api/opportunity-detail.js';
import { useEditDeal } from '../deals/deal-queries.js';
import { describeError, humaniseField } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { Notice } from '../ui/notice.js';

/**
 * Supporting information (MEDDICC and custom fields). Editing sends only the keys that changed;
 * emptying a value removes the key.
 */
export function DealFields({ deal, canEdit }: { deal: OpportunityDetailResponse; canEdit: boolean }) {
  const session = useSession();
  const edit = useEditDeal(session.csrfToken);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [newKey, setNewKey] = useState('');
  const entries = Object.entries(deal.fields).sort(([a], [b]) => a.localeCompare(b));

  const start = () => {
    edit.reset();
    setNewKey('');
    setDraft(Object.fromEntries(entries));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const changes: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(draft)) {
      const next = value.trim() === '' ? null : value.trim();
      if ((deal.fields[key] ?? null) !== next) changes[key] = next;
    }
    if (Object.keys(changes).length === 0) return setDraft(null);
    edit.mutate(
      { id: deal.id, edit: { fields: changes, expectedLastSeq: deal.lastSeq } },
      { onSuccess: () => setDraft(null) },
    );
  };

  return (
    <section className="panel" aria-labelledby="fields-title">
      <div className="panel-head">
        <h2 id="fields-title" className="panel-title">
          Supporting information
        </h2>
        {canEdit && !draft ? (
          <button type="button" className="button button-small" onClick={start}>
            Edit
          </button>
        ) : null}
      </div>
      {edit.isSuccess && !draft ? <Notice tone="success">Saved.</Notice> : null}
      {draft ? (
        <form onSubmit={save} className="form-stack">
          {Object.keys(draft).map((key) => (
            <label key={key} className="field">
              <span>{humaniseField(key)}</span>
              <textarea
                rows={2}
                value={draft[key] ?? ''}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            </label>
          ))}
          <div className="inline-form">
            <label className="compact-field">
              <span>Add a field</span>
              <input
                value={newKey}
                placeholder="e.g. economicBuyer"
                onChange={(e) => setNewKey(e.target.value)}
              />
            </label>
            <button
              type="button"
              className="button button-small"
              disabled={newKey.trim() === '' || newKey.trim() in draft}
              onClick={() => {
                setDraft({ ...draft, [newKey.trim()]: '' });
                setNewKey('');
              }}
            >
              Add
            </button>
          </div>
          {edit.isError ? <Notice tone="error">{describeError(edit.error)}</Notice> : null}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={edit.isPending}>
              {edit.isPending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : entries.length === 0 ? (
        <p className="muted">No supporting information recorded.</p>
      ) : (
        <dl className="facts facts-wide">
          {entries.map(([key, value]) => (
            <div className="fact" key={key}>
              <dt>{humaniseField(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
