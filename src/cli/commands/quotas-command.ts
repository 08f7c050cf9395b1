import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { getQuotas, type QuotaReport } from '../../services/quotas/get-quotas.js';
import { getTargets } from '../../services/quotas/get-targets.js';
import { clearQuota, setQuota } from '../../services/quotas/set-quota.js';
import { setTarget } from '../../services/quotas/set-target.js';
import { DomainError } from '../../services/errors.js';
import { roles, targetIndicatorNames, type TargetIndicator } from '../../services/quotas/target-names.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type SubjectFlags = CommonOptions & { period: string; user?: string; team?: string; actor?: string };

export function registerQuotasCommand(program: Command, context: CliContext): void {
  const command = program.command('quotas').description('quotas per person and team, and indicator targets');

  withCommonOptions(
    command
      .command('list', { isDefault: true })
      .description("the quotas of a period; a team's own quota beside the sum of its people's")
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q2) or month (2023-04)'),
  ).action(async (flags: CommonOptions & { period: string }) => {
    const report = await withDatabase(context, flags, (handle) =>
      getQuotas(handle, { period: flags.period, scope: everything }),
    );
    if (flags.json) printJson(context, report);
    else context.io.stdout(formatQuotas(report));
  });

  withSubject(command.command('set').description("set a person's or a team's quota (a ledger event)"))
    .requiredOption('--amount <amount>', 'decimal amount, e.g. 250000.00')
    .option('--currency <code>', 'default: the corporate currency')
    .action(async (flags: SubjectFlags & { amount: string; currency?: string }) => {
      const result = await withDatabase(context, flags, (handle) =>
        setQuota(handle, {
          ...subjectOf(flags),
          ...change(context, flags),
          amount: flags.amount,
          currency: flags.currency,
        }),
      );
      if (flags.json) printJson(context, result);
      else
        context.io.stdout(
          result.changed ? `Quota ${result.id} set.\n` : `Quota ${result.id} already has this amount.\n`,
        );
    });

  withSubject(command.command('clear').description('remove a quota (a ledger event)')).action(
    async (flags: SubjectFlags) => {
      const result = await withDatabase(context, flags, (handle) =>
        clearQuota(handle, { ...subjectOf(flags), ...change(context, flags) }),
      );
      if (flags.json) printJson(context, result);
      else context.io.stdout(`Quota ${result.id} removed.\n`);
    },
  );

  withCommonOptions(
    command
      .command('targets')
      .description(
        'the leading-indicator targets of every role; with --role, --indicator and --value, set one',
      )
      .option('--role <role>', 'rep, manager, executive, viewer or admin')
      .option('--indicator <name>', 'e.g. meetings_per_week, coverage_ratio, win_rate')
      .option('--value <number>', 'the target; "default" clears it')
      .option('--actor <id>', 'who is recorded as having made the change (default: cli)'),
  ).action(
    async (flags: CommonOptions & { role?: string; indicator?: string; value?: string; actor?: string }) => {
      const report = await withDatabase(context, flags, async (handle) => {
        if (flags.role !== undefined || flags.indicator !== undefined || flags.value !== undefined) {
          const role = roles.find((r) => r === flags.role);
          if (!role || !flags.indicator || flags.value === undefined) {
            throw new DomainError(
              'invalid-input',
              'give --role, --indicator and --value together to set a target',
              [{ where: '--role', value: flags.role ?? '', reason: `expected one of ${roles.join(', ')}` }],
            );
          }
          await setTarget(handle, {
            ...change(context, flags),
            role,
            indicator: requireIndicator(flags.indicator),
            value: flags.value === 'default' ? null : flags.value,
          });
        }
        return getTargets(handle);
      });
      if (flags.json) printJson(context, report);
      else {
        const lines = report.targets.map(
          (t) =>
            `${t.role.padEnd(10)}${t.indicator.padEnd(30)}${t.value.padStart(8)}  ${t.source === 'default' ? '(default)' : ''}`,
        );
        context.io.stdout(`${lines.join('\n')}\n`);
      }
    },
  );
}

function withSubject(command: Command): Command {
  return withCommonOptions(command)
    .requiredOption('--period <period>', 'fiscal quarter (2023-Q2) or month (2023-04)')
    .option('--user <id>', 'the person')
    .option('--team <id>', 'the team')
    .option('--actor <id>', 'who is recorded as having made the change (default: cli)');
}

function subjectOf(flags: SubjectFlags) {
  if ((flags.user === undefined) === (flags.team === undefined)) {
    throw new DomainError('invalid-input', 'give exactly one of --user and --team');
  }
  return flags.user !== undefined
    ? { subjectType: 'user' as const, subjectId: flags.user, period: flags.period }
    : { subjectType: 'team' as const, subjectId: flags.team ?? '', period: flags.period };
}

function change(context: CliContext, flags: { actor?: string }) {
  return { actor: flags.actor ?? 'cli', source: 'cli' as const, now: context.clock() };
}

function formatQuotas(report: QuotaReport): string {
  const lines = [
    `Quotas for ${report.period}, in ${report.currency}`,
    '',
    'Teams (own quota, sum of its people, difference):',
  ];
  for (const team of report.teams) {
    lines.push(
      `  ${'  '.repeat(team.depth)}${team.name.padEnd(28 - 2 * team.depth)}${(team.own ?? '—').padStart(16)}${team.membersSum.padStart(16)}${(team.difference ?? '—').padStart(16)}`,
    );
  }
  lines.push('', 'People:');
  for (const person of report.people)
    lines.push(`  ${person.name.padEnd(28)}${(person.quota ?? '—').padStart(16)}`);
  return `${lines.join('\n')}\n`;
}

function requireIndicator(name: string): TargetIndicator {
  const found = targetIndicatorNames.find((n) => n === name);
  if (!found) {
    throw new DomainError('invalid-input', `unknown indicator '${name}'`, [
      { where: '--indicator', value: name, reason: `expected one of ${targetIndicatorNames.join(', ')}` },
    ]);
  }
  return found;
}
