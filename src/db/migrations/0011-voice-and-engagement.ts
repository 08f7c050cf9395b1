import type { Kysely } from 'kysely';

/**
 * Voice of the customer and executive engagement: insights, meetings, the strategic-account
 * programme and its settings, and digest subscriptions are projections of the ledger; the webhook
 * signing secrets of subscriptions live outside it (like password hashes), so reading the ledger
 * never reveals them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('insights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('competitor', 'text')
    .addColumn('topic', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('captured_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('insights_account')
    .on('insights')
    .columns(['account_id', 'captured_at'])
    .execute();
  await db.schema.createIndex('insights_opportunity').on('insights').columns(['opportunity_id']).execute();
  await db.schema.createIndex('insights_captured').on('insights').columns(['captured_at']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('planned', 'boolean', (c) => c.notNull())
    .addColumn('attendee_ids', 'jsonb', (c) => c.notNull())
    .addColumn('external_attendees', 'jsonb', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('next_steps', 'text')
    .execute();
  await db.schema
    .createIndex('meetings_account')
    .on('meetings')
    .columns(['account_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('meetings_starts').on('meetings').columns(['starts_at']).execute();

  await db.schema
    .createTable('strategic_accounts')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('strategic_tag', 'boolean', (c) => c.notNull())
    .addColumn('sponsor_id', 'text')
    .addColumn('cadence', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('engagement_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('types', 'jsonb', (c) => c.notNull())
    .addColumn('segments', 'jsonb', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_webhook_secrets')
    .addColumn('subscription_id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'digest_webhook_secrets',
    'digest_subscriptions',
    'engagement_settings',
    'strategic_accounts',
    'meetings',
    'insights',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
