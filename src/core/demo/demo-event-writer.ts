import type { JsonValue } from '../canonical-json.js';
import type { EntityType, NewEvent } from '../ledger-event.js';
import { opportunityChangesToPayload, opportunityFieldsToPayload } from '../opportunity-payload.js';
import type { DemoAccount } from './demo-accounts.js';
import type { BackdatedChange, NumberedPlan } from './demo-adjustments.js';
import type { DemoPeople } from './demo-people.js';
import type { DemoRate } from './demo-settings.js';
import { demoCurrencies, demoSettings, demoStages } from './demo-settings.js';
import { dayStart } from './demo-time.js';
import type { PlannedActivity } from './plan-activities.js';

type Payload = { [key: string]: JsonValue };

/**
 * Turns the demo's plans into ledger events. The demo is a synthetic import of CRM history:
 * every event is from the import batch, at its simulated business time, by the person who made the
 * change; only the backdated changes are entered in Candor itself.
 */
export class DemoEventWriter {
  readonly events: NewEvent[] = [];

  constructor(
    private readonly batchId: string,
    private readonly nowMs: number,
  ) {}

  /** Adds an event, unless it lies after `now`: the rest of a deal's plan has not happened yet. */
  add(
    entityType: EntityType,
    entityId: string,
    kind: string,
    timeMs: number,
    actor: string,
    payload: Payload,
  ) {
    if (timeMs > this.nowMs) return;
    this.events.push({
      businessTime: new Date(timeMs),
      actor,
      source: 'import',
      batchId: this.batchId,
      entityType,
      entityId,
      kind,
      payload,
      originKey: null,
    });
  }

  configuration(setupMs: number, actor: string, rates: readonly DemoRate[]): void {
    this.add('org', 'org', 'org.configured', setupMs, actor, { ...demoSettings });
    for (const currency of demoCurrencies) {
      this.add('currency', currency.code, 'currency.defined', setupMs, actor, { ...currency });
    }
    for (const rate of rates) {
      const timeMs = Math.max(setupMs, dayStart(rate.validFrom));
      this.add('currency', rate.code, 'currency.rate_set', timeMs, actor, {
        validFrom: rate.validFrom,
        rate: rate.rate,
      });
    }
    for (const stage of demoStages) {
      this.add('stage', stage.name, 'stage.defined', setupMs, actor, {
        ...stage,
        requiredFields: [...stage.requiredFields],
      });
    }
  }

  people(people: DemoPeople, setupMs: number, actor: string): void {
    for (const team of people.teams) {
      this.add('team', team.id, 'team.created', setupMs, actor, { name: team.name, parentId: team.parentId });
    }
    for (const user of people.users) {
      this.add('user', user.id, 'user.created', user.createdMs, actor, {
        name: user.name,
        email: user.email,
        title: user.title,
        active: true,
      });
      this.add('user', user.id, 'user.role_granted', user.createdMs + 60_000, actor, {
        teamId: user.teamId,
        role: user.role,
      });
    }
  }

  accounts(accounts: readonly DemoAccount[], setupMs: number, actor: string): void {
    for (const account of accounts) {
      this.add('account', account.id, 'account.created', setupMs + 120_000, actor, {
        name: account.name,
        ownerId: account.ownerId,
        industry: account.industry,
        segment: account.segment,
        country: account.country,
        fields: { employees: String(account.employees), currency: account.currency },
      });
    }
  }

  deal(plan: NumberedPlan): void {
    this.add('opportunity', plan.id, 'opportunity.created', plan.createdMs, plan.ownerId, {
      ...opportunityFieldsToPayload(plan.fields),
    });
    for (const step of plan.steps) {
      this.add('opportunity', plan.id, 'opportunity.changed', step.timeMs, plan.ownerId, {
        ...opportunityChangesToPayload(step.changes),
      });
    }
  }

  activity(id: string, activity: PlannedActivity): void {
    this.add('activity', id, 'activity.logged', activity.timeMs, activity.ownerId, {
      type: activity.type,
      subject: activity.subject,
      occurredAt: new Date(activity.timeMs).toISOString(),
      opportunityId: activity.opportunityId,
      accountId: activity.accountId,
      ownerId: activity.ownerId,
      fields: {},
    });
  }

  /**
   * The ledger order: imported history by business time (ties keep the order written), then the
   * batch's commit record, then the changes entered in Candor afterwards.
   */
  finish(backdated: readonly BackdatedChange[]): NewEvent[] {
    const imported = [...this.events].sort((a, b) => a.businessTime.getTime() - b.businessTime.getTime());
    const commit: NewEvent = {
      businessTime: new Date(this.nowMs),
      actor: imported[0]?.actor ?? 'system',
      source: 'import',
      batchId: this.batchId,
      entityType: 'import',
      entityId: this.batchId,
      kind: 'import.committed',
      payload: { kind: 'demo', files: [], events: imported.length, rejected: 0 },
      originKey: null,
    };
    const entered = backdated.map((change): NewEvent => ({
      businessTime: new Date(change.timeMs),
      actor: change.ownerId,
      source: 'ui',
      batchId: null,
      entityType: 'opportunity',
      entityId: change.id,
      kind: 'opportunity.changed',
      payload: opportunityChangesToPayload(change.changes),
      originKey: null,
    }));
    return [...imported, commit, ...entered];
  }
}
