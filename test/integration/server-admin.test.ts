import { beforeAll, expect, it } from 'vitest';
import { withConnection } from '../../src/db/connection.js';
import { readCsvDownload, readXlsxDownload } from '../helpers/read-download.js';
import { signIn, signInNewAdmin, testPassword, type SignedInClient } from '../helpers/sign-in.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

describeEachEngine('administration under /api/admin', (engine) => {
  const server = useServerWithHistory(engine);
  let admin: SignedInClient;
  let doraId = '';
  let northId = '';

  beforeAll(async () => {
    admin = await signInNewAdmin(server.app, server.database);
  });

  /** The ledger events the test admin recorded, oldest first. */
  async function adminEvents() {
    return withConnection(server.database, (conn) =>
      conn.db
        .selectFrom('events')
        .select(['entity_type', 'entity_id', 'kind', 'source', 'payload'])
        .where('actor', '=', 'test-admin')
        .orderBy('seq')
        .execute(),
    );
  }

  it('refuses every administration route to people without the admin role, and to no one signed in', async () => {
    const calls: [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object][] = [
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/users', { name: 'X', email: 'x@server.test' }],
      ['PATCH', '/api/admin/users/u1', { title: 'Boss' }],
      ['POST', '/api/admin/users/u1/roles', { teamId: 'sales', role: 'admin' }],
      ['DELETE', '/api/admin/users/u1/roles', { teamId: 'east', role: 'rep' }],
      ['POST', '/api/admin/users/u2/password', { password: 'long-enough-password' }],
      ['GET', '/api/admin/teams'],
      ['POST', '/api/admin/teams', { name: 'X', parentId: null }],
      ['PATCH', '/api/admin/teams/east', { name: 'X' }],
      ['GET', '/api/admin/stages'],
      ['POST', '/api/admin/stages', { name: 'X', probability: 0.1, forecastCategory: 'Pipeline' }],
      ['PATCH', '/api/admin/stages/X', { active: false }],
      ['GET', '/api/admin/settings'],
      ['PATCH', '/api/admin/settings', { name: 'X' }],
      ['GET', '/api/admin/currencies'],
      ['POST', '/api/admin/currencies', { code: 'GBP', decimals: 2 }],
      ['POST', '/api/admin/currencies/EUR/rates', { validFrom: '2026-01-01', rate: '9' }],
    ];
    for (const person of ['ana', 'cleo', 'vera']) {
      const client = await server.as(person);
      for (const [method, url, body] of calls) {
        const answer = method === 'GET' ? await client.get(url) : await client.send(method, url, body);
        expect([person, method, url, answer.status]).toEqual([person, method, url, 403]);
        expect(answer.body.detail).toBe('your roles do not allow this: it needs the admin role');
      }
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(anonymous.statusCode).toBe(401);
    expect(await adminEvents()).toEqual([]);
  });

  it('lists people with their roles and whether they have a password', async () => {
    const { status, body } = await admin.get('/api/admin/users');
    expect(status).toBe(200);
    const byId = new Map((body.users as { id: string }[]).map((u) => [u.id, u]));
    expect(byId.get('u1')).toEqual({
      id: 'u1',
      name: 'Ana Alvarez',
      email: 'ana@server.test',
      title: null,
      active: true,
      hasPassword: true,
      roles: [{ teamId: 'east', teamName: 'East', role: 'rep' }],
    });
    expect(byId.get('test-admin')).toMatchObject({ roles: [{ teamId: 'test-admins', role: 'admin' }] });
    expect((body.users as { name: string }[]).map((u) => u.name)).toEqual([
      'Ana Alvarez',
      'Ben Brooks',
      'Cleo Chen',
      'Test Admin',
      'Vera Viewer',
    ]);
  });

  it('adds a person with a role and a password, who can then sign in', async () => {
    const created = await admin.send('POST', '/api/admin/users', {
      name: ' Dora Diaz ',
      email: 'Dora@Server.test',
      title: 'Account executive',
      password: testPassword,
      roles: [{ teamId: 'east', role: 'rep' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Dora Diaz',
      email: 'Dora@Server.test',
      title: 'Account executive',
      active: true,
      hasPassword: true,
      roles: [{ teamId: 'east', teamName: 'East', role: 'rep' }],
    });
    doraId = created.body.id;
    expect(doraId).toMatch(/^u-[a-z2-9]{10}$/);
    const dora = await signIn(server.app, 'dora@server.test');
    expect((await dora.get('/api/session')).body.user).toEqual({
      id: doraId,
      name: 'Dora Diaz',
      email: 'Dora@Server.test',
    });
    const events = (await adminEvents()).filter((e) => e.entity_id === doraId);
    expect(events.map((e) => [e.kind, e.source])).toEqual([
      ['user.created', 'api'],
      ['user.role_granted', 'api'],
      ['user.password_set', 'api'],
    ]);
    expect(JSON.stringify(events)).not.toContain('argon2');
  });

  it('refuses an e-mail someone has in any case, a short password and an unknown team', async () => {
    const taken = await admin.send('POST', '/api/admin/users', {
      name: 'Other Ana',
      email: 'ANA@server.test',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('Ana Alvarez already has the e-mail ANA@server.test');
    const short = await admin.send('POST', '/api/admin/users', {
      name: 'Eli',
      email: 'eli@server.test',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.detail).toBe('a password needs at least 10 characters');
    const team = await admin.send('POST', '/api/admin/users', {
      name: 'Eli',
      email: 'eli@server.test',
      roles: [{ teamId: 'nowhere', role: 'rep' }],
    });
    expect(team.status).toBe(400);
    expect(team.body.errors).toEqual([
      { where: 'roles.0.teamId', value: 'nowhere', reason: 'no team has this id' },
    ]);
    const email = await admin.send('POST', '/api/admin/users', { name: 'Eli', email: 'not an address' });
    expect(email.status).toBe(400);
    expect(email.body.errors[0]).toMatchObject({
      where: 'email',
      reason: 'expected an e-mail address such as ana@example.com',
    });
    const users = (await admin.get('/api/admin/users')).body.users as { email: string | null }[];
    expect(users.filter((u) => u.email === 'eli@server.test')).toEqual([]);
  });

  it('changes a person, and deactivating them ends their sessions', async () => {
    const dora = await signIn(server.app, 'dora@server.test');
    const renamed = await admin.send('PATCH', `/api/admin/users/${doraId}`, { title: 'Senior AE' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('Senior AE');
    const taken = await admin.send('PATCH', `/api/admin/users/${doraId}`, { email: 'BEN@server.test' });
    expect(taken.status).toBe(409);
    const off = await admin.send('PATCH', `/api/admin/users/${doraId}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await dora.get('/api/session')).status).toBe(401);
    const again = await admin.send('PATCH', `/api/admin/users/${doraId}`, { active: false });
    expect(again.status).toBe(400);
    expect(again.body.detail).toBe('nothing to change: Dora Diaz already has these values');
    expect((await admin.send('PATCH', '/api/admin/users/nobody', { active: false })).status).toBe(404);
  });

  it('grants and revokes roles, which change what a person sees at once', async () => {
    const ana = await server.as('ana');
    expect((await ana.get('/api/opportunities/d2')).status).toBe(404);
    const granted = await admin.send('POST', '/api/admin/users/u1/roles', {
      teamId: 'west',
      role: 'manager',
    });
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual([
      { teamId: 'east', teamName: 'East', role: 'rep' },
      { teamId: 'west', teamName: 'West', role: 'manager' },
    ]);
    expect((await ana.get('/api/opportunities/d2')).status).toBe(200);
    const twice = await admin.send('POST', '/api/admin/users/u1/roles', { teamId: 'west', role: 'manager' });
    expect(twice.status).toBe(400);
    const revoked = await admin.inject({
      method: 'DELETE',
      url: '/api/admin/users/u1/roles',
      payload: { teamId: 'west', role: 'manager' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles).toEqual([{ teamId: 'east', teamName: 'East', role: 'rep' }]);
    expect((await ana.get('/api/opportunities/d2')).status).toBe(404);
    const notHeld = await admin.send('DELETE', '/api/admin/users/u1/roles', {
      teamId: 'west',
      role: 'manager',
    });
    expect(notHeld.status).toBe(404);
    expect(notHeld.body.detail).toBe('Ana Alvarez is not manager in West');
    const badRole = await admin.send('POST', '/api/admin/users/u1/roles', { teamId: 'west', role: 'king' });
    expect(badRole.status).toBe(400);
  });

  it('sets a password: the new one signs in, the old one no longer does', async () => {
    const answer = await admin.send('POST', '/api/admin/users/u2/password', {
      password: 'a-brand-new-password',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 'u2', hasPassword: true });
    await expect(signIn(server.app, 'ben@server.test')).rejects.toThrow(/401/);
    await expect(signIn(server.app, 'ben@server.test', 'a-brand-new-password')).resolves.toMatchObject({});
  });

  it('keeps at least one active administrator', async () => {
    const off = await admin.send('PATCH', '/api/admin/users/test-admin', { active: false });
    expect(off.status).toBe(409);
    expect(off.body.detail).toBe('Test Admin is the last active administrator');
    const revoke = await admin.send('DELETE', '/api/admin/users/test-admin/roles', {
      teamId: 'test-admins',
      role: 'admin',
    });
    expect(revoke.status).toBe(409);
    expect((await admin.get('/api/admin/users')).status).toBe(200);
  });

  it('shows the team tree in reading order with members', async () => {
    const { status, body } = await admin.get('/api/admin/teams');
    expect(status).toBe(200);
    const teams = body.teams as { id: string; depth: number; path: string[]; members: unknown[] }[];
    expect(teams.map((t) => [t.id, t.depth, t.path.join(' › ')])).toEqual([
      ['sales', 0, 'Sales'],
      ['east', 1, 'Sales › East'],
      ['west', 1, 'Sales › West'],
      ['test-admins', 0, 'Test admins'],
    ]);
    expect(teams.find((t) => t.id === 'east')?.members).toEqual([
      { userId: 'u1', name: 'Ana Alvarez', role: 'rep' },
      { userId: doraId, name: 'Dora Diaz', role: 'rep' },
    ]);
  });

  it('adds, renames and moves teams, and refuses a move that makes a loop', async () => {
    const north = await admin.send('POST', '/api/admin/teams', { name: 'North', parentId: 'sales' });
    expect(north.status).toBe(201);
    expect(north.body).toMatchObject({
      name: 'North',
      parentId: 'sales',
      depth: 1,
      path: ['Sales', 'North'],
      members: [],
    });
    northId = north.body.id;
    expect(northId).toMatch(/^t-[a-z2-9]{10}$/);

    const loop = await admin.send('PATCH', '/api/admin/teams/sales', { parentId: 'east' });
    expect(loop.status).toBe(400);
    expect(loop.body.detail).toBe(
      'Sales cannot move under East: East is inside Sales (Sales › East): the tree would become a loop',
    );
    const self = await admin.send('PATCH', '/api/admin/teams/sales', { parentId: 'sales' });
    expect(self.body.detail).toBe('Sales cannot move under Sales: a team cannot be its own parent');

    const moved = await admin.send('PATCH', '/api/admin/teams/east', {
      name: 'East coast',
      parentId: northId,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      name: 'East coast',
      parentId: northId,
      depth: 2,
      path: ['Sales', 'North', 'East coast'],
    });
    const deeper = await admin.send('PATCH', `/api/admin/teams/${northId}`, { parentId: 'east' });
    expect(deeper.status).toBe(400);
    expect(deeper.body.detail).toBe(
      'North cannot move under East coast: East coast is inside North (North › East coast): the tree would become a loop',
    );
    // Cleo manages sales: ana's deals are still hers to see, two levels down now.
    expect((await (await server.as('cleo')).get('/api/opportunities/d1')).status).toBe(200);

    const twin = await admin.send('POST', '/api/admin/teams', { name: 'north', parentId: 'sales' });
    expect(twin.status).toBe(409);
    const orphan = await admin.send('POST', '/api/admin/teams', { name: 'South', parentId: 'nowhere' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.detail).toBe("there is no team 'nowhere'");
    expect((await admin.send('PATCH', '/api/admin/teams/nowhere', { name: 'X' })).status).toBe(404);
  });

  it('adds and changes stages, refusing contradictions, and edits then follow them', async () => {
    expect((await admin.get('/api/admin/stages')).body.stages).toEqual([]);
    const discovery = await admin.send('POST', '/api/admin/stages', {
      name: 'Discovery',
      probability: 0.1,
      forecastCategory: 'Pipeline',
    });
    expect(discovery.status).toBe(201);
    expect(discovery.body).toEqual({
      name: 'Discovery',
      order: 1,
      probability: 0.1,
      forecastCategory: 'Pipeline',
      isClosed: false,
      isWon: false,
      requiredFields: [],
      active: true,
    });
    const slash = await admin.send('POST', '/api/admin/stages', {
      name: 'Proposal/Quote',
      probability: 0.6,
      forecastCategory: 'Best Case',
    });
    expect(slash.body.order).toBe(2);
    const bad = await admin.send('POST', '/api/admin/stages', {
      name: 'Won-ish',
      probability: 0.9,
      forecastCategory: 'Commit',
      isWon: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { where: 'isWon', reason: 'a won stage is a closed stage: set isClosed too' },
    ]);
    const wrongWon = await admin.send('POST', '/api/admin/stages', {
      name: 'Won',
      probability: 0.9,
      forecastCategory: 'Commit',
      isWon: true,
      isClosed: true,
    });
    expect(wrongWon.body.errors.map((e: { where: string }) => e.where)).toEqual([
      'forecastCategory',
      'probability',
    ]);
    const dup = await admin.send('POST', '/api/admin/stages', {
      name: 'discovery',
      probability: 0.1,
      forecastCategory: 'Pipeline',
    });
    expect(dup.status).toBe(409);

    const changed = await admin.send('PATCH', '/api/admin/stages/Discovery', {
      probability: 0.15,
      requiredFields: ['nextStep', 'champion'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ probability: 0.15, requiredFields: ['nextStep', 'champion'] });
    const retired = await admin.send('PATCH', `/api/admin/stages/${encodeURIComponent('Proposal/Quote')}`, {
      active: false,
    });
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    expect((await admin.send('PATCH', '/api/admin/stages/Nope', { active: false })).status).toBe(404);

    const ana = await server.as('ana');
    const needs = await ana.send('PATCH', '/api/opportunities/d1', { stage: 'Discovery' });
    expect(needs.status).toBe(422);
    expect(needs.body.detail).toBe('the stage Discovery needs: Next step');
    const gone = await ana.send('PATCH', '/api/opportunities/d1', { stage: 'Proposal/Quote' });
    expect(gone.body.detail).toBe("the stage 'Proposal/Quote' is no longer in use");
  });

  it('shows and changes settings, checking the time zone', async () => {
    const { body } = await admin.get('/api/admin/settings');
    expect(body).toEqual({
      name: 'Server test org',
      isDemo: false,
      corporateCurrency: 'USD',
      timeZone: 'UTC',
      fiscalYearStartMonth: 1,
      fiscalYearNamedBy: 'end',
      weekStartDay: 1,
      backdatedAfterHours: 72,
      lateCloseAfterDays: 7,
    });
    const mars = await admin.send('PATCH', '/api/admin/settings', { timeZone: 'Mars/Olympus' });
    expect(mars.status).toBe(400);
    expect(mars.body.detail).toBe("'Mars/Olympus' is not a time zone");
    const offset = await admin.send('PATCH', '/api/admin/settings', { timeZone: 'UTC+2' });
    expect(offset.status).toBe(400);
    const month = await admin.send('PATCH', '/api/admin/settings', { fiscalYearStartMonth: 13 });
    expect(month.status).toBe(400);
    expect(month.body.errors[0]).toMatchObject({
      where: 'fiscalYearStartMonth',
      reason: 'a month is 1 to 12',
    });
    const demo = await admin.send('PATCH', '/api/admin/settings', { isDemo: true });
    expect(demo.status).toBe(400);

    const changed = await admin.send('PATCH', '/api/admin/settings', {
      timeZone: 'Europe/Paris',
      fiscalYearStartMonth: 2,
      backdatedAfterHours: 24,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      timeZone: 'Europe/Paris',
      fiscalYearStartMonth: 2,
      backdatedAfterHours: 24,
    });
    const same = await admin.send('PATCH', '/api/admin/settings', { timeZone: 'Europe/Paris' });
    expect(same.body.detail).toBe('nothing to change: the settings already have these values');
    // The org.configured event holds only what changed.
    const last = (await adminEvents()).filter((e) => e.kind === 'org.configured').at(-1);
    expect(last?.payload).toEqual({
      timeZone: 'Europe/Paris',
      fiscalYearStartMonth: 2,
      backdatedAfterHours: 24,
    });
  });

  it('adds currencies and sets rates, which convert deal amounts from their day', async () => {
    const list = await admin.get('/api/admin/currencies');
    expect(list.body).toEqual({
      corporateCurrency: 'USD',
      currencies: [
        {
          code: 'EUR',
          decimals: 2,
          isCorporate: false,
          rates: [
            { validFrom: '2025-01-01', rate: '1.1' },
            { validFrom: '2026-03-01', rate: '1.2' },
          ],
        },
        { code: 'USD', decimals: 2, isCorporate: true, rates: [] },
      ],
    });
    const gbp = await admin.send('POST', '/api/admin/currencies', { code: 'gbp', decimals: 2 });
    expect(gbp.status).toBe(201);
    expect(gbp.body).toEqual({ code: 'GBP', decimals: 2, isCorporate: false, rates: [] });
    expect((await admin.send('POST', '/api/admin/currencies', { code: 'EUR', decimals: 2 })).status).toBe(
      409,
    );
    expect((await admin.send('POST', '/api/admin/currencies', { code: 'EURO', decimals: 2 })).status).toBe(
      400,
    );

    const rate = await admin.send('POST', '/api/admin/currencies/GBP/rates', {
      validFrom: '2026-01-01',
      rate: '1.27',
    });
    expect(rate.status).toBe(200);
    expect(rate.body.rates).toEqual([{ validFrom: '2026-01-01', rate: '1.27' }]);
    const zero = await admin.send('POST', '/api/admin/currencies/GBP/rates', {
      validFrom: '2026-01-01',
      rate: '0.000',
    });
    expect(zero.status).toBe(400);
    expect(zero.body.errors[0]).toMatchObject({ where: 'rate', reason: 'a rate is greater than 0' });
    const corporate = await admin.send('POST', '/api/admin/currencies/USD/rates', {
      validFrom: '2026-01-01',
      rate: '1',
    });
    expect(corporate.body.detail).toBe('USD is the corporate currency: it has no rate');
    expect(
      (await admin.send('POST', '/api/admin/currencies/XYZ/rates', { validFrom: '2026-01-01', rate: '1' }))
        .status,
    ).toBe(404);

    // d2 is 500.00 EUR closing 2026-02-28, converted at the rate of its close date: 1.1 until a
    // rate set from 2026-02-01 on takes over.
    expect((await admin.get('/api/opportunities/d2')).body.corporateAmount).toBe('550.00');
    await admin.send('POST', '/api/admin/currencies/EUR/rates', { validFrom: '2026-02-01', rate: '1.15' });
    expect((await admin.get('/api/opportunities/d2')).body.corporateAmount).toBe('575.00');
  });

  it('exports people, teams, stages, currencies and hygiene rules as CSV and XLSX, to admins only', async () => {
    const formula = await admin.send('POST', '/api/admin/users', {
      name: '=HYPERLINK("https://x.test")',
      email: 'formula@server.test',
    });
    expect(formula.status).toBe(201);

    const users = await admin.get('/api/admin/users/export');
    expect([users.status, users.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [userHeader, ...userRows] = readCsvDownload(String(users.body));
    expect(userHeader).toEqual([
      'user id',
      'name',
      'e-mail',
      'title',
      'active',
      'has a password',
      'team id',
      'team',
      'role',
    ]);
    // The people of the list, in its order, one row per role (one for a person with none).
    const listed = (await admin.get('/api/admin/users')).body.users as { id: string; roles: unknown[] }[];
    expect(userRows.map((r) => r[0])).toEqual(
      listed.flatMap((u) => Array<string>(Math.max(1, u.roles.length)).fill(u.id)),
    );
    expect(userRows.filter((r) => r[0] === doraId)).toEqual([
      [doraId, 'Dora Diaz', 'Dora@Server.test', 'Senior AE', 'no', 'yes', 'east', 'East coast', 'rep'],
    ]);
    expect(userRows.find((r) => r[0] === formula.body.id)).toEqual([
      formula.body.id,
      `'=HYPERLINK("https://x.test")`,
      'formula@server.test',
      '',
      'yes',
      'no',
      '',
      '',
      '',
    ]);
    const usersXlsx = await admin.inject({ method: 'GET', url: '/api/admin/users/export?format=xlsx' });
    expect(usersXlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(usersXlsx.headers['content-disposition']).toContain(
      'filename="users-as-of-2026-05-01T12-00-00Z.xlsx"',
    );
    expect((await readXlsxDownload(usersXlsx, 'Users')).rowCount).toBe(userRows.length + 1);

    const teams = await admin.inject({ method: 'GET', url: '/api/admin/teams/export?format=csv' });
    expect(teams.headers['content-disposition']).toContain('filename="teams-as-of-2026-05-01T12-00-00Z.csv"');
    expect(readCsvDownload(teams.body)).toEqual([
      ['team id', 'name', 'parent id', 'parent', 'depth', 'path', 'members', 'members and roles'],
      ['sales', 'Sales', '', '', '0', 'Sales', '2', 'Cleo Chen (manager), Vera Viewer (viewer)'],
      [northId, 'North', 'sales', 'Sales', '1', 'Sales / North', '0', ''],
      [
        'east',
        'East coast',
        northId,
        'North',
        '2',
        'Sales / North / East coast',
        '2',
        'Ana Alvarez (rep), Dora Diaz (rep)',
      ],
      ['west', 'West', 'sales', 'Sales', '1', 'Sales / West', '1', 'Ben Brooks (rep)'],
      ['test-admins', 'Test admins', '', '', '0', 'Test admins', '1', 'Test Admin (admin)'],
    ]);

    const stages = await admin.get('/api/admin/stages/export');
    expect(readCsvDownload(String(stages.body))).toEqual([
      ['order', 'stage', 'probability', 'forecast category', 'closed', 'won', 'required fields', 'active'],
      ['1', 'Discovery', '0.15', 'Pipeline', 'no', 'no', 'nextStep, champion', 'yes'],
      ['2', 'Proposal/Quote', '0.6', 'Best Case', 'no', 'no', '', 'no'],
    ]);
    const stagesXlsx = await admin.inject({ method: 'GET', url: '/api/admin/stages/export?format=xlsx' });
    const probability = (await readXlsxDownload(stagesXlsx, 'Stages')).getRow(2).getCell(3);
    expect([probability.value, probability.numFmt]).toEqual([0.15, '0.0%']);

    const currencies = await admin.get('/api/admin/currencies/export?format=csv');
    expect(readCsvDownload(String(currencies.body))).toEqual([
      ['currency', 'decimals', 'corporate', 'valid from', 'rate (USD for one unit)'],
      ['EUR', '2', 'no', '2025-01-01', '1.1'],
      ['EUR', '2', 'no', '2026-02-01', '1.15'],
      ['EUR', '2', 'no', '2026-03-01', '1.2'],
      ['GBP', '2', 'no', '2026-01-01', '1.27'],
      ['USD', '2', 'yes', '', ''],
    ]);
    const currenciesXlsx = await admin.inject({
      method: 'GET',
      url: '/api/admin/currencies/export?format=xlsx',
    });
    const rateRow = (await readXlsxDownload(currenciesXlsx, 'Currencies')).getRow(3);
    expect([rateRow.getCell(4).value, rateRow.getCell(5).value]).toEqual([
      new Date('2026-02-01T00:00:00Z'),
      1.15,
    ]);

    const rules = await admin.get('/api/admin/hygiene-rules/export');
    const [ruleHeader, ...ruleRows] = readCsvDownload(String(rules.body));
    expect(ruleHeader).toEqual([
      'rule',
      'description',
      'on',
      'severity',
      'thresholds',
      'on by default',
      'default severity',
      'default thresholds',
    ]);
    const ruleList = (await admin.get('/api/admin/hygiene-rules')).body.rules as {
      rule: string;
      severity: string;
    }[];
    expect(ruleRows.map((r) => [r[0], r[3]])).toEqual(ruleList.map((r) => [r.rule, r.severity]));

    for (const person of ['ana', 'cleo', 'vera']) {
      const client = await server.as(person);
      for (const list of ['users', 'teams', 'stages', 'currencies', 'hygiene-rules']) {
        const answer = await client.get(`/api/admin/${list}/export?format=csv`);
        expect([person, list, answer.status]).toEqual([person, list, 403]);
      }
    }
    expect((await admin.get('/api/admin/teams/export?format=pdf')).status).toBe(400);
  });

  it('records every change as a ledger event with the admin as actor, and the ledger verifies', async () => {
    const kinds = new Set((await adminEvents()).map((e) => e.kind));
    expect([...kinds].sort()).toEqual([
      'currency.defined',
      'currency.rate_set',
      'org.configured',
      'stage.changed',
      'stage.defined',
      'team.changed',
      'team.created',
      'user.changed',
      'user.created',
      'user.password_set',
      'user.role_granted',
      'user.role_revoked',
    ]);
    // Verification runs in the background: start it, then follow the job to its end.
    const started = await admin.send('POST', '/api/ledger/verify');
    expect(started.status).toBe(202);
    let job = started.body;
    for (let waited = 0; job.status === 'running' && waited < 60_000; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      job = (await admin.get(`/api/ledger/verifications/${started.body.id}`)).body;
    }
    expect(job.status).toBe('succeeded');
    expect(job.result.problems).toEqual([]);
    expect(job.result.ok).toBe(true);
  });

  it('describes every administration route in the OpenAPI document', async () => {
    const { status, body } = await admin.get('/api/openapi.json');
    expect(status).toBe(200);
    const paths = body.paths as Record<string, Record<string, unknown>>;
    const described = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/admin') || path === '/api/ledger/verify')
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(described).toEqual([
      'DELETE /api/admin/users/{id}/roles',
      'GET /api/admin/currencies',
      'GET /api/admin/currencies/export',
      'GET /api/admin/digests/deliveries',
      'GET /api/admin/digests/deliveries/export',
      'GET /api/admin/hygiene-rules',
      'GET /api/admin/hygiene-rules/export',
      'GET /api/admin/settings',
      'GET /api/admin/stages',
      'GET /api/admin/stages/export',
      'GET /api/admin/teams',
      'GET /api/admin/teams/export',
      'GET /api/admin/users',
      'GET /api/admin/users/export',
      'PATCH /api/admin/hygiene-rules/{rule}',
      'PATCH /api/admin/settings',
      'PATCH /api/admin/stages/{name}',
      'PATCH /api/admin/teams/{id}',
      'PATCH /api/admin/users/{id}',
      'POST /api/admin/currencies',
      'POST /api/admin/currencies/{code}/rates',
      'POST /api/admin/digests/send',
      'POST /api/admin/stages',
      'POST /api/admin/teams',
      'POST /api/admin/users',
      'POST /api/admin/users/{id}/password',
      'POST /api/admin/users/{id}/roles',
      'POST /api/ledger/verify',
    ]);
  });
});
