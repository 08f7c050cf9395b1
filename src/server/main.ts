import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { checkHealth } from '../services/check-health.js';
import { createDemoOrganisation, type CreateDemoResult } from '../services/create-demo-organisation.js';
import type { Engine } from '../services/database-handle.js';
import { createApp } from './create-app.js';

export type StartServerOptions = {
  config: Config;
  clock: () => Date;
  /** Overrides the configured embedded data folder (ignored when DATABASE_URL is set). */
  dataDir?: string | undefined;
  host?: string | undefined;
  /** 0 picks a free port. */
  port?: number | undefined;
};

export type RunningServer = {
  url: string;
  engine: Engine;
  /** The embedded data folder, or null on a PostgreSQL server. */
  dataDir: string | null;
  organisation: { name: string; isDemo: boolean } | null;
  /** Set when this start created the demo organisation in an empty embedded database. */
  demoCreated: CreateDemoResult | null;
  /** Stops accepting requests, lets those in flight finish, then closes the database. */
  close: () => Promise<void>;
};

/**
 * Wires a real server process: opens the database (a PostgreSQL server when DATABASE_URL is set,
 * else the embedded folder, locked against a second process), creates the clearly labelled demo
 * organisation when an embedded database is still empty, and listens. A server database is never
 * given demo data: production starts empty and is filled by imports.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, clock } = options;
  const dataDir = options.dataDir ?? config.dataDir;
  const handle = await openDatabase({ url: config.databaseUrl, dataDir });
  try {
    let health = await checkHealth(handle);
    let demoCreated: CreateDemoResult | null = null;
    if (health.organisation === null && handle.engine === 'pglite') {
      const demo = await createDemoOrganisation(handle, { now: clock() });
      if (demo.created) demoCreated = demo;
      health = await checkHealth(handle);
    }
    const app = await createApp({ db: handle, config, clock, logger: { level: config.logLevel } });
    try {
      await app.listen({ host: options.host ?? config.host, port: options.port ?? config.port });
    } catch (error) {
      await app.close();
      throw error;
    }
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}/`,
      engine: handle.engine,
      dataDir: handle.engine === 'pglite' ? dataDir : null,
      organisation: health.organisation,
      demoCreated,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
