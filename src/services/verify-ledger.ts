import { verifyChain, verifyProjections, type LedgerProblem } from '../store/verify-ledger.js';
import { readLedgerHead } from '../store/org-queries.js';
import type { DatabaseHandle } from '../store/session.js';

export type VerifyReport = {
  ok: boolean;
  /** Chain length (number of events) and head hash. */
  length: string;
  head: string;
  checkedAt: string;
  problems: LedgerProblem[];
};

/** Where a verification is: events of the chain checked, then entities replayed and compared. */
export type VerifyStep = { phase: 'chain' | 'projections'; done: number; total: number };

export type VerifyLedgerOptions = {
  now: Date;
  /** A line of text per step, for a terminal. */
  onProgress?: (message: string) => void;
  /** The same steps as figures, for a progress bar. */
  onStep?: (step: VerifyStep) => void;
};

/**
 * Checks the whole chain, then that every projection equals a replay of the ledger. The
 * projections are compared only when the chain is sound: a broken chain already says everything.
 *
 * Every statement is a read on its own (none needs another's snapshot: the chain is append-only
 * and is read by sequence), so no connection is held between them: on the embedded engine, which
 * has one, other requests are answered between the pages of a long verification.
 */
export async function verifyLedger(
  handle: DatabaseHandle,
  options: VerifyLedgerOptions,
): Promise<VerifyReport> {
  const conn = { db: handle.db };
  const total = Number((await readLedgerHead(conn)).length);
  options.onStep?.({ phase: 'chain', done: 0, total });
  const chain = await verifyChain(conn, (checked) => {
    options.onProgress?.(`chain: ${checked} events checked`);
    options.onStep?.({ phase: 'chain', done: Number(checked), total: Math.max(total, Number(checked)) });
  });
  const problems = [...chain.problems];
  if (chain.ok) {
    options.onProgress?.('projections: replaying the ledger');
    problems.push(
      ...(await verifyProjections(conn, (done, entities) =>
        options.onStep?.({ phase: 'projections', done, total: entities }),
      )),
    );
  }
  return {
    ok: problems.length === 0,
    length: chain.length.toString(),
    head: chain.head,
    checkedAt: options.now.toISOString(),
    problems,
  };
}
