import { DomainError } from '../domain-error.js';

export type EditConflictFacts = {
  id: string;
  expectedLastSeq: bigint;
  currentLastSeq: bigint;
  /** The latest recorded change of the deal, when known: who made it (a name if known) and when. */
  lastChange: { actor: string; recordedTime: Date; seq: bigint } | null;
};

/**
 * The refusal of an edit made on a stale copy of a deal: someone changed it after the editor loaded
 * it, and applying the edit would silently overwrite their change. Says who and when, so the
 * editor knows whom to ask.
 */
export function describeEditConflict(facts: EditConflictFacts): DomainError {
  const who = facts.lastChange
    ? `${facts.lastChange.actor} changed it at ${facts.lastChange.recordedTime.toISOString()}`
    : 'it was changed';
  return new DomainError(
    'conflict',
    `the deal ${facts.id} changed since you loaded it: ${who}. Reload it and apply your edit again.`,
    [
      {
        where: 'expectedLastSeq',
        value: facts.expectedLastSeq.toString(),
        reason: `the deal is now at ${facts.currentLastSeq.toString()}`,
      },
    ],
  );
}
