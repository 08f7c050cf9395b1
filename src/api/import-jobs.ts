import { z } from 'zod';
import { instantTextSchema } from './common-schemas.js';
import { problemCodes, problemErrorSchema } from './problem-details.js';

export const importKinds = ['salesforce', 'csv'] as const;
export const importCsvEntities = [
  'opportunities',
  'history',
  'users',
  'teams',
  'accounts',
  'activities',
  'quotas',
  'meetings',
  'insights',
] as const;
export const importJobStatuses = ['running', 'succeeded', 'failed'] as const;

/** The largest upload POST /api/imports takes, all its files together: 200 MiB. */
export const defaultImportUploadLimitBytes = 200 * 1024 * 1024;

/**
 * The text fields of POST /api/imports (multipart/form-data). Its files: `file` (a Salesforce
 * export zip, or the CSV), `mapping` (csv: the mapping JSON, as a file or a text field) and any
 * number of `lookupFiles` (the second CSVs a mapping's `lookupFile` names, by file name).
 */
export const importUploadFieldsSchema = z
  .object({
    kind: z.enum(importKinds).describe('salesforce (a Data Export zip) or csv (a CSV with a mapping)'),
    entity: z
      .enum(importCsvEntities)
      .optional()
      .describe("csv: what the file holds; default: the mapping's `entity`"),
    skipInvalid: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe('land the valid rows and keep the rejected ones, instead of landing nothing'),
    encoding: z
      .string()
      .min(1)
      .max(40)
      .optional()
      .describe('the files’ encoding, when detection should not decide'),
    mapping: z.string().min(1).optional().describe('csv: the mapping JSON, when not sent as a file'),
  })
  .strict();
export type ImportUploadFields = z.output<typeof importUploadFieldsSchema>;

export const importJobParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const importRejectionSchema = z.object({
  file: z.string(),
  line: z.number().int().describe('the physical line where the record starts'),
  column: z.string().nullable().describe('null when the row as a whole is rejected'),
  value: z.string(),
  reason: z.string(),
});

export const importResultSchema = z.object({
  batchId: z.string(),
  committed: z.boolean().describe('false when rejected rows stopped the batch: nothing landed'),
  organisationCreated: z.boolean(),
  imported: z.record(z.string(), z.number().int()).describe('events recorded, by kind'),
  events: z.number().int(),
  rejectedRows: z.number().int().describe('rows rejected; a row with several bad values counts once'),
  rejected: z
    .array(importRejectionSchema)
    .optional()
    .describe('every bad value (the first 10,000); only on GET /api/imports/:id'),
  files: z.array(
    z.object({ name: z.string(), sha256: z.string(), encoding: z.string(), rows: z.number().int() }),
  ),
  skippedFiles: z.array(z.object({ name: z.string(), reason: z.string() })),
  rejectFiles: z
    .array(z.string())
    .describe('files whose rejected records are kept untouched: GET /api/imports/:id/rejected-records/:file'),
  notes: z.array(z.string()),
});

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  entity: z.enum(importCsvEntities).nullable(),
  fileName: z.string().describe('the uploaded file’s name'),
  actor: z.string().describe('the user id of the admin who started it'),
  status: z
    .enum(importJobStatuses)
    .describe('a job whose server stopped while it ran is reported failed, with code unavailable'),
  createdAt: instantTextSchema,
  updatedAt: instantTextSchema,
  progress: z.object({
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    unit: z.enum(['bytes', 'rows']),
  }),
  result: importResultSchema.nullable(),
  error: z
    .object({ code: z.enum(problemCodes), message: z.string(), details: z.array(problemErrorSchema) })
    .nullable(),
});
export type ImportJobResponse = z.infer<typeof importJobSchema>;

export const importJobListSchema = z.object({ items: z.array(importJobSchema) });

export const rejectedRecordsParamsSchema = importJobParamsSchema.extend({ file: z.string().min(1).max(300) });
