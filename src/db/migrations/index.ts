import type { Migration } from 'kysely';
import * as ledger from './0001-ledger.js';
import * as auth from './0002-auth.js';

/** Every migration, in order. Listed by hand so bundling and both engines see the same set. */
export const migrations: Record<string, Migration> = {
  '0001-ledger': ledger,
  '0002-auth': auth,
};
