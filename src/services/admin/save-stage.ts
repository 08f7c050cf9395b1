import { checkStage } from '../../core/admin/check-stage.js';
import { DomainError } from '../../core/domain-error.js';
import type { ForecastCategory } from '../../core/forecast-category.js';
import type { Stage } from '../../core/stage.js';
import { listStages } from '../../store/org-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from './change-context.js';

/** The stages in process order. */
export async function listAdminStages(handle: DatabaseHandle): Promise<Stage[]> {
  return withConnection(handle, (conn) => listStages(conn));
}

export type DefineStageOptions = ChangeContext & {
  stage: Omit<Stage, 'order'> & { order?: number };
};

/**
 * Adds a stage (`stage.defined`; the name is its id, as imports use it). Without an order it goes
 * after the last stage. Names are unique whatever their case, since edits find stages that way.
 */
export async function defineStage(handle: DatabaseHandle, options: DefineStageOptions): Promise<Stage> {
  return runChange(handle, options, async (conn, record) => {
    const stages = await listStages(conn);
    const twin = stages.find((s) => s.name.toLowerCase() === options.stage.name.toLowerCase());
    if (twin) {
      throw new DomainError('conflict', `there is already a stage ${twin.name}`, [
        { where: 'name', value: options.stage.name, reason: 'stage names are unique, whatever their case' },
      ]);
    }
    const order = options.stage.order ?? Math.max(0, ...stages.map((s) => s.order)) + 1;
    const stage = checkStage({ ...options.stage, order });
    await record([
      { entityType: 'stage', entityId: stage.name, kind: 'stage.defined', payload: { ...stage } },
    ]);
    return stage;
  });
}

export type ChangeStageOptions = ChangeContext & {
  name: string;
  change: Partial<{
    order: number;
    probability01: number;
    forecastCategory: ForecastCategory;
    isClosed: boolean;
    isWon: boolean;
    requiredFields: string[];
    active: boolean;
  }>;
};

/**
 * Changes a stage (`stage.changed`, only what changes). Deals already in the stage keep their
 * probability and category until they next change stage, as in Salesforce: a configuration change
 * does not rewrite the history of deals.
 */
export async function changeStage(handle: DatabaseHandle, options: ChangeStageOptions): Promise<Stage> {
  return runChange(handle, options, async (conn, record) => {
    const current = (await listStages(conn)).find((s) => s.name === options.name);
    if (!current) {
      throw new DomainError('not-found', `there is no stage '${options.name}'`, [
        { where: 'name', value: options.name, reason: 'no stage has this name' },
      ]);
    }
    const next = checkStage({ ...current, ...definedOnly(options.change) });
    const payload: Record<string, string | number | boolean | string[]> = {};
    for (const key of Object.keys(next) as (keyof Stage)[]) {
      if (JSON.stringify(next[key]) !== JSON.stringify(current[key])) payload[key] = next[key];
    }
    if (Object.keys(payload).length === 0) {
      throw new DomainError(
        'invalid-input',
        `nothing to change: the stage ${current.name} already has these values`,
      );
    }
    await record([{ entityType: 'stage', entityId: current.name, kind: 'stage.changed', payload }]);
    return next;
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
