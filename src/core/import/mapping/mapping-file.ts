import { z } from 'zod';
import { forecastCategories } from '../../forecast-category.js';

/**
 * The mapping file of `candor import csv <entity> <file> --mapping <mapping.json>`: how the file's
 * columns become Candor's fields. Documented with examples in docs/imports.md.
 */
export const mappedEntities = [
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
export type MappedEntity = (typeof mappedEntities)[number];

/** Where one of our fields comes from, and how its text is cleaned on the way. */
const fieldSpecObject = z
  .object({
    /** A column of the file (its header name; case does not matter). */
    column: z.string().min(1).optional(),
    /** A constant, the same for every row. */
    value: z.string().optional(),
    /** Text built from columns: `{product} for {account}`. */
    template: z.string().min(1).optional(),
    /** Used when the value is blank. */
    default: z.string().optional(),
    /** Values that mean "blank" in this file (e.g. `0` for an amount never entered). */
    nullIf: z.array(z.string()).optional(),
    /** Replaces values: stage names, categories, spelling fixes (`GTXPro` → `GTX Pro`). */
    map: z.record(z.string(), z.string()).optional(),
    /** A value the map does not list: kept as it is (default), or the row is rejected. */
    unmapped: z.enum(['keep', 'reject']).optional(),
    /** A luxon format for dates and times (`MM/dd/yyyy`, `dd.MM.yyyy HH:mm`). */
    format: z.string().min(1).optional(),
    /** Prepended to the value: keeps ids of different sources apart. */
    prefix: z.string().optional(),
    /** Finds the id of a user, account, team or opportunity by its name. */
    lookup: z.enum(['user', 'account', 'team', 'opportunity']).optional(),
    /** Replaces the value by another column of a second CSV file (path relative to the imported file). */
    lookupFile: z
      .object({ file: z.string().min(1), key: z.string().min(1), value: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((spec) => [spec.column, spec.value, spec.template].filter((s) => s !== undefined).length === 1, {
    message: 'give exactly one of column, value or template',
  });

export type FieldSpec = z.infer<typeof fieldSpecObject>;

/** A field spec; a plain string is shorthand for `{ "column": … }`. */
export const fieldSpecSchema = z.union([
  z
    .string()
    .min(1)
    .transform((column): FieldSpec => ({ column })),
  fieldSpecObject,
]);

const stageSpec = z
  .object({
    name: z.string().min(1),
    order: z.number().int(),
    probability: z.number().min(0).max(1),
    forecastCategory: z.enum(forecastCategories),
    isClosed: z.boolean().default(false),
    isWon: z.boolean().default(false),
  })
  .strict();

export const mappingFileSchema = z
  .object({
    entity: z.enum(mappedEntities).optional(),
    description: z.string().optional(),
    /** The file's encoding, when detection should not decide. */
    encoding: z.string().optional(),
    /** The character between values: `,` by default, `\t` for a tab-separated file, `;`. */
    delimiter: z.string().length(1).optional(),
    /** Names of the columns of a file without a header line, in order: every line is then data. */
    columns: z.array(z.string().min(1)).min(1).optional(),
    /** Names the source in origin keys (`<source>:<entity>:<id>`), so re-imports find their rows. */
    source: z
      .string()
      .regex(/^[a-z0-9-]+$/i)
      .default('csv'),
    /** Prepended to every id this file gives its records. */
    idPrefix: z.string().default(''),
    fields: z.record(z.string(), fieldSpecSchema).default({}),
    /** Teams only: the names from the top of the tree down to the row's team, one spec each. */
    path: z.array(fieldSpecSchema).min(1).optional(),
    /** Opportunities and history: stages to define when the organisation lacks them. */
    stages: z.array(stageSpec).default([]),
    /**
     * Opportunities only: a closed deal whose file holds only its final state is created open, in
     * this stage, at its created date, and closed at the start of its close date.
     */
    closedDealHistory: z
      .object({ openStage: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
export type MappingFile = z.infer<typeof mappingFileSchema>;

/** The fields each entity takes (`fields.<key>` adds supporting information to those that keep it). */
export const entityFields: Record<
  MappedEntity,
  { required: string[]; optional: string[]; customFields: boolean }
> = {
  opportunities: {
    required: ['id', 'stage', 'createdAt'],
    optional: [
      'name',
      'accountId',
      'ownerId',
      'amount',
      'currency',
      'probability',
      'forecastCategory',
      'closeDate',
      'modifiedAt',
      'nextStep',
      'lossReason',
      'competitor',
      'type',
      'leadSource',
    ],
    customFields: true,
  },
  history: {
    required: ['opportunityId', 'at'],
    optional: [
      'id',
      'stage',
      'amount',
      'currency',
      'probability',
      'forecastCategory',
      'closeDate',
      'name',
      'accountId',
      'ownerId',
      'nextStep',
      'lossReason',
      'competitor',
      'type',
      'leadSource',
    ],
    customFields: true,
  },
  users: {
    required: ['id', 'name'],
    optional: ['email', 'title', 'active', 'team', 'role', 'createdAt', 'modifiedAt'],
    customFields: false,
  },
  teams: { required: [], optional: ['id', 'name', 'parent'], customFields: false },
  accounts: {
    required: ['name'],
    optional: ['id', 'ownerId', 'industry', 'segment', 'country', 'createdAt', 'modifiedAt'],
    customFields: true,
  },
  activities: {
    required: ['occurredAt'],
    optional: ['id', 'type', 'subject', 'opportunityId', 'accountId', 'ownerId'],
    customFields: true,
  },
  // One of ownerId / teamId, and one of period / periodDate: checked by checkMapping.
  quotas: {
    required: ['amount'],
    optional: ['id', 'ownerId', 'teamId', 'period', 'periodDate', 'periodKind', 'currency', 'modifiedAt'],
    customFields: false,
  },
  // One of accountId / opportunityId: checked by checkMapping (the deal names its account).
  meetings: {
    required: ['startsAt', 'title'],
    optional: [
      'id',
      'accountId',
      'opportunityId',
      'durationMinutes',
      'endsAt',
      'status',
      'planned',
      'ownerId',
      'attendees',
      'externalAttendees',
      'outcome',
      'nextSteps',
    ],
    customFields: false,
  },
  insights: {
    required: ['type'],
    optional: [
      'id',
      'accountId',
      'opportunityId',
      'competitor',
      'topic',
      'text',
      'severity',
      'authorId',
      'capturedAt',
    ],
    customFields: false,
  },
};

/** Problems with a mapping for an entity: unknown or missing fields, a teams mapping without ids. */
export function checkMapping(entity: MappedEntity, mapping: MappingFile): string[] {
  const problems: string[] = [];
  if (mapping.entity && mapping.entity !== entity) {
    problems.push(`the mapping is for ${mapping.entity}, not ${entity}`);
  }
  const allowed = entityFields[entity];
  for (const key of Object.keys(mapping.fields)) {
    const known = [...allowed.required, ...allowed.optional].includes(key);
    if (!known && !(allowed.customFields && /^fields\.[^.]+$/.test(key)))
      problems.push(`unknown field '${key}' for ${entity}`);
  }
  const required = entity === 'teams' && !mapping.path ? ['id', 'name'] : allowed.required;
  for (const key of required)
    if (!mapping.fields[key]) problems.push(`field '${key}' is required for ${entity}`);
  if (mapping.path && entity !== 'teams') problems.push('path is for teams only');
  if (mapping.closedDealHistory && entity !== 'opportunities')
    problems.push('closedDealHistory is for opportunities only');
  if (entity === 'quotas') {
    const has = (key: string) => mapping.fields[key] !== undefined;
    if (has('ownerId') === has('teamId'))
      problems.push('a quotas mapping needs exactly one of ownerId and teamId');
    if (has('period') === has('periodDate'))
      problems.push('a quotas mapping needs exactly one of period and periodDate');
  }
  if (
    (entity === 'meetings' || entity === 'insights') &&
    !mapping.fields.accountId &&
    !mapping.fields.opportunityId
  )
    problems.push(`a mapping for ${entity} needs accountId, opportunityId or both`);
  return problems;
}
