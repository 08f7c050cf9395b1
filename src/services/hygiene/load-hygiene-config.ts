import { applyRecordEvent } from '../../core/apply-record-event.js';
import { applyHygieneRuleEvent } from '../../core/hygiene/apply-hygiene-rule-event.js';
import { isHygieneRuleId, type HygieneRuleId } from '../../core/hygiene/hygiene-rule-id.js';
import {
  computeHygieneSettings,
  type HygieneSettings,
  type RuleSettingChange,
} from '../../core/hygiene/hygiene-settings.js';
import { filterKnownEvents } from '../../core/hygiene/known-events.js';
import { compareBusinessOrder } from '../../core/opportunity-history.js';
import type { Stage } from '../../core/stage.js';
import { listEventsOfTypes } from '../../store/hygiene-history-queries.js';
import { listStages } from '../../store/org-queries.js';
import type { Connection } from '../../store/session.js';

export type HygieneConfig = { settings: HygieneSettings; stages: Stage[] };

/**
 * The rule settings and the stages as they stood at `asOf` (null: now), folded from the ledger
 * events known then: last month's flags are judged by last month's rules. Before any stage was
 * configured, the stages of today stand in (an organisation imported with its history).
 */
export async function loadHygieneConfig(conn: Pick<Connection, 'db'>, asOf: Date): Promise<HygieneConfig> {
  const events = filterKnownEvents(await listEventsOfTypes(conn, ['stage', 'hygiene-rule']), asOf)
    .filter((e) => e.businessTime.getTime() <= asOf.getTime())
    .sort(compareBusinessOrder);
  const stages = new Map<string, Stage>();
  const changes: Partial<Record<HygieneRuleId, RuleSettingChange>> = {};
  for (const event of events) {
    if (event.entityType === 'stage') {
      stages.set(event.entityId, applyRecordEvent('stage', stages.get(event.entityId) ?? null, event));
    } else if (isHygieneRuleId(event.entityId)) {
      changes[event.entityId] = applyHygieneRuleEvent(changes[event.entityId] ?? null, event);
    }
  }
  const known = [...stages.entries()].map(([name, stage]) => ({ ...stage, name }));
  return {
    settings: computeHygieneSettings(changes),
    stages: known.length > 0 ? known.sort((a, b) => a.order - b.order) : await listStages(conn),
  };
}
