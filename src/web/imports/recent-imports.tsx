import { formatInstant } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice } from '../ui/notice.js';
import { useImportJobs } from './import-queries.js';

const statusClass = { running: 'badge-stage', succeeded: 'badge-ok', failed: 'badge-lost' } as const;

export function RecentImports({ current, onShow }: { current: string | null; onShow: (id: string) => void }) {
  const jobs = useImportJobs();
  const items = jobs.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="recent-title">
      <div className="panel-head">
        <h2 id="recent-title" className="panel-title">
          Recent imports
        </h2>
        {items.length > 0 ? (
          <ExportLinks path="/api/imports/export" query={{}} what="recent imports" />
        ) : null}
      </div>
      {jobs.isError ? <Notice tone="error">{describeError(jobs.error)}</Notice> : null}
      {jobs.data && items.length === 0 ? <p className="muted">No imports yet.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll table-scroll-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th>Started</th>
                <th>File</th>
                <th>Kind</th>
                <th>Status</th>
                <th>Events</th>
                <th>Rejected rows</th>
                <th>
                  <span className="visually-hidden">Show</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.id} aria-current={job.id === current ? 'true' : undefined}>
                  <td>{formatInstant(job.createdAt)}</td>
                  <td>{job.fileName}</td>
                  <td>{job.kind === 'csv' ? `CSV ${job.entity ?? ''}` : 'Salesforce'}</td>
                  <td>
                    <span className={`badge ${statusClass[job.status]}`}>
                      {job.status === 'succeeded' && job.result && !job.result.committed
                        ? 'nothing landed'
                        : job.status}
                    </span>
                  </td>
                  <td>{job.result ? job.result.events.toLocaleString('en-US') : '—'}</td>
                  <td>{job.result ? job.result.rejectedRows : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onShow(job.id)}
                      disabled={job.id === current}
                    >
                      {job.id === current ? 'Shown' : 'Show'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
