import { readFile } from 'node:fs/promises';
import {
  checkMapping,
  mappingFileSchema,
  type MappedEntity,
  type MappingFile,
} from '../../core/import/mapping/mapping-file.js';
import { DomainError } from '../../core/domain-error.js';

/** Reads and checks a mapping file; every problem in it is reported at once, by where it is. */
export async function readMappingFile(path: string, entity: MappedEntity): Promise<MappingFile> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new DomainError('invalid-input', `cannot read the mapping file ${path}`, [
      { where: path, reason: error instanceof Error ? error.message : String(error) },
    ]);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainError('invalid-input', `the mapping file ${path} is not JSON`, [
      { where: path, reason: error instanceof Error ? error.message : String(error) },
    ]);
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'invalid-input',
      `the mapping file ${path} is not valid`,
      parsed.error.issues.map((issue) => ({
        where: `${path}: ${issue.path.join('.') || '(top)'}`,
        reason: issue.message,
      })),
    );
  }
  const problems = checkMapping(entity, parsed.data);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid-input',
      `the mapping file ${path} does not fit ${entity}`,
      problems.map((reason) => ({ where: path, reason })),
    );
  }
  return parsed.data;
}
