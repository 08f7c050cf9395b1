import { useSearchParams } from 'react-router';
import { ImportJobView } from './import-job-view.js';
import { RecentImports } from './recent-imports.js';
import { UploadForm } from './upload-form.js';

/** Imports for admins: upload a CRM export or a CSV, watch it run, read and download its rejects. */
export function ImportsPage() {
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const show = (id: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('job', id);
      return next;
    });
  return (
    <div className="page-stack">
      <title>Imports · Candor</title>
      <header className="page-header">
        <div>
          <h1>Imports</h1>
          <p className="page-subtitle">
            Every imported record becomes ledger events at its original time. A batch lands whole or not at
            all unless you choose to skip invalid rows.
          </p>
        </div>
      </header>
      <UploadForm onStarted={show} />
      {jobId ? <ImportJobView id={jobId} /> : null}
      <RecentImports current={jobId} onShow={show} />
    </div>
  );
}
