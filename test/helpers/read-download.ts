import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import Papa from 'papaparse';

/**
 * The rows of a CSV download, header first. Throws when the file is not as every export writes
 * it: a byte-order mark first (Excel reads UTF-8 by it), CRLF line ends, and no parse errors.
 */
export function readCsvDownload(body: string): string[][] {
  if (!body.startsWith('\uFEFF')) throw new Error('the CSV download does not start with a byte-order mark');
  if (!body.endsWith('\r\n')) throw new Error('the CSV download does not end with CRLF');
  const parsed = Papa.parse<string[]>(body.slice(1), { skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new Error(`the CSV download does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

/** The named worksheet of an XLSX download; throws when the workbook has no such sheet. */
export async function readXlsxDownload(
  response: LightMyRequestResponse,
  sheetName: string,
): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`the XLSX download has no sheet named ${sheetName}`);
  return sheet;
}
