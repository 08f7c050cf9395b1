import { beforeAll, describe, expect, it } from 'vitest';
import { isBackdated, isLateRecordedClose } from '../backdating.js';
import type { LedgerEvent } from '../ledger-event.js';
import { canonicalEventText } from '../ledger-hash.js';
import { demoSettings, demoStages } from './demo-settings.js';
import { generateDemoOrganisation, type DemoOrganisation } from './generate-demo-organisation.js';
import { chain, replay, type Replay } from './replay-demo.test-support.js';

const now = new Date('2026-05-14T12:34:56.789Z');

describe('generateDemoOrganisation', () => {
  let demo: DemoOrganisation;
  let history: Replay;
  beforeAll(() => {
    demo = generateDemoOrganisation({ seed: 1, now });
    history = replay(demo.events, now);
  });

  it('gives byte-identical events for the same seed and now, and others for another seed', () => {
    const hashes = (events: readonly { hash: string }[]) => events.map((e) => e.hash);
    const again = chain(generateDemoOrganisation({ seed: 1, now }).events, now);
    expect(hashes(again)).toEqual(hashes(history.events));
    expect(canonicalEventText(again[1000] as LedgerEvent)).toBe(
      canonicalEventText(history.events[1000] as LedgerEvent),
    );
    const other = generateDemoOrganisation({ seed: 2, now });
    expect(chain(other.events, now).at(-1)?.hash).not.toBe(history.events.at(-1)?.hash);
    expect(other.signIns.map((s) => s.name)).not.toEqual(demo.signIns.map((s) => s.name));
  });

  it('is clearly labelled demo data, in USD with EUR and GBP rates from setup (74 days before 2025-Q2) and each quarter', () => {
    const org = history.records.org.get('org');
    expect(org).toEqual({ ...demoSettings, isDemo: true, name: 'Demo Org — sample data' });
    expect([...history.records.currency.keys()].sort()).toEqual(['EUR', 'GBP', 'USD']);
    for (const code of ['EUR', 'GBP']) {
      const validFrom = history.records.currency.get(code)?.rates.map((r) => r.validFrom);
      expect(validFrom).toEqual([
        '2025-01-17',
        '2025-04-01',
        '2025-07-01',
        '2025-10-01',
        '2026-01-01',
        '2026-04-01',
      ]);
    }
    const currencies = new Set([...history.deals.values()].map((d) => d.current.currency));
    expect([...currencies].sort()).toEqual(['EUR', 'GBP', 'USD']);
  });

  it('defines the default stages, with required fields on negotiation and loss', () => {
    expect([...history.records.stage.values()].map((s) => [s.name, s.requiredFields])).toEqual(
      demoStages.map((s) => [s.name, s.requiredFields]),
    );
    expect(history.records.stage.get('Negotiation/Review')?.requiredFields).toEqual([
      'economicBuyer',
      'nextStep',
    ]);
    expect(history.records.stage.get('Closed Lost')?.requiredFields).toEqual(['lossReason']);
  });

  it('builds three levels of teams with 40 reps, a manager per team and region, and one CRO, admin and viewer', () => {
    const teams = history.records.team;
    const depth = (id: string): number => {
      const parent = teams.get(id)?.parentId;
      return parent ? 1 + depth(parent) : 1;
    };
    const depths = [...teams.keys()].map(depth);
    expect(depths.filter((d) => d === 1)).toHaveLength(1);
    expect(depths.filter((d) => d === 2)).toHaveLength(3);
    expect(depths.filter((d) => d === 3)).toHaveLength(7);
    const grants = [...history.records.user.values()].flatMap((u) => u.memberships);
    const count = (role: string) => grants.filter((g) => g.role === role).length;
    expect([count('rep'), count('manager'), count('executive'), count('admin'), count('viewer')]).toEqual([
      40, 10, 1, 1, 1,
    ]);
    for (const [id] of teams) {
      if (depth(id) > 1)
        expect(grants.filter((g) => g.teamId === id && g.role === 'manager')).toHaveLength(1);
    }
    expect(grants.filter((g) => g.role === 'rep').every((g) => depth(g.teamId) === 3)).toBe(true);
    for (const role of ['executive', 'admin', 'viewer']) {
      expect(grants.find((g) => g.role === role)?.teamId).toBe('demo-team-org');
    }
  });

  it('gives everyone a unique address on the reserved demo domain and names the sign-in people', () => {
    const emails = [...history.records.user.values()].map((u) => u.email ?? '');
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z.]+@demo\.candor\.invalid$/.test(e))).toBe(true);
    expect(demo.signIns.map((s) => s.role)).toEqual(['admin', 'executive', 'manager', 'rep']);
    for (const signIn of demo.signIns) {
      expect(history.records.user.get(signIn.userId)).toMatchObject({
        name: signIn.name,
        email: signIn.email,
      });
    }
  });

  it('has the size of a real team: 2,000–4,000 deals and 15,000–40,000 events', () => {
    expect(history.deals.size).toBeGreaterThanOrEqual(2_000);
    expect(history.deals.size).toBeLessThanOrEqual(4_000);
    expect(demo.events.length).toBeGreaterThanOrEqual(15_000);
    expect(demo.events.length).toBeLessThanOrEqual(40_000);
    expect(history.records.account.size).toBeGreaterThan(400);
    expect(history.records.activity.size).toBeGreaterThan(8_000);
  });

  it('keeps every event at or before now and writes an import batch of kind demo before the UI changes', () => {
    expect(demo.events.every((e) => e.businessTime.getTime() <= now.getTime())).toBe(true);
    const commit = demo.events.findIndex((e) => e.kind === 'import.committed');
    expect(demo.events[commit]).toMatchObject({ entityId: 'demo-1', batchId: 'demo-1', source: 'import' });
    expect(demo.events[commit]?.payload).toEqual({ kind: 'demo', files: [], events: commit, rejected: 0 });
    expect(demo.events.slice(0, commit).every((e) => e.source === 'import' && e.batchId === 'demo-1')).toBe(
      true,
    );
    expect(demo.events.slice(commit + 1).map((e) => e.source)).toEqual(Array(6).fill('ui'));
  });

  it('marks six backdated changes and three late-recorded closes, and nothing else', () => {
    const backdated = history.events.filter((e) => isBackdated(e, demoSettings));
    expect(backdated).toHaveLength(6);
    expect(backdated.every((e) => e.source === 'ui' && e.entityType === 'opportunity')).toBe(true);
    const late = [...history.deals.values()].filter((d) => isLateRecordedClose(d.current, demoSettings));
    expect(late).toHaveLength(3);
    expect(late.every((d) => d.current.isWon)).toBe(true);
  });

  it('sets probability, category and closed flags from the stage in every version, and the required fields', () => {
    const stages = new Map(demoStages.map((s) => [s.name, s]));
    const problems: string[] = [];
    let overridden = 0;
    for (const [id, deal] of history.deals) {
      for (const { state } of deal.versions) {
        const stage = stages.get(state.stage);
        if (!stage) problems.push(`${id}: unknown stage ${state.stage}`);
        else {
          const category = state.forecastCategoryOverridden ? 'Commit' : stage.forecastCategory;
          if (state.forecastCategoryOverridden) overridden += 1;
          const same =
            state.probability01 === stage.probability01 &&
            state.forecastCategory === category &&
            state.isClosed === stage.isClosed &&
            state.isWon === stage.isWon;
          if (!same) problems.push(`${id}: ${state.stage} carries other stage values`);
          for (const field of stage.requiredFields) {
            const value = field === 'nextStep' || field === 'lossReason' ? state[field] : state.fields[field];
            if (!value) problems.push(`${id}: ${state.stage} without ${field}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(overridden).toBeGreaterThan(0);
  });

  it('wins 20–30 % of closed deals, and losses carry reasons and often a competitor', () => {
    const closed = [...history.deals.values()].map((d) => d.current).filter((d) => d.isClosed);
    const won = closed.filter((d) => d.isWon);
    const lost = closed.filter((d) => !d.isWon);
    expect(won.length / closed.length).toBeGreaterThanOrEqual(0.2);
    expect(won.length / closed.length).toBeLessThanOrEqual(0.3);
    expect(lost.every((d) => d.lossReason !== null)).toBe(true);
    expect(new Set(lost.map((d) => d.lossReason)).size).toBeGreaterThanOrEqual(5);
    expect(lost.filter((d) => d.competitor !== null).length / lost.length).toBeGreaterThan(0.3);
  });

  it('slips about a third of deals, some more than once, and changes some amounts', () => {
    const deals = [...history.deals.values()];
    const slipped = deals.filter((d) => d.current.pushCount > 0).length / deals.length;
    expect(slipped).toBeGreaterThanOrEqual(0.2);
    expect(slipped).toBeLessThanOrEqual(0.45);
    expect(deals.filter((d) => d.current.pushCount >= 2).length).toBeGreaterThan(50);
    const amountChanged = deals.filter((d) => new Set(d.versions.map((v) => v.state.amountMinor)).size > 1);
    expect(amountChanged.length / deals.length).toBeGreaterThan(0.15);
  });

  it('creates some deals directly in a late stage and keeps a next step on every open deal', () => {
    const firstStages = [...history.deals.values()].map((d) => d.versions[0]?.state.stage);
    const late = firstStages.filter((s) => s === 'Proposal/Price Quote' || s === 'Negotiation/Review');
    expect(late.length).toBeGreaterThan(20);
    expect(late.length / firstStages.length).toBeLessThan(0.1);
    const open = [...history.deals.values()].map((d) => d.current).filter((d) => !d.isClosed);
    expect(open.length).toBeGreaterThan(200);
    expect(open.every((d) => d.nextStep !== null)).toBe(true);
  });

  it('records MEDDICC fields on advanced deals', () => {
    const advanced = [...history.deals.values()]
      .map((d) => d.versions.map((v) => v.state))
      .filter((states) => states.some((s) => s.stage === 'Proposal/Price Quote'))
      .map((states) => states.at(-1)?.fields ?? {});
    expect(advanced.length).toBeGreaterThan(300);
    const share = (field: string) => advanced.filter((f) => f[field]).length / advanced.length;
    expect(share('economicBuyer')).toBeGreaterThan(0.7);
    expect(share('champion')).toBeGreaterThan(0.6);
    expect(share('identifiedPain')).toBeGreaterThan(0.6);
  });
});
