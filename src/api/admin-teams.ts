import { z } from 'zod';
import { roleNames } from './session.js';

export const adminTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int().describe('0 for a top-level team'),
  path: z.array(z.string()).describe('team names from the top of the tree down to this one'),
  members: z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(roleNames) })),
});
export type AdminTeam = z.infer<typeof adminTeamSchema>;

export const adminTeamListSchema = z
  .object({ teams: z.array(adminTeamSchema) })
  .describe('the team tree in reading order: each team followed by the teams below it');

export const teamParamsSchema = z.object({ id: z.string().min(1).max(200).describe('the team id') });

const teamNameSchema = z.string().trim().min(1, 'a name is required').max(200);
const parentSchema = z
  .string()
  .min(1)
  .max(200)
  .nullable()
  .describe('the team above; null for a top-level team');

export const createTeamSchema = z.object({ name: teamNameSchema, parentId: parentSchema });
export type CreateTeamRequest = z.infer<typeof createTeamSchema>;

export const changeTeamSchema = z
  .object({ name: teamNameSchema.optional(), parentId: parentSchema.optional() })
  .refine((change) => Object.keys(change).length > 0, { message: 'give at least one field to change' });
export type ChangeTeamRequest = z.infer<typeof changeTeamSchema>;
