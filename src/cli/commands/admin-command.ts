import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createUser } from '../../services/admin/create-user.js';
import { listAdminTeams } from '../../services/admin/list-admin-teams.js';
import { createTeam } from '../../services/admin/save-team.js';
import { DomainError } from '../../services/errors.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type AddAdminOptions = CommonOptions & { name: string; email: string; passwordFile: string; team?: string };

/**
 * `candor admin add`: the first administrator of an organisation that came from an import (imports
 * bring people but no passwords and no admin role). The password is read from a file, never from
 * the command line, where it would land in the shell history and the process list.
 */
export function registerAdminCommand(program: Command, context: CliContext): void {
  const admin = program.command('admin').description('administrators who can sign in to the web app');
  withCommonOptions(
    admin
      .command('add')
      .description('add a person with the admin role and a password (e.g. the first admin after an import)')
      .requiredOption('--name <name>', 'their name')
      .requiredOption('--email <address>', 'the e-mail they sign in with')
      .requiredOption('--password-file <file>', 'a file whose first line is their password (10+ characters)')
      .option('--team <id>', 'the team to hold the role in (default: the first top-level team)'),
  ).action(async (options: AddAdminOptions) => {
    const password = readPassword(options.passwordFile);
    const change = { actor: 'cli', source: 'cli' as const, now: context.clock() };
    const person = await withDatabase(context, options, async (handle) => {
      const teamId = options.team ?? (await topTeam(handle, change));
      return createUser(handle, {
        ...change,
        name: options.name,
        email: options.email,
        password,
        roles: [{ teamId, role: 'admin' }],
      });
    });
    if (options.json) printJson(context, person);
    else
      context.io.stdout(
        `added ${person.name} <${options.email}> as admin (${person.id}); they can sign in now\n`,
      );
  });
}

function readPassword(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('invalid-input', `cannot read the password file ${file}`, [
      { where: '--password-file', reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' },
    ]);
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** The first top-level team, or a new "Administrators" team when the organisation has none. */
async function topTeam(
  handle: Parameters<typeof listAdminTeams>[0],
  change: { actor: string; source: 'cli'; now: Date },
): Promise<string> {
  const top = (await listAdminTeams(handle)).find((team) => team.parentId === null);
  if (top) return top.id;
  return (await createTeam(handle, { ...change, name: 'Administrators', parentId: null })).id;
}
