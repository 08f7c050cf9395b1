/**
 * The database session API that services use to own their transactions. Services import core and
 * store only; this is their door to connections and transactions.
 */
export { withConnection, withTransaction, type Connection } from '../db/connection.js';
export type { DatabaseHandle, Engine } from '../db/open-database.js';
