import { useState, type FormEvent } from 'react';
import { describeError } from '../http/api-error.js';
import { Notice } from '../ui/notice.js';
import { useStartImport } from './import-queries.js';

const entities = [
  'opportunities',
  'history',
  'users',
  'teams',
  'accounts',
  'activities',
  'quotas',
  'meetings',
  'insights',
] as const;

export function UploadForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const start = useStartImport();
  const [kind, setKind] = useState<'salesforce' | 'csv'>('salesforce');
  const [formKey, setFormKey] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The form's own fields, named as the API expects (kind, entity, file, mapping, lookupFiles, …).
    const form = new FormData(event.currentTarget);
    for (const [name, value] of [...form.entries()]) {
      const emptyFile = value instanceof File && value.size === 0 && value.name === '';
      if (value === '' || emptyFile) form.delete(name);
    }
    form.set('skipInvalid', form.get('skipInvalid') === 'on' ? 'true' : 'false');
    start.mutate(form, {
      onSuccess: (job) => {
        setFormKey((k) => k + 1);
        onStarted(job.id);
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title" className="panel-title">
        New import
      </h2>
      <form key={formKey} className="form-stack" onSubmit={submit}>
        <fieldset className="radio-row">
          <legend>What are you importing?</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="kind"
              value="salesforce"
              checked={kind === 'salesforce'}
              onChange={() => setKind('salesforce')}
            />
            Salesforce Data Export (.zip)
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="kind"
              value="csv"
              checked={kind === 'csv'}
              onChange={() => setKind('csv')}
            />
            A CSV file with a column mapping
          </label>
        </fieldset>
        <div className="upload-grid">
          <label className="field">
            <span>{kind === 'salesforce' ? 'Export file (.zip)' : 'CSV file'}</span>
            <input
              type="file"
              name="file"
              required
              accept={kind === 'salesforce' ? '.zip,application/zip' : '.csv,text/csv'}
            />
          </label>
          {kind === 'csv' ? (
            <>
              <label className="field">
                <span>Mapping file (.json)</span>
                <input type="file" name="mapping" required accept=".json,application/json" />
              </label>
              <label className="field">
                <span>The file holds</span>
                <select name="entity" defaultValue="">
                  <option value="">as the mapping says</option>
                  {entities.map((entity) => (
                    <option key={entity} value={entity}>
                      {entity}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Lookup files (optional)</span>
                <input type="file" name="lookupFiles" multiple accept=".csv,text/csv" />
              </label>
            </>
          ) : null}
          <label className="field">
            <span>Encoding (optional)</span>
            <input name="encoding" placeholder="detected" />
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="skipInvalid" />
          Skip invalid rows: land the valid ones and list the rejected ones (otherwise one bad row stops the
          batch)
        </label>
        {start.isError ? <Notice tone="error">{describeError(start.error)}</Notice> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={start.isPending}>
            {start.isPending ? 'Uploading…' : 'Upload and import'}
          </button>
        </div>
        <p className="muted">
          The formats and mapping files are described in docs/imports.md. Up to 200 MB per upload.
        </p>
      </form>
    </section>
  );
}
