import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../core/domain-error.js';

/** A file of an upload, saved to the upload's folder. */
export type SavedUpload = {
  /** The name the client gave, for display. */
  originalName: string;
  /** The name on disk: the client's name cut down to safe characters. */
  name: string;
  path: string;
  bytes: number;
};

/** The upload passed its size limit; the route answers 413. */
export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the upload is larger than the limit of ${formatMegabytes(limitBytes)}`);
    this.name = 'UploadTooLargeError';
  }
}

/**
 * The temporary folder (under the system's temp folder) an upload is written to, because the
 * imports read files by path, each more than once. It counts the bytes of all files together
 * against one limit while they stream in, so an oversize upload stops at the limit instead of
 * filling the disk, and it is removed when the import ends.
 */
export class UploadFolder {
  private used = 0;

  private constructor(
    readonly path: string,
    private readonly limitBytes: number,
  ) {}

  static async create(limitBytes: number): Promise<UploadFolder> {
    return new UploadFolder(await mkdtemp(join(tmpdir(), 'candor-upload-')), limitBytes);
  }

  async save(stream: Readable, originalName: string, fallbackName: string): Promise<SavedUpload> {
    const name = safeFileName(originalName, fallbackName);
    const path = join(this.path, name);
    let bytes = 0;
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        bytes += chunk.length;
        this.used += chunk.length;
        if (this.used > this.limitBytes) done(new UploadTooLargeError(this.limitBytes));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(stream, counter, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      stream.resume(); // drain the part, so the rest of the form can still be read
      throw new DomainError('invalid-input', `two files of the upload are named ${name}`, [
        { where: originalName, reason: 'give each file of an upload its own name' },
      ]);
    }
    return { originalName, name, path, bytes };
  }

  /** Writes a small text (a mapping sent as a form field) as a file of the upload. */
  async saveText(text: string, name: string): Promise<SavedUpload> {
    return this.save(Readable.from([Buffer.from(text, 'utf8')]), name, name);
  }

  /** Removes the folder and everything in it (the import's own temporary files included). */
  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }

  /** Takes the folder's path out of a message, so that a problem never shows server paths. */
  hidePath(text: string): string {
    return text.replaceAll(`${this.path}/`, '').replaceAll(this.path, 'upload');
  }
}

/**
 * The client's file name, cut down to letters, digits, `.`, `-`, `_`, spaces and parentheses, with
 * no path: a name such as `../../etc/passwd` cannot leave the folder. Import reports and reject
 * files name files by it, so it stays close to what the client sent.
 */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\- ()]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  return cleaned === '' ? fallback : cleaned;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Number(megabytes.toFixed(1))} MB` : `${bytes} bytes`;
}
