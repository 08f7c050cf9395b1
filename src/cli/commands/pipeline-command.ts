import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { getPipeline, type PipelineReport } from '../../services/get-pipeline.js';
import { parseInstant } from '../parse-instant.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type PipelineOptions = CommonOptions & { period: string; asOf?: string; deals?: boolean };

export function registerPipelineCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('pipeline')
      .description(
        'the pipeline of deals closing in a period, by forecast category, now or as it stood at a moment',
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q2), month (2023-04) or year (2023)')
      .option('--as-of <instant>', 'the moment to look back to, e.g. 2023-04-01T00:00:00Z')
      .option('--deals', 'list the deals too'),
  ).action(async (options: PipelineOptions) => {
    const asOf = options.asOf === undefined ? null : parseInstant(options.asOf, '--as-of');
    const report = await withDatabase(context, options, (handle) =>
      getPipeline(handle, {
        period: options.period,
        asOf,
        scope: everything,
        includeDeals: options.deals ?? false,
      }),
    );
    if (options.json) printJson(context, report);
    else context.io.stdout(formatPipeline(report));
  });
}

function formatPipeline(report: PipelineReport): string {
  const lines = [
    `Pipeline for ${report.period} (close dates ${report.closeFrom} to before ${report.closeTo}), ` +
      `${report.asOf ? `as of ${report.asOf}` : 'now'}, in ${report.currency}`,
    '',
    `${'category'.padEnd(12)}${'deals'.padStart(8)}${'amount'.padStart(20)}`,
  ];
  for (const [category, total] of Object.entries(report.categories)) {
    lines.push(`${category.padEnd(12)}${String(total.deals).padStart(8)}${total.amount.padStart(20)}`);
  }
  if (report.unconverted > 0)
    lines.push('', `${report.unconverted} deal(s) have a currency without a rate and are not in the amounts`);
  if (report.deals) {
    lines.push('', 'Deals:');
    for (const deal of report.deals) {
      lines.push(
        `  ${deal.id}  ${deal.closeDate ?? '—'}  ${deal.forecastCategory.padEnd(9)}  ${(deal.corporateAmount ?? '—').padStart(14)}  ${deal.stage}  ${deal.name}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
