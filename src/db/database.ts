import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of every table, as the `pg` driver returns them on both engines: bigint as string,
 * numeric as string, timestamptz as Date, date as string (see the type parser in open-database.ts),
 * jsonb as parsed JSON. Rows never leave src/store; it maps them to core types.
 */
type Json = ColumnType<unknown, string, string>;
type Int8 = ColumnType<string, string | bigint | number, string | bigint | number>;

export type EventsTable = {
  seq: Int8;
  business_time: Date;
  recorded_time: Date;
  actor: string;
  source: string;
  batch_id: string | null;
  entity_type: string;
  entity_id: string;
  kind: string;
  payload: Json;
  origin_key: string | null;
  prev_hash: string;
  hash: string;
};

export type LedgerHeadTable = { id: number; seq: Int8; hash: string };
export type OrgSettingsTable = { id: number; settings: Json };
export type CurrenciesTable = { code: string; decimals: number };
export type CurrencyRatesTable = { code: string; valid_from: string; rate: string };

export type StagesTable = {
  name: string;
  sort_order: number;
  probability: number;
  forecast_category: string;
  is_closed: boolean;
  is_won: boolean;
  required_fields: Json;
  active: boolean;
};

export type TeamsTable = { id: string; name: string; parent_id: string | null };
export type UsersTable = {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  active: boolean;
};
export type MembershipsTable = { user_id: string; team_id: string; role: string };

export type AccountsTable = {
  id: string;
  name: string;
  owner_id: string | null;
  industry: string | null;
  segment: string | null;
  country: string | null;
  fields: Json;
};

export type ActivitiesTable = {
  id: string;
  type: string;
  subject: string;
  occurred_at: Date;
  opportunity_id: string | null;
  account_id: string | null;
  owner_id: string | null;
  fields: Json;
};

export type OpportunityColumns = {
  id: string;
  name: string;
  account_id: string | null;
  owner_id: string | null;
  amount_minor: Int8 | null;
  currency: string;
  stage: string;
  probability: number | null;
  forecast_category: string;
  category_overridden: boolean;
  is_closed: boolean;
  is_won: boolean;
  close_date: string | null;
  created_at: Date;
  next_step: string | null;
  loss_reason: string | null;
  competitor: string | null;
  type: string | null;
  lead_source: string | null;
  fields: Json;
  stage_entered_at: Date;
  push_count: number;
  closed_recorded_at: Date | null;
  updated_at: Date;
  last_seq: Int8;
};

export type OpportunityVersionsTable = OpportunityColumns & {
  valid_from: Date;
  /** `infinity` for the latest version. */
  valid_to: ColumnType<Date, Date | string, Date | string>;
};

/** One row per forecast call submission (migration 0007). */
export type ForecastCallsTable = {
  call_id: string;
  seq: Int8;
  user_id: string;
  period: string;
  week: number;
  submitted_at: Date;
  submitted_by: string;
  commit_minor: Int8;
  best_case_minor: Int8;
  currency: string;
  note: string | null;
  reason: string | null;
  rollup_commit_minor: Int8;
  rollup_best_case_minor: Int8;
};
export type CallPolicyTable = { id: number; settings: Json };

export type ImportBatchesTable = { id: string; kind: string; committed_at: Date; summary: Json };

export type QuotasTable = {
  id: string;
  subject_type: string;
  subject_id: string;
  period: string;
  amount_minor: Int8;
  currency: string;
  set_at: Date;
};
export type IndicatorTargetsTable = {
  id: string;
  role: string;
  indicator: string;
  value: string;
  set_at: Date;
};

export type InsightsTable = {
  id: string;
  account_id: string;
  opportunity_id: string | null;
  type: string;
  competitor: string | null;
  topic: string | null;
  text: string;
  severity: string;
  author_id: string | null;
  captured_at: Date;
  withdrawn: boolean;
};
export type MeetingsTable = {
  id: string;
  account_id: string;
  opportunity_id: string | null;
  title: string;
  starts_at: Date;
  duration_minutes: number;
  status: string;
  planned: boolean;
  attendee_ids: Json;
  external_attendees: Json;
  outcome: string | null;
  next_steps: string | null;
};
export type StrategicAccountsTable = {
  account_id: string;
  strategic_tag: boolean;
  sponsor_id: string | null;
  cadence: string;
};
export type EngagementSettingsTable = { id: number; settings: Json };
export type DigestSubscriptionsTable = {
  id: string;
  name: string;
  audience: string;
  types: Json;
  segments: Json;
  email: string | null;
  webhook_url: string | null;
  active: boolean;
};
export type DigestWebhookSecretsTable = { subscription_id: string; secret: string; created_at: Date };

/** Candor's stored forecasts (migration 0006): one row per `forecast.recorded` event. */
export type ForecastsTable = {
  forecast_id: string;
  period: string;
  team_id: string | null;
  owner_id: string | null;
  scope_key: string;
  as_of: Date;
  week: number;
  currency: string;
  expected_minor: Int8;
  p10_minor: Int8;
  p50_minor: Int8;
  p90_minor: Int8;
  method_version: string;
  ledger_seq: Int8;
  thin_data: boolean;
  components: Json;
  recorded_by: string;
};

/** Hygiene rule settings (migration 0010): the admin's changes per rule, defaults in code. */
export type HygieneRulesTable = { rule_id: string; settings: Json };
/** The digest delivery log (migration 0010). */
export type DigestDeliveriesTable = {
  id: string;
  run_id: string;
  channel: string;
  recipient: string;
  audience: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
};

export type UserCredentialsTable = { user_id: string; password_hash: string; updated_at: Date };

export type AuthSessionsTable = {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  method: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  address: string | null;
  user_agent: string | null;
};

export type SignInAttemptsTable = {
  id: Generated<string>;
  account_key: string;
  address: string;
  attempted_at: Date;
  succeeded: boolean;
};

export type VerificationJobsTable = {
  id: string;
  actor: string;
  status: string;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  progress: Json;
  result: Json | null;
  error: Json | null;
};

export type ImportJobsTable = {
  id: string;
  kind: string;
  file_name: string;
  actor: string;
  status: string;
  created_at: Date;
  updated_at: Date;
  progress: Json;
  result: Json | null;
  error: Json | null;
  rejects_csv: string | null;
};

export type OidcLoginsTable = {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Date;
};

export type Database = {
  events: EventsTable;
  ledger_head: LedgerHeadTable;
  org_settings: OrgSettingsTable;
  currencies: CurrenciesTable;
  currency_rates: CurrencyRatesTable;
  stages: StagesTable;
  teams: TeamsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  accounts: AccountsTable;
  activities: ActivitiesTable;
  opportunities: OpportunityColumns;
  opportunity_versions: OpportunityVersionsTable;
  import_batches: ImportBatchesTable;
  forecast_calls: ForecastCallsTable;
  call_policy: CallPolicyTable;
  forecasts: ForecastsTable;
  quotas: QuotasTable;
  indicator_targets: IndicatorTargetsTable;
  insights: InsightsTable;
  meetings: MeetingsTable;
  strategic_accounts: StrategicAccountsTable;
  engagement_settings: EngagementSettingsTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_webhook_secrets: DigestWebhookSecretsTable;
  hygiene_rules: HygieneRulesTable;
  digest_deliveries: DigestDeliveriesTable;
  user_credentials: UserCredentialsTable;
  auth_sessions: AuthSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  import_jobs: ImportJobsTable;
  verification_jobs: VerificationJobsTable;
  oidc_logins: OidcLoginsTable;
};
