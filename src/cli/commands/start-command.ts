import type { Command } from 'commander';
import { z } from 'zod';
import { demoPassword } from '../../services/create-demo-organisation.js';
import { DomainError } from '../../services/errors.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { printJson, withCommonOptions, type CliContext, type CommonOptions } from '../cli-context.js';

type StartOptions = CommonOptions & { port?: string; host?: string };

const portSchema = z.coerce.number().int().min(0).max(65535);

export function registerStartCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('start')
      .description('start the server (embedded database with a demo organisation on first start)')
      .option('--port <port>', 'port to listen on; 0 picks a free one (default: PORT or 3000)')
      .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)'),
  ).action(async (options: StartOptions) => {
    const server = await startServer({
      config: context.config,
      clock: context.clock,
      dataDir: options.dataDir,
      host: options.host,
      port: options.port === undefined ? undefined : parsePort(options.port),
    });
    if (options.json) {
      printJson(context, {
        url: server.url,
        engine: server.engine,
        dataDir: server.dataDir,
        organisation: server.organisation,
        demoCreated: server.demoCreated,
      });
    } else context.io.stdout(describeStart(server));
    const signal = await waitForStopSignal();
    context.io.stderr(`candor: ${signal} received, stopping\n`);
    await server.close();
    context.io.stderr('candor: stopped; the database is closed\n');
  });
}

function parsePort(text: string): number {
  const parsed = portSchema.safeParse(text);
  if (!parsed.success) {
    throw new DomainError('invalid-input', `--port '${text}' is not a port`, [
      { where: '--port', value: text, reason: 'expected a whole number from 0 to 65535' },
    ]);
  }
  return parsed.data;
}

function describeStart(server: RunningServer): string {
  const lines: string[] = [];
  const where = server.dataDir
    ? `the embedded database in ${server.dataDir}`
    : 'the PostgreSQL server (DATABASE_URL)';
  if (server.demoCreated) {
    lines.push(
      '',
      '  ****************************************************************',
      '  *  DEMO DATA: this database was empty, so Candor created a      *',
      '  *  fictional demo organisation. None of its figures are real.   *',
      '  ****************************************************************',
      `  ${server.demoCreated.events} demo events written to ${where}.`,
      '  Import your own CRM export into another --data-dir (or a server) to work with real data.',
      `  Demo sign-ins (password for each: ${demoPassword}):`,
      ...server.demoCreated.signIns.map((p) => `    ${p.role.padEnd(10)}${p.name.padEnd(24)}${p.email}`),
    );
  } else if (server.organisation?.isDemo) {
    lines.push('', `  DEMO DATA: "${server.organisation.name}" is the fictional demo organisation.`);
  } else if (server.organisation === null) {
    lines.push(
      '',
      `  ${where} holds no organisation yet: import a CRM export (candor import …) or run candor demo.`,
    );
  }
  lines.push('', `Candor is listening on ${server.url}`, `  database: ${where}`, '  stop with Ctrl+C', '');
  return `${lines.join('\n')}\n`;
}

/** Resolves on the first SIGINT or SIGTERM, so the server can close the database cleanly. */
function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
