import { z } from 'zod';
import { instantTextSchema } from './common-schemas.js';

/** At most this many ids per request: a scorecard lists at most 200 activities behind a figure. */
export const maxActivityIds = 200;

export const activityListQuerySchema = z
  .object({
    ids: z
      .string()
      .describe('activity ids, comma-separated')
      .transform((text) => [...new Set(text.split(',').map((id) => id.trim()))].filter((id) => id !== ''))
      .pipe(
        z
          .array(z.string())
          .min(1, 'name at least one activity id')
          .max(maxActivityIds, `at most ${maxActivityIds} ids per request`),
      ),
  })
  .strict();

const namedSchema = z.object({ id: z.string(), name: z.string().nullable() }).nullable();

export const activityListSchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        type: z.string(),
        subject: z.string(),
        occurredAt: instantTextSchema,
        opportunity: namedSchema,
        account: namedSchema,
        owner: namedSchema,
      }),
    )
    .describe('the activities you may see among those asked for, newest first'),
});
export type ActivityListResponse = z.infer<typeof activityListSchema>;
