import { z } from 'zod';
import { opportunityListQuerySchema } from './opportunity-list.js';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatSchema = z
  .enum(exportFormats)
  .default('csv')
  .describe('csv (UTF-8 with a byte-order mark, for Excel) or xlsx');

/**
 * The list's filters and sort without its paging (`limit`, `offset`): an export holds every
 * matching deal. zod cannot `omit` from a refined object, so the fields are taken from the list's
 * shape and its cross-field rules (period or a close range, not both; a range that is not empty)
 * are checked by the list schema itself on those three fields.
 */
const { limit: _limit, offset: _offset, ...listFilters } = opportunityListQuerySchema.shape;

const noPaging = z
  .never({ error: 'an export holds every matching deal: it takes no limit or offset' })
  .optional();

export const opportunityExportQuerySchema = z
  .object({ ...listFilters, format: exportFormatSchema, limit: noPaging, offset: noPaging })
  .superRefine((query, context) => {
    const { period, closeFrom, closeTo } = query;
    const checked = opportunityListQuerySchema.safeParse({ period, closeFrom, closeTo });
    if (!checked.success)
      for (const issue of checked.error.issues) context.addIssue({ ...issue, code: 'custom' });
  });
export type OpportunityExportQuery = z.output<typeof opportunityExportQuerySchema>;

/**
 * A list's query with the file format added: the query of `GET /api/<list>/export`, which answers
 * the same rows as `GET /api/<list>` with the same query, as a file.
 */
export function withExportFormat<Shape extends z.ZodRawShape>(listQuery: z.ZodObject<Shape>) {
  return listQuery.extend({ format: exportFormatSchema });
}
