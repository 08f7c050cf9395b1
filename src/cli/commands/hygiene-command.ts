import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { getHygieneSnapshot, type HygieneSnapshot } from '../../services/hygiene/get-hygiene-snapshot.js';
import { parseInstant } from '../parse-instant.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type HygieneOptions = CommonOptions & { asOf?: string };

export function registerHygieneCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('hygiene')
      .description('pipeline hygiene: the flags on every deal and the scores, now or as of a moment')
      .option('--as-of <instant>', 'the moment to look back to (only what was known then counts)'),
  ).action(async (options: HygieneOptions) => {
    const asOf = options.asOf === undefined ? context.clock() : parseInstant(options.asOf, '--as-of');
    const snapshot = await withDatabase(context, options, (handle) =>
      getHygieneSnapshot(handle, { asOf, scope: everything }),
    );
    if (options.json) printJson(context, snapshot);
    else context.io.stdout(formatHygiene(snapshot));
  });
}

function formatHygiene(snapshot: HygieneSnapshot): string {
  const lines = [`Pipeline hygiene as of ${snapshot.asOf}: ${snapshot.flags.length} flag(s)`, ''];
  for (const flag of snapshot.flags) {
    lines.push(
      `  ${flag.deal}  ${(flag.owner ?? '—').padEnd(10)} ${flag.severity.padEnd(6)} ${flag.rule.padEnd(25)} ${flag.evidence} (since ${flag.since.slice(0, 10)})`,
    );
  }
  lines.push('', 'Scores (share of open pipeline value free of flags, weighted by severity):');
  for (const row of snapshot.scores) {
    const who = row.owner === null ? `team ${row.team ?? '—'}` : `${row.owner} (${row.team ?? 'no team'})`;
    lines.push(`  ${who.padEnd(30)} ${row.score === null ? '—' : row.score.toFixed(1).padStart(5)}`);
  }
  return `${lines.join('\n')}\n`;
}
