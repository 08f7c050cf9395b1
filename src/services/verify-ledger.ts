import { verifyChain, verifyProjections, type LedgerProblem } from '../store/verify-ledger.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';

export type VerifyReport = {
  ok: boolean;
  /** Chain length (number of events) and head hash. */
  length: string;
  head: string;
  checkedAt: string;
  problems: LedgerProblem[];
};

export type VerifyLedgerOptions = {
  now: Date;
  onProgress?: (message: string) => void;
};

/**
 * Checks the whole chain, then that every projection equals a replay of the ledger. The
 * projections are compared only when the chain is sound: a broken chain already says everything.
 */
export async function verifyLedger(
  handle: DatabaseHandle,
  options: VerifyLedgerOptions,
): Promise<VerifyReport> {
  return withConnection(handle, async (conn) => {
    const chain = await verifyChain(conn, (checked) =>
      options.onProgress?.(`chain: ${checked} events checked`),
    );
    const problems = [...chain.problems];
    if (chain.ok) {
      options.onProgress?.('projections: replaying the ledger');
      problems.push(...(await verifyProjections(conn)));
    }
    return {
      ok: problems.length === 0,
      length: chain.length.toString(),
      head: chain.head,
      checkedAt: options.now.toISOString(),
      problems,
    };
  });
}
