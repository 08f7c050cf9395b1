import type { Command } from 'commander';
import { backtestMethods, runBacktest, type BacktestReport } from '../../services/forecast/run-backtest.js';
import { DomainError } from '../../services/errors.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type BacktestOptions = CommonOptions & { from?: string; to?: string; trials?: string };

export function registerBacktestCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('backtest')
      .description(
        "replay history week by week and score Candor's forecast and the baselines against what closed",
      )
      .option(
        '--from <day>',
        'first day of the range, e.g. 2023-01-01 (default: the last four completed quarters)',
      )
      .option('--to <day>', 'last day of the range, e.g. 2023-09-30')
      .option('--trials <n>', 'simulated periods per forecast (default 500)'),
  ).action(async (options: BacktestOptions) => {
    const report = await withDatabase(context, options, (handle) =>
      runBacktest(handle, {
        from: parseDay(options.from, '--from'),
        to: parseDay(options.to, '--to'),
        clock: context.clock,
        ...(options.trials === undefined ? {} : { trials: parseTrials(options.trials) }),
      }),
    );
    if (options.json) printJson(context, report);
    else context.io.stdout(formatBacktest(report));
  });
}

function parseDay(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(new Date(`${text}T00:00:00Z`).getTime())) {
    throw new DomainError('invalid-input', `${flag} '${text}' is not a day`, [
      { where: flag, value: text, reason: 'expected YYYY-MM-DD' },
    ]);
  }
  return text;
}

function parseTrials(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 10 || value > 100_000) {
    throw new DomainError('invalid-input', `--trials '${text}' is not a number of trials`, [
      { where: '--trials', value: text, reason: 'expected a whole number from 10 to 100000' },
    ]);
  }
  return value;
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);

function formatBacktest(report: BacktestReport): string {
  const lines = [
    `Backtest ${report.from} to before ${report.to}, in ${report.currency} (${report.methodVersion}, ${report.trials} trials, ledger length ${report.ledgerSeq})`,
    '',
    `${'period'.padEnd(10)}${'actual'.padStart(18)}${'won deals'.padStart(11)}${'backdated wins'.padStart(16)}`,
    ...report.periods.map(
      (p) =>
        `${p.period.padEnd(10)}${p.actual.padStart(18)}${String(p.wonDeals).padStart(11)}${`${p.backdated.deals} (${p.backdated.amount})`.padStart(16)}`,
    ),
    '',
    `${'method'.padEnd(20)}${'WAPE'.padStart(9)}${'bias'.padStart(9)}${'±5 %'.padStart(9)}${'±10 %'.padStart(9)}${'P10–P90'.padStart(9)}${'pinball'.padStart(9)}${'Brier'.padStart(8)}`,
  ];
  for (const method of backtestMethods) {
    const s = report.summary[method];
    lines.push(
      `${method.padEnd(20)}${percent(s.wape).padStart(9)}${percent(s.bias).padStart(9)}${percent(s.within5).padStart(9)}${percent(s.within10).padStart(9)}${percent(s.coverage).padStart(9)}${percent(s.pinball).padStart(9)}${(s.brier === null ? '—' : s.brier.toFixed(3)).padStart(8)}`,
    );
  }
  const weeks = report.summary.candor.apeByWeek.map((w) => w.week);
  lines.push(
    '',
    `APE by week of the period: ${''.padEnd(0)}`,
    `${'method'.padEnd(20)}${weeks.map((w) => `w${w}`.padStart(7)).join('')}`,
  );
  for (const method of backtestMethods) {
    const byWeek = new Map(report.summary[method].apeByWeek.map((w) => [w.week, w.ape]));
    lines.push(
      `${method.padEnd(20)}${weeks
        .map((w) =>
          percent(byWeek.get(w) ?? null)
            .replace(' ', '')
            .padStart(7),
        )
        .join('')}`,
    );
  }
  lines.push('', 'Reliability of per-deal win probabilities (predicted → observed):');
  for (const [method, bins] of Object.entries(report.reliability)) {
    const cells = bins
      .filter((b) => b.deals > 0)
      .map((b) => `${percent(b.meanPredicted)}→${percent(b.observedRate)} (${b.deals})`);
    lines.push(`  ${method}: ${cells.join(', ')}`);
  }
  if (report.notes.length > 0) lines.push('', ...report.notes.map((n) => `Note: ${n}`));
  return `${lines.join('\n')}\n`;
}
