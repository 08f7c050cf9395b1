import type { AdminStage } from '../../api/admin-config.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useAdminQuery } from './admin-api.js';
import { StageForm } from './stage-form.js';

/** The sales process: stage order, default probability and category, and what a deal needs to enter. */
export function StagesTab() {
  const stages = useAdminQuery<{ stages: AdminStage[] }>('stages');
  const list = [...(stages.data?.stages ?? [])].sort((a, b) => a.order - b.order);
  return (
    <section className="panel" aria-labelledby="stages-title">
      <div className="panel-head">
        <h2 id="stages-title" className="panel-title">
          Stages
        </h2>
        {stages.data ? <ExportLinks path="/api/admin/stages/export" query={{}} what="stages" /> : null}
      </div>
      <p className="muted">
        Required fields name a deal field (nextStep, amount, closeDate, lossReason) or a
        supporting-information key (economicBuyer, champion…); a deal cannot enter the stage without them.
      </p>
      {stages.isPending ? <Spinner /> : null}
      {stages.isError ? <Notice tone="error">{describeError(stages.error)}</Notice> : null}
      <div className="stage-list">
        <div className="stage-row stage-head" aria-hidden="true">
          <span>Order</span>
          <span>Stage</span>
          <span>Probability %</span>
          <span>Category</span>
          <span>Required fields</span>
          <span>Flags</span>
          <span />
        </div>
        {list.map((stage) => (
          <StageForm key={stage.name} stage={stage} />
        ))}
        {stages.data ? <StageForm stage={null} nextOrder={(list.at(-1)?.order ?? 0) + 1} /> : null}
      </div>
    </section>
  );
}
