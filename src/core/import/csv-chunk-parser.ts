import Papa from 'papaparse';
import { DomainError } from '../domain-error.js';

/** One CSV record as it sits in its file. */
export type CsvRecord = {
  /** Physical line (1-based) where the record starts; a quoted multi-line value spans several. */
  line: number;
  /** Values as written, NUL characters removed (PostgreSQL text cannot hold them). */
  fields: string[];
  /** Byte range of the record in the file, newline included: a reject file copies exactly these bytes. */
  byteStart: number;
  byteEnd: number;
  /** A CSV syntax problem in this record (an unclosed or malformed quote), else null. */
  problem: string | null;
};

export type CsvChunkParserOptions = {
  /** How many bytes a piece of decoded text took in the file (depends on the encoding). */
  byteLength: (text: string) => number;
  /** Byte offset of the first character: the length of the byte-order mark, if any. */
  firstByte: number;
  /**
   * Largest record accepted, in characters. A quote left open would otherwise make the rest of the
   * file one record, re-scanned on every chunk.
   */
  maxRecordChars?: number;
  /** The character between values: `,` (default), `\t` for tab-separated files, `;`. */
  delimiter?: string;
};

export type CsvChunkParser = {
  /** Feeds decoded text; returns the records it completed. */
  push: (text: string) => CsvRecord[];
  /** Ends the input; returns the last record, if the file does not end with a newline. */
  end: () => CsvRecord[];
};

const defaultMaxRecordChars = 16 * 1024 * 1024;

/**
 * Splits decoded CSV text into records, chunk by chunk, with papaparse's own parser: the same
 * aggregate-and-reparse-the-partial-record scheme as papaparse's streaming mode, but synchronous
 * per chunk, so the caller can await between chunks (backpressure) and so each record comes with
 * the physical line it starts on and its exact byte range. Blank lines are skipped.
 */
export function createCsvChunkParser(options: CsvChunkParserOptions): CsvChunkParser {
  const maxRecordChars = options.maxRecordChars ?? defaultMaxRecordChars;
  let pending = '';
  let line = 1;
  let byte = options.firstByte;
  let newline: '\r\n' | '\n' | '\r' | null = null;

  const parse = (final: boolean): CsvRecord[] => {
    newline ??= detectNewline(pending, final);
    if (newline === null) return [];
    const lineBreak = newline === '\r' ? '\r' : '\n';
    const records: CsvRecord[] = [];
    let start = 0;
    const parser = new Papa.Parser({
      delimiter: options.delimiter ?? ',',
      newline,
      step: (result: Papa.ParseStepResult<string[]>) => {
        const end = result.meta.cursor;
        const raw = pending.slice(start, end);
        const fields = (result.data as unknown as string[][])[0] ?? [];
        const recordLine = line;
        const recordByte = byte;
        line += countOf(raw, lineBreak);
        byte += options.byteLength(raw);
        start = end;
        if (fields.length === 1 && fields[0] === '') return;
        const problem = result.errors[0]?.message ?? null;
        records.push({
          line: recordLine,
          fields: fields.map(stripNul),
          byteStart: recordByte,
          byteEnd: byte,
          problem: problem === null ? null : problem.toLowerCase(),
        });
      },
    });
    parser.parse(pending, 0, !final);
    pending = pending.slice(start);
    if (!final && pending.length > maxRecordChars) {
      throw new DomainError(
        'invalid-input',
        `a record starting on line ${line} is longer than ${maxRecordChars} characters`,
        [{ line, reason: 'a quoted value is probably not closed: check the quotes on that line' }],
      );
    }
    return records;
  };

  return {
    push: (text) => {
      pending += text;
      return parse(false);
    },
    end: () => (pending === '' ? [] : parse(true)),
  };
}

/** The file's line break, from its first one; null while none has been seen and more may come. */
function detectNewline(text: string, final: boolean): '\r\n' | '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  const cr = text.indexOf('\r');
  if (cr >= 0 && cr < text.length - 1) return '\r';
  return final ? '\n' : null;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}

function stripNul(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}
