import { describe, expect, it } from 'vitest';
import { createCsvChunkParser, type CsvRecord } from './csv-chunk-parser.js';

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Parses a text fed in pieces cut at the given positions. */
function parseInPieces(text: string, cuts: number[], firstByte = 0): CsvRecord[] {
  const parser = createCsvChunkParser({ byteLength: utf8Length, firstByte });
  const records: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  return [...records, ...parser.end()];
}

const sample =
  'Id,Notes,Amount\r\n' +
  '1,"<p>Line one</p>\r\n<b>Line ""two""</b>",10\r\n' +
  '\r\n' +
  '2,Caf\u00e9 \u0000M\u00fcller,20\r\n' +
  '3,"a,b",30';

describe('createCsvChunkParser', () => {
  it('gives each record its starting line, its exact byte range, and its values', () => {
    const records = parseInPieces(sample, []);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(records[1]?.fields).toEqual(['1', '<p>Line one</p>\r\n<b>Line "two"</b>', '10']);
    expect(records[2]?.fields).toEqual(['2', 'Caf\u00e9 M\u00fcller', '20']);
    expect(records[3]?.fields).toEqual(['3', 'a,b', '30']);
    const bytes = new TextEncoder().encode(sample);
    const text = (r: CsvRecord) => new TextDecoder().decode(bytes.slice(r.byteStart, r.byteEnd));
    expect(text(records[1]!)).toBe('1,"<p>Line one</p>\r\n<b>Line ""two""</b>",10\r\n');
    expect(text(records[2]!)).toBe('2,Caf\u00e9 \u0000M\u00fcller,20\r\n');
    expect(text(records[3]!)).toBe('3,"a,b",30');
  });

  it('gives the same records wherever the chunks are cut', () => {
    const whole = parseInPieces(sample, []);
    for (let cut = 1; cut < sample.length; cut += 1) {
      expect(parseInPieces(sample, [cut])).toEqual(whole);
    }
    expect(
      parseInPieces(
        sample,
        Array.from({ length: sample.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(whole);
  });

  it('starts counting bytes after a byte-order mark', () => {
    const records = parseInPieces('A\nx\n', [], 3);
    expect(records.map((r) => [r.byteStart, r.byteEnd])).toEqual([
      [3, 5],
      [5, 7],
    ]);
  });

  it('reports a quote left open at the end of the file as a problem of that record', () => {
    const records = parseInPieces('A,B\n1,"never closed\n2,x\n', []);
    expect(records).toHaveLength(2);
    expect(records[1]?.line).toBe(2);
    expect(records[1]?.problem).toBe('quoted field unterminated');
  });

  it('refuses a record that grows past the size limit instead of swallowing the file', () => {
    const parser = createCsvChunkParser({ byteLength: utf8Length, firstByte: 0, maxRecordChars: 50 });
    parser.push('A,B\n');
    expect(() => parser.push(`1,"${'x'.repeat(60)}`)).toThrow(/longer than 50 characters/);
  });
});
