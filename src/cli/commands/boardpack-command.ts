import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { buildBoardPack } from '../../services/boardpack/build-board-pack.js';
import { renderBoardPackPdf } from '../../services/boardpack/render-board-pack-pdf.js';
import { DomainError } from '../../services/errors.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type BoardpackOptions = CommonOptions & { period: string; out?: string; html?: string };

export function registerBoardpackCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('boardpack')
      .description(
        'the board pack of a period: the number, calls, accuracy, the bridge, scorecards, hygiene, risks',
      )
      .requiredOption('--period <period>', 'fiscal quarter, e.g. 2023-Q2')
      .option('--out <file.pdf>', 'write the pack as PDF (needs Chromium)')
      .option('--html <file.html>', 'write the pack as one self-contained HTML file'),
  ).action(async (options: BoardpackOptions) => {
    if (!options.out && !options.html) {
      throw new DomainError('invalid-input', 'say where to write the pack', [
        { reason: 'give --out pack.pdf, --html pack.html, or both' },
      ]);
    }
    const pack = await withDatabase(context, options, (handle) =>
      buildBoardPack(handle, {
        period: options.period,
        scope: everything,
        userId: null,
        now: context.clock(),
      }),
    );
    const written: string[] = [];
    if (options.html) {
      writeFileSync(options.html, pack.html);
      written.push(options.html);
    }
    if (options.out) {
      writeFileSync(options.out, await renderBoardPackPdf(pack.html));
      written.push(options.out);
    }
    const summary = { period: options.period, written, ledger: pack.data.ledger };
    if (options.json) printJson(context, summary);
    else
      context.io.stdout(
        `Board pack ${options.period} written to ${written.join(' and ')}\n` +
          `built from ledger length ${pack.data.ledger.length}, head ${pack.data.ledger.head}\n`,
      );
  });
}
