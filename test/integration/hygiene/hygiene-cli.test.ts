import { afterAll, beforeAll, expect, it } from 'vitest';
import { hygieneRuleIds } from '../../../src/core/hygiene/hygiene-rule-id.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadHygieneHistory } from './hygiene-history.js';

const now = new Date('2026-05-14T12:00:00Z');

type Snapshot = {
  asOf: string;
  flags: {
    deal: string;
    owner: string | null;
    rule: string;
    severity: string;
    evidence: string;
    since: string;
  }[];
  scores: { owner: string | null; team: string | null; score: number | null }[];
};

describeEachEngine('candor hygiene', (engine) => {
  let demo: CliDatabase;
  let hand: CliDatabase;
  beforeAll(async () => {
    demo = await createCliDatabase(engine);
    hand = await createCliDatabase(engine);
    const db = await hand.open();
    await loadHygieneHistory(db);
    await db.close();
  });
  afterAll(async () => {
    await demo.dispose();
    await hand.dispose();
  });
  const run = (database: CliDatabase, args: string[]) =>
    runCli([...args, ...database.args], { databaseUrl: database.databaseUrl, clock: () => now });

  it('prints the flags and scores of the hand-built history as JSON, exactly in the documented shape', async () => {
    const answer = await run(hand, ['hygiene', '--as-of', '2026-05-12T00:00:00Z', '--json']);
    expect(answer.stderr).toBe('');
    expect(answer.exitCode).toBe(0);
    const snapshot = answer.json() as Snapshot;
    expect(Object.keys(snapshot)).toEqual(['asOf', 'flags', 'scores']);
    expect(snapshot.asOf).toBe('2026-05-12T00:00:00.000Z');
    expect(snapshot.flags[1]).toEqual({
      deal: 'h1',
      owner: 'u1',
      rule: 'pushed-repeatedly',
      severity: 'high',
      evidence: 'pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30',
      since: '2026-05-01T10:00:00.000Z',
    });
    expect(snapshot.flags).toHaveLength(15);
    expect(snapshot.scores[0]).toEqual({ owner: 'u1', team: 'east', score: 18.8 });

    const text = await run(hand, ['hygiene', '--as-of', '2026-04-15']);
    expect(text.stdout).toContain('Pipeline hygiene as of 2026-04-15T00:00:00.000Z');
    expect(text.stdout).not.toContain('pushed-repeatedly');
    const bad = await run(hand, ['hygiene', '--as-of', 'last tuesday']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("--as-of 'last tuesday' is not an instant");
  });

  it('runs on the demo organisation, now and as of a past moment', async () => {
    expect((await run(demo, ['demo', '--json'])).exitCode).toBe(0);
    const nowAnswer = await run(demo, ['hygiene', '--json']);
    expect(nowAnswer.exitCode).toBe(0);
    const current = nowAnswer.json() as Snapshot;
    expect(current.asOf).toBe(now.toISOString());
    expect(current.flags.length).toBeGreaterThan(0);
    for (const flag of current.flags) {
      expect(Object.keys(flag)).toEqual(['deal', 'owner', 'rule', 'severity', 'evidence', 'since']);
      expect(hygieneRuleIds).toContain(flag.rule);
      expect(new Date(flag.since).getTime()).toBeLessThanOrEqual(now.getTime());
    }
    // The demo enters a few changes in Candor long after their date: they show.
    expect(current.flags.some((f) => f.rule === 'backdated-change')).toBe(true);
    for (const flag of current.flags.filter((f) => f.rule === 'pushed-repeatedly')) {
      const path = flag.evidence.match(/^pushed (\d+) times: (.+)$/);
      expect(path).not.toBeNull();
      expect(Number(path?.[1])).toBeGreaterThanOrEqual(3);
    }
    for (const score of current.scores) {
      if (score.score !== null) expect(score.score).toBeGreaterThanOrEqual(0);
      if (score.score !== null) expect(score.score).toBeLessThanOrEqual(100);
    }
    const past = (
      await run(demo, ['hygiene', '--json', '--as-of', '2026-02-01T00:00:00Z'])
    ).json() as Snapshot;
    expect(past.asOf).toBe('2026-02-01T00:00:00.000Z');
    // Nothing flagged as of February can have held only since later.
    expect(past.flags.every((f) => f.since <= '2026-02-01T00:00:00.000Z')).toBe(true);
    expect(past.flags).not.toEqual(current.flags);
  });
});
