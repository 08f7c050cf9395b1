import { userInfo } from 'node:os';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { ImportProgress, ImportSummary } from '../../services/import/import-batch.js';
import { importCsv, csvEntities, type CsvEntity } from '../../services/import/import-csv.js';
import type { ImportOptions } from '../../services/import/import-options.js';
import { importSalesforce } from '../../services/import/import-salesforce.js';
import { DomainError } from '../../services/errors.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type ImportFlags = CommonOptions & {
  skipInvalid?: boolean;
  encoding?: string;
  orgName?: string;
  timeZone?: string;
  currency?: string;
  actor?: string;
};

/** Flags every import takes. */
function withImportOptions(command: Command): Command {
  return withCommonOptions(command)
    .option('--skip-invalid', 'land the valid rows and write the rejected ones to a reject file')
    .option('--encoding <name>', 'the files’ encoding (default: detected, UTF-8 or Windows-1252)')
    .option('--org-name <name>', 'name of the organisation an import into an empty database creates')
    .option(
      '--time-zone <zone>',
      'time zone of a new organisation; timestamps without a zone are read in it (default UTC)',
    )
    .option(
      '--currency <code>',
      'corporate currency of a new organisation (default: from the files, else USD)',
    )
    .option('--actor <name>', 'who is recorded as having made the import (default: the system user)');
}

export function registerImportCommand(program: Command, context: CliContext): void {
  const command = program.command('import').description('import CRM exports into the ledger, as one batch');

  withImportOptions(
    command
      .command('salesforce <path>')
      .description('a Salesforce Data Export: a folder or zip of CSV files, one per object')
      .option(
        '--reject-dir <dir>',
        'folder for the rejected records (default: <export>.rejected next to it)',
      ),
  ).action(async (path: string, flags: ImportFlags & { rejectDir?: string }) => {
    const summary = await withDatabase(context, flags, (handle) =>
      withProgress(context, flags, (onProgress) =>
        importSalesforce(handle, {
          ...importOptions(context, flags, onProgress),
          rejectPath: flags.rejectDir,
          path,
        }),
      ),
    );
    report(context, flags, summary);
  });

  withImportOptions(
    command
      .command('csv <entity> <file>')
      .description(`any CSV with a mapping file; entity is one of: ${csvEntities.join(', ')}`)
      .requiredOption(
        '--mapping <file>',
        'the JSON mapping from the file’s columns to Candor’s fields (docs/imports.md)',
      )
      .option(
        '--reject-file <file>',
        'where the rejected records go (default: <file>.rejected.csv next to it)',
      ),
  ).action(
    async (entity: string, file: string, flags: ImportFlags & { mapping: string; rejectFile?: string }) => {
      if (!(csvEntities as readonly string[]).includes(entity)) {
        throw new DomainError('invalid-input', `cannot import '${entity}'`, [
          { where: 'entity', value: entity, reason: `expected one of ${csvEntities.join(', ')}` },
        ]);
      }
      const summary = await withDatabase(context, flags, (handle) =>
        withProgress(context, flags, (onProgress) =>
          importCsv(handle, {
            ...importOptions(context, flags, onProgress),
            rejectPath: flags.rejectFile,
            entity: entity as CsvEntity,
            path: file,
            mappingPath: flags.mapping,
          }),
        ),
      );
      report(context, flags, summary);
    },
  );
}

function importOptions(
  context: CliContext,
  flags: ImportFlags,
  onProgress: ImportOptions['onProgress'],
): ImportOptions {
  return {
    actor: flags.actor ?? systemUser(),
    now: context.clock(),
    skipInvalid: flags.skipInvalid ?? false,
    encoding: flags.encoding,
    orgName: flags.orgName,
    timeZone: flags.timeZone,
    currency: flags.currency,
    onProgress,
  };
}

/** The operating-system user running the CLI, the natural actor of an import; 'import' if unknown. */
function systemUser(): string {
  try {
    return userInfo().username || 'import';
  } catch {
    return 'import';
  }
}

/** Draws a progress bar by bytes read (then rows replayed), on a terminal only. */
async function withProgress<T>(
  context: CliContext,
  flags: CommonOptions,
  work: (onProgress: ImportOptions['onProgress']) => Promise<T>,
): Promise<T> {
  if (!context.io.isTTY || flags.json) return work(undefined);
  const stream = { write: (text: string) => (context.io.stderr(text), true), isTTY: true, columns: 100 };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as unknown as NodeJS.WritableStream,
      format: '{phase} [{bar}] {percentage}% {amount}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  const onProgress = (progress: ImportProgress): void => {
    const amount =
      progress.unit === 'bytes'
        ? `${(progress.done / 1e6).toFixed(1)}/${(progress.total / 1e6).toFixed(1)} MB`
        : `${progress.done}/${progress.total} rows`;
    const payload = { phase: progress.phase.padEnd(36).slice(0, 36), amount };
    if (phase === '') bar.start(Math.max(progress.total, 1), progress.done, payload);
    else if (progress.phase !== phase) bar.setTotal(Math.max(progress.total, 1));
    phase = progress.phase;
    bar.update(progress.done, payload);
  };
  try {
    return await work(onProgress);
  } finally {
    if (phase !== '') bar.stop();
  }
}

function report(context: CliContext, flags: CommonOptions, summary: ImportSummary): void {
  if (!summary.committed) context.setExitCode(1);
  if (flags.json) {
    printJson(context, summary);
    return;
  }
  const lines: string[] = [];
  if (summary.committed) {
    const kinds = Object.entries(summary.imported).map(([kind, count]) => `  ${kind.padEnd(24)}${count}`);
    lines.push(
      summary.events === 0
        ? 'nothing new to import: the ledger already holds all of it'
        : `imported batch ${summary.batchId}: ${summary.events} events`,
      ...kinds,
    );
    if (summary.organisationCreated) lines.push('created the organisation from the imported files');
  } else {
    lines.push(
      `import refused: ${summary.rejectedRows} bad row(s); nothing was imported (use --skip-invalid to land the valid rows)`,
    );
  }
  if (summary.rejected.length > 0) {
    lines.push('rejected:');
    for (const r of summary.rejected) {
      lines.push(
        `  ${r.file} line ${r.line}${r.column ? ` column ${r.column}` : ''}: ${r.reason}${r.value ? ` (value '${r.value}')` : ''}`,
      );
    }
  }
  for (const file of summary.rejectFiles) lines.push(`rejected records written to ${file}`);
  for (const skipped of summary.skippedFiles) lines.push(`skipped ${skipped.name}: ${skipped.reason}`);
  for (const note of summary.notes) lines.push(`note: ${note}`);
  context.io.stdout(`${lines.join('\n')}\n`);
}
