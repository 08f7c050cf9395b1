import { useState, type FormEvent } from 'react';
import type { AdminStage, ChangeStageRequest, CreateStageRequest } from '../../api/admin-config.js';
import { categories, type Category } from '../format/contract-values.js';
import { adminPath, useAdminChange } from './admin-api.js';
import { SaveStatus } from './save-status.js';

type Draft = {
  name: string;
  order: string;
  probabilityPercent: string;
  forecastCategory: Category;
  isClosed: boolean;
  isWon: boolean;
  requiredFields: string;
  active: boolean;
};

function draftOf(stage: AdminStage | null, nextOrder: number): Draft {
  return {
    name: stage?.name ?? '',
    order: String(stage?.order ?? nextOrder),
    probabilityPercent: String(Math.round((stage?.probability ?? 0.1) * 100)),
    forecastCategory: stage?.forecastCategory ?? 'Pipeline',
    isClosed: stage?.isClosed ?? false,
    isWon: stage?.isWon ?? false,
    requiredFields: (stage?.requiredFields ?? []).join(', '),
    active: stage?.active ?? true,
  };
}

function fieldsOf(draft: Draft) {
  return {
    order: Number(draft.order),
    probability: Number(draft.probabilityPercent) / 100,
    forecastCategory: draft.forecastCategory,
    isClosed: draft.isClosed,
    isWon: draft.isWon,
    requiredFields: draft.requiredFields
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    active: draft.active,
  };
}

/** Only what changed is sent, so two admins editing different properties do not undo each other. */
function changesOf(stage: AdminStage, draft: Draft): ChangeStageRequest {
  const next = fieldsOf(draft);
  const change: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(stage[key])) change[key] = next[key];
  }
  return change as ChangeStageRequest;
}

/** One stage as an editable row; with `stage` null, the row that adds a new stage. */
export function StageForm({ stage, nextOrder = 0 }: { stage: AdminStage | null; nextOrder?: number }) {
  const save = useAdminChange('stages');
  const [draft, setDraft] = useState<Draft>(() => draftOf(stage, nextOrder));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const change = stage ? changesOf(stage, draft) : null;
  const dirty = stage === null ? draft.name.trim() !== '' : Object.keys(change ?? {}).length > 0;
  const label = stage ? `Stage ${stage.name}` : 'New stage';
  // Existing stages sit under a column header; their labels stay for screen readers only.
  const labelClass = stage ? 'visually-hidden' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stage) {
      save.mutate({ method: 'PATCH', path: adminPath('stages', stage.name), body: change });
    } else {
      const body: CreateStageRequest = { name: draft.name.trim(), ...fieldsOf(draft) };
      save.mutate(
        { method: 'POST', path: '/api/admin/stages', body },
        { onSuccess: () => setDraft(draftOf(null, nextOrder + 1)) },
      );
    }
  };

  return (
    <form className={`stage-row${stage ? '' : ' stage-row-new'}`} onSubmit={submit} aria-label={label}>
      <label className="compact-field stage-order">
        <span className={labelClass}>Order</span>
        <input type="number" min={0} value={draft.order} onChange={(e) => set('order', e.target.value)} />
      </label>
      {stage ? (
        <strong className="stage-title">{stage.name}</strong>
      ) : (
        <label className="compact-field stage-name">
          <span>New stage</span>
          <input value={draft.name} placeholder="Name" onChange={(e) => set('name', e.target.value)} />
        </label>
      )}
      <label className="compact-field stage-probability">
        <span className={labelClass}>Probability %</span>
        <input
          type="number"
          min={0}
          max={100}
          value={draft.probabilityPercent}
          onChange={(e) => set('probabilityPercent', e.target.value)}
        />
      </label>
      <label className="compact-field">
        <span className={labelClass}>Category</span>
        <select
          value={draft.forecastCategory}
          onChange={(e) => set('forecastCategory', e.target.value as Category)}
        >
          {categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label className="compact-field stage-required">
        <span className={labelClass}>Required fields</span>
        <input
          value={draft.requiredFields}
          placeholder="none"
          onChange={(e) => set('requiredFields', e.target.value)}
        />
      </label>
      <div className="stage-flags">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.isClosed}
            onChange={(e) => set('isClosed', e.target.checked)}
          />{' '}
          Closed
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.isWon} onChange={(e) => set('isWon', e.target.checked)} /> Won
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />{' '}
          In use
        </label>
      </div>
      <button
        type="submit"
        className={`button button-small${stage ? '' : ' button-primary'}`}
        disabled={!dirty || save.isPending}
      >
        {stage ? 'Save' : 'Add stage'}
      </button>
      <div className="stage-status">
        <SaveStatus outcome={save} success={stage ? `Saved ${stage.name}.` : 'Stage added.'} />
      </div>
    </form>
  );
}
