import { applyRecordEvent, isRecordEntityType, type RecordStates } from '../core/apply-record-event.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { EntityType, LedgerEvent } from '../core/ledger-event.js';
import { compareBusinessOrder, computeOpportunityHistory } from '../core/opportunity-history.js';
import type { OpportunityState } from '../core/opportunity.js';
import {
  engagementProjectionTables,
  projectEngagementEntity,
  type EngagementEntityType,
} from './engagement-projections.js';
import {
  callPolicyProjectionTables,
  callProjectionTables,
  projectCallPolicy,
  projectCalls,
} from './call-projection.js';
import { forecastProjectionTables, projectForecast } from './forecast-projection.js';
import { dealHistoryProjectionTables, projectDealHistory } from './hygiene-deal-history.js';
import { hygieneProjectionTables, projectHygieneRule } from './hygiene-projection.js';
import {
  projectQuota,
  projectTarget,
  quotaProjectionTables,
  targetProjectionTables,
} from './quota-projection.js';

/**
 * Which tables each entity's events project into, and the rows a replay of one entity gives.
 * Refresh, rebuild and verify all use these definitions, so a projection is by construction what a
 * replay of the ledger says it is.
 */
export type ProjectionValue = string | null;
export type ProjectionRow = Record<string, ProjectionValue>;

export type ProjectionTable = {
  name: string;
  /** Column naming the entity; null when the table holds one entity only (org settings). */
  entityColumn: string | null;
  /**
   * Columns, in COPY order, each with the SQL that reads it back as text in the form written here.
   * jsonb columns come back parsed (PostgreSQL reorders keys) and are compared canonically.
   */
  columns: readonly ProjectionColumn[];
};

export type ProjectionColumn = { name: string; read: string; json?: boolean };

const text = (name: string): ProjectionColumn => ({ name, read: name });
const json = (name: string): ProjectionColumn => ({ name, read: name, json: true });
const ts = (name: string): ProjectionColumn => ({
  name,
  read: `case when ${name} = 'infinity' then 'infinity' else to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end`,
});
const asText = (name: string): ProjectionColumn => ({ name, read: `${name}::text` });

const opportunityColumns = [
  text('id'),
  text('name'),
  text('account_id'),
  text('owner_id'),
  asText('amount_minor'),
  text('currency'),
  text('stage'),
  asText('probability'),
  text('forecast_category'),
  asText('category_overridden'),
  asText('is_closed'),
  asText('is_won'),
  asText('close_date'),
  ts('created_at'),
  text('next_step'),
  text('loss_reason'),
  text('competitor'),
  text('type'),
  text('lead_source'),
  json('fields'),
  ts('stage_entered_at'),
  asText('push_count'),
  ts('closed_recorded_at'),
  ts('updated_at'),
  asText('last_seq'),
];

export const projectionTables: Record<EntityType, readonly ProjectionTable[]> = {
  org: [{ name: 'org_settings', entityColumn: null, columns: [asText('id'), json('settings')] }],
  currency: [
    { name: 'currencies', entityColumn: 'code', columns: [text('code'), asText('decimals')] },
    {
      name: 'currency_rates',
      entityColumn: 'code',
      columns: [text('code'), asText('valid_from'), asText('rate')],
    },
  ],
  stage: [
    {
      name: 'stages',
      entityColumn: 'name',
      columns: [
        text('name'),
        asText('sort_order'),
        asText('probability'),
        text('forecast_category'),
        asText('is_closed'),
        asText('is_won'),
        json('required_fields'),
        asText('active'),
      ],
    },
  ],
  team: [{ name: 'teams', entityColumn: 'id', columns: [text('id'), text('name'), text('parent_id')] }],
  user: [
    {
      name: 'users',
      entityColumn: 'id',
      columns: [text('id'), text('name'), text('email'), text('title'), asText('active')],
    },
    {
      name: 'memberships',
      entityColumn: 'user_id',
      columns: [text('user_id'), text('team_id'), text('role')],
    },
  ],
  account: [
    {
      name: 'accounts',
      entityColumn: 'id',
      columns: [
        text('id'),
        text('name'),
        text('owner_id'),
        text('industry'),
        text('segment'),
        text('country'),
        json('fields'),
      ],
    },
  ],
  activity: [
    {
      name: 'activities',
      entityColumn: 'id',
      columns: [
        text('id'),
        text('type'),
        text('subject'),
        ts('occurred_at'),
        text('opportunity_id'),
        text('account_id'),
        text('owner_id'),
        json('fields'),
      ],
    },
  ],
  opportunity: [
    { name: 'opportunities', entityColumn: 'id', columns: opportunityColumns },
    {
      name: 'opportunity_versions',
      entityColumn: 'id',
      columns: [...opportunityColumns, ts('valid_from'), ts('valid_to')],
    },
    ...dealHistoryProjectionTables,
  ],
  quota: quotaProjectionTables,
  target: targetProjectionTables,
  'hygiene-rule': hygieneProjectionTables,
  call: callProjectionTables,
  call_policy: callPolicyProjectionTables,
  forecast: forecastProjectionTables,
  ...engagementProjectionTables,
  import: [
    {
      name: 'import_batches',
      entityColumn: 'id',
      columns: [text('id'), text('kind'), ts('committed_at'), json('summary')],
    },
  ],
};

type EventForProjection = Pick<
  LedgerEvent,
  'entityType' | 'entityId' | 'kind' | 'payload' | 'businessTime' | 'recordedTime' | 'source' | 'seq'
>;

/**
 * The rows, table by table, that one entity's events project to. Values are text exactly as the
 * `read` SQL of each column returns them, so verification compares strings.
 */
export function projectEntity(
  entityType: EntityType,
  entityId: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  if (entityType === 'opportunity') return projectOpportunity(events);
  if (entityType === 'quota') return projectQuota(entityId, events);
  if (entityType === 'target') return projectTarget(entityId, events);
  if (entityType === 'hygiene-rule') return projectHygieneRule(entityId, events);
  if (entityType === 'call') return projectCalls(entityId, events);
  if (entityType === 'call_policy') return projectCallPolicy(events);
  if (entityType === 'forecast') return projectForecast(entityId, events);
  if (entityType in engagementProjectionTables) {
    return projectEngagementEntity(entityType as EngagementEntityType, entityId, events);
  }
  if (!isRecordEntityType(entityType)) throw new Error(`no projection for entity type ${entityType}`);
  let state: RecordStates[typeof entityType] | null = null;
  const ordered = [...events].sort(compareBusinessOrder);
  for (const event of ordered) state = applyRecordEvent(entityType, state, event);
  if (state === null) return {};
  return recordRows(entityType, entityId, state, ordered.at(-1)?.businessTime ?? new Date(0));
}

function recordRows(
  entityType: keyof RecordStates,
  id: string,
  state: RecordStates[keyof RecordStates],
  lastTime: Date,
): Record<string, ProjectionRow[]> {
  switch (entityType) {
    case 'org':
      return { org_settings: [{ id: '1', settings: canonicalJson(state) }] };
    case 'currency': {
      const currency = state as RecordStates['currency'];
      return {
        currencies: [{ code: id, decimals: String(currency.decimals) }],
        currency_rates: currency.rates.map((r) => ({ code: id, valid_from: r.validFrom, rate: r.rate })),
      };
    }
    case 'stage': {
      const stage = state as RecordStates['stage'];
      return {
        stages: [
          {
            name: id,
            sort_order: String(stage.order),
            probability: String(stage.probability01),
            forecast_category: stage.forecastCategory,
            is_closed: String(stage.isClosed),
            is_won: String(stage.isWon),
            required_fields: canonicalJson(stage.requiredFields),
            active: String(stage.active),
          },
        ],
      };
    }
    case 'team': {
      const team = state as RecordStates['team'];
      return { teams: [{ id, name: team.name, parent_id: team.parentId }] };
    }
    case 'user': {
      const user = state as RecordStates['user'];
      return {
        users: [{ id, name: user.name, email: user.email, title: user.title, active: String(user.active) }],
        memberships: user.memberships.map((m) => ({ user_id: id, team_id: m.teamId, role: m.role })),
      };
    }
    case 'account': {
      const account = state as RecordStates['account'];
      return {
        accounts: [
          {
            id,
            name: account.name,
            owner_id: account.ownerId,
            industry: account.industry,
            segment: account.segment,
            country: account.country,
            fields: canonicalJson(account.fields),
          },
        ],
      };
    }
    case 'activity': {
      const activity = state as RecordStates['activity'];
      return {
        activities: [
          {
            id,
            type: activity.type,
            subject: activity.subject,
            occurred_at: new Date(activity.occurredAt).toISOString(),
            opportunity_id: activity.opportunityId,
            account_id: activity.accountId,
            owner_id: activity.ownerId,
            fields: canonicalJson(activity.fields),
          },
        ],
      };
    }
    case 'import': {
      const batch = state as RecordStates['import'];
      return {
        import_batches: [
          { id, kind: batch.kind, committed_at: lastTime.toISOString(), summary: canonicalJson(batch) },
        ],
      };
    }
  }
}

function projectOpportunity(events: readonly EventForProjection[]): Record<string, ProjectionRow[]> {
  const { current, versions } = computeOpportunityHistory(events);
  // An import projects a million versions: their shared values (creation time, custom fields) are
  // encoded once per deal, and the rows are built without spreading.
  const texts = createRowTexts();
  return {
    opportunities: [opportunityRow(current, texts)],
    opportunity_versions: versions.map((v) => {
      const row = opportunityRow(v.state, texts);
      row.valid_from = texts.time(v.validFrom);
      row.valid_to = v.validTo ? texts.time(v.validTo) : 'infinity';
      return row;
    }),
    ...projectDealHistory(current.id, versions, texts.time),
  };
}

type RowTexts = { time: (at: Date) => string; json: (value: Record<string, string>) => string };

function createRowTexts(): RowTexts {
  const times = new Map<number, string>();
  let lastJson: { value: Record<string, string>; text: string } | null = null;
  return {
    time: (at) => {
      let text = times.get(at.getTime());
      if (text === undefined) times.set(at.getTime(), (text = at.toISOString()));
      return text;
    },
    json: (value) => {
      if (lastJson?.value !== value) lastJson = { value, text: canonicalJson(value) };
      return lastJson.text;
    },
  };
}

const plainTexts: RowTexts = { time: (at) => at.toISOString(), json: canonicalJson };

export function opportunityRow(state: OpportunityState, texts: RowTexts = plainTexts): ProjectionRow {
  return {
    id: state.id,
    name: state.name,
    account_id: state.accountId,
    owner_id: state.ownerId,
    amount_minor: state.amountMinor === null ? null : state.amountMinor.toString(),
    currency: state.currency,
    stage: state.stage,
    probability: state.probability01 === null ? null : String(state.probability01),
    forecast_category: state.forecastCategory,
    category_overridden: String(state.forecastCategoryOverridden),
    is_closed: String(state.isClosed),
    is_won: String(state.isWon),
    close_date: state.closeDate,
    created_at: texts.time(state.createdAt),
    next_step: state.nextStep,
    loss_reason: state.lossReason,
    competitor: state.competitor,
    type: state.type,
    lead_source: state.leadSource,
    fields: texts.json(state.fields),
    stage_entered_at: texts.time(state.stageEnteredAt),
    push_count: String(state.pushCount),
    closed_recorded_at: state.closedRecordedAt ? texts.time(state.closedRecordedAt) : null,
    updated_at: texts.time(state.updatedAt),
    last_seq: state.lastSeq.toString(),
  };
}
