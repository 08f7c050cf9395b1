import { performance } from 'node:perf_hooks';
import type { LedgerProblem } from '../store/verify-ledger.js';
import type { DatabaseHandle } from '../store/session.js';
import { verifyLedger, type VerifyStep } from './verify-ledger.js';

export type VerificationRun = {
  ok: boolean;
  length: string;
  head: string;
  checkedAt: string;
  durationMs: number;
  problems: { kind: LedgerProblem['kind']; seq: string | null; where: string | null; message: string }[];
};

/**
 * Runs the full ledger verification (`candor verify`) on behalf of an administrator and times it.
 * The answer names each problem the way the CLI does, so the web app can show the same words.
 */
export async function runVerification(
  handle: DatabaseHandle,
  options: { now: Date; onStep?: (step: VerifyStep) => void },
): Promise<VerificationRun> {
  const started = performance.now();
  const report = await verifyLedger(handle, {
    now: options.now,
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  return {
    ok: report.ok,
    length: report.length,
    head: report.head,
    checkedAt: report.checkedAt,
    durationMs: Math.round(performance.now() - started),
    problems: report.problems.map((p) => ({
      kind: p.kind,
      seq: p.seq ?? null,
      where: p.where ?? null,
      message: p.message,
    })),
  };
}
