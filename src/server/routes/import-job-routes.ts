import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFormatSchema, withExportFormat } from '../../api/exports.js';
import {
  defaultImportUploadLimitBytes,
  importJobListSchema,
  importJobParamsSchema,
  importJobSchema,
  importUploadFieldsSchema,
  rejectedRecordsParamsSchema,
} from '../../api/import-jobs.js';
import { DomainError } from '../../services/errors.js';
import {
  exportImportRejects,
  getImportJob,
  getRejectedRecords,
  listRecentImportJobs,
} from '../../services/import-jobs/get-import-jobs.js';
import { exportImportJobs } from '../../services/import-jobs/export-import-jobs.js';
import { ImportJobRunner } from '../../services/import-jobs/import-job-runner.js';
import type { ImportUpload } from '../../services/import-jobs/prepare-import.js';
import {
  refuseOversizeZip,
  UnpackedTooLargeError,
  UploadFolder,
  UploadTooLargeError,
  type SavedUpload,
} from '../../services/import-jobs/upload-folder.js';
import { salesforceObjects } from '../../services/import/open-salesforce-export.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { sendDownload } from './send-download.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export type ImportJobRouteOptions = {
  /** The most an upload's files may weigh together; default 200 MiB. */
  uploadLimitBytes?: number | undefined;
};

/**
 * A declared request length this much above the files' limit is refused before anything is read:
 * the form's boundaries and text fields (a mapping sent as text) come on top of the files.
 */
const formOverheadBytes = 2 * 2 ** 20;

/**
 * How much larger than the upload limit a Salesforce zip may unpack (the CSV files the import
 * reads; other entries stay packed). Exports compress about 5 to 10 times; 20 leaves room for
 * very repetitive data while stopping a zip that would fill the disk: 4,000 MiB by default.
 */
const unpackedPerUploadByte = 20;

/** How many import jobs the list of recent imports (and its export) holds. */
const recentImports = 50;

/**
 * Imports over HTTP, for admins: POST an upload, get 202 and the job, poll it. The routes live in
 * their own plugin so that multipart parsing is registered for them alone.
 */
export function registerImportJobRoutes(
  app: ZodApp,
  deps: AppDeps,
  options: ImportJobRouteOptions = {},
): void {
  const limitBytes = options.uploadLimitBytes ?? defaultImportUploadLimitBytes;
  const runner = new ImportJobRunner({
    db: deps.db,
    clock: deps.clock,
    onUnexpectedError: (error, context) => app.log.error({ err: error, ...context }, 'import job failed'),
  });
  const readContext = () => ({ now: deps.clock(), isRunningHere: (id: string) => runner.isRunning(id) });

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: true });
    const imports: ZodApp = scope.withTypeProvider<ZodTypeProvider>();

    imports.post(
      '/imports',
      {
        config: { access: 'administer' },
        schema: {
          summary:
            'Starts an import (multipart/form-data: kind, file, mapping, lookupFiles, skipInvalid, entity, encoding); answers 202 with the job',
          tags: ['imports'],
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema, ...problemResponses(400, 403, 413, 500) },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        refuseDeclaredOversize(request, limitBytes);
        if (!request.isMultipart()) {
          throw new DomainError('invalid-input', 'send the upload as multipart/form-data', [
            {
              where: 'content-type',
              value: request.headers['content-type'] ?? '',
              reason: 'expected multipart/form-data',
            },
          ]);
        }
        const folder = await UploadFolder.create(limitBytes, deps.config.uploadDir);
        let upload;
        try {
          upload = await receiveImportUpload(request, folder, limitBytes);
          if (upload.kind === 'salesforce') {
            await refuseOversizeZip(upload.file, {
              limitBytes: limitBytes * unpackedPerUploadByte,
              unpacks: isSalesforceObjectFile,
            });
          }
        } catch (error) {
          await folder.remove();
          throw asTooLarge(error, limitBytes);
        }
        const job = await runner.start(upload, { actor: principal.userId });
        return reply.code(202).header('location', `/api/imports/${job.id}`).send(job);
      },
    );

    imports.get(
      '/imports',
      {
        config: { access: 'administer' },
        schema: {
          summary: 'The 50 most recent import jobs, newest first (without their lists of rejected values)',
          tags: ['imports'],
          response: { 200: importJobListSchema, ...problemResponses(403, 500) },
        },
      },
      async () => ({
        items: await listRecentImportJobs(deps.db, { ...readContext(), limit: recentImports }),
      }),
    );

    imports.get(
      '/imports/export',
      {
        config: { access: 'administer' },
        schema: {
          summary:
            'The import jobs GET /api/imports answers (kind, files, status, started, finished, landed and rejected counts) as a CSV or XLSX file',
          tags: ['imports', 'exports'],
          querystring: withExportFormat(z.object({})),
          response: problemResponses(400, 403, 500),
        },
      },
      async (request, reply) => {
        const download = await exportImportJobs(deps.db, {
          ...readContext(),
          limit: recentImports,
          format: request.query.format,
        });
        return sendDownload(reply, download);
      },
    );

    imports.get(
      '/imports/:id',
      {
        config: { access: 'administer' },
        schema: {
          summary: 'One import job: its progress while it runs, then its result, rejects or problem',
          tags: ['imports'],
          params: importJobParamsSchema,
          response: { 200: importJobSchema, ...problemResponses(403, 404, 500) },
        },
      },
      async (request) => getImportJob(deps.db, { ...readContext(), id: request.params.id }),
    );

    imports.get(
      '/imports/:id/rejects.:format',
      {
        config: { access: 'administer' },
        schema: {
          summary:
            'The rejected values of an import (file, line, column, value, reason) as CSV or XLSX, neutralised',
          tags: ['imports'],
          params: importJobParamsSchema.extend({ format: exportFormatSchema }),
          response: problemResponses(400, 403, 404, 500),
        },
      },
      async (request, reply) => {
        const download = await exportImportRejects(deps.db, {
          ...readContext(),
          id: request.params.id,
          format: request.params.format,
        });
        return sendDownload(reply, download);
      },
    );

    imports.get(
      '/imports/:id/rejected-records/:file',
      {
        config: { access: 'administer' },
        schema: {
          summary:
            'The rejected records of one uploaded file, untouched (byte for byte, header first), to fix and import again',
          tags: ['imports'],
          params: rejectedRecordsParamsSchema,
          response: problemResponses(403, 404, 500),
        },
      },
      async (request, reply) => {
        const records = await getRejectedRecords(deps.db, request.params);
        // No charset: the bytes are in the uploaded file's own encoding.
        return sendDownload(reply, {
          fileName: records.fileName,
          contentType: 'text/csv',
          body: records.bytes,
        });
      },
    );
  });
}

function refuseDeclaredOversize(request: FastifyRequest, limitBytes: number): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes + formOverheadBytes) {
    throw asTooLarge(new UploadTooLargeError(limitBytes), limitBytes);
  }
}

/** The entries of a Salesforce zip that an import unpacks: `<Object>.csv` of an object it reads. */
function isSalesforceObjectFile(entryName: string): boolean {
  const name = entryName.split('/').pop() ?? '';
  const stem = name.replace(/\.csv$/i, '').toLowerCase();
  return /\.csv$/i.test(name) && salesforceObjects.some((object) => object.toLowerCase() === stem);
}

/** An upload over the limit, however it was found, as a 413 problem that names the limit. */
function asTooLarge(error: unknown, limitBytes: number): unknown {
  if (error instanceof UnpackedTooLargeError)
    return Object.assign(new Error(error.message), { statusCode: 413 });
  const code = (error as { code?: unknown }).code;
  const tooLarge = error instanceof UploadTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE';
  if (!tooLarge) return error;
  const message = new UploadTooLargeError(limitBytes).message;
  return Object.assign(new Error(`${message}: send a smaller file`), { statusCode: 413 });
}

const fileFields = ['file', 'mapping', 'lookupFiles'] as const;

/**
 * Reads the form as it streams: each file straight to the upload's folder (counted against the
 * limit), the text fields into a record checked by the API's schema once the form has ended.
 */
async function receiveImportUpload(
  request: FastifyRequest,
  folder: UploadFolder,
  limitBytes: number,
): Promise<ImportUpload> {
  const fields: Record<string, string> = {};
  const files: Record<(typeof fileFields)[number], SavedUpload[]> = {
    file: [],
    mapping: [],
    lookupFiles: [],
  };
  const parts = request.parts({
    limits: { fileSize: limitBytes + 1, files: 20, fields: 10, fieldSize: 2 ** 20, parts: 30 },
  });
  for await (const part of parts) {
    const name = part.fieldname;
    if (part.type === 'file') {
      if (!(fileFields as readonly string[]).includes(name)) {
        part.file.resume();
        throw new DomainError('invalid-input', `unexpected file field '${name}'`, [
          { where: name, reason: `files go in ${fileFields.join(', ')}` },
        ]);
      }
      const field = name as (typeof fileFields)[number];
      files[field].push(
        await folder.save(part.file, part.filename, field === 'mapping' ? 'mapping.json' : 'upload'),
      );
      continue;
    }
    if (part.valueTruncated || name in fields) {
      throw new DomainError('invalid-input', `the form field '${name}' is too long or given twice`, [
        { where: name, reason: 'give each field once, at most 1 MB' },
      ]);
    }
    fields[name] = String(part.value);
  }
  const parsed = importUploadFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    throw new DomainError(
      'invalid-input',
      'invalid import form',
      parsed.error.issues.map((issue) => ({
        where: issue.path.join('.') || 'form',
        reason: issue.message,
      })),
    );
  }
  const [file, ...moreFiles] = files.file;
  if (!file || moreFiles.length > 0 || files.mapping.length > 1) {
    throw new DomainError('invalid-input', 'send one `file` (and at most one `mapping`)', [
      { where: 'file', reason: file ? 'more than one file was sent' : 'no file was sent' },
    ]);
  }
  const form = parsed.data;
  if (form.mapping !== undefined && files.mapping.length > 0) {
    throw new DomainError('invalid-input', 'send the mapping once: as a file or as a field', [
      { where: 'mapping', reason: 'both a mapping file and a mapping field were sent' },
    ]);
  }
  const mapping =
    files.mapping[0] ??
    (form.mapping === undefined ? null : await folder.saveText(form.mapping, 'mapping.json'));
  return {
    folder,
    kind: form.kind,
    entity: form.entity,
    file,
    mapping,
    lookupFiles: files.lookupFiles,
    skipInvalid: form.skipInvalid,
    encoding: form.encoding,
  };
}
