import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestImportFile, openCsvTable } from './import-file.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-import-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, bytes: number[] | string): string {
  const path = join(folder, name);
  writeFileSync(path, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes));
  return path;
}

async function firstValues(
  path: string,
  encoding?: string,
): Promise<{ encoding: string; values: string[][] }> {
  const digest = await digestImportFile(path, 'f.csv', encoding);
  const table = await openCsvTable(digest);
  const values: string[][] = [];
  for await (const row of table.rows) values.push(row.fields);
  return { encoding: digest.encoding, values };
}

describe('import files', () => {
  // "Name\r\nCafé – Müller\r\n" as Excel on Windows writes it.
  const cp1252 = [
    0x4e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x4d, 0xfc, 0x6c, 0x6c,
    0x65, 0x72, 0x0d, 0x0a,
  ];

  it('reads Windows-1252 bytes as such when they are not UTF-8', async () => {
    expect(await firstValues(file('a.csv', cp1252))).toEqual({
      encoding: 'windows-1252',
      values: [['Café – Müller']],
    });
  });

  it('reads UTF-8, with or without a byte-order mark', async () => {
    expect(await firstValues(file('b.csv', 'Name\nZoë\n'))).toEqual({ encoding: 'utf-8', values: [['Zoë']] });
    const withBom = await digestImportFile(
      file('c.csv', [0xef, 0xbb, 0xbf, ...Buffer.from('Name\nZoë\n')]),
      'c.csv',
    );
    expect([withBom.encoding, withBom.bomBytes]).toEqual(['utf-8', 3]);
    expect((await firstValues(withBom.path)).values).toEqual([['Zoë']]);
  });

  it('takes the encoding it is told, and refuses one it does not know', async () => {
    expect(await firstValues(file('d.csv', 'Name\nZoë\n'), 'latin1')).toEqual({
      encoding: 'latin1',
      values: [['ZoÃ«']],
    });
    await expect(digestImportFile(file('e.csv', 'x'), 'e.csv', 'klingon')).rejects.toThrow(
      "unknown encoding 'klingon'",
    );
  });

  it('records the SHA-256 of the bytes', async () => {
    const digest = await digestImportFile(file('f.csv', 'abc'), 'f.csv');
    expect(digest.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digest.size).toBe(3);
  });
});
