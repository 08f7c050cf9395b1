import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCliDatabase, type CliDatabase } from '../helpers/cli-database.js';
import { runCli } from '../helpers/run-cli.js';
import { signIn } from '../helpers/sign-in.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { createTestApp, loadServerHistory } from './server-history.js';

describeEachEngine('candor admin add', (engine) => {
  let database: CliDatabase;
  let folder: string;
  beforeAll(async () => {
    database = await createCliDatabase(engine);
    const handle = await database.open();
    await loadServerHistory(handle); // people and teams, but no admin: like a fresh import
    await handle.close();
    folder = mkdtempSync(join(tmpdir(), 'candor-admin-'));
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const cli = (args: string[]) => runCli(args, { databaseUrl: database.databaseUrl });

  it('adds an admin in the top-level team who can then sign in and administer', async () => {
    const passwordFile = join(folder, 'password');
    writeFileSync(passwordFile, 'first-admin-password\n');
    const run = await cli([
      'admin',
      'add',
      '--name',
      'Fay First',
      '--email',
      'fay@server.test',
      '--password-file',
      passwordFile,
      '--json',
      ...database.args,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ name: 'Fay First', email: 'fay@server.test' });

    const handle = await database.open();
    const app = await createTestApp(handle);
    try {
      const fay = await signIn(app, 'fay@server.test', 'first-admin-password');
      const session = (await fay.get('/api/session')).body;
      expect(session.roles).toEqual([{ teamId: 'sales', teamName: 'Sales', role: 'admin' }]);
      expect(session.can.administer).toBe(true);
      const created = await handle.db
        .selectFrom('events')
        .select(['kind', 'actor', 'source'])
        .where('entity_type', '=', 'user')
        .where('actor', '=', 'cli')
        .orderBy('seq')
        .execute();
      expect(created.map((e) => [e.kind, e.source])).toEqual([
        ['user.created', 'cli'],
        ['user.role_granted', 'cli'],
        ['user.password_set', 'cli'],
      ]);
    } finally {
      await app.close();
      await handle.close();
    }
  });

  it('refuses a short password and an unreadable file, saying why', async () => {
    const shortFile = join(folder, 'short');
    writeFileSync(shortFile, 'short\n');
    const short = await cli([
      'admin',
      'add',
      '--name',
      'S',
      '--email',
      's@server.test',
      '--password-file',
      shortFile,
      ...database.args,
    ]);
    expect(short.exitCode).not.toBe(0);
    expect(short.stderr).toContain('a password needs at least 10 characters');
    const missing = await cli([
      'admin',
      'add',
      '--name',
      'M',
      '--email',
      'm@server.test',
      '--password-file',
      join(folder, 'nope'),
      ...database.args,
    ]);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain(`cannot read the password file ${join(folder, 'nope')}`);
  });
});
