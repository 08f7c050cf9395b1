import { DomainError } from '../../core/domain-error.js';

/** Reject files larger than this, all together, are not kept with the job (the summary says so). */
export const maxKeptRejectBytes = 50 * 2 ** 20;

export type RejectFile = { name: string; bytes: Buffer };

/**
 * How a job's reject files are kept in its `rejects_csv` column: JSON `{ "files": [{ "name",
 * "base64" }] }`. They are the rejected records byte for byte as uploaded, which a text column could
 * not hold as such (a Windows-1252 file is not UTF-8; NUL bytes are kept), and a Salesforce export
 * gives one per object file.
 */
export function encodeRejectFiles(files: readonly RejectFile[]): string | null {
  if (files.length === 0) return null;
  return JSON.stringify({ files: files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })) });
}

export function decodeRejectFiles(text: string | null): RejectFile[] {
  if (text === null) return [];
  const parsed = JSON.parse(text) as { files?: { name: string; base64: string }[] };
  return (parsed.files ?? []).map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
}

export function findRejectFile(files: readonly RejectFile[], name: string): RejectFile {
  const file = files.find((f) => f.name === name);
  if (!file) {
    throw new DomainError('not-found', `this import kept no rejected records of ${name}`, [
      {
        where: 'file',
        value: name,
        reason: `its reject files: ${files.map((f) => f.name).join(', ') || 'none'}`,
      },
    ]);
  }
  return file;
}
