import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../test/helpers/write-zip.js';
import { refuseOversizeZip, UnpackedTooLargeError, UploadFolder, type SavedUpload } from './upload-folder.js';

describe('refusing a zip that unpacks to too much', () => {
  let folder: UploadFolder;
  beforeAll(async () => {
    folder = await UploadFolder.create(1_000_000);
  });
  afterAll(async () => {
    await folder.remove();
  });

  const saved = (name: string, bytes: Buffer): SavedUpload => {
    const path = join(folder.path, name);
    writeFileSync(path, bytes);
    return { originalName: name, name, path, bytes: bytes.length };
  };
  const csvOnly = { unpacks: (entry: string) => entry.endsWith('.csv') };
  // 60,000 + 30,000 bytes of CSV that deflate to a few hundred bytes, and 500,000 bytes of something else.
  const zip = writeZip([
    { name: 'export/Opportunity.csv', content: 'Id,Name\r\n'.padEnd(60_000, 'a') },
    { name: 'export/User.csv', content: 'b'.repeat(30_000) },
    { name: 'export/Attachments/scan.pdf', content: Buffer.alloc(500_000, 7) },
    { name: 'export/empty-folder/', content: '' },
  ]);

  it('counts only the entries that would be unpacked, by their declared sizes', async () => {
    const file = saved('export.zip', zip);
    expect(zip.length).toBeLessThan(3_000);
    await expect(refuseOversizeZip(file, { ...csvOnly, limitBytes: 90_000 })).resolves.toBeUndefined();
    const refused = await refuseOversizeZip(file, { ...csvOnly, limitBytes: 89_999 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(UnpackedTooLargeError);
    expect((refused as Error).message).toBe(
      'export.zip unpacks to 90000 bytes of files to import, more than the limit of 89999 bytes: ' +
        'export fewer objects or a shorter period, or import the folder with the candor CLI',
    );
  });

  it('names sizes in megabytes once they reach one', async () => {
    const big = saved('big.zip', writeZip([{ name: 'Task.csv', content: 'c'.repeat(3 * 2 ** 20) }]));
    await expect(refuseOversizeZip(big, { ...csvOnly, limitBytes: 2 ** 20 })).rejects.toThrow(
      /^big\.zip unpacks to 3 MB of files to import, more than the limit of 1 MB:/,
    );
  });

  it('lets a file that is no readable zip through, for the import to explain', async () => {
    const notZip = saved('not.zip', Buffer.from('Id,Name\r\n'));
    await expect(refuseOversizeZip(notZip, { ...csvOnly, limitBytes: 1 })).resolves.toBeUndefined();
  });
});
