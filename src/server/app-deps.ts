import type { Config } from '../config.js';
import type { DatabaseHandle } from '../services/database-handle.js';

/** What the app is built from: passed in, never module globals, so tests build one per database. */
export type AppDeps = {
  db: DatabaseHandle;
  config: Config;
  clock: () => Date;
};
