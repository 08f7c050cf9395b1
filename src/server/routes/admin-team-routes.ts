import {
  adminTeamListSchema,
  adminTeamSchema,
  changeTeamSchema,
  createTeamSchema,
  teamParamsSchema,
} from '../../api/admin-teams.js';
import { exportAdminTeams } from '../../services/admin/export-admin-teams.js';
import { listAdminTeams } from '../../services/admin/list-admin-teams.js';
import { changeTeam, createTeam } from '../../services/admin/save-team.js';
import type { AppDeps } from '../app-deps.js';
import { changeContext } from './change-context.js';
import { registerAdminListExport } from './admin-list-export.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

const access = { access: 'administer' } as const;
const tags = ['administration'];

export function registerAdminTeamRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/admin/teams',
    {
      config: access,
      schema: {
        summary: 'The team tree, each team followed by the teams below it, with its members',
        tags,
        response: { 200: adminTeamListSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => ({ teams: await listAdminTeams(deps.db) }),
  );

  registerAdminListExport(app, deps, {
    path: '/admin/teams/export',
    summary: 'The team tree GET /api/admin/teams answers (id, name, parent, path) as a CSV or XLSX file',
    exportList: exportAdminTeams,
  });

  app.post(
    '/admin/teams',
    {
      config: access,
      schema: {
        summary: 'Add a team under another team or at the top',
        tags,
        body: createTeamSchema,
        response: { 201: adminTeamSchema, ...problemResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      const team = await createTeam(deps.db, { ...changeContext(request, deps), ...request.body });
      return reply.code(201).send(team);
    },
  );

  app.patch(
    '/admin/teams/:id',
    {
      config: access,
      schema: {
        summary: 'Rename a team or move it under another (a move that makes a loop is refused)',
        tags,
        params: teamParamsSchema,
        body: changeTeamSchema,
        response: { 200: adminTeamSchema, ...problemResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) =>
      changeTeam(deps.db, {
        ...changeContext(request, deps),
        teamId: request.params.id,
        change: request.body,
      }),
  );
}
