import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
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

/** A zip would unpack to more than its limit; the route answers 413. */
export class UnpackedTooLargeError extends Error {
  constructor(
    readonly fileName: string,
    readonly unpackedBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `${fileName} unpacks to ${formatMegabytes(unpackedBytes)} of files to import, more than the limit of ` +
        `${formatMegabytes(limitBytes)}: export fewer objects or a shorter period, or import the folder with the candor CLI`,
    );
    this.name = 'UnpackedTooLargeError';
  }
}

/**
 * Refuses a zip whose entries to unpack (those `unpacks` picks by name) would together be larger
 * than `limitBytes`, before anything is unpacked: a small upload can hold gigabytes of highly
 * compressible text (a "zip bomb") that would fill the disk. The sizes are those the zip's
 * directory declares; they cannot lie, because the unpacker (yauzl, validating entry sizes by
 * default) fails an entry whose data runs past its declared size. A file that is no readable zip
 * passes here: the import's own checks say what is wrong with it.
 */
export async function refuseOversizeZip(
  file: SavedUpload,
  options: { limitBytes: number; unpacks: (entryName: string) => boolean },
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file.path, { lazyEntries: true, autoClose: false });
  } catch {
    return;
  }
  let unpackedBytes = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('/') && options.unpacks(entry.fileName)) {
        unpackedBytes += entry.uncompressedSize;
      }
    }
  } catch {
    return; // a damaged directory: the import reports it
  } finally {
    zip.close();
  }
  if (unpackedBytes > options.limitBytes) {
    throw new UnpackedTooLargeError(file.originalName, unpackedBytes, options.limitBytes);
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

  /** A new folder `candor-upload-…` inside `parent` (the system's temp folder by default). */
  static async create(limitBytes: number, parent: string = tmpdir()): Promise<UploadFolder> {
    return new UploadFolder(await mkdtemp(join(parent, 'candor-upload-')), limitBytes);
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
