import type { ImportJobResponse } from '../../api/import-jobs.js';

type Result = NonNullable<ImportJobResponse['result']>;

/** On screen at most this many; the downloads hold every one. */
const shown = 500;

/** Every rejected value with its file, line, column and reason, and the files to fix and re-import. */
export function ImportRejects({ job, result }: { job: ImportJobResponse; result: Result }) {
  const rejected = result.rejected ?? [];
  const base = `/api/imports/${encodeURIComponent(job.id)}`;
  return (
    <div className="form-stack">
      <div className="panel-head">
        <h3 className="panel-title">Rejected values ({rejected.length.toLocaleString('en-US')})</h3>
        <div className="button-row">
          <a className="button button-small" href={`${base}/rejects.csv`} download>
            Download rejects (CSV)
          </a>
          <a className="button button-small" href={`${base}/rejects.xlsx`} download>
            XLSX
          </a>
        </div>
      </div>
      {result.rejectFiles.length > 0 ? (
        <p className="muted">
          The rejected records, untouched, to fix and import again:{' '}
          {result.rejectFiles.map((file, index) => (
            <span key={file}>
              {index > 0 ? ', ' : ''}
              <a href={`${base}/rejected-records/${encodeURIComponent(file)}`} download>
                {file}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      <div className="table-scroll table-scroll-auto">
        <table className="data-table" data-testid="rejects-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Line</th>
              <th>Column</th>
              <th>Value</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {rejected.slice(0, shown).map((reject, index) => (
              <tr key={`${reject.file}-${reject.line}-${reject.column ?? ''}-${index}`}>
                <td>{reject.file}</td>
                <td>{reject.line}</td>
                <td>{reject.column ?? '(row)'}</td>
                <td>
                  <code>{reject.value}</code>
                </td>
                <td>{reject.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rejected.length > shown ? (
        <p className="muted">
          The first {shown} are shown; the download holds all {rejected.length.toLocaleString('en-US')}.
        </p>
      ) : null}
    </div>
  );
}
