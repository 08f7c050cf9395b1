import { useEffect, useRef } from 'react';
import type { ImportJobResponse } from '../../api/import-jobs.js';
import { formatInstant } from '../format/format-time.js';
import { describeError, describeItem } from '../http/api-error.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useImportJob, useRefreshAfterImport } from './import-queries.js';
import { ImportRejects } from './import-rejects.js';

/** A job as it runs (phase and progress bar) and once done (what landed, what was rejected). */
export function ImportJobView({ id }: { id: string }) {
  const job = useImportJob(id);
  const refresh = useRefreshAfterImport();
  const status = job.data?.status;
  const seen = useRef<string | undefined>(undefined);

  useEffect(() => {
    // When the job finishes, what is on screen elsewhere (pipeline, deals, ledger) is refreshed once.
    if (seen.current === 'running' && status && status !== 'running') void refresh();
    seen.current = status;
  }, [status, refresh]);

  return (
    <section className="panel" aria-labelledby="job-title" data-testid="import-job">
      <h2 id="job-title" className="panel-title">
        Import {job.data ? `of ${job.data.fileName}` : ''}
      </h2>
      {job.isPending ? <Spinner /> : null}
      {job.isError ? <Notice tone="error">{describeError(job.error)}</Notice> : null}
      {job.data ? <JobBody job={job.data} /> : null}
    </section>
  );
}

function JobBody({ job }: { job: ImportJobResponse }) {
  const { progress, result } = job;
  if (job.status === 'running') {
    const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
    const amount =
      progress.unit === 'bytes'
        ? `${(progress.done / 1048576).toFixed(1)} of ${(progress.total / 1048576).toFixed(1)} MB`
        : `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} rows`;
    return (
      <div className="form-stack" role="status">
        <p>
          <strong>{progress.phase}</strong> · {fraction === null ? 'starting…' : amount}
        </p>
        <div
          className={`progress${fraction === null ? ' progress-indeterminate' : ''}`}
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        >
          <div
            className="progress-bar"
            style={fraction === null ? undefined : { width: `${fraction * 100}%` }}
          />
        </div>
      </div>
    );
  }
  if (job.status === 'failed' || !result) {
    return (
      <Notice tone="error" title="The import failed: nothing landed">
        {job.error
          ? `${job.error.message}${job.error.details.length ? ` — ${job.error.details.map(describeItem).join('; ')}` : ''}`
          : 'No reason was recorded.'}
      </Notice>
    );
  }
  // Events by kind, in words ("opportunity created"); the batch's own bookkeeping event is left out.
  const imported = Object.entries(result.imported).filter(
    ([kind, count]) => count > 0 && !kind.startsWith('import.'),
  );
  return (
    <div className="form-stack">
      {result.committed ? (
        <Notice tone={result.rejectedRows > 0 ? 'warning' : 'success'} title="Imported">
          {result.events.toLocaleString('en-US')} events recorded in batch {result.batchId}
          {result.rejectedRows > 0 ? `; ${result.rejectedRows} rows were rejected and skipped` : ''}
          {result.organisationCreated ? '; the organisation was created from these files' : ''}.
        </Notice>
      ) : (
        <Notice tone="error" title="Nothing landed">
          {result.rejectedRows} rows were rejected, so the batch stopped. Fix them (or tick “skip invalid
          rows”) and import again.
        </Notice>
      )}
      <dl className="facts">
        <div className="fact">
          <dt>Finished</dt>
          <dd>{formatInstant(job.updatedAt)}</dd>
        </div>
        {imported.map(([kind, count]) => (
          <div className="fact" key={kind}>
            <dt>{kind.replace(/[._]/g, ' ')}</dt>
            <dd>{count.toLocaleString('en-US')}</dd>
          </div>
        ))}
        <div className="fact fact-wide">
          <dt>Files read</dt>
          <dd>
            {result.files
              .map((file) => `${file.name}: ${file.rows.toLocaleString('en-US')} rows, ${file.encoding}`)
              .join(' · ')}
          </dd>
        </div>
      </dl>
      {result.skippedFiles.length > 0 ? (
        <Notice tone="info" title="Files not imported">
          {result.skippedFiles.map((f) => `${f.name}: ${f.reason}`).join('; ')}
        </Notice>
      ) : null}
      {result.notes.length > 0 ? (
        <ul className="notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {result.rejectedRows > 0 ? <ImportRejects job={job} result={result} /> : null}
    </div>
  );
}
