import { sql, type Kysely } from 'kysely';

/**
 * The ledger and its projections. Frozen: never edit after it lands; add a new migration instead.
 * Written to the PostgreSQL 15 subset so it runs on the server and on PGlite alike.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('business_time', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_time', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('origin_key', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addCheckConstraint('events_source_known', sql`source in ('ui', 'api', 'import', 'system', 'cli')`)
    .execute();
  await sql`create index events_entity on events (entity_type, entity_id, business_time, seq)`.execute(db);
  await sql`create unique index events_origin_key on events (origin_key) where origin_key is not null`.execute(
    db,
  );
  await sql`create index events_batch on events (batch_id) where batch_id is not null`.execute(db);

  // The ledger is append-only: the database itself refuses to change or remove an event.
  await sql`
    create function refuse_ledger_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the ledger is append-only: % on events is refused', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger events_no_update before update or delete on events
    for each row execute function refuse_ledger_change()`.execute(db);
  await sql`create trigger events_no_truncate before truncate on events
    for each statement execute function refuse_ledger_change()`.execute(db);

  // One row holding the chain head; appenders lock it, so appends are serialised.
  await db.schema
    .createTable('ledger_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into ledger_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  // Projections: derived tables, always rebuildable from the ledger.
  await db.schema
    .createTable('org_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('currencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('currency_rates')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('rate', 'numeric', (c) => c.notNull())
    .addPrimaryKeyConstraint('currency_rates_pk', ['code', 'valid_from'])
    .execute();

  await db.schema
    .createTable('stages')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('forecast_category', 'text', (c) => c.notNull())
    .addColumn('is_closed', 'boolean', (c) => c.notNull())
    .addColumn('is_won', 'boolean', (c) => c.notNull())
    .addColumn('required_fields', 'jsonb', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .execute();
  await db.schema.createIndex('teams_parent').on('teams').column('parent_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('title', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('users_email')
    .on('users')
    .expression(sql`lower(email)`)
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'team_id', 'role'])
    .execute();
  await db.schema.createIndex('memberships_team').on('memberships').column('team_id').execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('industry', 'text')
    .addColumn('segment', 'text')
    .addColumn('country', 'text')
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('opportunity_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activities_opportunity')
    .on('activities')
    .columns(['opportunity_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('activities_owner')
    .on('activities')
    .columns(['owner_id', 'occurred_at'])
    .execute();

  // Current opportunities and their versions share one column set (the state of a deal).
  for (const table of ['opportunities', 'opportunity_versions']) {
    let builder = db.schema.createTable(table);
    if (table === 'opportunities') builder = builder.addColumn('id', 'text', (c) => c.primaryKey());
    else {
      builder = builder
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
        .addColumn('valid_to', 'timestamptz', (c) => c.notNull());
    }
    await builder
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('amount_minor', 'bigint')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('probability', 'double precision')
      .addColumn('forecast_category', 'text', (c) => c.notNull())
      .addColumn('category_overridden', 'boolean', (c) => c.notNull())
      .addColumn('is_closed', 'boolean', (c) => c.notNull())
      .addColumn('is_won', 'boolean', (c) => c.notNull())
      .addColumn('close_date', 'date')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('next_step', 'text')
      .addColumn('loss_reason', 'text')
      .addColumn('competitor', 'text')
      .addColumn('type', 'text')
      .addColumn('lead_source', 'text')
      .addColumn('fields', 'jsonb', (c) => c.notNull())
      .addColumn('stage_entered_at', 'timestamptz', (c) => c.notNull())
      .addColumn('push_count', 'integer', (c) => c.notNull())
      .addColumn('closed_recorded_at', 'timestamptz')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .execute();
  }
  await sql`alter table opportunity_versions add primary key (id, valid_from)`.execute(db);
  await db.schema.createIndex('opportunities_close').on('opportunities').columns(['close_date']).execute();
  await db.schema.createIndex('opportunities_owner').on('opportunities').columns(['owner_id']).execute();
  await db.schema.createIndex('opportunities_account').on('opportunities').columns(['account_id']).execute();
  // "As of T for period P" reads versions by close date, then keeps those valid at T.
  await sql`create index opportunity_versions_asof on opportunity_versions (close_date, valid_from, valid_to)`.execute(
    db,
  );

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_batches',
    'opportunity_versions',
    'opportunities',
    'activities',
    'accounts',
    'memberships',
    'users',
    'teams',
    'stages',
    'currency_rates',
    'currencies',
    'org_settings',
    'ledger_head',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop trigger events_no_truncate on events`.execute(db);
  await sql`drop trigger events_no_update on events`.execute(db);
  await db.schema.dropTable('events').execute();
  await sql`drop function refuse_ledger_change()`.execute(db);
}
