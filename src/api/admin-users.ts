import { z } from 'zod';
import { roleNames } from './session.js';

/** People and their roles, as the administration pages show and change them. */
export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  hasPassword: z
    .boolean()
    .describe('whether the person can sign in with a password (never the password itself)'),
  roles: z.array(z.object({ teamId: z.string(), teamName: z.string(), role: z.enum(roleNames) })),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserListSchema = z.object({ users: z.array(adminUserSchema) });

export const userParamsSchema = z.object({ id: z.string().min(1).max(200).describe('the user id') });

const nameSchema = z.string().trim().min(1, 'a name is required').max(200);
const emailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email('expected an e-mail address such as ana@example.com'))
  .describe('unique among people, whatever its case');
const titleSchema = z.string().trim().max(200).nullable();
const roleGrantSchema = z.object({
  teamId: z.string().min(1, 'a team is required').max(200),
  role: z.enum(roleNames, `expected one of: ${roleNames.join(', ')}`),
});

export const createUserSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  title: titleSchema.optional(),
  password: z
    .string()
    .max(1000)
    .optional()
    .describe(
      'an initial password (at least 10 characters); without one the person signs in by single sign-on',
    ),
  roles: z.array(roleGrantSchema).max(50).optional().describe('roles to grant at once'),
});
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const changeUserSchema = z
  .object({
    name: nameSchema.optional(),
    email: emailSchema.optional(),
    title: titleSchema.optional(),
    active: z
      .boolean()
      .optional()
      .describe('false ends every session of the person and stops them signing in'),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'give at least one field to change' });
export type ChangeUserRequest = z.infer<typeof changeUserSchema>;

export const roleChangeSchema = roleGrantSchema;
export type RoleChangeRequest = z.infer<typeof roleChangeSchema>;

export const setPasswordRequestSchema = z.object({
  password: z.string().max(1000).describe('at least 10 characters; every session of the person ends'),
});
