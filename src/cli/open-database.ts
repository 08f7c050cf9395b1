import { openDatabase } from '../db/open-database.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../services/database-handle.js';

/** The CLI's one door to the database: the server when DATABASE_URL is set, else the embedded folder. */
export function openCliDatabase(
  config: Config,
  options: { dataDir?: string; migrate?: boolean },
): Promise<DatabaseHandle> {
  return openDatabase({
    url: config.databaseUrl,
    dataDir: options.dataDir ?? config.dataDir,
    migrate: options.migrate !== false,
  });
}
