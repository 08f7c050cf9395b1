import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { bridgeGroupings, type BridgeGrouping } from '../../services/bridge/bridge-report.js';
import type { BridgeFigures, BridgeReport } from '../../services/bridge/bridge-report.js';
import { findLatestBridgeCall } from '../../services/bridge/find-latest-bridge-call.js';
import { getBridge } from '../../services/bridge/get-bridge.js';
import { resolveBridgeWindow } from '../../services/bridge/resolve-bridge-window.js';
import { DomainError } from '../../services/errors.js';
import { parseInstant } from '../parse-instant.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type BridgeOptions = CommonOptions & {
  period: string;
  from?: string;
  to?: string;
  team?: string;
  group?: string;
  callAmount?: string;
  againstCall?: boolean;
  deals?: string;
};

export function registerBridgeCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('bridge')
      .description(
        'why the number moved: the walk from the open pipeline at one moment to won plus open at another',
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q2), month (2023-04) or year (2023)')
      .option(
        '--from <instant>',
        'first moment, e.g. 2023-04-01T00:00:00Z (default: the start of the period)',
      )
      .option('--to <instant>', 'second moment (default: the end of the period, or now if sooner)')
      .option('--team <id>', 'only the deals of this team and the teams below it')
      .option('--group <by>', `one bridge per ${bridgeGroupings.join(', ')}`)
      .option('--call-amount <amount>', 'a called figure to measure what closed against, e.g. 1250000')
      .option(
        '--against-call',
        'measure against the latest forecast call in the ledger at --from (the top team’s, or --team’s)',
      )
      .option('--deals <n>', 'deals listed under each step in the text output (default 5)', '5'),
  ).action(async (options: BridgeOptions) => {
    const group = parseGrouping(options.group);
    const report = await withDatabase(context, options, async (handle) => {
      const window = await resolveBridgeWindow(handle, {
        period: options.period,
        from: options.from === undefined ? null : parseInstant(options.from, '--from'),
        to: options.to === undefined ? null : parseInstant(options.to, '--to'),
        now: context.clock(),
      });
      return getBridge(handle, {
        period: options.period,
        ...window,
        scope: everything,
        teamId: options.team ?? null,
        group,
        call: options.callAmount
          ? { amount: options.callAmount, source: 'given', by: null, submittedAt: null }
          : options.againstCall
            ? await findLatestBridgeCall(handle, {
                period: options.period,
                at: window.from,
                principal: null,
                teamId: options.team ?? null,
              })
            : null,
      });
    });
    if (options.json) printJson(context, toJson(report));
    else context.io.stdout(formatBridge(report, Number(options.deals ?? 5)));
  });
}

function parseGrouping(text: string | undefined): BridgeGrouping | null {
  if (text === undefined) return null;
  const found = bridgeGroupings.find((g) => g === text);
  if (!found) {
    throw new DomainError('invalid-input', `--group '${text}' is not a grouping`, [
      { where: '--group', value: text, reason: `expected one of ${bridgeGroupings.join(', ')}` },
    ]);
  }
  return found;
}

/** The JSON of the issue: the figures, then groups and the call only when asked for. */
function toJson(report: BridgeReport): Record<string, unknown> {
  const json: Record<string, unknown> = figuresJson(report);
  if (report.groups) {
    json.groups = report.groups.rows.map((row) => ({ key: row.key, label: row.label, ...figuresJson(row) }));
  }
  if (report.call) json.call = report.call;
  return json;
}

function figuresJson(figures: BridgeFigures): Record<string, unknown> {
  const { period, from, to, currency, start, won, open, end } = figures;
  return {
    period,
    from,
    to,
    currency,
    start,
    won,
    open,
    end,
    steps: figures.steps.map((s) => ({
      kind: s.kind,
      amount: s.amount,
      deals: s.deals.map(({ id, name, owner, team, segment, amount, change, at }) => ({
        id,
        name,
        owner,
        team,
        segment,
        amount,
        change,
        at,
      })),
    })),
  };
}

function formatBridge(report: BridgeReport, dealsPerStep: number): string {
  const width = Math.max(
    14,
    ...[report.start, report.end, ...report.steps.map((s) => s.amount)].map((a) => a.length + 2),
  );
  const row = (label: string, amount: string, note = '') =>
    `${label.padEnd(48)}${amount.padStart(width)}${note}`;
  const lines = [
    `Bridge for ${report.period} from ${report.from} to ${report.to}, in ${report.currency}`,
    '',
    row('Open pipeline at the start', report.start, `  (${report.counts.start} deals)`),
  ];
  for (const step of report.steps) {
    if (step.deals.length === 0) continue;
    const zeroNet = step.kind === 'category' || step.kind === 'won';
    lines.push(
      row(
        `  ${step.label}`,
        step.amount,
        `  (${step.deals.length} movements${zeroNet ? ', no net effect' : ''})`,
      ),
    );
    for (const deal of step.deals.slice(0, dealsPerStep)) {
      lines.push(
        `      ${deal.amount.padStart(width)}  ${deal.name} · ${deal.owner ?? 'no owner'} · ${deal.change}`,
      );
    }
    if (step.deals.length > dealsPerStep) lines.push(`      … and ${step.deals.length - dealsPerStep} more`);
  }
  lines.push(
    row('End', report.end),
    row('  won', report.won, `  (${report.counts.won} deals)`),
    row('  still open', report.open, `  (${report.counts.open} deals)`),
  );
  if (report.unconverted.length > 0) {
    lines.push(
      '',
      `${report.unconverted.length} deal(s) have a currency without a rate and are not in the amounts`,
    );
  }
  if (report.groups) {
    lines.push(
      '',
      `By ${report.groups.grouping}:`,
      `${''.padEnd(30)}${'start'.padStart(width)}${'won'.padStart(width)}${'open'.padStart(width)}`,
    );
    for (const group of report.groups.rows) {
      lines.push(
        `${group.label.slice(0, 29).padEnd(30)}${group.start.padStart(width)}${group.won.padStart(width)}${group.open.padStart(width)}`,
      );
    }
  }
  if (report.call) {
    lines.push(
      '',
      `Against the call of ${report.call.called}: closed ${report.call.closed}, gap ${report.call.gap}`,
    );
    for (const part of report.call.parts) {
      if (part.amount.replace(/[-0.]/g, '') === '') continue;
      lines.push(row(`  ${part.label}`, part.amount, `  (${part.deals.length} deals)`));
    }
  }
  lines.push('', report.account.text);
  return `${lines.join('\n')}\n`;
}
