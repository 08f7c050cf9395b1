import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { createCsvChunkParser, type CsvRecord } from '../../core/import/csv-chunk-parser.js';
import { createCsvHeader, type CsvHeader, type CsvRow } from '../../core/import/csv-row.js';
import { bomLength, createEncodingSniffer } from '../../core/import/encoding-sniffer.js';
import { DomainError } from '../../core/domain-error.js';

/** A file an import reads: where it is, what it holds (its digest) and how its text is encoded. */
export type ImportFile = {
  /** The name reports use (the file name, or its path inside a zip). */
  name: string;
  path: string;
  size: number;
  sha256: string;
  encoding: string;
  bomBytes: number;
  /** The character between values when it is not a comma (a mapping's `delimiter`). */
  delimiter?: string;
  /** Column names for a file without a header line (a mapping's `columns`): every record is data. */
  columns?: readonly string[];
};

const chunkBytes = 1 << 20;

/**
 * First pass over a file: its SHA-256 (recorded with the batch) and its encoding, detected unless
 * given (`--encoding`). Streams, so the file is never held whole.
 */
export async function digestImportFile(path: string, name: string, encoding?: string): Promise<ImportFile> {
  const given = encoding ? normaliseEncoding(encoding) : null;
  const hash = createHash('sha256');
  const sniffer = createEncodingSniffer();
  let head: Uint8Array | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const bytes = chunk as Buffer;
    head ??= bytes.subarray(0, 4);
    hash.update(bytes);
    if (!given) sniffer.push(bytes);
  }
  const sniffed = given
    ? { encoding: given, bomBytes: bomLength(given, head ?? new Uint8Array()) }
    : sniffer.finish();
  return { name, path, size: (await stat(path)).size, sha256: hash.digest('hex'), ...sniffed };
}

/** An encoding name as iconv-lite knows it; an unknown one is refused with the flag's name. */
export function normaliseEncoding(encoding: string): string {
  const name = encoding.trim().toLowerCase();
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  if (['cp1252', 'windows1252', 'windows-1252', 'win1252'].includes(name)) return 'windows-1252';
  if (!iconv.encodingExists(name)) {
    throw new DomainError('invalid-input', `unknown encoding '${encoding}'`, [
      {
        where: '--encoding',
        value: encoding,
        reason: 'expected an encoding such as utf-8, windows-1252 or latin1',
      },
    ]);
  }
  return name;
}

/** A file's header and its data rows, read as they stream past. */
export type CsvTable = { header: CsvHeader | null; rows: AsyncIterable<CsvRow> };

/**
 * Second pass: decodes and parses the file record by record (see createCsvChunkParser). The header
 * is the first record; `onBytes` hears how many bytes each chunk held (for a progress bar).
 */
export async function openCsvTable(file: ImportFile, onBytes?: (bytes: number) => void): Promise<CsvTable> {
  const records = readCsvRecords(file, onBytes);
  const first = await records.next();
  if (first.done) return { header: null, rows: (async function* () {})() };
  const header = file.columns
    ? // A headerless file: its header is the mapping's column list and takes no bytes of the file.
      createCsvHeader(file.name, {
        line: 0,
        fields: [...file.columns],
        byteStart: file.bomBytes,
        byteEnd: file.bomBytes,
        problem: null,
      })
    : createCsvHeader(file.name, first.value);
  return {
    header,
    rows: (async function* () {
      if (file.columns) yield Object.assign(first.value, { header });
      // The header is set on each record in place: a copy per row costs more than the parse.
      for await (const record of records) yield Object.assign(record, { header });
    })(),
  };
}

async function* readCsvRecords(
  file: ImportFile,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvRecord> {
  const decoder = createDecoder(file.encoding);
  const parser = createCsvChunkParser({
    byteLength: byteLengthOf(file.encoding),
    firstByte: file.bomBytes,
    delimiter: file.delimiter,
  });
  for await (const chunk of createReadStream(file.path, { highWaterMark: chunkBytes })) {
    const bytes = chunk as Buffer;
    onBytes?.(bytes.length);
    yield* parser.push(decoder.write(bytes));
  }
  yield* parser.push(decoder.end());
  yield* parser.end();
}

type Decoder = { write: (bytes: Buffer) => string; end: () => string };

function createDecoder(encoding: string): Decoder {
  if (encoding === 'utf-8') {
    // Strips a leading BOM; anything invalid (only with --encoding utf-8 forced) becomes U+FFFD.
    const decoder = new TextDecoder('utf-8');
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

/** Bytes a piece of decoded text took in the file, so that records keep their exact byte ranges. */
function byteLengthOf(encoding: string): (text: string) => number {
  if (encoding === 'utf-8') return (text) => Buffer.byteLength(text, 'utf8');
  if (/^utf-?16/.test(encoding)) return (text) => text.length * 2;
  if (iconv.encode('\u00e9', encoding).length === 1 && iconv.encode('a', encoding).length === 1) {
    // Windows-1252, Latin-1 and the other single-byte code pages: one character, one byte.
    return (text) => text.length;
  }
  return (text) => iconv.encode(text, encoding).length;
}
