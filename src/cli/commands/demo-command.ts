import type { Command } from 'commander';
import {
  createDemoOrganisation,
  defaultDemoSeed,
  demoPassword,
} from '../../services/create-demo-organisation.js';
import { DomainError } from '../../services/errors.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type DemoOptions = CommonOptions & { seed?: string };

export function registerDemoCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('demo')
      .description('create the demo organisation (fictional sample data) in an empty database')
      .option('--seed <n>', `generator seed: the same seed gives the same demo (default ${defaultDemoSeed})`),
  ).action(async (options: DemoOptions) => {
    const seed = parseSeed(options.seed);
    const now = context.clock();
    if (context.io.isTTY && !options.json) context.io.stderr('creating the demo organisation…\n');
    const result = await withDatabase(context, options, (handle) =>
      createDemoOrganisation(handle, { now, seed }),
    );
    if (!result.created) {
      throw new DomainError(
        'conflict',
        'the database already holds an organisation; `candor demo` only fills an empty database',
        [{ reason: 'use a new --data-dir, or point DATABASE_URL at an empty database' }],
      );
    }
    const durationMs = context.clock().getTime() - now.getTime();
    if (options.json) {
      printJson(context, { ...result, seed, durationMs });
      return;
    }
    const lines = [
      `created the demo organisation (fictional sample data, seed ${seed}): ${result.events} events in ${(durationMs / 1000).toFixed(1)} s`,
      `demo sign-ins (password for each: ${demoPassword}):`,
      ...result.signIns.map((p) => `  ${p.role.padEnd(11)}${p.name.padEnd(24)}${p.email}`),
    ];
    context.io.stdout(`${lines.join('\n')}\n`);
  });
}

/** A seed is a whole number from 0 to 4294967295 (the generator's 32-bit state). */
function parseSeed(text: string | undefined): number {
  if (text === undefined) return defaultDemoSeed;
  const seed = /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed > 0xffff_ffff) {
    throw new DomainError('invalid-input', `'${text}' is not a demo seed`, [
      { where: '--seed', value: text, reason: 'expected a whole number from 0 to 4294967295' },
    ]);
  }
  return seed;
}
