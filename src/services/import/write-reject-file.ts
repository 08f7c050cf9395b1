import { open } from 'node:fs/promises';
import type { CsvHeader } from '../../core/import/csv-row.js';
import type { ImportFile } from './import-file.js';

export type ByteRange = { byteStart: number; byteEnd: number };

/**
 * Writes the rejected records of a file, untouched: the byte-order mark and header line as the
 * file has them, then each rejected record's own bytes (multi-line values, NUL bytes and the
 * original encoding included), in file order. The rejects can be fixed and imported again.
 */
export async function writeRejectFile(
  file: ImportFile,
  header: Pick<CsvHeader, 'byteStart' | 'byteEnd'>,
  records: readonly ByteRange[],
  target: string,
): Promise<void> {
  const source = await open(file.path, 'r');
  const out = await open(target, 'w');
  try {
    if (file.bomBytes > 0) {
      const bom = Buffer.alloc(file.bomBytes);
      await source.read(bom, 0, file.bomBytes, 0);
      await out.write(bom);
    }
    const ranges = [header, ...[...records].sort((a, b) => a.byteStart - b.byteStart)];
    for (const [position, range] of ranges.entries()) {
      const length = range.byteEnd - range.byteStart;
      if (length <= 0) continue;
      const buffer = Buffer.alloc(length);
      await source.read(buffer, 0, length, range.byteStart);
      await out.write(buffer);
      // The file's last record may lack a line break; one more record must not run into it.
      const last = buffer[length - 1];
      if (position < ranges.length - 1 && last !== 0x0a && last !== 0x0d) await out.write('\n');
    }
  } finally {
    await source.close();
    await out.close();
  }
}
