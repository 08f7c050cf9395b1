import {
  adminUserListSchema,
  adminUserSchema,
  changeUserSchema,
  createUserSchema,
  roleChangeSchema,
  setPasswordRequestSchema,
  userParamsSchema,
} from '../../api/admin-users.js';
import { changeUser } from '../../services/admin/change-user.js';
import { changeUserRole } from '../../services/admin/change-user-role.js';
import { createUser } from '../../services/admin/create-user.js';
import { exportAdminUsers } from '../../services/admin/export-admin-users.js';
import { listAdminUsers } from '../../services/admin/list-admin-users.js';
import { setUserPassword } from '../../services/admin/set-user-password.js';
import type { AppDeps } from '../app-deps.js';
import { changeContext } from './change-context.js';
import { registerAdminListExport } from './admin-list-export.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

const access = { access: 'administer' } as const;
const tags = ['administration'];

export function registerAdminUserRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/admin/users',
    {
      config: access,
      schema: {
        summary: 'Every person with their roles and whether they have a password',
        tags,
        response: { 200: adminUserListSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => ({ users: await listAdminUsers(deps.db) }),
  );

  registerAdminListExport(app, deps, {
    path: '/admin/users/export',
    summary: 'The people GET /api/admin/users answers, one row per role in a team, as a CSV or XLSX file',
    exportList: exportAdminUsers,
  });

  app.post(
    '/admin/users',
    {
      config: access,
      schema: {
        summary: 'Add a person (e-mail unique whatever its case), with roles and a password if given',
        tags,
        body: createUserSchema,
        response: { 201: adminUserSchema, ...problemResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps.db, { ...changeContext(request, deps), ...request.body });
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      config: access,
      schema: {
        summary: 'Change a person’s name, e-mail, title, or whether they are active',
        tags,
        params: userParamsSchema,
        body: changeUserSchema,
        response: { 200: adminUserSchema, ...problemResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) =>
      changeUser(deps.db, {
        ...changeContext(request, deps),
        userId: request.params.id,
        change: request.body,
      }),
  );

  for (const [method, action] of [
    ['POST', 'grant'],
    ['DELETE', 'revoke'],
  ] as const) {
    app.route({
      method,
      url: '/admin/users/:id/roles',
      config: access,
      schema: {
        summary: action === 'grant' ? 'Grant a role in a team' : 'Revoke a role in a team',
        tags,
        params: userParamsSchema,
        body: roleChangeSchema,
        response: { 200: adminUserSchema, ...problemResponses(400, 401, 403, 404, 409, 500) },
      },
      handler: async (request) =>
        changeUserRole(deps.db, {
          ...changeContext(request, deps),
          userId: request.params.id,
          action,
          teamId: request.body.teamId,
          role: request.body.role,
        }),
    });
  }

  app.post(
    '/admin/users/:id/password',
    {
      config: access,
      schema: {
        summary: 'Set or reset a person’s password; every session of theirs ends',
        tags,
        params: userParamsSchema,
        body: setPasswordRequestSchema,
        response: { 200: adminUserSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      setUserPassword(deps.db, {
        ...changeContext(request, deps),
        userId: request.params.id,
        password: request.body.password,
      }),
  );
}
